package reporttest

import (
	"time"

	"github.com/medchron/medchron/chronology"
	"github.com/medchron/medchron/extract"
)

// SampleNewFacts is Sample with the facts added with page classes: page
// classes on the ER document, an undated entry, a UB-04 line with revenue
// code, modifier and units, payment and adjustment rows, printed totals of
// each kind (one that does not reconcile), adjustments in the specials, and
// undated and unknown-provider flags.
func SampleNewFacts() chronology.Chronology {
	c := Sample()
	c.Documents[1].PageClasses = []string{extract.PageAdmin, extract.PageClinical, extract.PageClinical,
		extract.PageReport, extract.PageBill, extract.PageBill}
	c.UndatedEntries = []chronology.Entry{{ID: "u1", ProviderID: "p-river", Provider: "Riverside Physical Therapy",
		VisitType: "progress note", Summary: "Progress note without a date of service; patient improving.",
		Citations: []extract.Citation{cite(DocPT, 7, "", "Progress note")}, Grounded: true, Review: chronology.ReviewUnreviewed, Extractor: "rules"}}
	const sm = "Saint Mary's Regional Medical Center"
	c.Bills = append(c.Bills,
		chronology.Bill{ID: "b9", Date: d(2023, time.March, 14), ProviderID: "p-stmary", Provider: sm, Code: "96374",
			RevenueCode: "0450", Modifiers: []string{"25", "59"}, Units: 2, Kind: chronology.BillCharge, Description: "IV push",
			Charge: 170, Citations: []extract.Citation{cite(DocER, 6, "MC000006", "0450 96374 25 59 2 170.00")}, Grounded: true},
		chronology.Bill{ID: "b10", Date: d(2023, time.May, 2), ProviderID: "p-stmary", Provider: sm, Kind: chronology.BillPayment,
			Description: "Payment - BCBS", Paid: f(1350), Citations: []extract.Citation{cite(DocER, 6, "MC000006", "PAYMENT BCBS (1,350.00)")}, Grounded: true},
		chronology.Bill{ID: "b11", Date: d(2023, time.May, 2), ProviderID: "p-stmary", Provider: sm, Kind: chronology.BillAdjustment,
			Description: "Contractual adjustment", Adjustment: f(600), EOB: true,
			Citations: []extract.Citation{cite(DocER, 6, "MC000006", "CONTRACTUAL ADJ (600.00)")}, Grounded: true},
	)
	c.Specials = SpecialsOf(c.Bills)
	adj := 600.0
	c.Specials.TotalAdjustments = &adj
	c.Specials.ByProvider[0].Adjustments = &adj
	yes, no := true, false
	c.BillTotals = []chronology.BillTotal{
		{ProviderID: "p-stmary", Provider: sm, Kind: chronology.TotalCharges, Total: 3000, LinesTotal: f(2830), Reconciled: &no,
			Citations: []extract.Citation{cite(DocER, 6, "MC000006", "TOTAL CHARGES 3,000.00")}},
		{ProviderID: "p-stmary", Provider: sm, Kind: chronology.TotalPayments, Total: 1350, LinesTotal: f(1350), Reconciled: &yes,
			Citations: []extract.Citation{cite(DocER, 6, "MC000006", "TOTAL PAYMENTS 1,350.00")}},
		{ProviderID: "p-stmary", Provider: sm, Kind: chronology.TotalBalance, Total: 1050,
			Citations: []extract.Citation{cite(DocER, 6, "MC000006", "BALANCE DUE 1,050.00")}},
	}
	c.Flags = append(c.Flags,
		chronology.Flag{Kind: chronology.FlagUndated, Message: "Entry u1 (Riverside Physical Therapy) prints no readable date of service.",
			EntryIDs: []string{"u1"}, Citations: []extract.Citation{cite(DocPT, 7, "", "Progress note")}},
		chronology.Flag{Kind: chronology.FlagUnknownProvider, Message: "No provider is named for 1 entries of PT notes, scanned.pdf.",
			Citations: []extract.Citation{cite(DocPT, 7, "", "Progress note")}})
	return c
}
