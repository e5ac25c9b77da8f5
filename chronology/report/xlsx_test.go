package report

import (
	"bytes"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/medchron/medchron/chronology/report/reporttest"
)

func TestWriteXLSX(t *testing.T) {
	c := reporttest.Sample()
	var b bytes.Buffer
	if err := WriteXLSX(&b, c); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&b)
	if err != nil {
		t.Fatalf("chronology.xlsx does not open: %v", err)
	}
	defer f.Close()

	if got, want := f.GetSheetList(), []string{SheetChronology, SheetSpecials, SheetFlags}; !slices.Equal(got, want) {
		t.Fatalf("sheets = %q, want %q", got, want)
	}

	rows, err := f.GetRows(SheetChronology)
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != len(c.Entries)+1 {
		t.Errorf("Chronology sheet has %d rows, want %d", len(rows), len(c.Entries)+1)
	}
	if rows[0][0] != "Date" || rows[0][5] != "Summary" {
		t.Errorf("header row = %q", rows[0])
	}
	// Row 9 is e8 (rejected); column M is the review state.
	if got, _ := f.GetCellValue(SheetChronology, "M9"); got != "rejected" {
		t.Errorf("M9 = %q, want rejected", got)
	}

	t.Run("date cell", func(t *testing.T) {
		if got, _ := f.GetCellValue(SheetChronology, "A3"); got != "03/14/2023" {
			t.Errorf("A3 shows %q, want 03/14/2023", got)
		}
		raw, err := f.GetCellValue(SheetChronology, "A3", excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		serial, err := strconv.ParseFloat(raw, 64)
		if err != nil {
			t.Fatalf("A3 is not a number but %q", raw)
		}
		tm, err := excelize.ExcelDateToTime(serial, false)
		if err != nil || !tm.Equal(time.Date(2023, 3, 14, 0, 0, 0, 0, time.UTC)) {
			t.Errorf("A3 serial %v is %v (%v), want 2023-03-14", serial, tm, err)
		}
		id, err := f.GetCellStyle(SheetChronology, "A3")
		if err != nil {
			t.Fatal(err)
		}
		st, err := f.GetStyle(id)
		if err != nil {
			t.Fatal(err)
		}
		if st.CustomNumFmt == nil || *st.CustomNumFmt != DateFormat {
			t.Errorf("A3 number format = %v (built-in %d), want custom %q", st.CustomNumFmt, st.NumFmt, DateFormat)
		}
	})

	t.Run("frozen header and autofilter", func(t *testing.T) {
		p, err := f.GetPanes(SheetChronology)
		if err != nil {
			t.Fatal(err)
		}
		if !p.Freeze || p.YSplit != 1 {
			t.Errorf("panes = %+v, want the first row frozen", p)
		}
		var found bool
		for _, dn := range f.GetDefinedName() {
			if dn.Name == "_xlnm._FilterDatabase" && dn.Scope == SheetChronology {
				found = true
			}
		}
		if !found {
			t.Error("no autofilter on the Chronology sheet")
		}
	})

	t.Run("prints landscape, fit to width, header repeated", func(t *testing.T) {
		for _, sh := range []string{SheetChronology, SheetSpecials, SheetFlags} {
			pl, err := f.GetPageLayout(sh)
			if err != nil {
				t.Fatal(err)
			}
			if pl.Orientation == nil || *pl.Orientation != "landscape" || pl.FitToWidth == nil || *pl.FitToWidth != 1 ||
				pl.FitToHeight == nil || *pl.FitToHeight != 0 {
				t.Errorf("%s page layout %+v", sh, pl)
			}
			props, err := f.GetSheetProps(sh)
			if err != nil {
				t.Fatal(err)
			}
			if props.FitToPage == nil || !*props.FitToPage {
				t.Errorf("%s is not fitted to the page", sh)
			}
			found := false
			for _, dn := range f.GetDefinedName() {
				if dn.Name == "_xlnm.Print_Titles" && dn.Scope == sh && strings.Contains(dn.RefersTo, "$1:") {
					found = true
				}
			}
			if !found {
				t.Errorf("%s repeats no header row on each printed page", sh)
			}
		}
	})

	t.Run("specials total", func(t *testing.T) {
		rows, err := f.GetRows(SheetSpecials, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		// title, header, bills, blank, title, header, providers, total
		if want := 2 + len(c.Bills) + 1 + 2 + len(c.Specials.ByProvider) + 1; len(rows) != want {
			t.Errorf("Bills & Specials has %d rows, want %d", len(rows), want)
		}
		last := rows[len(rows)-1]
		if last[1] != "Total" {
			t.Fatalf("last row = %q, want the total row", last)
		}
		total, err := strconv.ParseFloat(last[4], 64)
		if err != nil || total != c.Specials.TotalCharges {
			t.Errorf("total charges cell = %q, want %v", last[4], c.Specials.TotalCharges)
		}
		var sum float64
		for _, r := range rows[len(rows)-1-len(c.Specials.ByProvider) : len(rows)-1] {
			v, err := strconv.ParseFloat(r[4], 64)
			if err != nil {
				t.Fatalf("provider charges %q: %v", r[4], err)
			}
			sum += v
		}
		if sum != total {
			t.Errorf("provider rows add to %v, total row says %v", sum, total)
		}
	})

	t.Run("gaps and flags", func(t *testing.T) {
		rows, err := f.GetRows(SheetFlags)
		if err != nil {
			t.Fatal(err)
		}
		want := 2 + len(c.Gaps) + 1 + 2 + len(c.Flags) + 1 + 2 + len(c.Duplicates)
		if len(rows) != want {
			t.Errorf("Gaps & Flags has %d rows, want %d", len(rows), want)
		}
		if rows[2][0] != "04/11/2023" || rows[2][2] != "70" {
			t.Errorf("gap row = %q", rows[2])
		}
	})
}
