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

// TestChargesTotalMisreadBorneOutByPostedRows: an imaging centre's
// statement posts the insurer's payment and the fee-schedule adjustment as
// rows of their own under the charges; OCR read the total of charges
// "3,020.00" for 3,010.00. The amount due under it is the charges as read
// less those rows: the total is the misreading, and the 486.00 charge is
// not "repaired" to 496.00.
func TestChargesTotalMisreadBorneOutByPostedRows(t *testing.T) {
	const prov = "Lakeview Imaging Center"
	text := "Lakeview Imaging Center PATIENT STATEMENT\n" +
		"12-20-2023 72100 XR LUMBAR SPINE 310.00\n01-15-2024 72148 TC MRI LUMBAR SPINE 2,214.00\n01-15-2024 72148 26 MRI LUMBAR SPINE READ 486.00\n" +
		"02-19-2024 PAYMENT - INSURANCE (1,023.40)\n02-19-2024 ADJ - FEE SCHEDULE (301.00)\n" +
		"Total charges \"3,020.00\nPayments (1,023.40)\nAdjustments (301.00)\nAmount due 1,685.60"
	var lines []extract.BillLine
	for _, l := range []struct {
		date, code, quote string
		charge            float64
	}{
		{"2023-12-20", "72100", "12-20-2023 72100 XR LUMBAR SPINE 310.00", 310},
		{"2024-01-15", "72148", "01-15-2024 72148 TC MRI LUMBAR SPINE 2,214.00", 2214},
		{"2024-01-15", "72148", "01-15-2024 72148 26 MRI LUMBAR SPINE READ 486.00", 486},
	} {
		lines = append(lines, extract.BillLine{Date: d(l.date), Provider: prov, Code: l.code, Charge: l.charge, Citations: []extract.Citation{cite("s", 1, l.quote)}})
	}
	paid, adj := 1023.40, 301.0
	lines = append(lines,
		extract.BillLine{Date: d("2024-02-19"), Provider: prov, Kind: extract.LinePayment, Paid: &paid, Citations: []extract.Citation{cite("s", 1, "02-19-2024 PAYMENT - INSURANCE (1,023.40)")}},
		extract.BillLine{Date: d("2024-02-19"), Provider: prov, Kind: extract.LineAdjustment, Adjustment: &adj, Citations: []extract.Citation{cite("s", 1, "02-19-2024 ADJ - FEE SCHEDULE (301.00)")}})
	totals := []extract.BillTotal{
		{Provider: prov, Kind: extract.TotalCharges, Total: 3020, Citations: []extract.Citation{cite("s", 1, "Total charges \"3,020.00")}},
		{Provider: prov, Kind: extract.TotalPayments, Total: 1023.40, Citations: []extract.Citation{cite("s", 1, "Payments (1,023.40)")}},
		{Provider: prov, Kind: extract.TotalAdjustments, Total: 301, Citations: []extract.Citation{cite("s", 1, "Adjustments (301.00)")}},
		{Provider: prov, Kind: extract.TotalBalance, Total: 1685.60, Citations: []extract.Citation{cite("s", 1, "Amount due 1,685.60")}},
	}
	page := extract.Page{DocumentID: "s", Number: 1, Source: extract.SourceOCR, Text: text, Confidence: 0.9}
	c := Build(Matter{ID: "m"}, []Source{source("s", "statement.pdf", []extract.Page{page}, extract.Result{Bills: lines, BillTotals: totals})}, Options{})
	if c.Specials.TotalCharges != 3010 {
		t.Errorf("specials %.2f, want 3010.00", c.Specials.TotalCharges)
	}
	if fs := flagsOf(c, FlagOCRAmountRepaired); len(fs) != 0 {
		t.Errorf("repair flags %+v, want none", fs)
	}
}
