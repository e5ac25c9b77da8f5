package chronology

import (
	"fmt"
	"strings"
	"testing"

	"github.com/medchron/medchron/extract"
)

// rentalRows are the rows of an equipment rental statement that prints a
// running balance: code, charge and balance as printed.
var rentalRows = []struct {
	code            string
	charge, balance float64
}{{"L0180", 397, 397}, {"E0730", 101, 498}, {"A4556", 45, 543}, {"E0730", 101, 644}, {"A4556", 60, 704}}

// rentalSource is the statement as OCR read it: read holds the charges
// and balances read where they differ from the printed ones (by row).
func rentalSource(src extract.PageSource, charges, balances map[int]float64, total float64) Source {
	var text strings.Builder
	text.WriteString("Apex Home Medical STATEMENT\n")
	var lines []extract.BillLine
	for i, r := range rentalRows {
		c, bal := r.charge, r.balance
		if v, ok := charges[i]; ok {
			c = v
		}
		if v, ok := balances[i]; ok {
			bal = v
		}
		q := fmt.Sprintf("10/17/2024 %s %.2f %.2f", r.code, c, bal)
		text.WriteString(q + "\n")
		lines = append(lines, extract.BillLine{Date: d("2024-10-17"), Provider: "Apex Home Medical", Code: r.code, Charge: c,
			Balance: &bal, Citations: []extract.Citation{cite("r", 1, q)}})
	}
	tq := fmt.Sprintf("Total rental charges %.2f", total)
	text.WriteString(tq + "\n")
	page := extract.Page{DocumentID: "r", Number: 1, Source: src, Text: text.String(), Confidence: 0.9}
	return source("r", "rental.pdf", []extract.Page{page}, extract.Result{Bills: lines,
		BillTotals: []extract.BillTotal{{Provider: "Apex Home Medical", Kind: extract.TotalCharges, Total: total, Citations: []extract.Citation{cite("r", 1, tq)}}}})
}

// TestChargeRepairedByRunningBalance: a charge OCR read with one digit
// changed ("103.00" for 101.00: a one read as a three, which the printed
// total alone would not take for each other, and which would lead it to
// repair the 45.00 below as 43.00 instead) is what the running balances
// around it say, when the row above agrees with its own and the row
// below with it. A balance misread (the row below disagrees), a text
// page, or an amount more than one digit away is left alone.
func TestChargeRepairedByRunningBalance(t *testing.T) {
	tests := []struct {
		name           string
		src            Source
		specials       float64
		repaired       int // row repaired, -1 for none
		from, to       float64
		totalsMismatch int
	}{
		{"a one read as a three", rentalSource(extract.SourceOCR, map[int]float64{1: 103}, nil, 704), 704, 1, 103, 101, 0},
		{"a digit lost", rentalSource(extract.SourceOCR, map[int]float64{3: 11}, nil, 704), 704, 3, 11, 101, 0},
		{"the first row", rentalSource(extract.SourceOCR, map[int]float64{0: 317}, nil, 704), 624, -1, 0, 0, 1},
		{"the balance misread", rentalSource(extract.SourceOCR, nil, map[int]float64{1: 493}, 704), 704, -1, 0, 0, 0},
		{"on a text layer", rentalSource(extract.SourceText, map[int]float64{1: 103}, nil, 704), 706, -1, 0, 0, 1},
		{"two digits apart", rentalSource(extract.SourceOCR, map[int]float64{1: 133}, nil, 704), 736, -1, 0, 0, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := Build(Matter{ID: "m"}, []Source{tt.src}, Options{})
			if c.Specials.TotalCharges != tt.specials {
				t.Errorf("specials %.2f, want %.2f", c.Specials.TotalCharges, tt.specials)
			}
			if n := len(flagsOf(c, FlagBillTotalMismatch)); n != tt.totalsMismatch {
				t.Errorf("%d total mismatch flags, want %d", n, tt.totalsMismatch)
			}
			fs := flagsOf(c, FlagOCRAmountRepaired)
			if tt.repaired < 0 {
				if len(fs) != 0 {
					t.Errorf("repair flags %+v, want none", fs)
				}
				return
			}
			if len(fs) != 1 || !strings.Contains(fs[0].Message, money(tt.from)) || !strings.Contains(fs[0].Message, money(tt.to)) ||
				!strings.Contains(fs[0].Message, "running balance") || len(fs[0].Citations) != 2 {
				t.Fatalf("repair flags %+v", fs)
			}
			for _, bl := range c.Bills {
				if bl.ReadCharge != nil && (*bl.ReadCharge != tt.from || bl.Charge != tt.to) {
					t.Errorf("line %s read %.2f, charged %.2f", bl.Code, *bl.ReadCharge, bl.Charge)
				}
			}
		})
	}
}
