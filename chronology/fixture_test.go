package chronology

import (
	"time"

	"crypto/sha256"
	"encoding/hex"

	"github.com/medchron/medchron/extract"
	"github.com/medchron/medchron/extract/dates"
)

// Helpers shared by the tests of this package.

func sha(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:])
}

func textPage(doc string, n int, text string) extract.Page {
	return extract.Page{DocumentID: doc, Number: n, Source: extract.SourceText, Text: text}
}

func cite(doc string, page int, quote string) extract.Citation {
	return extract.Citation{DocumentID: doc, Page: page, Quote: quote}
}

func money2(v float64) *float64 { return &v }

func source(id, file string, pages []extract.Page, r extract.Result) Source {
	return Source{
		Document:  Document{Document: extract.Document{ID: id, File: file, SHA256: sha(id), Pages: len(pages)}},
		Pages:     pages,
		Result:    r,
		Extractor: "rules",
	}
}

const (
	erNote = "ST MARYS REG MED CTR\nEMERGENCY DEPARTMENT\nDate of Service: 03/10/2023\n" +
		"Chief complaint: neck and low back pain after motor vehicle collision.\n" +
		"Pain 8/10. Assessment: cervical strain, lumbar sprain.\n" +
		"Dx: S13.4XXA Sprain of ligaments of cervical spine; S33.5XXA Sprain of ligaments of lumbar spine.\n" +
		"Plan: MRI lumbar spine. Refer to orthopedics. Naproxen 500 mg."
	xrayReport = "Saint Mary's Regional Medical Center Radiology\nExam date: 03/10/2023\n" +
		"XR cervical spine 3 views: no acute fracture. Straightening of the cervical lordosis."
	erBill = "ST MARYS REG MED CTR  STATEMENT\n03/10/2023 99284 ER VISIT LEVEL 4 1,250.00\n" +
		"03/10/2023 72040 XR CERVICAL SPINE 310.55\nTOTAL CHARGES 1,560.55"
	pcpNote = "Valley Family Medicine\nVisit 06/01/2022\nComplaint: low back pain for two weeks after lifting.\n" +
		"Assessment: lumbar strain. Plan: ibuprofen, stretching."
	orthoNote = "COASTAL ORTHOPAEDICS\nConsultation 04/20/2023\nHistory: neck pain since MVC on 03/10/2023.\n" +
		"Exam: tenderness C5-C6, reduced rotation. Impression: cervical radiculopathy. Plan: physical therapy 2x/week."
	ptNote    = "Advanced Physlcal Therapy\nDaily note 04/25/2023\nPatient reports neck pain 6/10. Therapeutic exercise 97110."
	orthoBill = "Coastal Orthopaedics\n04/20/2023 99204 NEW PATIENT VISIT 425.00\nTotal charges 525.00\nBalance due 500.00"
	ambBill   = "Valley Ambulance Service\n03/10/2023 A0427 ALS EMERGENCY TRANSPORT 1,875.00"
)

var (
	incident = dates.New(2023, 3, 10)
	pain8    = 8.0
)

// richSources is a small matter touching every feature of Build: a merged
// visit, a pre-existing condition, a gap, duplicate pages, bills with a
// matching and a mismatching printed total, a bill without a record, a
// fabricated quote, an OCR page of low confidence and an unreadable page.
func richSources() []Source {
	er := source("doc-er", "er.pdf", []extract.Page{
		textPage("doc-er", 1, erNote), textPage("doc-er", 2, xrayReport), textPage("doc-er", 3, erBill),
	}, extract.Result{
		Patient: "Jane Roe",
		Encounters: []extract.Encounter{{
			Date: incident, Provider: "ST MARYS REG MED CTR", ProviderKind: "emergency",
			VisitType: "emergency visit", Complaints: "neck and low back pain after motor vehicle collision",
			Assessment: "cervical strain, lumbar sprain", PainScore: &pain8, Plan: "MRI lumbar spine; refer to orthopedics",
			Diagnoses: []extract.Coded{
				{Code: "S13.4XXA", Description: "Sprain of ligaments of cervical spine"},
				{Code: "S33.5XXA", Description: "Sprain of ligaments of lumbar spine"},
			},
			Medications: []string{"Naproxen 500 mg"},
			Orders:      []string{"MRI lumbar spine"},
			Referrals:   []string{"orthopedics"},
			Citations:   []extract.Citation{cite("doc-er", 1, "Date of Service: 03/10/2023"), cite("doc-er", 1, "Plan: MRI lumbar spine. Refer to orthopedics.")},
		}, {
			Date: incident, Provider: "Saint Mary's Regional Medical Center Radiology", ProviderKind: "radiology",
			VisitType: "imaging", Findings: "no acute fracture; straightening of the cervical lordosis",
			Procedures: []extract.Coded{{Code: "72040", Description: "XR cervical spine 3 views"}},
			Citations:  []extract.Citation{cite("doc-er", 2, "XR cervical spine 3 views: no acute fracture")},
		}},
		Bills: []extract.BillLine{
			{Date: incident, Provider: "ST MARYS REG MED CTR", Code: "99284", Description: "ER VISIT LEVEL 4", Charge: 1250, Paid: money2(900),
				Citations: []extract.Citation{cite("doc-er", 3, "03/10/2023 99284 ER VISIT LEVEL 4 1,250.00")}},
			{Date: incident, Provider: "ST MARYS REG MED CTR", Code: "72040", Description: "XR CERVICAL SPINE", Charge: 310.55,
				Citations: []extract.Citation{cite("doc-er", 3, "03/10/2023 72040 XR CERVICAL SPINE 310.55")}},
		},
		BillTotals: []extract.BillTotal{{Provider: "ST MARYS REG MED CTR", Total: 1560.55,
			Citations: []extract.Citation{cite("doc-er", 3, "TOTAL CHARGES 1,560.55")}}},
	})
	pcp := source("doc-pcp", "pcp.pdf", []extract.Page{textPage("doc-pcp", 1, pcpNote)}, extract.Result{
		Encounters: []extract.Encounter{{
			Date: dates.New(2022, 6, 1), Provider: "Valley Family Medicine", ProviderKind: "primary_care",
			VisitType: "office visit", Complaints: "low back pain for two weeks after lifting", Assessment: "lumbar strain",
			Citations: []extract.Citation{cite("doc-pcp", 1, "Complaint: low back pain for two weeks after lifting.")},
		}},
	})
	lowOCR := extract.Page{DocumentID: "doc-ortho", Number: 2, Source: extract.SourceOCR, Text: ptNote, Confidence: 64.5}
	ortho := source("doc-ortho", "ortho.pdf", []extract.Page{
		textPage("doc-ortho", 1, orthoNote), lowOCR,
		{DocumentID: "doc-ortho", Number: 3, Source: extract.SourceError, Err: "broken content stream"},
		textPage("doc-ortho", 4, orthoBill),
	}, extract.Result{
		Encounters: []extract.Encounter{{
			Date: dates.New(2023, 4, 20), Provider: "Coastal Orthopaedics", ProviderKind: "orthopedics",
			VisitType: "consultation", Assessment: "cervical radiculopathy", Plan: "physical therapy 2x/week",
			Referrals: []string{"physical therapy"},
			Citations: []extract.Citation{cite("doc-ortho", 1, "Consultation 04/20/2023"),
				cite("doc-ortho", 1, "Patient denies any prior neck or back problems.")}, // fabricated
		}, {
			Date: dates.New(2023, 4, 25), Provider: "Advanced Physical Therapy", ProviderKind: "physical_therapy",
			VisitType: "physical therapy", Complaints: "neck pain 6/10",
			Citations: []extract.Citation{cite("doc-ortho", 2, "Daily note 04/25/2023 Patient reports neck pain 6/10")},
		}},
		Bills: []extract.BillLine{{Date: dates.New(2023, 4, 20), Provider: "COASTAL ORTHOPAEDICS", Code: "99204",
			Description: "NEW PATIENT VISIT", Charge: 425, Citations: []extract.Citation{cite("doc-ortho", 4, "04/20/2023 99204 NEW PATIENT VISIT 425.00")}}},
		BillTotals: []extract.BillTotal{{Provider: "Coastal Orthopaedics", Total: 525,
			Citations: []extract.Citation{cite("doc-ortho", 4, "Total charges 525.00")}},
			// A balance given no kind: read as a balance from its words,
			// never compared with the charges.
			{Provider: "Coastal Orthopaedics", Total: 500,
				Citations: []extract.Citation{cite("doc-ortho", 4, "Balance due 500.00")}}},
	})
	// A records-request bundle repeating the ER note and the ER bill, and an
	// ambulance bill without any record.
	bundle := source("doc-bundle", "request.pdf", []extract.Page{
		textPage("doc-bundle", 1, erNote), textPage("doc-bundle", 2, erBill), textPage("doc-bundle", 3, ambBill),
	}, extract.Result{
		Encounters: []extract.Encounter{{
			Date: incident, Provider: "Saint Mary's Regional Medical Center", ProviderKind: "emergency",
			Citations: []extract.Citation{cite("doc-bundle", 1, "Date of Service: 03/10/2023")},
		}},
		Bills: []extract.BillLine{
			{Date: incident, Provider: "Saint Mary's Regional Medical Center", Code: "99284", Charge: 1250,
				Citations: []extract.Citation{cite("doc-bundle", 2, "03/10/2023 99284 ER VISIT LEVEL 4 1,250.00")}},
			{Date: incident, Provider: "Saint Mary's Regional Medical Center", Code: "72040", Charge: 310.55,
				Citations: []extract.Citation{cite("doc-bundle", 2, "03/10/2023 72040 XR CERVICAL SPINE 310.55")}},
			{Date: incident, Provider: "Valley Ambulance Service", Code: "A0427", Charge: 1875,
				Citations: []extract.Citation{cite("doc-bundle", 3, "03/10/2023 A0427 ALS EMERGENCY TRANSPORT 1,875.00")}},
		},
		BillTotals: []extract.BillTotal{{Provider: "Saint Mary's Regional Medical Center", Total: 1560.55,
			Citations: []extract.Citation{cite("doc-bundle", 2, "TOTAL CHARGES 1,560.55")}}},
		Usage: extract.Usage{PromptTokens: 10, CompletionTokens: 5},
	})
	return []Source{er, pcp, ortho, bundle}
}

func richMatter() Matter {
	return Matter{ID: "m-1", Name: "Roe v. Doe", DateOfIncident: incident}
}

type extractCitation = extract.Citation

var testTime = time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
