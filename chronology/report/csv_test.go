package report

import (
	"bytes"
	"encoding/csv"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/medchron/medchron/chronology"
	"github.com/medchron/medchron/chronology/report/reporttest"
	"github.com/medchron/medchron/extract"
)

func readCSV(t *testing.T, c chronology.Chronology) ([]byte, [][]string) {
	t.Helper()
	var b bytes.Buffer
	if err := WriteCSV(&b, c); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(bytes.NewReader(b.Bytes())).ReadAll()
	if err != nil {
		t.Fatalf("chronology.csv does not parse: %v", err)
	}
	return b.Bytes(), rows
}

func col(name string) int { return slices.Index(CSVHeader, name) }

func TestWriteCSV(t *testing.T) {
	c := reporttest.Sample()
	out, rows := readCSV(t, c)
	if len(rows) != len(c.Entries)+1 {
		t.Fatalf("got %d rows, want %d (header + entries)", len(rows), len(c.Entries)+1)
	}
	if !slices.Equal(rows[0], CSVHeader) {
		t.Errorf("header = %v", rows[0])
	}
	byID := map[string][]string{}
	for i, e := range c.Entries {
		byID[e.ID] = rows[i+1]
	}
	tests := []struct {
		entry, column, want string
	}{
		{"e1", "date", "2022-06-02"},
		{"e1", "pre_incident", "yes"},
		{"e1", "clinician", "Karen Liu, NP"},
		{"e2", "diagnoses", "S13.4XXA Sprain of ligaments of cervical spine, initial encounter; S33.5XXA Sprain of ligaments of lumbar spine, initial encounter"},
		{"e2", "medications", "cyclobenzaprine 10 mg; ibuprofen 800 mg"},
		{"e2", "pain_score", "8"},
		// two quotes on page 3 name the page once
		{"e2", "citations", "St Marys ER.pdf p.3 (MC000003); St Marys ER.pdf p.4 (MC000004)"},
		{"e3", "review", "corrected"},
		{"e4", "pain_score", ""},
		{"e4", "review", "unreviewed"},
		{"e5", "summary", "Initial evaluation, \"guarded\" cervical ROM\nHEP issued"},
		{"e5", "citations", "PT notes, scanned.pdf p.1"},
		{"e6", "grounded", "no"},
		{"e8", "review", "rejected"},
		{"e9", "summary", "'-Discharged from orthopedic care; referred to pain management."},
	}
	for _, tt := range tests {
		if got := byID[tt.entry][col(tt.column)]; got != tt.want {
			t.Errorf("%s %s = %q, want %q", tt.entry, tt.column, got, tt.want)
		}
	}
	if !bytes.Contains(out, []byte(`"Initial evaluation, ""guarded"" cervical ROM`+"\nHEP issued\"")) {
		t.Error("a summary with a comma, quotes and a newline is not RFC 4180 quoted")
	}
	golden(t, "chronology.csv", out)
}

func TestWriteCSVFormulaGuard(t *testing.T) {
	tests := []struct{ in, want string }{
		{`=HYPERLINK("http://x","y")`, `'=HYPERLINK("http://x","y")`},
		{"+1 555 0100", "'+1 555 0100"},
		{"-2 degrees extension", "'-2 degrees extension"},
		{"@SUM(A1)", "'@SUM(A1)"},
		{"\t=1", "'\t=1"},
		{"pain 3-4/10", "pain 3-4/10"},
		{"a=b", "a=b"},
		{"", ""},
	}
	for _, tt := range tests {
		c := chronology.Chronology{Entries: []chronology.Entry{{ID: "x", Provider: tt.in, Summary: tt.in,
			Citations: []extract.Citation{{DocumentID: "d", Page: 1, Quote: "q"}}}}}
		_, rows := readCSV(t, c)
		if got := rows[1][col("provider")]; got != tt.want {
			t.Errorf("provider %q written as %q, want %q", tt.in, got, tt.want)
		}
		if got := rows[1][col("summary")]; got != tt.want {
			t.Errorf("summary %q written as %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestWriteCSVNoEntries(t *testing.T) {
	out, rows := readCSV(t, chronology.Chronology{})
	if len(rows) != 1 || !strings.HasPrefix(string(out), "date,end_date,provider") {
		t.Errorf("empty chronology: %q", out)
	}
}

// TestRunInCSVAndXLSX: a visit of a repetitive run names its run in
// chronology.csv (run_id) and chronology.xlsx (the run's description);
// other entries leave the cell empty.
func TestRunInCSVAndXLSX(t *testing.T) {
	c := reporttest.Sample()
	first, last := 6.0, 5.0
	for i := range c.Entries {
		if c.Entries[i].ProviderID == "p-river" {
			c.Entries[i].RunID = "run-pt"
		}
	}
	c.Runs = []chronology.Run{{ID: "run-pt", ProviderID: "p-river", Provider: "Riverside Physical Therapy", VisitType: "physical therapy",
		Visits: 3, FirstDate: c.Entries[4].Date, LastDate: c.Entries[7].Date, PainFirst: &first, PainLast: &last, PainTrend: chronology.TrendImproving}}
	var b bytes.Buffer
	if err := WriteCSV(&b, c); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&b).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	col := slices.Index(rows[0], "run_id")
	if col < 0 {
		t.Fatalf("no run_id column in %q", rows[0])
	}
	for i, r := range rows[1:] {
		want := ""
		if c.Entries[i].ProviderID == "p-river" {
			want = "run-pt"
		}
		if r[col] != want {
			t.Errorf("row %d (%s): run_id %q, want %q", i+1, r[2], r[col], want)
		}
	}
	b.Reset()
	if err := WriteXLSX(&b, c); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&b)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	xr, err := f.GetRows(SheetChronology)
	if err != nil {
		t.Fatal(err)
	}
	xc := slices.Index(xr[0], "Run")
	if xc < 0 || len(xr[5]) <= xc || xr[5][xc] != "Riverside Physical Therapy, physical therapy: 3 visits, 2023-04-04 to 2023-07-05; pain 6/10 to 5/10, improving" {
		t.Errorf("XLSX Run column %d of %q", xc, xr[5])
	}
}
