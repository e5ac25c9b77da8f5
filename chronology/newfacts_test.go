package chronology

import (
	"github.com/medchron/medchron/extract"
)

// newFactsSources is a small matter holding every fact added with page
// classes: an administrative fax cover, an undated note, a UB-04 with
// revenue codes, modifiers and units, a ledger with payment and adjustment
// rows and totals of each kind, an EOB, an EMS arrival never documented, a
// note naming no provider, and a note whose quote does not hold its date.
func newFactsSources() []Source {
	const (
		fax   = "FAX COVER SHEET\nFROM: Mercy General Hospital HIM\nTO: Law Office of Dana Pike\nPages: 5"
		ed    = "Mercy General Hospital Emergency Department\nDate of Service: 01/02/2024\nArrived by ambulance. Neck pain after MVC.\nPrimary: neck strain"
		ub    = "Mercy General Hospital UB-04\n0450 99284 25 EMERGENCY ROOM 1 2,400.00\n0320 72040 TC XR C-SPINE 2 620.00\n0001 TOTAL CHARGES 3,020.00"
		und   = "Mercy General Hospital\nNursing progress note\nPatient resting comfortably."
		led   = "Mercy General Hospital PATIENT LEDGER\n02/01/2024 PAYMENT BCBS (1,500.00)\n02/01/2024 CONTRACTUAL ADJUSTMENT (900.00)\nTotal payments 1,500.00\nBalance due 620.00\nPrimary insurance: Blue Cross PPO   Claim # BC2024-00912"
		eob   = "BLUE CROSS EXPLANATION OF BENEFITS\nMercy General Hospital 01/02/2024 99284 Billed 2,400.00 Paid 1,500.00"
		other = "Progress note\nSeen for neck pain, improving.\nReturn as needed."
	)
	pages := []extract.Page{textPage("n", 1, fax), textPage("n", 2, ed), textPage("n", 3, ub), textPage("n", 4, und),
		textPage("n", 5, led), textPage("n", 6, eob)}
	day := d("2024-01-02")
	r := extract.Result{
		Pages: []extract.PageInfo{
			{Page: 1, Class: extract.PageAdmin, Provider: "Mercy General Hospital"},
			{Page: 2, Class: extract.PageClinical, Provider: "Mercy General Hospital"},
			{Page: 3, Class: extract.PageBill, BillKind: "ub04", Provider: "Mercy General Hospital"},
			{Page: 4, Class: extract.PageClinical, Provider: "Mercy General Hospital"},
			{Page: 5, Class: extract.PageBill, BillKind: "ledger", Provider: "Mercy General Hospital"},
			{Page: 6, Class: extract.PageEOB},
		},
		Encounters: []extract.Encounter{
			{Date: day, Provider: "Mercy Gen Hosp – Emergency Services", ProviderKind: "emergency", VisitType: "emergency visit",
				Citations: []extract.Citation{cite("n", 2, "Arrived by ambulance."), cite("n", 2, "Date of Service: 01/02/2024")}},
			{Undated: true, Provider: "", VisitType: "nursing note", Citations: []extract.Citation{cite("n", 4, "Nursing progress note")}},
		},
		Bills: []extract.BillLine{
			{Date: day, Code: "99284", RevenueCode: "0450", Modifiers: []string{"25"}, Units: 1, Charge: 2400, Provider: "Mercy General Hospital",
				Citations: []extract.Citation{cite("n", 3, "0450 99284 25 EMERGENCY ROOM 1 2,400.00")}},
			{Date: day, Code: "72040", RevenueCode: "0320", Modifiers: []string{"TC"}, Units: 2, Charge: 620, Provider: "Mercy General Hospital",
				Citations: []extract.Citation{cite("n", 3, "0320 72040 TC XR C-SPINE 2 620.00")}},
			{Date: d("2024-02-01"), Kind: extract.LinePayment, Paid: money2(1500), Provider: "Mercy General Hospital",
				Citations: []extract.Citation{cite("n", 5, "02/01/2024 PAYMENT BCBS (1,500.00)")}},
			{Date: d("2024-02-01"), Kind: extract.LineAdjustment, Adjustment: money2(900), Provider: "Mercy General Hospital",
				Citations: []extract.Citation{cite("n", 5, "02/01/2024 CONTRACTUAL ADJUSTMENT (900.00)")}},
			{Date: day, Code: "99284", Charge: 2400, Paid: money2(1500), Provider: "Mercy General Hospital",
				Citations: []extract.Citation{cite("n", 6, "Mercy General Hospital 01/02/2024 99284 Billed 2,400.00 Paid 1,500.00")}},
		},
		BillTotals: []extract.BillTotal{
			{Provider: "Mercy General Hospital", Total: 3020, Citations: []extract.Citation{cite("n", 3, "0001 TOTAL CHARGES 3,020.00")}},
			{Provider: "Mercy General Hospital", Kind: extract.TotalPayments, Total: 1500, Citations: []extract.Citation{cite("n", 5, "Total payments 1,500.00")}},
			{Provider: "Mercy General Hospital", Kind: extract.TotalBalance, Total: 620, Citations: []extract.Citation{cite("n", 5, "Balance due 620.00")}},
		},
		Expected: []extract.ExpectedRecord{{Kind: extract.ExpectEMS, What: "ambulance", Date: day,
			Citations: []extract.Citation{cite("n", 2, "Arrived by ambulance.")}}},
	}
	nameless := source("x", "note.pdf", []extract.Page{textPage("x", 1, other)}, extract.Result{
		Encounters: []extract.Encounter{{Date: d("2024-01-20"), VisitType: "follow-up",
			Citations: []extract.Citation{cite("x", 1, "Seen for neck pain, improving.")}}}})
	return []Source{source("n", "mercy.pdf", pages, r), nameless}
}
