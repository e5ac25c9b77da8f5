package layout

import (
	"testing"

	"github.com/medchron/medchron/extract"
)

// TestNecessityLetter: a physician's letter of medical necessity to a
// payer's reviewer tells the care so far with its dates and asks for care
// to come: it records no visit (class other), however many clinical words
// and imaging studies it cites, also in sentences that read as labels of
// a date of service ("was performed on 2/2/24"). A consultation letter to the referring
// physician that calls its plan medically necessary is still a note.
func TestNecessityLetter(t *testing.T) {
	letter := `                    NORTHGATE SPINE & ORTHOPEDICS
                    210 Elm Street, Dayton, OH 45402
                    Phone (937) 555-0140   Fax (937) 555-0141

March 22, 2024
Keystone Health Alliance
Attn: Medical Review Unit
RE: Jane Doe   DOB: 05/20/1986
Claim no. 55-1029384   Date of loss: January 9, 2024
Statement of Medical Necessity

To the reviewer:
HISTORY:
Ms. Doe was injured in a rear-end collision on January 9, 2024 and was treated that day in the emergency department
of Mercy San Juan Medical Center. Imaging (xr lumbar spine 2 views) was performed on 1/9/24. Imaging (mri
lumbar spine without contrast) was performed on 2/2/24. I first evaluated her in this office on January 16, 2024
and saw her again on February 13, 2024 and March 12, 2024. She attended ten physical therapy visits with partial
improvement.
FINDINGS:
At the visit of March 12, 2024 she had lumbar paraspinal spasm, a positive straight leg raise on the left
and pain of 6/10 limiting sitting and driving.
REQUEST:
I request authorization of a lumbar epidural steroid injection (CPT 62323). The treatment is reasonable and
necessary and related to the collision.
Sincerely,

Omar Fields, MD
`
	if got := Analyze(pagesOf(letter)).Pages[0].Class; got != extract.PageOther {
		t.Errorf("letter of medical necessity: class %q, want %q", got, extract.PageOther)
	}
	consult := `                    NORTHGATE SPINE & ORTHOPEDICS
                    210 Elm Street, Dayton, OH 45402

March 22, 2024
Ann Lee, FNP-C
Westbrook Family Medicine
RE: Jane Doe   DOB: 05/20/1986

Dear Ms. Lee,
Thank you for referring Ms. Doe, whom I saw in consultation today for low back pain after a collision on
January 9, 2024. She reports pain of 6/10 radiating to the left leg.
EXAMINATION: Lumbar paraspinal spasm, positive straight leg raise on the left.
ASSESSMENT: Lumbar radiculopathy (M54.16).
PLAN: A lumbar epidural steroid injection is medically necessary; we will request authorization from her
plan and see her back in two weeks.
Sincerely,
Omar Fields, MD
`
	if got := Analyze(pagesOf(consult)).Pages[0].Class; got != extract.PageClinical {
		t.Errorf("consultation letter: class %q, want %q", got, extract.PageClinical)
	}
}
