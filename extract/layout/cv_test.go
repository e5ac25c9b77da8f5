package layout

import (
	"testing"

	"github.com/medchron/medchron/extract"
)

// TestCurriculumVitaePage: a physician's curriculum vitae attached to the
// records (the surgeon will testify to them) records no care: its dates
// are of training, certification, licences, appointments and talks. It is
// an administrative page, born-digital or scanned, and so is its second
// page. A narrative report whose author states his qualifications stays a
// clinical page.
func TestCurriculumVitaePage(t *testing.T) {
	cv := "ANITA R. DESAI, MD\nCurriculum Vitae\n1200 Lakeshore Blvd, Suite 300, Toledo, OH   Tel (419) 555-0142\n" +
		"Revised 03/02/2024\n" +
		"EDUCATION\n" +
		"1996            B.A., Chemistry, Oberlin College\n" +
		"2000            M.D., Case Western Reserve University School of Medicine\n" +
		"POSTGRADUATE TRAINING\n" +
		"07/2000 - 06/2001   Internship, General Surgery, MetroHealth Medical Center\n" +
		"07/2001 - 06/2005   Residency, Orthopaedic Surgery, University Hospitals\n" +
		"Aug 2005 - Jul 2006 Fellowship, Hand and Upper Extremity\n" +
		"BOARD CERTIFICATION\n" +
		"July 14, 2008   Diplomate, American Board of Orthopaedic Surgery; recertified 2018\n" +
		"LICENSURE\n" +
		"Ohio medical license 35.081234, expires 01/31/2026\n" +
		"HOSPITAL APPOINTMENTS\n" +
		"09/2006 - present   Attending Surgeon, St. Anne Hospital\n" +
		"PROFESSIONAL MEMBERSHIPS\n" +
		"2007 - present   American Society for Surgery of the Hand\n"
	if got := Analyze(pagesOf(cv)).Pages[0].Class; got != extract.PageAdmin {
		t.Errorf("curriculum vitae: class %q, want %q", got, extract.PageAdmin)
	}
	ocr := Analyze([]extract.Page{{DocumentID: "d", Number: 1, Source: extract.SourceOCR, Text: cv}})
	if got := ocr.Pages[0].Class; got != extract.PageAdmin {
		t.Errorf("scanned curriculum vitae: class %q, want %q", got, extract.PageAdmin)
	}
	second := "Anita R. Desai, MD - Curriculum Vitae, page 2\n" +
		"SELECTED PUBLICATIONS\n" +
		"2011   Desai AR, et al. Distal radius fractures in older drivers. J Hand Surg. 2011;36(4):612-618.\n" +
		"04/12/2015   Presented: \"Scaphoid nonunion\" at the ASSH Annual Meeting\n" +
		"PRESENTATIONS\n" +
		"Nov 3, 2019   Invited lecture, Ohio Orthopaedic Society\n" +
		"MEDICOLEGAL\n" +
		"Independent medical examinations since 2010; deposition or trial testimony about ten times a year.\n"
	two := Analyze(pagesOf(cv, second))
	if got := two.Pages[1].Class; got != extract.PageAdmin {
		t.Errorf("curriculum vitae, page 2: class %q, want %q", got, extract.PageAdmin)
	}
	report := "Lakeside Orthopaedics\n1200 Lakeshore Blvd, Toledo, OH\nNARRATIVE REPORT\n" +
		"Date of service: 03/04/2024\n" +
		"I am a board certified orthopaedic surgeon; I completed my residency and a fellowship in hand surgery.\n" +
		"HISTORY OF PRESENT ILLNESS\nThe patient was the restrained driver in a collision on 01/12/2024 and reports wrist pain.\n" +
		"PHYSICAL EXAMINATION\nTenderness over the anatomic snuffbox. Grip strength reduced.\n" +
		"ASSESSMENT\nS62.001A Fracture of navicular bone of right wrist.\n" +
		"PLAN\nThumb spica cast, follow-up in 2 weeks.\n"
	if got := Analyze(pagesOf(report)).Pages[0].Class; got != extract.PageClinical {
		t.Errorf("narrative report stating the author's training: class %q, want %q", got, extract.PageClinical)
	}
}
