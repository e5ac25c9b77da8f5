package chronology

import (
	"strings"
	"testing"

	"github.com/medchron/medchron/extract"
)

// faxedDetailBill is a hospital's detail bill as OCR read a fax of it: a
// speck after the CT's charge read as a minus ("2,704.80-"), so the
// extractor took the row for a credit.
func faxedDetailBill(source_ extract.PageSource, desc string, totals ...extract.BillTotal) Source {
	rows := []struct {
		quote, desc string
		charge      float64
	}{
		{"12/6/23 Ed visit high severity 1 2,612.80", "Ed visit high severity", 2612.80},
		{"12/6/23 Pharmacy 1 79.12", "Pharmacy", 79.12},
		{"12/6/23 " + desc + " 1 2,704.80-", desc, 0},
	}
	var lines []extract.BillLine
	for _, r := range rows {
		l := extract.BillLine{Date: d("2023-12-06"), Provider: "Lakeview Hospital", Description: r.desc, Charge: r.charge,
			Kind: extract.LineCharge, Citations: []extract.Citation{cite("s", 1, r.quote)}}
		if r.charge == 0 {
			paid := 2704.80
			l.Kind, l.Paid = extract.LinePayment, &paid
		}
		lines = append(lines, l)
	}
	var text []string
	for _, r := range rows {
		text = append(text, r.quote)
	}
	text = append(text, "Total charges 5,396.72", "Payments 2,704.80")
	page := extract.Page{DocumentID: "s", Number: 1, Source: source_, Text: "Lakeview Hospital DETAIL BILL\n" + strings.Join(text, "\n"), Confidence: 0.9}
	return source("s", "bill.pdf", []extract.Page{page}, extract.Result{Bills: lines, BillTotals: totals})
}

// TestCreditReadForCharge: a row of a detail bill OCR read as a credit
// (a speck after its amount read as a minus), that names no payment nor
// adjustment, and that as a charge makes the lines agree with the
// printed total of charges, counts as a charge, flagged; a row that
// names a payment, a page with a text layer, a credit the payments total
// agrees with, and lines that already agree stay as read.
func TestCreditReadForCharge(t *testing.T) {
	total := chargesTotal("Total charges 5,396.72", 5396.72)
	paidTotal := extract.BillTotal{Provider: "Lakeview Hospital", Kind: extract.TotalPayments, Total: 2704.80,
		Citations: []extract.Citation{cite("s", 1, "Payments 2,704.80")}}
	tests := []struct {
		name     string
		src      Source
		specials float64
		repaired bool
	}{
		{"a credit read from a speck on a fax", faxedDetailBill(extract.SourceOCR, "Ct head/brain w/o contrast", total), 5396.72, true},
		{"the same on a text layer", faxedDetailBill(extract.SourceText, "Ct head/brain w/o contrast", total), 2691.92, false},
		{"a row that names a payment", faxedDetailBill(extract.SourceOCR, "Insurance payment", total), 2691.92, false},
		{"a ledger's payment row", faxedDetailBill(extract.SourceOCR, "INS PMT GREAT PLAINS CASUALTY CHK#133536", total), 2691.92, false},
		{"a credit the payments total agrees with", faxedDetailBill(extract.SourceOCR, "Ct head/brain w/o contrast", total, paidTotal), 2691.92, false},
		{"lines that agree", faxedDetailBill(extract.SourceOCR, "Ct head/brain w/o contrast", chargesTotal("Total charges 5,396.72", 2691.92)), 2691.92, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := Build(Matter{ID: "m"}, []Source{tt.src}, Options{})
			if c.Specials.TotalCharges != tt.specials {
				t.Errorf("specials %.2f, want %.2f", c.Specials.TotalCharges, tt.specials)
			}
			fs := flagsOf(c, FlagOCRAmountRepaired)
			if !tt.repaired {
				if len(fs) != 0 {
					t.Errorf("repair flags %+v, want none", fs)
				}
				return
			}
			if len(fs) != 1 || !strings.Contains(fs[0].Message, "credit") || !strings.Contains(fs[0].Message, "$2,704.80") ||
				len(fs[0].Citations) != 2 || fs[0].Citations[1].Quote != "Total charges 5,396.72" {
				t.Fatalf("repair flags %+v", fs)
			}
			if n := len(flagsOf(c, FlagBillTotalMismatch)); n != 0 {
				t.Errorf("%d mismatch flags after the repair", n)
			}
			for _, bl := range c.Bills {
				if strings.HasPrefix(bl.Description, "Ct head") {
					if bl.Kind != BillCharge || bl.Charge != 2704.80 || bl.Paid != nil || bl.ReadCharge == nil || *bl.ReadCharge != -2704.80 {
						t.Errorf("line %+v", bl)
					}
				}
			}
		})
	}
}
