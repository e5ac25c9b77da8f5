package rules

import (
	"strings"
	"testing"
)

// TestStampTableDatesByPerformed: a radiology system prints a study's
// timestamps in a row under captions ("Study  Acc #  Requested  Done
// Signed", "Exam  Ordered  Performed  Dictated"): the study was ordered
// days before and read after it was done, perhaps the next day. Only the
// stamp under the caption of when it was done dates the visit, whatever
// the order of the columns, also when the study's name wraps onto a line
// of its own above its stamps, or OCR shifts the row's stamps from under
// their captions, strews a speck between them or misreads a caption's
// letters ("Perfonned").
func TestStampTableDatesByPerformed(t *testing.T) {
	pages := []struct{ name, text, want string }{
		{"ordered first", `Lakeside Imaging Associates
Interpretation for Mercy Medical Center
DIAGNOSTIC IMAGING REPORT
Patient: Roe, Jane                            DOB: 03/04/1981
MRN: 5521907                                  Referring: Paul Grant, MD
Study                         Acc #        Ordered            Performed           Read
MRI LUMBAR SPINE W/O          7731920      04/02/2024 0915    04/09/2024 1340     04/10/2024 0805
HISTORY: Low back pain radiating to the left leg.
FINDINGS: L4-5 broad based disc bulge. No canal stenosis.
IMPRESSION: Mild degenerative change at L4-5.
Reading radiologist: Helen Ortiz, MD
`, "2024-04-09"},
		{"done between signed and requested", `Lakeside Imaging Associates
RADIOLOGY REPORT
Patient: Roe, Jane                            DOB: 03/04/1981
Exam                      Signed              Done                Requested
XR KNEE 3 VIEWS LEFT      2024-05-21 0700     2024-05-20 1610     2024-05-16 1122
FINDINGS: No fracture or dislocation. Joint spaces preserved.
IMPRESSION: Normal left knee.
Dictated by: Helen Ortiz, MD
`, "2024-05-20"},
		{"scan", `Lakeside Imaging Associates
RADIOLOGY REPORT
Patient: Roe, Jane               DOB: 03/04/1981
Exam    .          Accession    Ordered        Performed      Read
CT CERVICAL SPINE 7731921    06/03/2024 0820 | 06/07/2024 1115  06/08/2024 0730
FINDINGS: No acute fracture. Straightened lordosis.
IMPRESSION: No acute osseous abnormality.
Interpreted by: Helen Ortiz, MD
`, "2024-06-07"},
		{"name wrapped", `Lakeside Imaging Associates
Interpretation for Mercy Medical Center
FINAL REPORT
Patient: Roe, Jane                            DOB: 03/04/1981
Procedure                         Acc #        Ordered            Performed           Read
US RIGHT SHOULDER LIMITED WITH
DOPPLER                           7731922      07/01/2024 1005    07/03/2024 0910     07/03/2024 1230
FINDINGS: Partial thickness supraspinatus tear.
IMPRESSION: Partial thickness tear of the supraspinatus tendon.
Reading radiologist: Helen Ortiz, MD
`, "2024-07-03"},
		{"scan misread", `Lakeside Imaging Associates
RADIOLOGY REPORT
Patient: Roe, Jane               DOB: 03/04/1981
Exam                          Accession    Orderad          Perfonned        Read
MRI THORACIC SPINE WITHOUT7731923     08/02/2024 1410   08/06/2024 0935   08/06/2024 1720
FINDINGS: No compression deformity.
IMPRESSION: Normal thoracic spine.
Interpreted by: Helen Ortiz, MD
`, "2024-08-06"},
	}
	for _, p := range pages {
		res := extractText(t, p.text)
		if strings.HasPrefix(p.name, "scan") {
			res = extractOCR(t, p.text)
		}
		if len(res.Encounters) != 1 {
			t.Errorf("%s: %d encounters, want 1", p.name, len(res.Encounters))
			continue
		}
		if got := res.Encounters[0].Date.String(); got != p.want {
			t.Errorf("%s: dated %s, want %s (the performed stamp)", p.name, got, p.want)
		}
	}
}
