package chronology

import (
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
