package check

import (
	"github.com/medchron/medchron/chronology"
	"github.com/medchron/medchron/extract"
	"github.com/medchron/medchron/extract/dates"
)

func money(v float64) *float64 { return &v }

func cite(page int, quote string) []extract.Citation {
	return []extract.Citation{{DocumentID: "doc-1", Page: page, Bates: bates(page), Quote: quote}}
}

func bates(page int) string { return "MC0000" + string(rune('0'+page/10)) + string(rune('0'+page%10)) }

// sample is a small matter: an ER visit on the day of the incident, an
// orthopaedic consultation, three physical therapy visits, a primary-care
// visit before the incident, and bills.
func sample() chronology.Chronology {
	d := dates.New
	pain := 7.0
	return chronology.Chronology{
		Schema: chronology.SchemaVersion,
		Matter: chronology.Matter{ID: "M-1", Client: "Dana Cole", DateOfIncident: d(2024, 3, 14), GapDays: 30},
		Documents: []chronology.Document{{Document: extract.Document{ID: "doc-1", File: "records.pdf", Pages: 20}},
			{Document: extract.Document{ID: "doc-2", File: "PT notes, scanned.pdf", Pages: 3}}},
		Providers: []chronology.Provider{
			{ID: "p-er", Name: "Mercy General Hospital", Kind: "emergency", Aliases: []string{"MERCY GEN HOSP ED"}},
			{ID: "p-ortho", Name: "Summit Orthopedic Associates", Kind: "orthopedics"},
			{ID: "p-pt", Name: "Active Life Physical Therapy", Kind: "physical_therapy", Aliases: []string{"Active Life PT"}},
			{ID: "p-pcp", Name: "Valley Family Medicine", Kind: "primary_care"},
		},
		Entries: []chronology.Entry{
			{ID: "e-pcp", Date: d(2023, 6, 1), ProviderID: "p-pcp", Provider: "Valley Family Medicine", PreIncident: true,
				Complaints: "low back pain after lifting", Assessment: "lumbar strain", Citations: cite(1, "Visit 06/01/2023")},
			{ID: "e-er", Date: d(2024, 3, 14), ProviderID: "p-er", Provider: "Mercy General Hospital", Clinician: "Sarah Lee, MD",
				Complaints: "neck pain after motor vehicle collision", Findings: "no fracture", PainScore: &pain,
				Diagnoses: []extract.Coded{{Code: "S13.4XXA", Description: "Sprain of ligaments of cervical spine, initial encounter"},
					{Code: "M54.2", Description: "Cervicalgia"}},
				Plan: "Follow up with orthopedics on 03/21/2024", Citations: cite(3, "Date of Service: 03/14/2024")},
			{ID: "e-ortho", Date: d(2024, 3, 21), ProviderID: "p-ortho", Provider: "Summit Orthopedic Associates", Clinician: "Paul Grant, DO",
				Assessment: "cervical radiculopathy; C5-C6 disc protrusion",
				Diagnoses:  []extract.Coded{{Code: "M54.12", Description: "Radiculopathy, cervical region"}},
				Citations:  cite(6, "Visit Date: 03/21/2024")},
			{ID: "e-pt1", Date: d(2024, 4, 1), ProviderID: "p-pt", Provider: "Active Life Physical Therapy",
				Citations: append(cite(8, "DOS 04/01/2024"), extract.Citation{DocumentID: "doc-2", Page: 2, Quote: "Initial evaluation"})},
			{ID: "e-pt2", Date: d(2024, 4, 3), ProviderID: "p-pt", Provider: "Active Life PT", Citations: cite(9, "DOS 04/03/2024")},
			{ID: "e-pt3", Date: d(2024, 4, 8), EndDate: d(2024, 4, 10), ProviderID: "p-pt", Provider: "Active Life Physical Therapy",
				Citations: cite(10, "DOS 04/08/2024")},
		},
		Bills: []chronology.Bill{
			{ID: "b1", Date: d(2024, 3, 14), ProviderID: "p-er", Provider: "Mercy General Hospital", Code: "99284", Kind: chronology.BillCharge,
				Charge: 1250, Citations: cite(4, "99284 1,250.00"), Grounded: true},
			{ID: "b2", Date: d(2024, 3, 14), ProviderID: "p-er", Provider: "Mercy General Hospital", Code: "72040", Kind: chronology.BillCharge,
				Charge: 310.55, Citations: cite(4, "72040 310.55"), Grounded: true},
			{ID: "b3", Date: d(2024, 3, 21), ProviderID: "p-ortho", Provider: "Summit Orthopedic Associates", Code: "99204", Kind: chronology.BillCharge,
				Charge: 425, Paid: money(200), Citations: cite(7, "99204 425.00"), Grounded: true},
			{ID: "b4", Date: d(2024, 4, 1), ProviderID: "p-pt", Provider: "Active Life Physical Therapy", Code: "97110", Kind: chronology.BillCharge,
				Charge: 180, Citations: cite(11, "97110 180.00"), Grounded: true},
			{ID: "b5", Date: d(2024, 4, 3), ProviderID: "p-pt", Provider: "Active Life Physical Therapy", Code: "97110", Kind: chronology.BillCharge,
				Charge: 180, Citations: cite(11, "97110 180.00"), Grounded: true},
		},
		Specials: chronology.Specials{TotalCharges: 2345.55, TotalPaid: money(200), ByProvider: []chronology.ProviderSpecial{
			{ProviderID: "p-er", Provider: "Mercy General Hospital", Charges: 1560.55, FirstDate: d(2024, 3, 14), LastDate: d(2024, 3, 14)},
			{ProviderID: "p-ortho", Provider: "Summit Orthopedic Associates", Charges: 425, Paid: money(200), FirstDate: d(2024, 3, 21), LastDate: d(2024, 3, 21)},
			{ProviderID: "p-pt", Provider: "Active Life Physical Therapy", Charges: 360, FirstDate: d(2024, 4, 1), LastDate: d(2024, 4, 3)},
		}},
		BillTotals: []chronology.BillTotal{{ProviderID: "p-er", Provider: "Mercy General Hospital", Kind: chronology.TotalCharges, Total: 1560.55,
			Citations: cite(4, "TOTAL CHARGES 1,560.55")}},
	}
}
