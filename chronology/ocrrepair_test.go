package chronology

import (
	"strings"

	"github.com/medchron/medchron/internal/textutil"
	"testing"

	"github.com/medchron/medchron/extract"
)

// faxedStatement is a statement as OCR read a fax of it: the emergency
// visit's $2,750.00 lost its first digit.
const faxedStatement = "Lakeview Hospital STATEMENT\n" +
	"05/16/2024 99285 EMERGENCY DEPT VISIT 750.00\n05/16/2024 72125 CT CERVICAL SPINE 1,180.00\n" +
	"05/16/2024 J1885 KETOROLAC INJ 45.00\nTOTAL CHARGES 3,975.00"

func statementSource(source_ extract.PageSource, charges []float64, totals ...extract.BillTotal) Source {
	quotes := []string{"05/16/2024 99285 EMERGENCY DEPT VISIT 750.00", "05/16/2024 72125 CT CERVICAL SPINE 1,180.00",
		"05/16/2024 J1885 KETOROLAC INJ 45.00"}
	codes := []string{"99285", "72125", "J1885"}
	var lines []extract.BillLine
	for i, c := range charges {
		lines = append(lines, extract.BillLine{Date: d("2024-05-16"), Provider: "Lakeview Hospital", Code: codes[i], Charge: c,
			Citations: []extract.Citation{cite("s", 1, quotes[i])}})
	}
	page := extract.Page{DocumentID: "s", Number: 1, Source: source_, Text: faxedStatement, Confidence: 0.9}
	return source("s", "statement.pdf", []extract.Page{page}, extract.Result{Bills: lines, BillTotals: totals})
}

func chargesTotal(quote string, v float64) extract.BillTotal {
	return extract.BillTotal{Provider: "Lakeview Hospital", Kind: extract.TotalCharges, Total: v,
		Citations: []extract.Citation{cite("s", 1, quote)}}
}

// TestChargeRepairedByPrintedTotal: a charge line on an OCR page that one
// digit apart makes the lines agree with the printed total counts the
// total's reading, keeps OCR's and is flagged; nothing is repaired on a
// text page, when two lines could be the misread one, or when the change
// would take another total's agreement away.
func TestChargeRepairedByPrintedTotal(t *testing.T) {
	total := chargesTotal("TOTAL CHARGES 3,975.00", 3975)
	tests := []struct {
		name     string
		src      Source
		specials float64
		code     string  // the line repaired, "" for none
		from, to float64 // its charge as read and as repaired
	}{
		{"a digit lost on a fax", statementSource(extract.SourceOCR, []float64{750, 1180, 45}, total), 3975, "99285", 750, 2750},
		// A speck read as a digit glued before a charge ("745.00" for 45.00).
		{"a digit too many", statementSource(extract.SourceOCR, []float64{2750, 1180, 745}, total), 3975, "J1885", 745, 45},
		{"a 5 read for an 8", statementSource(extract.SourceOCR, []float64{2750, 1180, 45}, chargesTotal("TOTAL CHARGES 3,975.00", 3978)), 3978, "J1885", 45, 48},
		{"the same on a text layer", statementSource(extract.SourceText, []float64{750, 1180, 45}, total), 1975, "", 0, 0},
		{"lines agree", statementSource(extract.SourceOCR, []float64{2750, 1180, 45}, total), 3975, "", 0, 0},
		// 2,750 -> 4,750 or 1,180 -> 3,180: a 2 or a 1 is not taken for a 4 or a 3.
		{"a digit unlike the one read", statementSource(extract.SourceOCR, []float64{2750, 1180, 45}, chargesTotal("TOTAL CHARGES 3,975.00", 5975)), 3975, "", 0, 0},
		{"more than one digit apart", statementSource(extract.SourceOCR, []float64{750, 1180, 45}, chargesTotal("TOTAL CHARGES 3,975.00", 3175)), 1975, "", 0, 0},
		{"a total the lines agree with would disagree", statementSource(extract.SourceOCR, []float64{750, 1180, 45},
			chargesTotal("TOTAL CHARGES 3,975.00", 1975), total), 1975, "", 0, 0},
		// 45 -> 48 or 1,185 -> 1,188: two readings, no repair.
		{"two lines could be misread", statementSource(extract.SourceOCR, []float64{2750, 1185, 45}, chargesTotal("TOTAL CHARGES 3,975.00", 3983)), 3980, "", 0, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := Build(Matter{ID: "m"}, []Source{tt.src}, Options{})
			if c.Specials.TotalCharges != tt.specials {
				t.Errorf("specials %.2f, want %.2f", c.Specials.TotalCharges, tt.specials)
			}
			fs := flagsOf(c, FlagOCRAmountRepaired)
			if tt.code == "" {
				if len(fs) != 0 {
					t.Errorf("repair flags %+v, want none", fs)
				}
				return
			}
			if len(fs) != 1 || !strings.Contains(fs[0].Message, money(tt.from)) || !strings.Contains(fs[0].Message, money(tt.to)) ||
				len(fs[0].Citations) != 2 || fs[0].Citations[1].Quote != "TOTAL CHARGES 3,975.00" {
				t.Fatalf("repair flags %+v", fs)
			}
			if n := len(flagsOf(c, FlagBillTotalMismatch)); n != 0 {
				t.Errorf("%d mismatch flags after the repair", n)
			}
			var read *float64
			for _, bl := range c.Bills {
				if bl.Code == tt.code {
					read = bl.ReadCharge
					if bl.Charge != tt.to {
						t.Errorf("charge %.2f, want %.2f", bl.Charge, tt.to)
					}
				}
			}
			if read == nil || *read != tt.from {
				t.Errorf("read charge %v, want %.2f", read, tt.from)
			}
		})
	}
}

func money(v float64) string { return textutil.Money(cents(v)) }
