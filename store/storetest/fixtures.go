package storetest

import (
	"github.com/medchron/medchron/chronology"
	"github.com/medchron/medchron/extract"
	"github.com/medchron/medchron/extract/dates"
	"github.com/medchron/medchron/store"
)

func ptr(f float64) *float64 { return &f }

func boolPtr(b bool) *bool { return &b }

// wordsOf lays out the words of one line of text as OCR would return them.
func wordsOf(line int, y float64, conf float64, texts ...string) []extract.Word {
	var ws []extract.Word
	x := 72.0
	for _, s := range texts {
		w := float64(len(s)) * 6.12345
		ws = append(ws, extract.Word{Text: s, Box: extract.Box{X0: x, Y0: y, X1: x + w, Y1: y + 11.5}, Confidence: conf, Line: line})
		x += w + 3.5
	}
	return ws
}

// samplePages returns three pages of a document: text layer, OCR with
// confidences, and an unreadable one.
func samplePages(docID string) []extract.Page {
	p1 := append(wordsOf(0, 72, 0, "Mercy", "General", "Hospital", "—", "Emergency", "Department"),
		wordsOf(1, 88.25, 0, "Date", "of", "service:", "12/06/2023")...)
	p2 := append(wordsOf(0, 70.125, 96.5, "Chief", "complaint:", "neck", "pain", "after", "MVC"),
		wordsOf(1, 86.75, 61, "Pain", "7/10,", "café", "naïve")...)
	return []extract.Page{
		{DocumentID: docID, Number: 1, Source: extract.SourceText, Text: "Mercy General Hospital — Emergency Department\nDate of service: 12/06/2023",
			Words: p1, Width: 612, Height: 792},
		{DocumentID: docID, Number: 2, Source: extract.SourceOCR, Text: "Chief complaint: neck pain after MVC\nPain 7/10, café naïve\t",
			Words: p2, Width: 612.5, Height: 792.25, Confidence: 88.4375},
		{DocumentID: docID, Number: 3, Source: extract.SourceError, Width: 612, Height: 792, Err: "render page: image too large"},
	}
}

// sampleResult returns an extraction result with every kind of fact and
// every optional field set somewhere.
func sampleResult(docID string) store.StoredResult {
	cite := func(page int, quote string) []extract.Citation {
		return []extract.Citation{{DocumentID: docID, Page: page, Bates: "MGH000012", Quote: quote}}
	}
	return store.StoredResult{
		Extractor:     "llm:qwen2.5:14b",
		PromptVersion: "extract-v3",
		Result: extract.Result{
			Encounters: []extract.Encounter{
				{
					Date: dates.New(2023, 12, 6), Provider: "Mercy General Hospital", ProviderKind: "emergency",
					NPI: "1234567893", Clinician: "A. Patel, MD", VisitType: "ED visit",
					Complaints: "Neck pain after motor vehicle collision", Findings: "Paraspinal tenderness C5-C7",
					Assessment: "Cervical strain", Plan: "NSAIDs, follow up with PCP",
					Diagnoses:   []extract.Coded{{Code: "S13.4XXA", Description: "Sprain of ligaments of cervical spine"}},
					Procedures:  []extract.Coded{{Code: "72040", Description: "X-ray cervical spine, 2 views"}},
					Medications: []string{"Ibuprofen 600 mg", "Cyclobenzaprine 5 mg"},
					PainScore:   ptr(7), WorkStatus: "off work 3 days",
					Referrals: []string{"orthopedics"}, Orders: []string{"MRI cervical spine"},
					Citations: append(cite(1, "Date of service: 12/06/2023"), cite(2, "neck pain after MVC")...),
				},
				{
					Date: dates.New(2024, 1, 8), EndDate: dates.New(2024, 3, 1), Provider: "Back in Motion Physical Therapy",
					ProviderKind: "physical_therapy", VisitType: "PT course", PainScore: ptr(3.5),
					Citations: cite(2, "Pain 7/10"),
				},
				{
					Undated: true, Provider: "Mercy General Hospital", VisitType: "nursing note",
					Citations: cite(4, "Nursing progress note"),
				},
			},
			Bills: []extract.BillLine{
				{Date: dates.New(2023, 12, 6), Provider: "Mercy General Hospital", Code: "99284", Description: "ED visit, level 4",
					Charge: 1843.17, Adjustment: ptr(-612.5), Paid: ptr(1000), Balance: ptr(230.67), Citations: cite(3, "99284 1,843.17")},
				{Provider: "Mercy General Hospital", Description: "Radiology", Charge: 0.1 + 0.2, Citations: cite(3, "Radiology")},
				{Date: dates.New(2023, 12, 6), Provider: "Mercy General Hospital", Code: "72040", RevenueCode: "0320",
					Modifiers: []string{"TC", "59"}, Units: 2.5, Charge: 620, Citations: cite(3, "0320 72040 TC 59 2.5 620.00")},
				{Date: dates.New(2024, 1, 20), Provider: "Mercy General Hospital", Kind: extract.LinePayment, Paid: ptr(900),
					Citations: cite(3, "PAYMENT (900.00)")},
				{Date: dates.New(2024, 1, 20), Provider: "Mercy General Hospital", Kind: extract.LineAdjustment, Adjustment: ptr(300),
					Citations: cite(3, "ADJ (300.00)")},
			},
			BillTotals: []extract.BillTotal{{Provider: "Mercy General Hospital", Total: 1843.47, Citations: cite(3, "Total charges 1,843.47")},
				{Provider: "Mercy General Hospital", Kind: extract.TotalPayments, Total: 900, Citations: cite(3, "Total payments 900.00")},
				{Provider: "Mercy General Hospital", Kind: extract.TotalBalance, Total: 643.47, Citations: cite(3, "Balance due 643.47")}},
			Pages: []extract.PageInfo{{Page: 1, Class: extract.PageAdmin}, {Page: 2, Class: extract.PageClinical, Provider: "Mercy General Hospital"},
				{Page: 3, Class: extract.PageBill, BillKind: "ub04", Provider: "Mercy General Hospital"}, {Page: 4, Class: extract.PageClinical}},
			Expected: []extract.ExpectedRecord{{Kind: extract.ExpectEMS, What: "ambulance", Provider: "Metro EMS", Date: dates.New(2023, 12, 6),
				Source: "Mercy General Hospital", Citations: cite(2, "Arrived by ambulance")},
				{Kind: extract.ExpectReport, What: "MRI report", Citations: cite(4, "MRI report not received")}},
			Patient:    "Jane Q. Doe",
			Usage:      extract.Usage{PromptTokens: 12345, CompletionTokens: 678},
			PageErrors: map[int]string{3: "answer malformed after 3 attempts"},
		},
	}
}

// sampleChronology returns a chronology with every part filled in.
func sampleChronology(matterID, docID string) chronology.Chronology {
	cite := []extract.Citation{{DocumentID: docID, Page: 1, Quote: "Date of service: 12/06/2023"}}
	return chronology.Chronology{
		Schema:      chronology.SchemaVersion,
		GeneratedAt: "2024-04-02T10:11:12Z",
		Matter:      chronology.Matter{ID: matterID, Name: "Doe v. Acme Freight", Client: "Jane Doe", DateOfIncident: dates.New(2023, 12, 5), GapDays: 45},
		Documents:   []chronology.Document{{Document: extract.Document{ID: docID, File: "mercy.pdf", SHA256: "ab12", Pages: 3}, BatesFirst: "MGH000010", BatesLast: "MGH000012", PageSources: []extract.PageSource{extract.SourceText, extract.SourceOCR, extract.SourceError}, PageClasses: []string{extract.PageAdmin, extract.PageClinical, chronology.PageUnclassified}}},
		Providers: []chronology.Provider{
			{ID: "p1", Name: "Mercy General Hospital", Kind: "emergency", Aliases: []string{"MGH", "Mercy General"}, NPI: "1234567893"},
			{ID: "p2", Name: "Back in Motion Physical Therapy", Kind: "physical_therapy"},
		},
		Entries: []chronology.Entry{
			{ID: "e1", Date: dates.New(2023, 12, 6), ProviderID: "p1", Provider: "Mercy General Hospital", Clinician: "A. Patel, MD",
				VisitType: "ED visit", Complaints: "Neck pain", Findings: "Tenderness", Assessment: "Cervical strain", Plan: "NSAIDs",
				Summary: "Seen in the ED the day after the collision.", Diagnoses: []extract.Coded{{Code: "S13.4XXA", Description: "Cervical sprain"}},
				Medications: []string{"Ibuprofen"}, PainScore: ptr(7), Citations: cite, Grounded: true,
				Review: chronology.ReviewVerified, Extractor: "rules"},
			{ID: "e2", Date: dates.New(2024, 1, 8), EndDate: dates.New(2024, 3, 1), ProviderID: "p2", Provider: "Back in Motion Physical Therapy",
				PreIncident: false, Citations: cite, Review: chronology.ReviewUnreviewed, Extractor: "llm:qwen2.5:14b", PromptVersion: "extract-v3"},
		},
		Gaps: []chronology.Gap{{From: dates.New(2023, 12, 6), To: dates.New(2024, 1, 8), Days: 33, AfterEntryID: "e1", BeforeEntryID: "e2"}},
		Bills: []chronology.Bill{
			{ID: "b1", Date: dates.New(2023, 12, 6), ProviderID: "p1", Provider: "Mercy General Hospital", Code: "99284",
				Charge: 1843.17, Paid: ptr(1000), Citations: cite, Grounded: true},
			{ID: "b2", ProviderID: "p2", Provider: "Back in Motion Physical Therapy", Charge: 95, Citations: cite},
			{ID: "b3", Date: dates.New(2023, 12, 6), ProviderID: "p1", Provider: "Mercy General Hospital", Code: "72040", RevenueCode: "0320",
				Modifiers: []string{"TC"}, Units: 2, Kind: chronology.BillCharge, Charge: 0, Citations: cite, Grounded: true},
			{ID: "b4", Date: dates.New(2024, 1, 20), ProviderID: "p1", Provider: "Mercy General Hospital", Kind: chronology.BillAdjustment,
				Adjustment: ptr(300), EOB: true, Citations: cite, Grounded: true},
		},
		UndatedEntries: []chronology.Entry{{ID: "u1", ProviderID: "p1", Provider: "Mercy General Hospital", VisitType: "nursing note",
			Citations: cite, Grounded: true, Review: chronology.ReviewUnreviewed, Extractor: "rules"}},
		BillTotals: []chronology.BillTotal{
			{ProviderID: "p1", Provider: "Mercy General Hospital", Kind: chronology.TotalCharges, Total: 1843.17, LinesTotal: ptr(1843.17),
				Reconciled: boolPtr(true), Citations: cite},
			{ProviderID: "p1", Provider: "Mercy General Hospital", Kind: chronology.TotalBalance, Total: 843.17, Citations: cite},
		},
		Specials: chronology.Specials{TotalCharges: 1938.17, TotalPaid: ptr(1000), TotalAdjustments: ptr(300), ByProvider: []chronology.ProviderSpecial{
			{ProviderID: "p1", Provider: "Mercy General Hospital", Charges: 1843.17, Paid: ptr(1000), Adjustments: ptr(300),
				FirstDate: dates.New(2023, 12, 6), LastDate: dates.New(2023, 12, 6)},
			{ProviderID: "p2", Provider: "Back in Motion Physical Therapy", Charges: 95},
		}},
		Duplicates: []chronology.Duplicate{{DocumentID: docID, Page: 3, DuplicateOf: chronology.PageRef{DocumentID: docID, Page: 1}, Similarity: 0.97}},
		Flags: []chronology.Flag{{Kind: chronology.FlagMissingRecords, Message: "MRI ordered on 12/06/2023 but no MRI report found",
			EntryIDs: []string{"e1"}, Citations: cite}},
		Usage: &extract.Usage{PromptTokens: 40000, CompletionTokens: 2100},
	}
}
