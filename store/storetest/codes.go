package storetest

import (
	"slices"
	"testing"

	"github.com/medchron/medchron/store"
)

// RunCodes runs the conformance suite of the imported ICD-10-CM table on
// a new store open returns: import, count, listing in code order, the code
// book and a second import replacing the first.
func RunCodes(t *testing.T, open func(t *testing.T) store.Codes) {
	s := open(t)
	ctx := t.Context()
	if book, err := s.CodeBook(ctx); err != nil || book != nil {
		t.Fatalf("CodeBook before any import = %v, %v; want nil, nil", book, err)
	}
	n, err := s.ReplaceICD10(ctx, []store.ICD10Code{
		{Code: "S134XXA", Billable: true, Short: "Sprain of ligaments of cervical spine, init", Long: "Sprain of ligaments of cervical spine, initial encounter"},
		{Code: "m54.12", Billable: true, Short: "Radiculopathy, cervical region"},
		{Code: "S13", Short: "Dislocation and sprain of joints and ligaments at neck level", Long: "Dislocation and sprain of joints and ligaments at neck level"},
		{Code: "M5412", Billable: true, Short: "Radiculopathy, cerv", Long: "Radiculopathy, cervical region"}, // repeated: this one wins
		{Code: "  ", Short: "blank, skipped"},
	})
	if err != nil || n != 3 {
		t.Fatalf("ReplaceICD10 = %d, %v; want 3 codes", n, err)
	}
	if c, err := s.ICD10Count(ctx); err != nil || c != 3 {
		t.Errorf("ICD10Count = %d, %v; want 3", c, err)
	}
	codes, err := s.ICD10Codes(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, c := range codes {
		got = append(got, c.Code)
	}
	if want := []string{"M5412", "S13", "S134XXA"}; !slices.Equal(got, want) {
		t.Fatalf("ICD10Codes = %v, want %v in code order", got, want)
	}
	if codes[0] != (store.ICD10Code{Code: "M5412", Billable: true, Short: "Radiculopathy, cerv", Long: "Radiculopathy, cervical region"}) {
		t.Errorf("M5412 = %+v, want the last of its repeats", codes[0])
	}
	book, err := s.CodeBook(ctx)
	if err != nil || book == nil || book.Len() != 3 {
		t.Fatalf("CodeBook = %v, %v", book, err)
	}
	tests := []struct{ code, want string }{
		{"S13.4XXA", "Sprain of ligaments of cervical spine, initial encounter"},
		{"s134xxa", "Sprain of ligaments of cervical spine, initial encounter"},
		{" M54.12 ", "Radiculopathy, cervical region"},
		{"S13", "Dislocation and sprain of joints and ligaments at neck level"},
		{"S13.4", ""},
		{"", ""},
	}
	for _, tc := range tests {
		d, ok := book.Lookup(tc.code)
		if d != tc.want || ok != (tc.want != "") {
			t.Errorf("Lookup(%q) = %q, %v; want %q", tc.code, d, ok, tc.want)
		}
	}
	// A second import replaces the first as a whole.
	if n, err := s.ReplaceICD10(ctx, []store.ICD10Code{{Code: "R51.9", Billable: true, Short: "Headache, unspecified"}}); err != nil || n != 1 {
		t.Fatalf("second ReplaceICD10 = %d, %v", n, err)
	}
	book, err = s.CodeBook(ctx)
	if err != nil || book == nil || book.Len() != 1 {
		t.Fatalf("CodeBook after the second import: %v, %v", book, err)
	}
	if d, ok := book.Lookup("R519"); !ok || d != "Headache, unspecified" {
		t.Errorf("Lookup(R519) = %q, %v; want the short description when there is no long one", d, ok)
	}
}
