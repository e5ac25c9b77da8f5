package chronology

import (
	"fmt"
	"strings"
	"testing"

	"github.com/medchron/medchron/extract"
)

// ledger is a provider's ledger page: two charges, a payment row, an
// adjustment row and printed totals of each kind.
const ledger = "Summit Pain Management ACCOUNT LEDGER\n" +
	"02/01/2024 64483 TFESI L5 1,800.00\n02/01/2024 99214 OFFICE VISIT 250.00\n" +
	"03/01/2024 PAYMENT - AETNA (900.00)\n03/01/2024 CONTRACTUAL ADJ (400.00)\n" +
	"Total charges 2,050.00\nTotal payments 900.00\nTotal adjustments 400.00\nBalance due 750.00\n" +
	"Total charges 2,100.00\nTotal payments 950.00\nTotal adjustments 350.00"

func ledgerLines() []extract.BillLine {
	line := func(date, code string, charge float64, quote string) extract.BillLine {
		return extract.BillLine{Date: d(date), Provider: "Summit Pain Management", Code: code, Charge: charge,
			Citations: []extract.Citation{cite("l", 1, quote)}}
	}
	pay := line("2024-03-01", "", 0, "03/01/2024 PAYMENT - AETNA (900.00)")
	pay.Kind, pay.Paid = extract.LinePayment, money2(-900)
	adj := line("2024-03-01", "", 400, "03/01/2024 CONTRACTUAL ADJ (400.00)") // amount put in Charge
	adj.Kind = extract.LineAdjustment
	return []extract.BillLine{
		line("2024-02-01", "64483", 1800, "02/01/2024 64483 TFESI L5 1,800.00"),
		line("2024-02-01", "99214", 250, "02/01/2024 99214 OFFICE VISIT 250.00"), pay, adj,
	}
}

// TestTotalsReconciledByKind: each printed total is compared with the
// lines of its kind only; a balance is never compared with charges; a
// mismatch is flagged citing the printed total.
func TestTotalsReconciledByKind(t *testing.T) {
	tests := []struct {
		name      string
		total     extract.BillTotal
		lines     []extract.BillLine
		kind      string
		checked   bool
		flagged   bool
		linesText string
	}{
		{"charges match", total(0, "", "Total charges 2,050.00", 2050), ledgerLines(), TotalCharges, true, false, "2050"},
		{"charges mismatch", total(0, "", "Total charges 2,100.00", 2100), ledgerLines(), TotalCharges, true, true, "2050"},
		{"payments match", total(0, extract.TotalPayments, "Total payments 900.00", 900), ledgerLines(), TotalPayments, true, false, "900"},
		{"payments mismatch", total(0, extract.TotalPayments, "Total payments 950.00", 950), ledgerLines(), TotalPayments, true, true, "900"},
		{"payments read from the words", total(0, "", "Total payments 900.00", 900), ledgerLines(), TotalPayments, true, false, "900"},
		{"adjustments match", total(0, extract.TotalAdjustments, "Total adjustments 400.00", 400), ledgerLines(), TotalAdjustments, true, false, "400"},
		{"adjustments mismatch", total(0, "", "Total adjustments 350.00", 350), ledgerLines(), TotalAdjustments, true, true, "400"},
		{"balance never compared", total(0, extract.TotalBalance, "Balance due 750.00", 750), ledgerLines(), TotalBalance, false, false, ""},
		{"balance without a kind never compared", total(0, "", "Balance due 750.00", 750), ledgerLines(), TotalBalance, false, false, ""},
		{"payments total without payment rows", total(0, extract.TotalPayments, "Total payments 900.00", 900), ledgerLines()[:2], TotalPayments, false, false, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := source("l", "ledger.pdf", []extract.Page{textPage("l", 1, ledger)},
				extract.Result{Bills: tt.lines, BillTotals: []extract.BillTotal{tt.total}})
			c := Build(Matter{ID: "m"}, []Source{src}, Options{})
			if len(c.BillTotals) != 1 {
				t.Fatalf("bill totals %+v", c.BillTotals)
			}
			bt := c.BillTotals[0]
			if bt.Kind != tt.kind || (bt.Reconciled != nil) != tt.checked {
				t.Errorf("total %+v, want kind %s checked %v", bt, tt.kind, tt.checked)
			}
			if tt.checked && (fmt.Sprint(*bt.LinesTotal) != tt.linesText || *bt.Reconciled == tt.flagged) {
				t.Errorf("lines total %v reconciled %v, want %s", *bt.LinesTotal, *bt.Reconciled, tt.linesText)
			}
			fs := flagsOf(c, FlagBillTotalMismatch)
			if (len(fs) == 1) != tt.flagged || len(fs) > 1 {
				t.Errorf("mismatch flags %+v, want flagged=%v", fs, tt.flagged)
			}
			if tt.flagged && (fs[0].Citations[0].Quote != tt.total.Citations[0].Quote || !strings.Contains(fs[0].Message, tt.kind)) {
				t.Errorf("flag %+v", fs[0])
			}
		})
	}
}

func total(page int, kind, quote string, v float64) extract.BillTotal {
	if page == 0 {
		page = 1
	}
	return extract.BillTotal{Provider: "Summit Pain Management", Kind: kind, Total: v,
		Citations: []extract.Citation{cite("l", page, quote)}}
}

// TestSpecialsByKind: charges come from charge lines only; payments and
// adjustments are summed per provider; EOB lines never add charges, and
// their payments count only for a provider whose bills show none.
func TestSpecialsByKind(t *testing.T) {
	eob := "BLUE SHIELD EXPLANATION OF BENEFITS\nSummit Pain Management 02/01/2024 64483 Billed 1,800.00 Paid 900.00\n" +
		"Valley Imaging 02/10/2024 72148 Billed 1,200.00 Paid 600.00"
	mri := "Valley Imaging\n02/10/2024 72148 MRI LUMBAR 1,200.00"
	eobLine := func(prov, date, code string, charge, paid float64, quote string) extract.BillLine {
		return extract.BillLine{Date: d(date), Provider: prov, Code: code, Charge: charge, Paid: money2(paid),
			Citations: []extract.Citation{cite("e", 1, quote)}}
	}
	sources := []Source{
		source("l", "ledger.pdf", []extract.Page{textPage("l", 1, ledger)}, extract.Result{Bills: ledgerLines()}),
		source("m", "mri.pdf", []extract.Page{textPage("m", 1, mri)}, extract.Result{Bills: []extract.BillLine{{Date: d("2024-02-10"),
			Provider: "Valley Imaging", Code: "72148", Charge: 1200, Citations: []extract.Citation{cite("m", 1, "02/10/2024 72148 MRI LUMBAR 1,200.00")}}}}),
		source("e", "eob.pdf", []extract.Page{textPage("e", 1, eob)}, extract.Result{
			Pages: []extract.PageInfo{{Page: 1, Class: extract.PageEOB}},
			Bills: []extract.BillLine{
				eobLine("Summit Pain Management", "2024-02-01", "64483", 1800, 900, "Summit Pain Management 02/01/2024 64483 Billed 1,800.00 Paid 900.00"),
				eobLine("Valley Imaging", "2024-02-10", "72148", 1200, 600, "Valley Imaging 02/10/2024 72148 Billed 1,200.00 Paid 600.00"),
			}}),
	}
	c := Build(Matter{ID: "m"}, sources, Options{})
	sp := c.Specials
	if sp.TotalCharges != 3250 || sp.TotalPaid == nil || *sp.TotalPaid != 1500 || sp.TotalAdjustments == nil || *sp.TotalAdjustments != 400 {
		t.Errorf("specials charges %v paid %v adjustments %v, want 3250, 1500, 400", sp.TotalCharges, sp.TotalPaid, sp.TotalAdjustments)
	}
	var got []string
	for _, p := range sp.ByProvider {
		got = append(got, fmt.Sprintf("%s %v %v %v", p.Provider, p.Charges, deref(p.Paid), deref(p.Adjustments)))
	}
	want := []string{"Summit Pain Management 2050 900 400", "Valley Imaging 1200 600 -"}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("by provider %q, want %q", got, want)
	}
	kinds := map[string]int{}
	eobs := 0
	for _, b := range c.Bills {
		kinds[b.Kind]++
		if b.EOB {
			eobs++
		}
		if b.Kind != BillCharge && b.Charge != 0 {
			t.Errorf("%s row with a charge: %+v", b.Kind, b)
		}
	}
	if kinds[BillCharge] != 5 || kinds[BillPayment] != 1 || kinds[BillAdjustment] != 1 || eobs != 2 {
		t.Errorf("kinds %v, EOB lines %d", kinds, eobs)
	}
	// Neither payment rows nor EOB lines are services without a record.
	for _, f := range flagsOf(c, FlagBillWithoutRecord) {
		if strings.Contains(f.Message, "2024-03-01") || f.Citations[0].DocumentID == "e" {
			t.Errorf("flag %+v", f)
		}
	}
}

func deref(p *float64) string {
	if p == nil {
		return "-"
	}
	return fmt.Sprint(*p)
}

// TestBillLineFields: revenue code, modifiers, units and kind reach the
// chronology as printed.
func TestBillLineFields(t *testing.T) {
	ub := "Mercy General Hospital UB-04\n0450 99284 25 EMERGENCY ROOM 1 2,400.00\n0320 72040 TC XR C-SPINE 2 620.00"
	src := source("u", "ub04.pdf", []extract.Page{textPage("u", 1, ub)}, extract.Result{
		Pages: []extract.PageInfo{{Page: 1, Class: extract.PageBill, BillKind: "ub04", Provider: "Mercy General Hospital"}},
		Bills: []extract.BillLine{
			{Date: d("2024-01-02"), Code: "99284", RevenueCode: "0450", Modifiers: []string{" 25 "}, Units: 1, Charge: 2400,
				Citations: []extract.Citation{cite("u", 1, "0450 99284 25 EMERGENCY ROOM 1 2,400.00")}},
			{Date: d("2024-01-02"), Code: "72040", RevenueCode: "0320", Modifiers: []string{"tc", ""}, Units: 2, Charge: 620,
				Citations: []extract.Citation{cite("u", 1, "0320 72040 TC XR C-SPINE 2 620.00")}},
		}})
	c := Build(Matter{ID: "m"}, []Source{src}, Options{})
	var got []string
	for _, b := range c.Bills {
		got = append(got, fmt.Sprintf("%s %s %s %q %v %s", b.Provider, b.RevenueCode, b.Code, b.Modifiers, b.Units, b.Kind))
	}
	want := []string{`Mercy General Hospital 0320 72040 ["TC"] 2 charge`, `Mercy General Hospital 0450 99284 ["25"] 1 charge`}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("bills %q\nwant %q", got, want)
	}
	if c.Specials.TotalCharges != 3020 {
		t.Errorf("total charges %v", c.Specials.TotalCharges)
	}
}

// TestSpecialsOnlyProvidersWithCharges: a provider seen only on an EOB or
// in payment rows is not a line of the specials.
func TestSpecialsOnlyProvidersWithCharges(t *testing.T) {
	bills := []Bill{
		{ProviderID: "a", Provider: "A", Kind: BillCharge, Charge: 100, Grounded: true},
		{ProviderID: "b", Provider: "B", Kind: BillCharge, Charge: 500, Paid: money2(250), EOB: true, Grounded: true},
		{ProviderID: "c", Provider: "C", Kind: BillPayment, Paid: money2(40), Grounded: true},
	}
	sp := computeSpecials(bills)
	if len(sp.ByProvider) != 1 || sp.ByProvider[0].Provider != "A" || sp.TotalCharges != 100 || sp.TotalPaid != nil {
		t.Errorf("specials %+v", sp)
	}
}

// TestTotalsOfReceiptsSharingAPage: counter receipts copied two to a page
// each print the total of their own prescriptions; the second is compared
// with the lines below the first total, not with every line of the page
// above it.
func TestTotalsOfReceiptsSharingAPage(t *testing.T) {
	page := "Oakwood Pharmacy\n02/03/2024 Rx #100231 IBUPROFEN 800MG 14.20\n02/03/2024 Rx #100232 CYCLOBENZAPRINE 10MG 9.80\n" +
		"TOTAL 24.00\nCASH 30.00\nCHANGE 6.00\n" +
		"Oakwood Pharmacy\n02/17/2024 Rx #100377 LIDOCAINE 5% PATCH 31.50\nTOTAL 31.50\n"
	line := func(date string, charge float64, quote string) extract.BillLine {
		return extract.BillLine{Date: d(date), Provider: "Oakwood Pharmacy", Charge: charge,
			Citations: []extract.Citation{cite("r", 1, quote)}}
	}
	tot := func(v float64, quote string) extract.BillTotal {
		return extract.BillTotal{Provider: "Oakwood Pharmacy", Total: v, Citations: []extract.Citation{cite("r", 1, quote)}}
	}
	src := source("r", "receipts.pdf", []extract.Page{textPage("r", 1, page)}, extract.Result{
		Bills: []extract.BillLine{
			line("2024-02-03", 14.20, "02/03/2024 Rx #100231 IBUPROFEN 800MG 14.20"),
			line("2024-02-03", 9.80, "02/03/2024 Rx #100232 CYCLOBENZAPRINE 10MG 9.80"),
			line("2024-02-17", 31.50, "02/17/2024 Rx #100377 LIDOCAINE 5% PATCH 31.50"),
		},
		BillTotals: []extract.BillTotal{tot(24, "TOTAL 24.00"), tot(31.50, "TOTAL 31.50")},
	})
	c := Build(Matter{ID: "m"}, []Source{src}, Options{})
	if fs := flagsOf(c, FlagBillTotalMismatch); len(fs) != 0 {
		t.Errorf("mismatch flags %+v, want none", fs)
	}
	for _, bt := range c.BillTotals {
		if bt.Reconciled == nil || !*bt.Reconciled {
			t.Errorf("total %+v not reconciled", bt)
		}
	}
}

// TestTotalsOfIdenticalReceipts: two receipts on one page print the same
// refill and the same "SUBTOTAL" and "TOTAL" lines; each total stands for
// its own receipt's line (the n-th citation of a text at the n-th place the
// page prints it, "TOTAL" inside "SUBTOTAL" none of them).
func TestTotalsOfIdenticalReceipts(t *testing.T) {
	receipt := "Oakwood Pharmacy\n%s\nRx MELOXICAM 15MG TAB 21.50\nSUBTOTAL 21.50\nTOTAL 21.50\n"
	page := fmt.Sprintf(receipt, "02/03/2024") + fmt.Sprintf(receipt, "03/04/2024") +
		"Oakwood Pharmacy\n03/20/2024\nRx GABAPENTIN 300MG CAP 34.75\nTOTAL 34.75\n"
	var bills []extract.BillLine
	var totals []extract.BillTotal
	for _, date := range []string{"2024-02-03", "2024-03-04"} {
		bills = append(bills, extract.BillLine{Date: d(date), Provider: "Oakwood Pharmacy", Charge: 21.50,
			Citations: []extract.Citation{cite("r", 1, "Rx MELOXICAM 15MG TAB 21.50")}})
		totals = append(totals, extract.BillTotal{Provider: "Oakwood Pharmacy", Total: 21.50,
			Citations: []extract.Citation{cite("r", 1, "TOTAL 21.50")}})
	}
	bills = append(bills, extract.BillLine{Date: d("2024-03-20"), Provider: "Oakwood Pharmacy", Charge: 34.75,
		Citations: []extract.Citation{cite("r", 1, "Rx GABAPENTIN 300MG CAP 34.75")}})
	totals = append(totals, extract.BillTotal{Provider: "Oakwood Pharmacy", Total: 34.75,
		Citations: []extract.Citation{cite("r", 1, "TOTAL 34.75")}})
	src := source("r", "receipts.pdf", []extract.Page{textPage("r", 1, page)}, extract.Result{Bills: bills, BillTotals: totals})
	c := Build(Matter{ID: "m"}, []Source{src}, Options{})
	if fs := flagsOf(c, FlagBillTotalMismatch); len(fs) != 0 {
		t.Errorf("mismatch flags %+v, want none", fs)
	}
}
