package cli

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/medchron/medchron/store/sqlite"
)

// orderRow formats one line of the CMS fixed-width order file: order
// number (5), code without dot (7), billable flag, short description (60),
// long description.
func orderRow(order, code, flag, short, long string) string {
	pad := func(s string, n int) string { return s + strings.Repeat(" ", max(0, n-len(s))) }
	return pad(order, 5) + " " + pad(code, 7) + " " + flag + " " + pad(short, 60) + " " + long + "\n"
}

// testOrderFile holds the codes of the small bundle except V43.52XA, with
// a long description for M54.2 that no record prints, so that a test can
// tell the official text from the printed one.
const officialM542 = "Cervicalgia (official long description of the test order file)"

func writeTestOrderFile(t *testing.T, dir string) string {
	t.Helper()
	rows := []struct{ code, flag, short, long string }{
		{"M542", "1", "Cervicalgia", officialM542},
		{"M5412", "1", "Radiculopathy, cervical region", "Radiculopathy, cervical region"},
		{"M5450", "1", "Low back pain, unspecified", "Low back pain, unspecified"},
		{"M50220", "1", "Oth cervical disc displacement, mid-cervical region, unsp lev", "Other cervical disc displacement, mid-cervical region, unspecified level"},
		{"M62830", "1", "Muscle spasm of back", "Muscle spasm of back"},
		{"M6281", "1", "Muscle weakness (generalized)", "Muscle weakness (generalized)"},
		{"S134XXA", "1", "Sprain of ligaments of cervical spine, initial encounter", "Sprain of ligaments of cervical spine, initial encounter"},
		{"S134XXD", "1", "Sprain of ligaments of cervical spine, subsequent encounter", "Sprain of ligaments of cervical spine, subsequent encounter"},
		{"S161XXA", "1", "Strain of muscle, fascia and tendon at neck level, init", "Strain of muscle, fascia and tendon at neck level, initial encounter"},
		{"S46011A", "1", "Strain of musc/tend the rotator cuff of r shoulder, init", "Strain of muscle(s) and tendon(s) of the rotator cuff of right shoulder, initial encounter"},
	}
	var b strings.Builder
	for i, r := range rows {
		b.WriteString(orderRow(strings.Repeat("0", 5-len(itoa(i+1)))+itoa(i+1), r.code, r.flag, r.short, r.long))
	}
	path := filepath.Join(dir, "icd10cm_order_test.txt")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func itoa(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}

// TestCodesImportProcess: with an imported code table, process drops codes
// the table lacks and describes bare codes with the table's long text.
func TestCodesImportProcess(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name        string
		importCodes bool
		wantV43     bool // the code missing from the test table appears
		wantM542    bool // a bare M54.2 is described with officialM542
	}{
		{"no code table", false, true, false},
		{"imported code table", true, false, true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, out := sharedCopy(t) // processed without a code table
			if tc.importCodes {
				tmp := t.TempDir()
				db := filepath.Join(tmp, "m.db")
				code, stdout, stderr := run(t, "codes", "import", "--db", db, writeTestOrderFile(t, tmp))
				if code != 0 || !strings.Contains(stdout, "imported 10 ICD-10-CM codes") {
					t.Fatalf("codes import: exit %d\n%s\n%s", code, stdout, stderr)
				}
				out = filepath.Join(tmp, "out")
				code, stdout, stderr = run(t, processArgs(t, db, out)...)
				if code != 0 {
					t.Fatalf("process: exit %d\n%s\n%s", code, stdout, stderr)
				}
			}
			c := readChronology(t, out)
			var sawV43, sawM542 bool
			for _, e := range c.Entries {
				for _, d := range e.Diagnoses {
					switch strings.ToUpper(d.Code) {
					case "V43.52XA":
						sawV43 = true
					case "M54.2":
						if d.Description == officialM542 {
							sawM542 = true
						}
					}
				}
			}
			if sawV43 != tc.wantV43 {
				t.Errorf("V43.52XA present %v, want %v", sawV43, tc.wantV43)
			}
			if sawM542 != tc.wantM542 {
				t.Errorf("M54.2 described with the official text %v, want %v", sawM542, tc.wantM542)
			}
		})
	}
}

func TestCodesImportErrors(t *testing.T) {
	t.Parallel()
	tmp := t.TempDir()
	empty := filepath.Join(tmp, "empty.txt")
	if err := os.WriteFile(empty, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name string
		args []string
		code int
		msg  string
	}{
		{"no file", []string{"codes", "import"}, 2, "Usage"},
		{"missing file", []string{"codes", "import", "--db", filepath.Join(tmp, "m.db"), filepath.Join(tmp, "nope.txt")}, 1, "nope.txt"},
		{"empty file", []string{"codes", "import", "--db", filepath.Join(tmp, "m.db"), empty}, 1, "empty"},
		{"unknown subcommand", []string{"codes", "export"}, 2, "unknown subcommand"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			code, _, stderr := run(t, tc.args...)
			if code != tc.code || !strings.Contains(stderr, tc.msg) {
				t.Errorf("exit %d, stderr %q; want exit %d mentioning %q", code, stderr, tc.code, tc.msg)
			}
		})
	}
}

// TestCodesImportShared imports the full CMS table from ../shared (about
// 95,000 codes) twice: the second import replaces the first.
func TestCodesImportShared(t *testing.T) {
	t.Parallel()
	path := filepath.Join(repoRoot(t), "..", "shared", "data", "codes", "icd10cm", "icd10cm_fy2022_order_cdc.csv")
	if _, err := os.Stat(path); err != nil {
		t.Skip("shared ICD-10-CM order file not present")
	}
	db := filepath.Join(t.TempDir(), "m.db")
	for i := range 2 {
		start := time.Now()
		code, stdout, stderr := run(t, "codes", "import", "--db", db, path)
		took := time.Since(start)
		if code != 0 {
			t.Fatalf("exit %d\n%s\n%s", code, stdout, stderr)
		}
		t.Logf("import %d: %s(%s)", i+1, stdout, took.Round(time.Millisecond))
		if took > 20*time.Second {
			t.Errorf("import took %s; want a few seconds", took)
		}
	}
	ctx := context.Background()
	st, err := sqlite.Open(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	book, err := st.CodeBook(ctx)
	if err != nil || book == nil {
		t.Fatalf("CodeBook: %v, %v", book, err)
	}
	if book.Len() < 90000 {
		t.Errorf("%d codes, want about 95,000", book.Len())
	}
	tests := []struct{ code, want string }{
		{"S13.4XXA", "Sprain of ligaments of cervical spine, initial encounter"},
		{"m5412", "Radiculopathy, cervical region"},
		{"S13", "Dislocation and sprain of joints and ligaments at neck level"},
		{"Z99.999", ""},
	}
	for _, tt := range tests {
		got, ok := book.Lookup(tt.code)
		if got != tt.want || ok != (tt.want != "") {
			t.Errorf("Lookup(%q) = %q, %v; want %q", tt.code, got, ok, tt.want)
		}
	}
}
