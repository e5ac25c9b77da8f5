package rules

import (
	"context"
	"strings"
	"testing"

	"github.com/medchron/medchron/extract"
)

// bundlePages is a realistic multi-provider bundle: a fax banner, an ED
// record spilling onto a second page, a radiology report, two PT daily notes
// on one page, an OCR-noisy orthopedic visit and an itemized statement.
var bundlePages = []string{
	`03/20/2024 14:22   FROM: (555) 123-4567   TO: Law Office      Page 1 of 6
                         MERCY GENERAL HOSPITAL
                  1200 Harbor Blvd, Springfield, IL 62701
                  Tel (555) 123-4000   Fax (555) 123-4001
                    EMERGENCY DEPARTMENT RECORD
Patient: John Q Doe                       DOB: 07/19/1980
Date of Service: 03/14/2024               Date of Injury: 03/13/2024
Attending: Sarah Lee, MD                  NPI: 1234567890
CHIEF COMPLAINT: Neck pain after motor vehicle collision.
HPI: 43 year old male rear-ended on 03/13/2024. He was seen at Quick Urgent Care
on 03/13/2024 and told to come to the ED. Pain: 8/10, worse with rotation.
PHYSICAL EXAM: Tenderness over the paraspinal cervical muscles. No midline tenderness.
ASSESSMENT:
1. S13.4XXA  Sprain of ligaments of cervical spine, initial encounter
2. M54.2  Cervicalgia
`,
	`MERCY GENERAL HOSPITAL
Patient: John Q Doe     DOS: 03/14/2024     Page 2 of 2
PLAN: Cyclobenzaprine 10 mg tablet at bedtime. Ibuprofen 600 mg every 6 hours.
Refer to orthopedics. Off work for 3 days.
Follow up with primary care on 03/21/2024.
DISCHARGE INSTRUCTIONS: Ice and rest.
Electronically signed by Sarah Lee, MD on 03/15/2024 09:12
`,
	`LAKESIDE IMAGING CENTER
4400 Lake St, Suite 200, Springfield, IL 62704
RADIOLOGY REPORT
Patient: John Q Doe          DOB: 07/19/1980
Exam Date: 03/18/2024
EXAM: MRI cervical spine without contrast
CLINICAL HISTORY: Neck pain after MVC on 03/13/2024.
FINDINGS: Small C5-C6 disc protrusion without cord compression.
IMPRESSION:
1. C5-C6 disc protrusion.
Radiologist: Mark Chen, MD
Printed 03/25/2024 10:00
`,
	`ACTIVE LIFE PHYSICAL THERAPY
DAILY NOTE
Date of Service: 04/01/2024
S: Pain 6-7/10 in the neck.
O: Cervical ROM limited 25%.
A: Tolerated therapeutic exercise well.
P: Continue plan of care 2x/week.
Therapist: Amy Park, PT, DPT

DAILY NOTE
Date of Service: 04/03/2024
S: Patient rates her pain 5 out of 10 today.
O: Cervical ROM limited 15%.
P: Continue plan of care.
Therapist: Amy Park, PT, DPT
`,
	`Summit Orthopedic Associates
0FFICE VISIT
Visit Date: O4/l5/2O24
Patient: John Q Doe   DOB: O7/19/198O
CHIEF COMPLAINT: Neck pain radiating to the right arm.
ASSESSMENT:
M5412 Radiculopathy, cervical region
PLAN: Order MRI of the lumbar spine. Light duty, no lifting over 10 lbs.
Return in 4 weeks on 05/13/2024.
Dr. Paul Grant, DO
`,
	`MERCY GENERAL HOSPITAL
ITEMIZED STATEMENT
Pay to: Mercy General Hospital Billing Office, PO Box 100, Springfield IL 62701
Patient: John Q Doe     Account: 778812
Date of Svc   Code     Description                  Qty     Charges
03/14/2024    99284    ED VISIT LEVEL 4              1     1,250.00
03/14/2024    72040    X-RAY CERVICAL SPINE 2-3      1       310.00
                       VIEWS
03/14/2024    J1885    KETOROLAC INJ 15 MG           1        45.50
03/20/2024             PAYMENT - AETNA                      (400.00)
                                    Total Charges:        $1,605.50
                                    Balance Due:          $1,205.50
`,
}

func pagesOf(texts []string) []extract.Page {
	ps := make([]extract.Page, len(texts))
	for i, t := range texts {
		ps[i] = extract.Page{DocumentID: "doc1", Number: i + 1, Source: extract.SourceText, Text: t}
	}
	return ps
}

func TestBundle(t *testing.T) {
	pages := pagesOf(bundlePages)
	res, err := New(Options{}).Extract(context.Background(), extract.Document{ID: "doc1", File: "bundle.pdf", Pages: len(pages)}, pages)
	if err != nil {
		t.Fatal(err)
	}
	assertGrounded(t, "bundle", pages, res)
	type want struct {
		date, provider, kind, visit, clinician string
		page                                   int
	}
	wants := []want{
		{"2024-03-14", "MERCY GENERAL HOSPITAL", "emergency", "emergency visit", "Sarah Lee, MD", 1},
		{"2024-03-18", "LAKESIDE IMAGING CENTER", "radiology", "imaging", "Mark Chen, MD", 3},
		{"2024-04-01", "ACTIVE LIFE PHYSICAL THERAPY", "physical_therapy", "physical therapy", "Amy Park, PT, DPT", 4},
		{"2024-04-03", "ACTIVE LIFE PHYSICAL THERAPY", "physical_therapy", "physical therapy", "Amy Park, PT, DPT", 4},
		{"2024-04-15", "Summit Orthopedic Associates", "orthopedics", "office visit", "Paul Grant, DO", 5},
	}
	if len(res.Encounters) != len(wants) {
		for _, e := range res.Encounters {
			t.Logf("got %s %q p%d", e.Date, e.Provider, e.Citations[0].Page)
		}
		t.Fatalf("got %d encounters, want %d", len(res.Encounters), len(wants))
	}
	for i, w := range wants {
		e := res.Encounters[i]
		if e.Date.String() != w.date || e.Provider != w.provider || e.ProviderKind != w.kind || e.VisitType != w.visit {
			t.Errorf("encounter %d = %s %q %s %q, want %s %q %s %q", i, e.Date, e.Provider, e.ProviderKind, e.VisitType, w.date, w.provider, w.kind, w.visit)
		}
		if !strings.Contains(e.Clinician, w.clinician) {
			t.Errorf("encounter %d clinician %q, want %q", i, e.Clinician, w.clinician)
		}
		if e.Citations[0].Page != w.page {
			t.Errorf("encounter %d cited on page %d, want %d", i, e.Citations[0].Page, w.page)
		}
	}
	ed := res.Encounters[0]
	if ed.NPI != "1234567890" {
		t.Errorf("NPI %q", ed.NPI)
	}
	if len(ed.Diagnoses) != 2 || ed.Diagnoses[0].Code != "S13.4XXA" || ed.Diagnoses[1].Code != "M54.2" ||
		!strings.HasPrefix(ed.Diagnoses[0].Description, "Sprain of ligaments") || ed.Diagnoses[1].Description != "Cervicalgia" {
		t.Errorf("ED diagnoses %+v", ed.Diagnoses)
	}
	if ed.PainScore == nil || *ed.PainScore != 8 {
		t.Errorf("ED pain %v", ed.PainScore)
	}
	if !strings.Contains(ed.WorkStatus, "Off work") {
		t.Errorf("ED work status %q", ed.WorkStatus)
	}
	if len(ed.Referrals) != 1 || ed.Referrals[0] != "orthopedics" {
		t.Errorf("ED referrals %q", ed.Referrals)
	}
	if len(ed.Medications) != 2 || !strings.HasPrefix(ed.Medications[0], "Cyclobenzaprine 10 mg") {
		t.Errorf("ED medications %q", ed.Medications)
	}
	if !strings.Contains(ed.Complaints, "Neck pain") || !strings.Contains(ed.Plan, "Cyclobenzaprine") || !strings.Contains(ed.Findings, "Tenderness") {
		t.Errorf("ED sections: %q / %q / %q", ed.Complaints, ed.Findings, ed.Plan)
	}
	mri := res.Encounters[1]
	if len(mri.Procedures) == 0 || !strings.Contains(mri.Procedures[0].Description, "MRI cervical spine") {
		t.Errorf("MRI procedures %+v", mri.Procedures)
	}
	if !strings.Contains(mri.Findings, "C5-C6 disc protrusion") {
		t.Errorf("MRI findings %q", mri.Findings)
	}
	if p := res.Encounters[2].PainScore; p == nil || *p != 7 {
		t.Errorf("PT 1 pain %v, want 7 (higher end of 6-7/10)", p)
	}
	if p := res.Encounters[3].PainScore; p == nil || *p != 5 {
		t.Errorf("PT 2 pain %v, want 5", p)
	}
	ortho := res.Encounters[4]
	if len(ortho.Diagnoses) != 1 || ortho.Diagnoses[0].Code != "M54.12" {
		t.Errorf("ortho diagnoses %+v", ortho.Diagnoses)
	}
	if len(ortho.Orders) != 1 || !strings.HasPrefix(ortho.Orders[0], "MRI of the lumbar spine") {
		t.Errorf("ortho orders %q", ortho.Orders)
	}
	if !strings.Contains(ortho.WorkStatus, "Light duty") {
		t.Errorf("ortho work status %q", ortho.WorkStatus)
	}
	if res.Patient != "John Q Doe" {
		t.Errorf("patient %q", res.Patient)
	}
	// Bills: three charges and a payment row; totals are not lines.
	if len(res.Bills) != 4 || res.Bills[3].Kind != extract.LinePayment || res.Bills[3].Charge != 0 || res.Bills[3].Paid == nil || *res.Bills[3].Paid != 400 {
		t.Fatalf("bills %+v", res.Bills)
	}
	wantBills := []struct {
		code   string
		charge float64
		desc   string
	}{{"99284", 1250, "ED VISIT LEVEL 4"}, {"72040", 310, "X-RAY CERVICAL SPINE 2-3 VIEWS"}, {"J1885", 45.5, "KETOROLAC INJ 15 MG"}}
	for i, w := range wantBills {
		b := res.Bills[i]
		if b.Code != w.code || b.Charge != w.charge || b.Description != w.desc || b.Date.String() != "2024-03-14" || b.Provider != "Mercy General Hospital Billing Office" {
			t.Errorf("bill %d = %+v, want %+v", i, b, w)
		}
	}
	if len(res.BillTotals) != 2 || res.BillTotals[0].Total != 1605.50 || res.BillTotals[0].Kind != extract.TotalCharges ||
		res.BillTotals[1].Total != 1205.50 || res.BillTotals[1].Kind != extract.TotalBalance {
		t.Errorf("bill totals %+v", res.BillTotals)
	}
}

func BenchmarkExtractBundle(b *testing.B) {
	pages := pagesOf(bundlePages)
	ex := New(Options{})
	doc := extract.Document{ID: "doc1", File: "bundle.pdf", Pages: len(pages)}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ex.Extract(context.Background(), doc, pages); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*len(pages)), "µs/page")
}
