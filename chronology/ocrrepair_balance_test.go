package chronology

import (
	"testing"

	"github.com/medchron/medchron/extract"
)

// TestChargesTotalSpeckBorneOutByBalance: OCR read a speck before a
// copier scan's total of charges as a leading digit ("83,410.00" for
// 3,410.00). One charge line with that digit put before it would agree
// with the total, but the balance printed under it, with nothing paid,
// agrees with the lines as read: the total is the misreading, and no line
// is repaired. Without the balance, the line is repaired as before.
func TestChargesTotalSpeckBorneOutByBalance(t *testing.T) {
	text := "Harborview Surgery Center STATEMENT\n" +
		"06/11/2024 64483 NJX TFRML EPI LUMBAR 2,410.00\n06/11/2024 0250 DRUGS 132.00\n06/11/2024 0278 SUPPLIES 868.00\n" +
		"Total facility charges \"83,410.00\nPayments / adjustments 0.00\nBalance due 3,410.00"
	quotes := []string{"06/11/2024 64483 NJX TFRML EPI LUMBAR 2,410.00", "06/11/2024 0250 DRUGS 132.00", "06/11/2024 0278 SUPPLIES 868.00"}
	codes := []string{"64483", "0250", "0278"}
	charges := []float64{2410, 132, 868}
	build := func(balance bool) Chronology {
		var lines []extract.BillLine
		for i, c := range charges {
			lines = append(lines, extract.BillLine{Date: d("2024-06-11"), Provider: "Harborview Surgery Center", Code: codes[i], Charge: c,
				Citations: []extract.Citation{cite("s", 1, quotes[i])}})
		}
		totals := []extract.BillTotal{{Provider: "Harborview Surgery Center", Kind: extract.TotalCharges, Total: 83410,
			Citations: []extract.Citation{cite("s", 1, "Total facility charges \"83,410.00")}}}
		if balance {
			totals = append(totals, extract.BillTotal{Provider: "Harborview Surgery Center", Kind: extract.TotalBalance, Total: 3410,
				Citations: []extract.Citation{cite("s", 1, "Balance due 3,410.00")}})
		}
		page := extract.Page{DocumentID: "s", Number: 1, Source: extract.SourceOCR, Text: text, Confidence: 0.9}
		return Build(Matter{ID: "m"}, []Source{source("s", "statement.pdf", []extract.Page{page}, extract.Result{Bills: lines, BillTotals: totals})}, Options{})
	}
	c := build(true)
	if c.Specials.TotalCharges != 3410 {
		t.Errorf("specials %.2f, want 3410.00", c.Specials.TotalCharges)
	}
	if fs := flagsOf(c, FlagOCRAmountRepaired); len(fs) != 0 {
		t.Errorf("repair flags %+v, want none", fs)
	}
	if c := build(false); c.Specials.TotalCharges != 83410 || len(flagsOf(c, FlagOCRAmountRepaired)) != 1 {
		t.Errorf("without a balance: specials %.2f and %d repair flags, want 83410.00 and 1", c.Specials.TotalCharges, len(flagsOf(c, FlagOCRAmountRepaired)))
	}
}
