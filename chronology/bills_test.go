package chronology

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/medchron/medchron/extract"
)

func TestSpecialsArithmetic(t *testing.T) {
	bill := func(id, prov, date string, charge float64, paid *float64) Bill {
		b := Bill{ID: id, ProviderID: prov, Provider: prov, Charge: charge, Paid: paid, Grounded: true}
		if date != "" {
			b.Date = d(date)
		}
		return b
	}
	var thousand []Bill
	for i := range 1000 {
		thousand = append(thousand, bill(fmt.Sprint(i), "PT", "2023-04-01", 0.1, money2(0.07)))
	}
	tests := []struct {
		name       string
		bills      []Bill
		total      float64
		paid       *float64
		byProvider []string // provider:charges:first:last
	}{
		{"no float drift over 1,000 lines", thousand, 100, money2(70), []string{"PT:100:2023-04-01:2023-04-01"}},
		{"cents rounding of classic float traps", []Bill{bill("a", "X", "2023-01-02", 0.1, nil), bill("b", "X", "2023-01-01", 0.2, nil),
			bill("c", "Y", "2022-12-31", 1.005, nil)}, 1.31, nil, []string{"Y:1.01:2022-12-31:2022-12-31", "X:0.3:2023-01-01:2023-01-02"}},
		{"paid only where printed", []Bill{bill("a", "X", "2023-01-01", 100, money2(40)), bill("b", "Y", "2023-01-02", 50, nil)},
			150, money2(40), []string{"X:100:2023-01-01:2023-01-01", "Y:50:2023-01-02:2023-01-02"}},
		{"undated lines sort last", []Bill{bill("a", "A", "", 10, nil), bill("b", "B", "2023-05-01", 20, nil)},
			30, nil, []string{"B:20:2023-05-01:2023-05-01", "A:10::"}},
		{"credits", []Bill{bill("a", "X", "2023-01-01", 100, nil), bill("b", "X", "2023-01-01", -25.5, nil)},
			74.5, nil, []string{"X:74.5:2023-01-01:2023-01-01"}},
		{"unverified lines are not added up", []Bill{bill("a", "X", "2023-01-01", 100, nil), unverified(bill("b", "X", "2023-01-01", 1000000, nil))},
			100, nil, []string{"X:100:2023-01-01:2023-01-01"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sp := computeSpecials(tt.bills)
			if sp.TotalCharges != tt.total {
				t.Errorf("total %v, want %v", sp.TotalCharges, tt.total)
			}
			var left float64
			for _, b := range tt.bills {
				if !b.Grounded {
					left += b.Charge
				}
			}
			if (sp.UngroundedCharges == nil) != (left == 0) || sp.UngroundedCharges != nil && *sp.UngroundedCharges != left {
				t.Errorf("unverified charges %v, want %v", sp.UngroundedCharges, left)
			}
			if (sp.TotalPaid == nil) != (tt.paid == nil) || sp.TotalPaid != nil && *sp.TotalPaid != *tt.paid {
				t.Errorf("paid %v, want %v", sp.TotalPaid, tt.paid)
			}
			var got []string
			for _, p := range sp.ByProvider {
				got = append(got, fmt.Sprintf("%s:%v:%s:%s", p.Provider, p.Charges, p.FirstDate, p.LastDate))
			}
			if fmt.Sprint(got) != fmt.Sprint(tt.byProvider) {
				t.Errorf("by provider %q, want %q", got, tt.byProvider)
			}
		})
	}
}

func unverified(b Bill) Bill { b.Grounded = false; return b }

// TestBillsNeverDoubleCounted builds a matter where the same statement is
// uploaded twice and a second, different statement repeats one line: the
// copy is dropped, the genuinely new line is kept.
func TestBillsNeverDoubleCounted(t *testing.T) {
	stmt := "Lakeside Chiropractic statement for services\n04/01/2023 98941 CMT 3-4 REGIONS 95.00\n04/03/2023 98941 CMT 3-4 REGIONS 95.00\nTotal 190.00"
	lines := func(doc string) []extract.BillLine {
		return []extract.BillLine{
			{Date: d("2023-04-01"), Provider: "Lakeside Chiropractic", Code: "98941", Charge: 95, Citations: []extract.Citation{cite(doc, 1, "04/01/2023 98941 CMT 3-4 REGIONS 95.00")}},
			{Date: d("2023-04-03"), Provider: "Lakeside Chiropractic", Code: "98941", Charge: 95, Citations: []extract.Citation{cite(doc, 1, "04/03/2023 98941 CMT 3-4 REGIONS 95.00")}},
		}
	}
	tot := func(doc string) []extract.BillTotal {
		return []extract.BillTotal{{Provider: "Lakeside Chiropractic", Total: 190, Citations: []extract.Citation{cite(doc, 1, "Total 190.00")}}}
	}
	a := source("a", "a.pdf", []extract.Page{textPage("a", 1, stmt)}, extract.Result{Bills: lines("a"), BillTotals: tot("a")})
	b := source("b", "b.pdf", []extract.Page{textPage("b", 1, stmt)}, extract.Result{Bills: lines("b"), BillTotals: tot("b")})
	c := Build(Matter{ID: "m"}, []Source{a, b}, Options{})
	if len(c.Bills) != 2 || c.Specials.TotalCharges != 190 {
		t.Errorf("bills %d total %v, want 2 and 190", len(c.Bills), c.Specials.TotalCharges)
	}
	if fs := flagsOf(c, FlagBillTotalMismatch); len(fs) != 0 {
		t.Errorf("a matching printed total was flagged: %+v", fs)
	}
	if fs := flagsOf(c, FlagBillWithoutRecord); len(fs) != 2 {
		t.Errorf("want one bill_without_record flag per date, got %+v", fs)
	}
	if c.Bills[0].ID == c.Bills[1].ID {
		t.Error("bill ids collide")
	}
}

// TestBillWithoutRecordNotForFillsOrAnesthesia: a pharmacy's fills and a
// medical supplier's deliveries are no visits, so they lack no record of
// one; an anesthesia group's bill on the day of another practice's
// procedure has its record in that procedure's; a therapist's bill on a
// day no record covers is flagged.
func TestBillWithoutRecordNotForFillsOrAnesthesia(t *testing.T) {
	line := func(doc string, date, prov, code, quote string) extract.BillLine {
		return extract.BillLine{Date: d(date), Provider: prov, Code: code, Charge: 50, Citations: []extract.Citation{cite(doc, 1, quote)}}
	}
	text := "Rx fill 2023-04-02 ibuprofen 50.00\n2023-04-03 E0730 TENS unit 50.00\n2023-04-05 01992 ANESTH NERVE BLOCK 50.00\n2023-04-20 01992 ANESTH NERVE BLOCK 50.00\n2023-04-09 97110 THER EXERCISE 50.00\nProcedure date: 04/05/2023 lumbar epidural steroid injection"
	bills := source("b", "b.pdf", []extract.Page{textPage("b", 1, text)}, extract.Result{
		Bills: []extract.BillLine{
			line("b", "2023-04-02", "Greenleaf Pharmacy", "", "Rx fill 2023-04-02 ibuprofen 50.00"),
			line("b", "2023-04-03", "Apex Home Medical Supply", "E0730", "2023-04-03 E0730 TENS unit 50.00"),
			line("b", "2023-04-05", "Cascade Anesthesia Group", "01992", "2023-04-05 01992 ANESTH NERVE BLOCK 50.00"),
			line("b", "2023-04-20", "Cascade Anesthesia Group", "01992", "2023-04-20 01992 ANESTH NERVE BLOCK 50.00"),
			line("b", "2023-04-09", "Lakeside Physical Therapy", "97110", "2023-04-09 97110 THER EXERCISE 50.00"),
		},
		Encounters: []extract.Encounter{{Date: d("2023-04-05"), Provider: "Northgate Pain Management", VisitType: "procedure",
			Citations: []extract.Citation{cite("b", 1, "Procedure date: 04/05/2023")}}},
	})
	c := Build(Matter{ID: "m"}, []Source{bills}, Options{})
	var got []string
	for _, f := range flagsOf(c, FlagBillWithoutRecord) {
		got = append(got, f.Message)
	}
	want := []string{
		"Cascade Anesthesia Group billed for 2023-04-20 but no medical record of that visit was found.",
		"Lakeside Physical Therapy billed for 2023-04-09 but no medical record of that visit was found.",
	}
	slices.Sort(got)
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("flags %q, want %q", got, want)
	}
}

// TestBillWithoutRecordNotOnPharmacyPrintout: a pharmacy named by its brand
// alone ("Harbor Drug") bills fills on a page the extractor read as a
// pharmacy's printout: no visit lacks its record. The same name's line on
// an itemized bill is still flagged.
func TestBillWithoutRecordNotOnPharmacyPrintout(t *testing.T) {
	text := "02/03/2024   2147731   TIZANIDINE 4 MG TAB   24.10"
	item := "02/05/2024   99213   OFFICE VISIT   120.00"
	src := func(doc, kind, quote, date string) Source {
		return source(doc, doc+".pdf", []extract.Page{textPage(doc, 1, quote)}, extract.Result{
			Pages: []extract.PageInfo{{Page: 1, Class: extract.PageBill, BillKind: kind}},
			Bills: []extract.BillLine{{Date: d(date), Provider: "Harbor Drug", Charge: 24.10, Citations: []extract.Citation{cite(doc, 1, quote)}}},
		})
	}
	c := Build(Matter{ID: "m"}, []Source{src("rx", "pharmacy", text, "2024-02-03"), src("it", "itemized", item, "2024-02-05")}, Options{})
	var got []string
	for _, f := range flagsOf(c, FlagBillWithoutRecord) {
		got = append(got, f.Message)
	}
	if want := []string{"Harbor Drug billed for 2024-02-05 but no medical record of that visit was found."}; fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("flags %q, want %q", got, want)
	}
}

// TestBillWithoutRecordInsideAStay: an admission note that prints no
// discharge date leaves the stay's length to its bill: charges on each day
// running on from the admission (room and board a night) are the stay's,
// a charge after a day without one is flagged.
func TestBillWithoutRecordInsideAStay(t *testing.T) {
	text := "Admission History and Physical\nDate of admission: 03/10/2024\n" +
		"03/10/2024 0450 EMERGENCY ROOM 900.00\n03/10/2024 0120 ROOM-BOARD/SEMI 1400.00\n03/11/2024 0120 ROOM-BOARD/SEMI 1400.00\n" +
		"03/12/2024 0250 PHARMACY 40.00\n03/20/2024 0510 CLINIC 210.00"
	var bills []extract.BillLine
	for _, l := range strings.Split(text, "\n")[2:] {
		bills = append(bills, extract.BillLine{Date: d(l[6:10] + "-" + l[0:2] + "-" + l[3:5]), Provider: "Mercy Hospital", Charge: 1,
			Citations: []extract.Citation{cite("h", 1, l)}})
	}
	src := source("h", "h.pdf", []extract.Page{textPage("h", 1, text)}, extract.Result{Bills: bills,
		Encounters: []extract.Encounter{{Date: d("2024-03-10"), Provider: "Mercy Hospital", VisitType: "hospital admission",
			Citations: []extract.Citation{cite("h", 1, "Date of admission: 03/10/2024")}}}})
	c := Build(Matter{ID: "m"}, []Source{src}, Options{})
	var got []string
	for _, f := range flagsOf(c, FlagBillWithoutRecord) {
		got = append(got, f.Message)
	}
	if want := []string{"Mercy Hospital billed for 2024-03-20 but no medical record of that visit was found."}; fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("flags %q, want %q", got, want)
	}
}
