package rules

import (
	"context"
	"testing"

	"github.com/medchron/medchron/extract"
)

// extractTexts runs the extractor on pages given as text.
func extractTexts(t *testing.T, texts ...string) extract.Result {
	t.Helper()
	pages := pagesOf(texts)
	res, err := New(Options{}).Extract(context.Background(), extract.Document{ID: "doc1", File: "r.pdf", Pages: len(pages)}, pages)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// TestStudyOrderedEarlier: a nerve conduction study prints the referring
// physician and the order date beside the study date; the study is one
// visit on its study date, performed by the electromyographer who signs
// it, not by the physician who ordered it.
func TestStudyOrderedEarlier(t *testing.T) {
	res := extractTexts(t, "Riverbend Neurodiagnostics\n400 Lake Rd, Erie, PA 16501\n\n            EMG / NERVE CONDUCTION STUDY REPORT\n"+
		"Patient: DOE, JANE                                   DOB: 1/2/80\n"+
		"Referring physician: Ann Lee, DO                     Order date: 5/18/23\n"+
		"Date of injury: 5/6/23                               Electromyographer: Carl Hess, MD\n"+
		"Study date: 5/26/23                                  Dictated: 5/29/23\n"+
		"Reason for referral: neck pain with numbness of the right thumb.\n"+
		"IMPRESSION:\nNormal study. No electrodiagnostic evidence of cervical radiculopathy.\n"+
		"Electronically signed by Carl Hess, MD on 5/29/23\n")
	if len(res.Encounters) != 1 {
		t.Fatalf("%d encounters, want 1: %+v", len(res.Encounters), res.Encounters)
	}
	if e := res.Encounters[0]; e.Date.String() != "2023-05-26" || e.Clinician != "Carl Hess, MD" {
		t.Errorf("encounter %s by %q, want 2023-05-26 by Carl Hess, MD", e.Date, e.Clinician)
	}
}
