package rules

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/medchron/medchron/extract"
	"github.com/medchron/medchron/icd10"
)

// TestCodeBookCMS loads the shared CMS order file (CSV form) and checks
// that the extractor then drops unknown codes and fills descriptions.
func TestCodeBookCMS(t *testing.T) {
	path := filepath.Join(sharedData(t, "codes", "icd10cm"), "icd10cm_fy2022_order_cdc.csv")
	book, err := icd10.LoadOrderFilePath(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	page := "Date of Service: 01/02/2024\nASSESSMENT:\n1. S13.4XXA\n2. M54.2 Cervicalgia\n3. Q99.99X bogus\nICD-10: A12.9Z9 not a code"
	pages := pagesOf([]string{page})
	res, err := New(Options{Codes: book}).Extract(context.Background(), extract.Document{ID: "doc1"}, pages)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Encounters) != 1 {
		t.Fatalf("%d encounters", len(res.Encounters))
	}
	dx := res.Encounters[0].Diagnoses
	if len(dx) != 2 || dx[0].Code != "S13.4XXA" || !strings.HasPrefix(dx[0].Description, "Sprain of ligaments") || dx[1].Description != "Cervicalgia" {
		t.Errorf("diagnoses %+v", dx)
	}
}
