package chronology

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/medchron/medchron/extract"
)

// TestRebilledLinesCountedOnce: a practice's claim to the first payer and
// its claim to a second payer after the first paid bill the same service
// lines; the second's are marked rebilled. The specials count them once,
// and the second claim's printed total still reconciles with its own
// lines. A rebilled line no other bill of the matter has (the first claim
// not produced) is the only record of its charge and is counted. Before:
// 1,100.00 counted twice (2,200.00).
func TestRebilledLinesCountedOnce(t *testing.T) {
	first := "HEALTH INSURANCE CLAIM FORM\n06 21 23  06 21 23  11  99204  AB  421 00  1\n07 12 23  07 12 23  11  62321  AB  679 00  1\n28. TOTAL CHARGE $ 1,100 00"
	second := "** SECONDARY **\nHEALTH INSURANCE CLAIM FORM\n06 21 23  06 21 23  11  99204  AB  421 00  1\n07 12 23  07 12 23  11  62321  AB  679 00  1\n07 31 23  07 31 23  11  99214  AB  243 00  1\n28. TOTAL CHARGE $ 1,343 00"
	line := func(page int, date, code string, charge float64, quote string, rebilled bool) extract.BillLine {
		return extract.BillLine{Date: d(date), Provider: "Keystone Spine & Pain", Code: code, Charge: charge, Rebilled: rebilled,
			Citations: []extract.Citation{cite("a", page, quote)}}
	}
	res := extract.Result{
		Bills: []extract.BillLine{
			line(1, "2023-06-21", "99204", 421, "06 21 23  06 21 23  11  99204  AB  421 00  1", false),
			line(1, "2023-07-12", "62321", 679, "07 12 23  07 12 23  11  62321  AB  679 00  1", false),
			line(2, "2023-06-21", "99204", 421, "06 21 23  06 21 23  11  99204  AB  421 00  1", true),
			line(2, "2023-07-12", "62321", 679, "07 12 23  07 12 23  11  62321  AB  679 00  1", true),
			line(2, "2023-07-31", "99214", 243, "07 31 23  07 31 23  11  99214  AB  243 00  1", true),
		},
		BillTotals: []extract.BillTotal{
			{Provider: "Keystone Spine & Pain", Total: 1100, Citations: []extract.Citation{cite("a", 1, "28. TOTAL CHARGE $ 1,100 00")}},
			{Provider: "Keystone Spine & Pain", Total: 1343, Citations: []extract.Citation{cite("a", 2, "28. TOTAL CHARGE $ 1,343 00")}},
		},
	}
	c := Build(Matter{ID: "m"}, []Source{source("a", "a.pdf", []extract.Page{textPage("a", 1, first), textPage("a", 2, second)}, res)}, Options{})
	if len(c.Bills) != 3 || c.Specials.TotalCharges != 1343 {
		t.Errorf("bills %d total %v, want 3 and 1343", len(c.Bills), c.Specials.TotalCharges)
	}
	if fs := flagsOf(c, FlagBillTotalMismatch); len(fs) != 0 {
		t.Errorf("a matching printed total was flagged: %+v", fs)
	}
}

// TestReprintedStatementCountedOnce: a surgeon's practice prints its
// statement of the surgery, and later its statement through the global
// period, which lists the surgery's coded lines again (same day, codes,
// modifiers and charges) with the post-operative visits: the charges are
// counted once. A single line alike on two pages (a service billed on two
// bills) is left alone. Before: 20,795.00 counted twice.
func TestReprintedStatementCountedOnce(t *testing.T) {
	line := func(page int, date, code string, mods []string, charge float64) extract.BillLine {
		q := fmt.Sprintf("%s %s %s %.2f", date, code, strings.Join(mods, " "), charge)
		return extract.BillLine{Date: d(date), Provider: "Harborview Orthopaedic Surgery", Code: code, Modifiers: mods, Charge: charge,
			Citations: []extract.Citation{cite("a", page, q)}}
	}
	text := func(ls ...extract.BillLine) string {
		var b strings.Builder
		b.WriteString("HARBORVIEW ORTHOPAEDIC SURGERY\nSTATEMENT\n")
		for _, l := range ls {
			b.WriteString(l.Citations[0].Quote + "\n")
		}
		return b.String()
	}
	p1 := []extract.BillLine{line(1, "2024-02-23", "29826", []string{"RT"}, 6474), line(1, "2024-02-23", "29827", []string{"RT"}, 12035),
		line(1, "2024-02-23", "29827", []string{"AS", "RT"}, 2286), line(1, "2024-03-01", "99213", nil, 150)}
	p2 := []extract.BillLine{line(2, "2024-02-23", "29826", []string{"RT"}, 6474), line(2, "2024-02-23", "29827", []string{"RT"}, 12035),
		line(2, "2024-02-23", "29827", []string{"AS", "RT"}, 2286)}
	p3 := []extract.BillLine{line(3, "2024-03-01", "99213", nil, 150), line(3, "2024-03-08", "99213", nil, 150)}
	res := extract.Result{Bills: slices.Concat(p1, p2, p3)}
	pages := []extract.Page{textPage("a", 1, text(p1...)), textPage("a", 2, text(p2...)), textPage("a", 3, text(p3...))}
	c := Build(Matter{ID: "m"}, []Source{source("a", "a.pdf", pages, res)}, Options{})
	if want := 6474 + 12035 + 2286 + 150 + 150 + 150.0; c.Specials.TotalCharges != want || len(c.Bills) != 6 {
		t.Errorf("bills %d total %v, want 6 and %v", len(c.Bills), c.Specials.TotalCharges, want)
	}
}
