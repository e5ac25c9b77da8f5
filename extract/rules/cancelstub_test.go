package rules

import (
	"context"
	"testing"

	"github.com/medchron/medchron/extract"
)

// TestCancelledSessionStub: session notes printed one under another, where
// the practice writes a dated stub for a session the client cancelled or
// missed ("LATE CANCELLATION - session not held"): the stub is no visit.
// A full note that mentions a missed session in its history is one.
func TestCancelledSessionStub(t *testing.T) {
	page := `Stillwater Massage                                                                                            (661) 555-0147
Medical Massage - Session Notes                                                    Client: OYELARAN, ODESSA DOB: 11/04/1999
Referred by Tamsin Lindholm, DC (Spine Align Chiro Ctr) on 08/16/2024. Date of injury: 08/05/2024.

 Date: 08/26/2024 Time in: 10:30 AM Time out: 11:30 AM Session 1 of 6
 Dx: M54.2, S13.4XXD, M62.838
 S: pain before session 6/10; sore after a long drive.
 O: decreased cervical rotation L; tender scalenes.
 A: pain after session 4/10; tissue response good, rotation improved.
 P: continue 1x/week; next appointment 09/02/2024.
 Techniques: deep tissue, trigger point Pressure: moderate 97124 x 4 units
 Therapist: Rebecca Okonkwo, LMBT, LMT # MA11840 Signed 08/26/2024


 Date: 09/02/2024 Time in: 11:00 AM Time out: 12:00 PM Session 2 of 6
 Dx: M54.2, S13.4XXD, M62.838
 S: pain before session 6/10; no show last week, sore after a long drive.
 O: hypertonic upper trapezius and levator scapulae bilaterally, R>L.
 A: pain after session 4/10; tissue response good, rotation improved.
 P: continue 1x/week; next appointment 09/09/2024.
 Techniques: deep tissue, trigger point Pressure: firm 97124 x 4 units
 Therapist: Rebecca Okonkwo, LMBT, LMT # MA11840 Signed 09/03/2024


 Date: 09/09/2024 4:30 PM
 LATE CANCELLATION - session not held; late fee per policy.


 Date: 09/16/2024 10:00 AM
 No show - client did not come and did not call.




                                                             Page 1 of 3
`
	res, err := New(Options{}).Extract(context.Background(), extract.Document{ID: "doc1", File: "t.pdf", Pages: 1}, pagesOf([]string{page}))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := encounterDates(res), "2024-08-26 2024-09-02"; got != want {
		t.Errorf("visits %s, want %s", got, want)
	}
}
