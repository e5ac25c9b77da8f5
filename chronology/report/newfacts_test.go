package report

import (
	"bytes"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
	"golang.org/x/net/html"

	"github.com/medchron/medchron/chronology/report/reporttest"
)

// TestExportsNewFacts: undated entries are listed in every export (dated
// "undated"), and bill lines show kind, revenue code, modifiers and units,
// printed totals how they reconciled, specials the adjustments, documents
// their page classes.
func TestExportsNewFacts(t *testing.T) {
	c := reporttest.SampleNewFacts()

	t.Run("csv", func(t *testing.T) {
		_, rows := readCSV(t, c)
		if len(rows) != 1+len(c.Entries)+len(c.UndatedEntries) {
			t.Fatalf("%d rows, want header, entries and undated entries", len(rows))
		}
		last := rows[len(rows)-1]
		if last[col("date")] != "undated" || last[col("provider")] != "Riverside Physical Therapy" ||
			last[col("citations")] != "PT notes, scanned.pdf p.7" {
			t.Errorf("undated row %q", last)
		}
	})

	t.Run("xlsx", func(t *testing.T) {
		var b bytes.Buffer
		if err := WriteXLSX(&b, c); err != nil {
			t.Fatal(err)
		}
		f, err := excelize.OpenReader(&b)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		rows, _ := f.GetRows(SheetChronology)
		if len(rows) != 1+len(c.Entries)+len(c.UndatedEntries) || rows[len(rows)-1][0] != "undated" {
			t.Errorf("Chronology sheet: %d rows, last %q", len(rows), rows[len(rows)-1])
		}
		rows, _ = f.GetRows(SheetSpecials)
		var ub, totals, adj []string
		for _, r := range rows {
			switch {
			case len(r) > 2 && r[2] == "96374":
				ub = r
			case len(r) > 0 && r[0] == "Printed totals":
				totals = r
			case len(r) > 1 && r[1] == "Total":
				adj = r
			}
		}
		if len(ub) < 14 || ub[10] != "charge" || ub[11] != "0450" || ub[12] != "25 59" || ub[13] != "2" {
			t.Errorf("UB-04 line %q", ub)
		}
		if totals == nil {
			t.Error("no printed totals section")
		}
		if len(adj) < 7 || adj[5] != "$600.00" {
			t.Errorf("total row %q, want the adjustments in column F", adj)
		}
		var kinds []string
		for _, r := range rows {
			if len(r) > 10 && (strings.HasPrefix(r[10], "payment") || strings.HasPrefix(r[10], "adjustment")) {
				kinds = append(kinds, r[10])
			}
		}
		if strings.Join(kinds, ",") != "payment,adjustment (EOB)" {
			t.Errorf("kinds %q", kinds)
		}
	})

	t.Run("html", func(t *testing.T) {
		out, doc := renderHTML(t, c)
		und := find(doc, func(n *html.Node) bool { return n.Data == "section" && attr(n, "id") == "undated" })
		if len(und) != 1 || !strings.Contains(text(und[0]), "Riverside Physical Therapy") || !strings.Contains(text(und[0]), "PT notes, scanned.pdf p.7") {
			t.Fatalf("no undated section listing the record")
		}
		if rows := find(und[0], func(n *html.Node) bool { return n.Data == "tr" && attr(n, "id") == "entry-u1" }); len(rows) != 1 {
			t.Error("the undated entry has no anchor for its flag")
		}
		totals := find(doc, func(n *html.Node) bool { return n.Data == "table" && hasClass(n, "totals") })
		if len(totals) != 1 {
			t.Fatal("no printed totals table")
		}
		tt := text(totals[0])
		for _, want := range []string{"charges", "$3,000.00", "$2,830.00", "no: differs", "payments", "yes", "balance", "not compared (balance)"} {
			if !strings.Contains(tt, want) {
				t.Errorf("printed totals lack %q: %s", want, tt)
			}
		}
		for _, want := range []string{"96374-25-59", ">0450<", "[payment]", "[adjustment (EOB)]", "$600.00",
			"1 administrative, 2 clinical note, 1 report, 2 bill", "Undated<b>1</b>", "1 undated entries are not shown on the timeline"} {
			if !strings.Contains(out, want) {
				t.Errorf("chronology.html lacks %q", want)
			}
		}
	})
}
