package rules

import (
	"context"
	"strings"
	"testing"

	"github.com/medchron/medchron/extract"
)

// TestZReadAsTwo: OCR of a fax reads the Z of a factor-influencing-health
// code as a 2 ("279.891" for Z79.891, long-term drug therapy). No ICD-9
// code has three digits after its point, and no ICD-10 code opens with
// one: under a diagnosis label that shape is the Z code.
func TestZReadAsTwo(t *testing.T) {
	page := `Summit Toxicology Laboratory                                Definitive Drug Testing - Final Report
4083 Pioneer Way, Lexington, KY 40503

Patient: DOE, JANE                                  Specimen ID: TX2756
Ordering physician: Ann Lee, DO                     Client: Lakeside Spine & Pain
Collected: 01/26/2024 08:44                         Received: 01/27/2024 14:06
Diagnosis codes: 279.891, M54.12
Interpretation:       CONSISTENT with prescribed medications.
Drug class            Analyte                 Cutoff (ng/mL)      Result          Flag
Tramadol              Tramadol                100                 3,400           CONSISTENT
Specific gravity      1.022                   1.003-1.030
`
	res, err := New(Options{}).Extract(context.Background(), extract.Document{ID: "doc1", File: "t.pdf", Pages: 1}, pagesOf([]string{page}))
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Encounters) != 1 {
		t.Fatalf("%d encounters, want 1", len(res.Encounters))
	}
	if got, want := strings.Join(dxCodes(res.Encounters[0]), " "), "Z79.891 M54.12"; got != want {
		t.Errorf("diagnoses %q, want %q", got, want)
	}
	assertGrounded(t, "z as two", pagesOf([]string{page}), res)
}
