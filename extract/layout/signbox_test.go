package layout

import (
	"testing"

	"github.com/medchron/medchron/extract"
)

// TestSignatureBoxAfterSpeck: a plan of care's numbered signature box,
// scanned: OCR set a quote before its number ("“16. PHYSICIAN
// SIGNATURE") and lost its rule, or read the rule's end as a bar. The bare "DATE" under it dates the
// signature, no visit.
func TestSignatureBoxAfterSpeck(t *testing.T) {
	for _, box := range []string{"16. PHYSICIAN SIGNATURE ______________________________", "\u201c16. PHYSICIAN SIGNATURE", "'16. PHYSICIAN SIGNATURE", "16. PHYSICIAN SIGNATURE |"} {
		ps := pagesOf("PLAN OF TREATMENT FOR OUTPATIENT REHABILITATION\n7. SOC. DATE 12/18/2023\n" + box + "\n17. DATE 12/26/2023\n18. ON FILE (Print/type physician's name) Anika Mensah, FNP-C\n")
		ps[0].Source = extract.SourceOCR
		d := Analyze(ps)
		if l := d.Lines[3]; l.HasService {
			t.Errorf("under %q: %q labelled a date of service", box, l.Text)
		}
	}
}
