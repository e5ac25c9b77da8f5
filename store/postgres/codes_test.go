package postgres

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"testing"
	"time"

	"github.com/medchron/medchron/extract/rules"
	"github.com/medchron/medchron/icd10"
	"github.com/medchron/medchron/store"
	"github.com/medchron/medchron/store/storetest"
)

// The code book is what the rules extractor validates codes with.
var _ rules.CodeBook = (*icd10.Book)(nil)

// TestCodesConformance runs the code table's suite on a new database.
func TestCodesConformance(t *testing.T) {
	t.Parallel()
	storetest.RunCodes(t, func(t *testing.T) store.Codes { return openMigrated(t) })
}

// TestICD10 checks what is PostgreSQL's own: text it does not accept
// (NUL) is stored as U+FFFD, and an import inside a transaction that then
// fails is rolled back with it.
func TestICD10(t *testing.T) {
	t.Parallel()
	s := openMigrated(t)
	ctx := t.Context()
	n, err := s.ReplaceICD10(ctx, []store.ICD10Code{
		{Code: "Z00.00", Billable: true, Long: "Encntr for general adult medical exam w/o abnormal findings\x00"},
	})
	if err != nil || n != 1 {
		t.Fatalf("ReplaceICD10 = %d, %v; want 1 code", n, err)
	}
	book, err := s.CodeBook(ctx)
	if err != nil || book == nil {
		t.Fatalf("CodeBook = %v, %v", book, err)
	}
	if d, ok := book.Lookup("Z00.00"); !ok || d != "Encntr for general adult medical exam w/o abnormal findings\uFFFD" {
		t.Errorf("Lookup(Z00.00) = %q, %v; want the NUL stored as U+FFFD", d, ok)
	}
	err = s.WithTx(ctx, func(ctx context.Context, tx store.Tx) error {
		if _, err := tx.(*Store).ReplaceICD10(ctx, []store.ICD10Code{{Code: "A00"}, {Code: "A01"}}); err != nil {
			return err
		}
		return context.Canceled // the caller's transaction fails after the import
	})
	if err != context.Canceled {
		t.Fatalf("WithTx = %v", err)
	}
	if c, err := s.ICD10Count(ctx); err != nil || c != 1 {
		t.Errorf("ICD10Count after a rolled-back import = %d, %v; want 1", c, err)
	}
}

// TestICD10Shared imports the shared CMS order file (about 95,000 codes)
// and looks codes up in it.
func TestICD10Shared(t *testing.T) {
	t.Parallel()
	path := filepath.Join(repoRoot(t), "..", "shared", "data", "codes", "icd10cm", "icd10cm_fy2022_order_cdc.csv")
	if _, err := os.Stat(path); err != nil {
		t.Skip("shared ICD-10-CM order file not present")
	}
	s := openMigrated(t)
	ctx := t.Context()
	loaded, err := icd10.LoadOrderFilePath(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	var codes []store.ICD10Code
	loaded.Each(func(code string, billable bool, short, long string) {
		codes = append(codes, store.ICD10Code{Code: code, Billable: billable, Short: short, Long: long})
	})
	sort.Slice(codes, func(i, j int) bool { return codes[i].Code < codes[j].Code })
	start := time.Now()
	n, err := s.ReplaceICD10(ctx, codes)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("imported %d codes in %s", n, time.Since(start).Round(time.Millisecond))
	if n != loaded.Len() || n < 90000 {
		t.Errorf("%d codes stored, %d loaded; want about 95,000", n, loaded.Len())
	}
	stored, err := s.ICD10Codes(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(stored, codes) {
		t.Errorf("ICD10Codes differs from what was imported")
	}
	book, err := s.CodeBook(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ code, want string }{
		{"S13.4XXA", "Sprain of ligaments of cervical spine, initial encounter"},
		{"m5412", "Radiculopathy, cervical region"},
		{"Z99.999", ""},
	} {
		if d, ok := book.Lookup(tc.code); d != tc.want || ok != (tc.want != "") {
			t.Errorf("Lookup(%q) = %q, %v; want %q", tc.code, d, ok, tc.want)
		}
		if d, _ := loaded.Lookup(tc.code); d != tc.want {
			t.Errorf("rules book Lookup(%q) = %q; the stored book should agree with it", tc.code, d)
		}
	}
}

// repoRoot returns the directory holding go.mod, above the test's.
func repoRoot(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("go.mod not found")
		}
		dir = parent
	}
}
