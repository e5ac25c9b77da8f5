package reporttest

import (
	"time"

	"github.com/medchron/medchron/chronology"
	"github.com/medchron/medchron/extract"
	"github.com/medchron/medchron/extract/dates"
)

// Document IDs of the sample.
const (
	DocER      = "doc-er"
	DocOrtho   = "doc-ortho"
	DocPT      = "doc-pt"
	DocImaging = "doc-img"
	DocPrior   = "doc-prior"
)

func d(y int, m time.Month, day int) dates.Date { return dates.New(y, m, day) }

func f(v float64) *float64 { return &v }

func cite(doc string, page int, bates, quote string) extract.Citation {
	return extract.Citation{DocumentID: doc, Page: page, Bates: bates, Quote: quote}
}

// Sample returns a chronology of a rear-end collision on 2023-03-14 with
// nine entries over five providers: one pre-incident entry, one unverified
// entry (e6), one rejected entry (e8), a 70-day gap between e6 and e7, bills
// whose specials add up, flags and a duplicate page. Text fields hold
// commas, quotes, a newline and a leading "-" so that quoting and
// formula-injection guards are exercised.
func Sample() chronology.Chronology {
	c := chronology.Chronology{
		Schema:      chronology.SchemaVersion,
		GeneratedAt: "2026-01-15T10:00:00Z",
		Matter: chronology.Matter{
			ID:             "M-2023-0147",
			Name:           "Doe v. Acme Freight",
			Client:         "Jane Q. Doe",
			DateOfIncident: d(2023, time.March, 14),
			GapDays:        30,
		},
		Documents: []chronology.Document{
			{Document: extract.Document{ID: DocPrior, File: "Lakeside Family Medicine 2022.pdf", SHA256: sha('1'), Pages: 2}, PageSources: []extract.PageSource{extract.SourceText, extract.SourceText}},
			{Document: extract.Document{ID: DocER, File: "St Marys ER.pdf", SHA256: sha('2'), Pages: 6}, BatesFirst: "MC000001", BatesLast: "MC000006", PageSources: []extract.PageSource{"text", "text", "text", "ocr", "ocr", "text"}},
			{Document: extract.Document{ID: DocOrtho, File: "Summit Ortho records.pdf", SHA256: sha('3'), Pages: 5}},
			{Document: extract.Document{ID: DocImaging, File: "Valley Imaging MRI.pdf", SHA256: sha('4'), Pages: 2}, BatesFirst: "VI0001", BatesLast: "VI0002"},
			{Document: extract.Document{ID: DocPT, File: "PT notes, scanned.pdf", SHA256: sha('5'), Pages: 8}, PageSources: []extract.PageSource{"ocr", "ocr", "ocr", "ocr", "ocr", "ocr", "empty", "ocr"}},
		},
		Providers: []chronology.Provider{
			{ID: "p-lakeside", Name: "Lakeside Family Medicine", Kind: "primary_care"},
			{ID: "p-stmary", Name: "Saint Mary's Regional Medical Center", Kind: "emergency",
				Aliases: []string{"St. Mary's Regional", "SMRMC Emergency Dept"}, NPI: "1234567893"},
			{ID: "p-summit", Name: "Summit Orthopedics", Kind: "orthopedics", Aliases: []string{"Summit Ortho & Spine"}},
			{ID: "p-valley", Name: "Valley Imaging Center", Kind: "radiology"},
			{ID: "p-river", Name: "Riverside Physical Therapy", Kind: "physical_therapy"},
		},
		Entries: sampleEntries(),
		Gaps: []chronology.Gap{
			{From: d(2023, time.April, 11), To: d(2023, time.June, 20), Days: 70, AfterEntryID: "e6", BeforeEntryID: "e7"},
		},
		Bills: sampleBills(),
		Duplicates: []chronology.Duplicate{
			{DocumentID: DocPT, Page: 5, DuplicateOf: chronology.PageRef{DocumentID: DocPT, Page: 4}, Similarity: 0.97},
		},
		Flags: []chronology.Flag{
			{Kind: chronology.FlagMissingRecords, Message: "Referral to pain management on 2023-07-18 but no pain management records were uploaded.",
				EntryIDs: []string{"e9"}, Citations: []extract.Citation{cite(DocOrtho, 5, "", "Refer to pain management")}},
			{Kind: chronology.FlagPreExisting, Message: "Neck complaints recorded before the incident.", EntryIDs: []string{"e1"},
				Citations: []extract.Citation{cite(DocPrior, 1, "", "neck stiffness")}},
			{Kind: chronology.FlagUngrounded, Message: "A citation quote was not found on its page.", EntryIDs: []string{"e6"}},
			{Kind: chronology.FlagBillTotalMismatch, Message: "Printed total $3,000.00 differs from the line items ($2,830.00).",
				Citations: []extract.Citation{cite(DocER, 6, "MC000006", "TOTAL CHARGES 3,000.00")}},
		},
	}
	c.Specials = SpecialsOf(c.Bills)
	return c
}

func sampleEntries() []chronology.Entry {
	return []chronology.Entry{
		{ID: "e1", Date: d(2022, time.June, 2), ProviderID: "p-lakeside", Provider: "Lakeside Family Medicine",
			Clinician: "Karen Liu, NP", VisitType: "office visit", Complaints: "neck stiffness after gardening",
			Assessment: "cervical strain, resolving", Summary: "Annual visit; mild neck stiffness after gardening, resolved with rest.",
			Diagnoses: []extract.Coded{{Code: "M54.2", Description: "Cervicalgia"}}, PreIncident: true,
			Citations: []extract.Citation{cite(DocPrior, 1, "", "neck stiffness")}, Grounded: true, Review: chronology.ReviewVerified, Extractor: "rules"},
		{ID: "e2", Date: d(2023, time.March, 14), ProviderID: "p-stmary", Provider: "Saint Mary's Regional Medical Center",
			Clinician: "Dr. Maria Santos", VisitType: "emergency visit",
			Complaints: "restrained driver, rear-ended at a stoplight by a box truck; neck and low back pain",
			Findings:   "paraspinal tenderness C4-C7, no midline tenderness", Assessment: "cervical and lumbar sprain",
			Plan:    "cyclobenzaprine, ibuprofen, follow up with orthopedics",
			Summary: "ER visit after rear-end collision: neck and low back pain, X-rays negative.",
			Diagnoses: []extract.Coded{{Code: "S13.4XXA", Description: "Sprain of ligaments of cervical spine, initial encounter"},
				{Code: "S33.5XXA", Description: "Sprain of ligaments of lumbar spine, initial encounter"}},
			Procedures:  []extract.Coded{{Code: "72040", Description: "X-ray cervical spine, 2-3 views"}},
			Medications: []string{"cyclobenzaprine 10 mg", "ibuprofen 800 mg"}, PainScore: f(8), WorkStatus: "off work 3 days",
			Citations: []extract.Citation{cite(DocER, 3, "MC000003", "Date of Service: 03/14/2023"),
				cite(DocER, 3, "MC000003", "rear-ended at a stoplight by a box truck"), cite(DocER, 4, "MC000004", "Pain 8/10")},
			Grounded: true, Review: chronology.ReviewVerified, Extractor: "rules"},
		{ID: "e3", Date: d(2023, time.March, 20), ProviderID: "p-summit", Provider: "Summit Orthopedics",
			Clinician: "Dr. Alan Reyes, MD", VisitType: "consultation", Complaints: "neck pain radiating to the right shoulder",
			Findings: "reduced cervical rotation", Assessment: "cervical sprain with radicular symptoms", Plan: "MRI cervical spine; physical therapy 2x/week",
			Summary:   "Orthopedic consult; MRI ordered, PT prescribed.",
			Diagnoses: []extract.Coded{{Code: "S13.4XXA", Description: "Sprain of ligaments of cervical spine, initial encounter"}},
			PainScore: f(7), WorkStatus: "off work until 04/03/2023, then light duty, no lifting over 10 lbs",
			Citations: []extract.Citation{cite(DocOrtho, 1, "", "DOS 03/20/2023"), cite(DocOrtho, 2, "", "no lifting over 10 lbs")},
			Grounded:  true, Review: chronology.ReviewCorrected, Extractor: "llm:qwen2.5-7b", PromptVersion: "encounter/v3"},
		{ID: "e4", Date: d(2023, time.March, 28), ProviderID: "p-valley", Provider: "Valley Imaging Center",
			VisitType: "imaging", Findings: "C5-C6 disc protrusion, 3 mm, abutting the ventral thecal sac",
			Summary:    "MRI cervical spine: C5-C6 disc protrusion.",
			Procedures: []extract.Coded{{Code: "72141", Description: "MRI cervical spine without contrast"}},
			Citations:  []extract.Citation{cite(DocImaging, 1, "VI0001", "C5-C6 disc protrusion")}, Grounded: true, Extractor: "rules"},
		{ID: "e5", Date: d(2023, time.April, 4), ProviderID: "p-river", Provider: "Riverside Physical Therapy",
			Clinician: "Tom O'Neil, PT", VisitType: "physical therapy", Complaints: "neck pain, worse with driving",
			Summary:    "Initial evaluation, \"guarded\" cervical ROM\nHEP issued",
			Procedures: []extract.Coded{{Code: "97161", Description: "PT evaluation, low complexity"}},
			PainScore:  f(6), Citations: []extract.Citation{cite(DocPT, 1, "", "Initial Evaluation 04/04/2023")}, Grounded: true, Extractor: "rules"},
		{ID: "e6", Date: d(2023, time.April, 11), ProviderID: "p-river", Provider: "Riverside Physical Therapy",
			VisitType: "physical therapy", Summary: "Therapeutic exercise.", PainScore: f(5),
			Procedures: []extract.Coded{{Code: "97110", Description: "Therapeutic exercise"}},
			Citations:  []extract.Citation{cite(DocPT, 2, "", "Visit 2 04/11/2023")}, Grounded: false, Review: chronology.ReviewUnreviewed, Extractor: "rules"},
		{ID: "e7", Date: d(2023, time.June, 20), ProviderID: "p-summit", Provider: "Summit Orthopedics",
			Clinician: "Dr. Alan Reyes, MD", VisitType: "follow-up", Complaints: "persistent neck pain",
			Assessment: "cervical disc protrusion C5-C6", Plan: "resume physical therapy",
			Summary: "Follow-up; PT resumed.", PainScore: f(4), WorkStatus: "light duty",
			Citations: []extract.Citation{cite(DocOrtho, 3, "", "06/20/2023 follow-up")}, Grounded: true, Review: chronology.ReviewVerified, Extractor: "rules"},
		{ID: "e8", Date: d(2023, time.July, 5), ProviderID: "p-river", Provider: "Riverside Physical Therapy",
			VisitType: "physical therapy", Summary: "Therapeutic exercise (duplicate extraction).",
			Citations: []extract.Citation{cite(DocPT, 6, "", "07/05/2023")}, Grounded: true, Review: chronology.ReviewRejected, Extractor: "rules"},
		{ID: "e9", Date: d(2023, time.July, 18), ProviderID: "p-summit", Provider: "Summit Orthopedics",
			Clinician: "Dr. Alan Reyes, MD", VisitType: "follow-up", Complaints: "intermittent neck pain",
			Assessment: "improving; refer to pain management", Plan: "Refer to pain management",
			Summary: "-Discharged from orthopedic care; referred to pain management.", PainScore: f(3), WorkStatus: "full duty",
			Citations: []extract.Citation{cite(DocOrtho, 5, "", "Refer to pain management")}, Grounded: true, Extractor: "rules"},
	}
}

func sampleBills() []chronology.Bill {
	b := func(id string, date dates.Date, pid, prov, code, desc string, charge float64, paid *float64, c extract.Citation) chronology.Bill {
		return chronology.Bill{ID: id, Date: date, ProviderID: pid, Provider: prov, Code: code, Description: desc,
			Charge: charge, Paid: paid, Citations: []extract.Citation{c}, Grounded: true}
	}
	const sm, su, va, ri = "Saint Mary's Regional Medical Center", "Summit Orthopedics", "Valley Imaging Center", "Riverside Physical Therapy"
	return []chronology.Bill{
		b("b1", d(2023, time.March, 14), "p-stmary", sm, "99284", "ER visit, high severity", 2450, f(1200), cite(DocER, 6, "MC000006", "99284 2,450.00")),
		b("b2", d(2023, time.March, 14), "p-stmary", sm, "72040", "X-ray cervical spine", 380, f(150), cite(DocER, 6, "MC000006", "72040 380.00")),
		b("b3", d(2023, time.March, 20), "p-summit", su, "99204", "New patient visit", 450, nil, cite(DocOrtho, 4, "", "99204 $450.00")),
		b("b4", d(2023, time.June, 20), "p-summit", su, "99213", "Established patient visit", 175, nil, cite(DocOrtho, 4, "", "99213 $175.00")),
		b("b5", d(2023, time.July, 18), "p-summit", su, "99213", "Established patient visit", 175, nil, cite(DocOrtho, 4, "", "99213 $175.00")),
		b("b6", d(2023, time.March, 28), "p-valley", va, "72141", "MRI cervical spine w/o contrast", 2100.5, nil, cite(DocImaging, 2, "VI0002", "72141 2,100.50")),
		b("b7", d(2023, time.April, 4), "p-river", ri, "97161", "PT evaluation", 225, nil, cite(DocPT, 8, "", "97161 225.00")),
		b("b8", d(2023, time.April, 11), "p-river", ri, "97110", "Therapeutic exercise, 2 units", 140, nil, cite(DocPT, 8, "", "97110 140.00")),
	}
}

// SpecialsOf sums bills into specials by provider, in order of each
// provider's first bill, so that a sample's totals always agree with its
// line items: charges and dates from charge lines not read from an EOB,
// payments from every line.
func SpecialsOf(bills []chronology.Bill) chronology.Specials {
	s := chronology.Specials{ByProvider: []chronology.ProviderSpecial{}}
	idx := map[string]int{}
	var paidAny bool
	var totalPaid float64
	for _, b := range bills {
		i, ok := idx[b.ProviderID]
		if !ok {
			i = len(s.ByProvider)
			idx[b.ProviderID] = i
			s.ByProvider = append(s.ByProvider, chronology.ProviderSpecial{ProviderID: b.ProviderID, Provider: b.Provider,
				FirstDate: b.Date, LastDate: b.Date})
		}
		p := &s.ByProvider[i]
		if (b.Kind == "" || b.Kind == chronology.BillCharge) && !b.EOB {
			p.Charges += b.Charge
			s.TotalCharges += b.Charge
			if b.Date.Before(p.FirstDate) {
				p.FirstDate = b.Date
			}
			if b.Date.After(p.LastDate) {
				p.LastDate = b.Date
			}
		}
		if b.Paid != nil {
			paidAny = true
			totalPaid += *b.Paid
			v := *b.Paid
			if p.Paid != nil {
				v += *p.Paid
			}
			p.Paid = &v
		}
	}
	if paidAny {
		s.TotalPaid = &totalPaid
	}
	return s
}

func sha(c byte) string {
	b := make([]byte, 64)
	for i := range b {
		b[i] = c
	}
	return string(b)
}
