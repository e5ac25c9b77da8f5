package chronology

import (
	"strings"
	"testing"

	"github.com/medchron/medchron/extract"
)

// TestUndatedBillLineFlag: a charge line whose date of service could not
// be read (OCR damaged its date cell) is kept, counts in the specials, and
// carries an undated_bill_line flag naming its page and citing the line,
// for a reviewer to date it. Dated lines and payments raise none.
func TestUndatedBillLineFlag(t *testing.T) {
	paid := 31.2
	page := "Lakeside Bone & Joint\n1/4/24  99214  OFFICE VISIT  247.00\n4/24  20610  DRAIN/INJ JOINT  384.00\n2/16/24  INS PMT  (31.20)\n"
	res := extract.Result{Bills: []extract.BillLine{
		{Date: d("2024-01-04"), Provider: "Lakeside Bone & Joint", Code: "99214", Charge: 247, Citations: []extract.Citation{cite("b", 2, "1/4/24  99214  OFFICE VISIT  247.00")}},
		{Provider: "Lakeside Bone & Joint", Code: "20610", Charge: 384, Citations: []extract.Citation{cite("b", 2, "4/24  20610  DRAIN/INJ JOINT  384.00")}},
		{Provider: "Lakeside Bone & Joint", Kind: extract.LinePayment, Paid: &paid, Citations: []extract.Citation{cite("b", 2, "INS PMT  (31.20)")}},
	}}
	c := Build(Matter{ID: "m"}, []Source{source("b", "ledger.pdf", []extract.Page{textPage("b", 1, "Cover"), textPage("b", 2, page)}, res)}, Options{})
	if c.Specials.TotalCharges != 631 {
		t.Errorf("specials %v, want 631: the undated line counts", c.Specials.TotalCharges)
	}
	var got []Flag
	for _, f := range c.Flags {
		if f.Kind == FlagUndatedBillLine {
			got = append(got, f)
		}
	}
	if len(got) != 1 {
		t.Fatalf("undated bill line flags %+v, want one", got)
	}
	f := got[0]
	if !strings.Contains(f.Message, "page 2 of ledger.pdf") || !strings.Contains(f.Message, "20610") || !strings.Contains(f.Message, "$384.00") {
		t.Errorf("message %q names neither the page, the code nor the charge", f.Message)
	}
	if len(f.Citations) != 1 || f.Citations[0].Page != 2 || !strings.Contains(f.Citations[0].Quote, "20610") {
		t.Errorf("citations %+v, want the line's", f.Citations)
	}
}
