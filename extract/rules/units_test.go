package rules

import (
	"context"
	"strings"
	"testing"

	"github.com/medchron/medchron/extract"
	"github.com/medchron/medchron/extract/layout"
)

// extractText runs the extractor on pages given as strings.
func extractText(t *testing.T, texts ...string) extract.Result {
	t.Helper()
	pages := pagesOf(texts)
	res, err := New(Options{}).Extract(context.Background(), extract.Document{ID: "doc1", File: "t.pdf", Pages: len(pages)}, pages)
	if err != nil {
		t.Fatal(err)
	}
	assertGrounded(t, t.Name(), pages, res)
	return res
}

// encounterDates returns the dates of res's encounters in their order,
// joined by spaces.
func encounterDates(res extract.Result) string {
	var ds []string
	for _, e := range res.Encounters {
		ds = append(ds, e.Date.String())
	}
	return strings.Join(ds, " ")
}

// dxCodes returns the codes of an encounter's diagnoses, in order.
func dxCodes(e extract.Encounter) []string {
	var codes []string
	for _, d := range e.Diagnoses {
		codes = append(codes, d.Code)
	}
	return codes
}

// extractOCR is extractText for pages read by OCR, where the extractor
// reads OCR's look-alikes and specks.
func extractOCR(t *testing.T, texts ...string) extract.Result {
	t.Helper()
	pages := pagesOf(texts)
	for i := range pages {
		pages[i].Source = extract.SourceOCR
	}
	res, err := New(Options{}).Extract(context.Background(), extract.Document{ID: "doc1", File: "t.pdf", Pages: len(pages)}, pages)
	if err != nil {
		t.Fatal(err)
	}
	assertGrounded(t, t.Name(), pages, res)
	return res
}

func TestDateOfService(t *testing.T) {
	tests := []struct {
		name, text, want string // want "" means no encounter
	}{
		{"labelled beats DOB and DOI", "Springfield Spine Center\nDOB: 01/02/1970   DOI: 02/01/2024\nDate of Service: 02/05/2024\nAssessment: neck strain", "2024-02-05"},
		{"DOS abbreviation", "Patient: A B\nDOS 3/7/24\nCC: back pain", "2024-03-07"},
		{"visit date wins over signed date", "Visit Date: March 7, 2024\nPlan: rest\nElectronically signed by Ann Lee, MD on 03/09/2024 08:00", "2024-03-07"},
		{"signed date as last resort", "HPI: neck pain.\nPlan: rest.\nElectronically signed by Ann Lee, MD on 03/09/2024 08:00", "2024-03-09"},
		{"fax banner is never the visit", "Fax received 04/13/2024 10:14 From: (555) 555-0100 Page 1 of 3\nOffice Visit\nDate: 03/01/2024\nPlan: PT.", "2024-03-01"},
		{"follow-up date rejected", "Exam Date: 01/10/2024\nPlan: Follow up on 02/10/2024.\nNext appointment 02/20/2024", "2024-01-10"},
		{"history dates rejected", "Encounter Date: 05/05/2023\nHPI: He was seen at Mercy ER on 01/05/2023 and injured on 01/04/2023.", "2023-05-05"},
		{"only history dates: no encounter", "HISTORY OF PRESENT ILLNESS: He was injured on November 20, 2008 and was seen on November 24, 2008 by Dr. X.", ""},
		{"records review list rejected", "Date of Exam: 09/05/2003\nRECORDS REVIEWED:\n10/04/2000: ED visit, sprain.\n11/21/2000: Progress note.", "2003-09-05"},
		{"bare date at top", "2014-01-31\n\n# Chief Complaint\nNo complaints.", "2014-01-31"},
		{"admission with discharge", "Admission Date: 06/01/2008\nDischarge Date: 06/20/2008\nHOSPITAL COURSE: stable.", "2024-01-01"},
		{"date label above value", "Date of Service:\n04/02/2024\nS: pain", "2024-04-02"},
		{"ocr noise in date", "0FFICE VISIT\nVisit Date: O4/l5/2O24\nDOB: O7/19/198O\nPlan: rest", "2024-04-15"},
		{"injury date alone is not a visit", "Date of Injury: 01/04/2023\nMechanism: rear-end collision.", ""},
		{"visit date in a letter's prose", "Northside Neurology\nJanuary 15, 2005\nDear Dr. Patel,\nThank you for referring Ms. Doe. I saw her in my office on December 1, 2004 for neck pain.\nAssessment: cervical strain.\nSincerely,", "2004-12-01"},
		{"initial visit in prose, date on the next line", "HISTORY OF PRESENT ILLNESS: Mr. Abc initially visited our office on\nMarch 3, 2010, complaining of low back pain after a fall at work.\nEXAM: tender L4-5.", "2010-03-03"},
		{"a past visit elsewhere is history", "Date of Service: 05/05/2023\nHPI: I saw him at Mercy ER on 01/05/2023.", "2023-05-05"},
		{"creation date rejected", "Created: 03/20/2024 08:00\nOFFICE VISIT\nVisit Date: 03/18/2024\nPlan: rest.", "2024-03-18"},
		{"a daily note under an admission banner", "Saint Luke's Regional Hospital          HOSPITALIST DAILY PROGRESS NOTES\nPatient: DOE, JANE        MRN: 6292        Acct: 4900\nDOB: 1977-07-20           Admit Date: 2023-12-06      Room: 5W-08\n\nDate of Service: 2023-12-07\nHospitalist Progress Note Author: Desmond Winslow, DO\nSubjective\n  Hospital day 2. Pain: 3/10.", "2023-12-07"},
		{"a consult under an admission banner", "Patient: DOE, JANE   Admitted: 12/06/2023   Room: 4E\nCONSULTATION\nConsult Date: 12/07/2023\nReason: headache.\nAssessment: concussion.", "2023-12-07"},
		{"admission date alone dates an H&P", "HISTORY AND PHYSICAL\nAdmission Date: 12/06/2023   Room: 5W\nHPI: collision today.\nAssessment: concussion.\nElectronically signed on 12/07/2023", "2023-12-06"},
		{"printed date rejected", "RADIOLOGY REPORT\nExam Date: 03/18/2024\nIMPRESSION: normal.\nPrinted 03/25/2024 10:00", "2024-03-18"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := extractText(t, tt.text)
			if tt.want == "" {
				if len(res.Encounters) != 0 {
					t.Fatalf("got %d encounters (%s), want none", len(res.Encounters), res.Encounters[0].Date)
				}
				return
			}
			if len(res.Encounters) != 1 {
				t.Fatalf("got %d encounters, want 1", len(res.Encounters))
			}
			e := res.Encounters[0]
			if tt.name == "admission with discharge" {
				if e.Date.String() != "2008-06-01" || e.EndDate.String() != "2008-06-20" {
					t.Errorf("got %s–%s, want 2008-06-01–2008-06-20", e.Date, e.EndDate)
				}
				return
			}
			if e.Date.String() != tt.want {
				t.Errorf("date %s, want %s (quote %q)", e.Date, tt.want, e.Citations[0].Quote)
			}
		})
	}
}

func TestPainScore(t *testing.T) {
	tests := []struct {
		in   string
		want float64
		ok   bool
	}{
		{"Pain: 7/10", 7, true},
		{"pain 7/10 at rest", 7, true},
		{"Pain level is 6-7/10.", 7, true},
		{"VAS 6", 6, true},
		{"NPRS: 5", 5, true},
		{"Current NPRS 9/10. Denies numbness", 9, true},
		{"He rates his pain 8 out of 10.", 8, true},
		{"rates her pain as a 4-5/10 today", 5, true},
		{"ranges from 3/10 to 6/10 in intensity, and pain", 6, true},
		{"Pain score: 0", 0, true},
		{"pain for 2 weeks", 0, false},
		{"Motor strength 5/5, pain with flexion", 0, false},
		{"Pain: 12/10", 0, false},
		{"Extension 50/60 with pain", 0, false},
	}
	for _, tt := range tests {
		got, ok := painOn(tt.in)
		if ok != tt.ok || ok && got != tt.want {
			t.Errorf("painOn(%q) = %v, %v; want %v, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestICD10(t *testing.T) {
	tests := []struct {
		name  string
		line  string
		dx    bool // inside an assessment section
		codes []string
		descs []string
	}{
		{"dotted with description", "1. S13.4XXA  Sprain of ligaments of cervical spine, initial encounter", false,
			[]string{"S13.4XXA"}, []string{"Sprain of ligaments of cervical spine, initial encounter"}},
		{"description before code", "Cervicalgia (M54.2)", false, []string{"M54.2"}, []string{"Cervicalgia"}},
		{"undotted in assessment", "S134XXA Cervical sprain", true, []string{"S13.4XXA"}, []string{"Cervical sprain"}},
		{"undotted with ICD label", "ICD-10: M5412 Radiculopathy, cervical region", false, []string{"M54.12"}, []string{"Radiculopathy, cervical region"}},
		{"undotted outside context ignored", "Room B1234 on floor 2", false, nil, nil},
		{"address ignored", "1200 Harbor Blvd, Suite A12.5, Springfield, IL 62701", false, nil, nil},
		{"vertebral levels ignored", "Tenderness at T12 and L4-L5, C5-6.", true, nil, nil},
		{"two codes on a line", "Dx: S16.1XXA, M54.2", false, []string{"S16.1XXA", "M54.2"}, []string{"", ""}},
		{"ocr dollar for S", "Dx: $13.4XXD", false, []string{"S13.4XXD"}, []string{""}},
		{"ocr S$ for S", "Dx: M54.2, S$13.4XXD", false, []string{"M54.2", "S13.4XXD"}, []string{"", ""}},
		{"covid code", "U07.1 COVID-19", true, []string{"U07.1"}, []string{"COVID-19"}},
		{"ocr comma for the point", "Dx: M54,2, $13.4XXD", false, []string{"M54.2", "S13.4XXD"}, []string{"", ""}},
		// A list of descriptions, each with its code in brackets after
		// it: a code's description is the one before it.
		{"bracketed codes after their descriptions", "Dx: Essential (primary) hypertension [I10]; Hyperlipidemia, unspecified [E78.5]", false,
			[]string{"I10", "E78.5"}, []string{"Essential (primary) hypertension", "Hyperlipidemia, unspecified"}},
		{"codes in parentheses after their descriptions", "Assessment: Cervicalgia (M54.2), post-traumatic headache (G44.309)", false,
			[]string{"M54.2", "G44.309"}, []string{"Cervicalgia", "post-traumatic headache"}},
		// A device's or supply's HCPCS code after its label is no
		// diagnosis, even in a note's diagnosis context: "L3960" is an
		// orthosis, not L39.60; a dotted code after it still is one.
		{"hcpcs code after its label", "HCPCS L3960  Qty 1  Side/area: right shoulder  Size: M", true, nil, nil},
		{"hcpcs label with a colon", "Item: HCPCS: E0730 TENS unit, four lead", true, nil, nil},
		{"cpt label then a diagnosis", "CPT 99213 for M54.2 Cervicalgia", true, []string{"M54.2"}, []string{"Cervicalgia"}},
		{"ocr space after the point", "1. Other cervical disc displacement, mid- cervical region, unspecified level (M50. 220)", true,
			[]string{"M50.220"}, []string{"Other cervical disc displacement, mid- cervical region, unspecified level"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := linesOf(layout.Analyze([]extract.Page{{Number: 1, Text: tt.line}}))[0]
			hits := icdIn(l, tt.dx, nil)
			if len(hits) != len(tt.codes) {
				t.Fatalf("codes %+v, want %v", hits, tt.codes)
			}
			for i, h := range hits {
				if h.code != tt.codes[i] {
					t.Errorf("code %q, want %q", h.code, tt.codes[i])
				}
				if d := describe(l, h); d != tt.descs[i] {
					t.Errorf("description %q, want %q", d, tt.descs[i])
				}
			}
		})
	}
}

func TestProviderAndClinician(t *testing.T) {
	tests := []struct {
		name, text, provider, kind, clinician string
	}{
		{"letterhead with address and phone", "   Riverside Orthopedics, P.A.\n   200 Oak Ave, Suite 4, Austin, TX 78701\n   Tel (512) 555-0100\nOFFICE VISIT\nDate of Service: 01/02/2024\nProvider: Jane Roe, MD\nPlan: PT.",
			"Riverside Orthopedics, P.A.", "orthopedics", "Jane Roe, MD"},
		{"facility label", "Facility: Lakeside Urgent Care - 12 Main St\nDate: 01/02/2024\nSeen by Tom Hale, PA-C\nPlan: rest.",
			"Lakeside Urgent Care", "primary_care", "Tom Hale, PA-C"},
		{"signature block", "Back In Line Chiropractic\nDaily Note\nDOS: 02/02/2024\nS: neck pain\nElectronically signed by Rick Moss, DC 02/02/2024",
			"Back In Line Chiropractic", "chiropractic", "Rick Moss, DC"},
		{"hospital ED", "County General Hospital\nEMERGENCY DEPARTMENT RECORD\nArrival Date: 05/05/2024\nAttending Physician: Dr. Ken Wu\nCC: MVC",
			"County General Hospital", "emergency", "Dr. Ken Wu"},
		{"imaging center", "Open MRI of Dallas\nMRI LUMBAR SPINE WITHOUT CONTRAST\nDate of Exam: 06/06/2024\nIMPRESSION: L4-5 protrusion.\nInterpreted by: Amy Cole, MD",
			"Open MRI of Dallas", "radiology", "Amy Cole, MD"},
		{"logo initials on their own line, then a tagline", "Momentum Physical Therapy\n\nMPT\n\nOutpatient Orthopedic Rehabilitation\n385 Harbor Blvd, Springfield, IL 62704\nDAILY NOTE\nDate of Service: 2023-10-09 Therapist: Victor Reyes, PT\nS: better.",
			"Momentum Physical Therapy", "physical_therapy", "Victor Reyes, PT"},
		{"logo initials before the name", "MPT. \u2018Momentum Physical Therapy\nOutpatient Orthopedic Rehabilitation\nTel (217) 555-0108\nTREATMENT NOTE\nDate of Service: 2023-12-19 Therapist: Thomas Patel, PT, DPT\nS: better.",
			"Momentum Physical Therapy", "physical_therapy", "Thomas Patel, PT, DPT"},
		{"OCR debris before the name", "~   Oakwood Family Medicine\nFamily Medicine and Internal Medicine\n8353 Harbor Blvd, Springfield, IL 62704\nOFFICE VISIT\nVisit Date: 06-Mar-2023\nProvider: Martin Hargrove, DO\nA: low back pain.",
			"Oakwood Family Medicine", "primary_care", "Martin Hargrove, DO"},
		{"OCR dots after the logo and the name", "Fax received 05/17/2024 10:14 From: Coastal Ortho & Spine (615) 555-0134 To: Law P. 001/007\n\nCoastal Orthopedic & Spine Institute.\nOrthopedic Surgery - Spine - Sports Medicine\n7386 Commerce Pkwy, Fairview, TN 37062\nOFFICE VISIT\nDate of Service: 10/02/2023\nProvider: Dana Park, MD\nA: neck sprain.",
			"Coastal Orthopedic & Spine Institute", "orthopedics", "Dana Park, MD"},
		{"lower-case OCR initials in their own column", "mpt|   Momentum Physical Therapy\nOutpatient Orthopedic Rehabilitation\n385 Harbor Blvd, Springfield, IL 62704\nDAILY NOTE\nbos: 2023-11-06 Therapist: Victor Reyes, PT\nS: better.",
			"Momentum Physical Therapy", "physical_therapy", "Victor Reyes, PT"},
		{"an all-caps name is not initials", "ST MARYS REGIONAL MEDICAL CENTER\nEMERGENCY DEPARTMENT RECORD\nVisit Date: 12/06/2023\nAttending Physician: Dr. Ken Wu\nCC: MVC",
			"ST MARYS REGIONAL MEDICAL CENTER", "emergency", "Dr. Ken Wu"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := extractText(t, tt.text)
			if len(res.Encounters) != 1 {
				t.Fatalf("got %d encounters", len(res.Encounters))
			}
			e := res.Encounters[0]
			if e.Provider != tt.provider || e.ProviderKind != tt.kind || e.Clinician != tt.clinician {
				t.Errorf("got %q %q %q, want %q %q %q", e.Provider, e.ProviderKind, e.Clinician, tt.provider, tt.kind, tt.clinician)
			}
		})
	}
}

func TestSegmentation(t *testing.T) {
	// A note spilling over a page break, a repeated letterhead on the
	// continuation page, then a second provider mid-page.
	p1 := "Harbor Family Practice\nPROGRESS NOTE\nDate of Service: 01/10/2024\nSUBJECTIVE: neck pain improving.\nOBJECTIVE: ROM improved.\n"
	p2 := "Harbor Family Practice\nPatient: Ann Bee    DOS: 01/10/2024\nASSESSMENT: Cervical strain S13.4XXD\nPLAN: continue home exercise.\n\n" +
		"Valley Pain Management Associates\n300 Elm St, Reno, NV 89501\nPROCEDURE NOTE\nDate of Procedure: 01/20/2024\nPROCEDURE: Cervical epidural steroid injection at C6-7\nPain: 4/10 after.\n"
	res := extractText(t, p1, p2)
	if len(res.Encounters) != 2 {
		for _, e := range res.Encounters {
			t.Logf("%s %q", e.Date, e.Provider)
		}
		t.Fatalf("got %d encounters, want 2", len(res.Encounters))
	}
	a, b := res.Encounters[0], res.Encounters[1]
	if a.Date.String() != "2024-01-10" || len(a.Diagnoses) != 1 || a.Diagnoses[0].Code != "S13.4XXD" {
		t.Errorf("first note %s %+v: the continuation page's diagnosis belongs to it", a.Date, a.Diagnoses)
	}
	if b.Date.String() != "2024-01-20" || b.Provider != "Valley Pain Management Associates" || b.ProviderKind != "pain_management" || b.VisitType != "procedure" {
		t.Errorf("second note %s %q %q %q", b.Date, b.Provider, b.ProviderKind, b.VisitType)
	}
	if len(b.Procedures) == 0 || !strings.Contains(b.Procedures[0].Description, "epidural steroid injection") {
		t.Errorf("procedures %+v", b.Procedures)
	}
	if b.Citations[0].Page != 2 {
		t.Errorf("second note cited on page %d", b.Citations[0].Page)
	}
}

func TestBillsAndTotals(t *testing.T) {
	page := `Bright Imaging LLC
PATIENT STATEMENT
Billing Provider: Bright Imaging LLC
Date        CPT      Description                 Charges     Adj      Paid    Balance
02/01/2024  72148    MRI LUMBAR SPINE W/O         2,100.00   (300.00)  500.00  1,300.00
02/01/2024  72148-26 PROFESSIONAL READ              350.00     0.00    0.00    350.00
02/15/2024           INSURANCE PAYMENT                                (500.00)
            Subtotal                              2,450.00
            Total Charges                         2,450.00
            Previous Balance                          0.00
            Amount Due                            1,650.00
`
	res := extractText(t, page)
	if len(res.Encounters) != 0 {
		t.Errorf("a statement is not a visit: %d encounters", len(res.Encounters))
	}
	if len(res.Bills) != 3 {
		t.Fatalf("bills %+v", res.Bills)
	}
	if p := res.Bills[2]; p.Kind != extract.LinePayment || p.Charge != 0 || p.Paid == nil || *p.Paid != 500 || p.Date.String() != "2024-02-15" {
		t.Errorf("payment row %+v", p)
	}
	b := res.Bills[0]
	if b.Code != "72148" || b.Charge != 2100 || b.Adjustment == nil || *b.Adjustment != -300 || b.Paid == nil || *b.Paid != 500 || b.Balance == nil || *b.Balance != 1300 {
		t.Errorf("first line %+v", b)
	}
	if b.Provider != "Bright Imaging LLC" || b.Description != "MRI LUMBAR SPINE W/O" || b.Date.String() != "2024-02-01" {
		t.Errorf("first line %q %q %s", b.Provider, b.Description, b.Date)
	}
	if res.Bills[1].Charge != 350 || res.Bills[1].Code != "72148" || len(res.Bills[1].Modifiers) != 1 || res.Bills[1].Modifiers[0] != "26" {
		t.Errorf("second line %+v", res.Bills[1])
	}
	wantTotals := []struct {
		kind  string
		total float64
	}{{extract.TotalCharges, 2450}, {extract.TotalBalance, 1650}}
	if len(res.BillTotals) != len(wantTotals) {
		t.Fatalf("totals %+v", res.BillTotals)
	}
	for i, w := range wantTotals {
		if res.BillTotals[i].Kind != w.kind || res.BillTotals[i].Total != w.total {
			t.Errorf("total %d: %+v, want %+v", i, res.BillTotals[i], w)
		}
	}
}

func TestAmounts(t *testing.T) {
	tests := []struct {
		in   string
		want []float64
	}{
		{"$1,234.56", []float64{1234.56}},
		{"1234.56  (45.00)  -10.00", []float64{1234.56, -45, -10}},
		{"OCR comma 1,715,00", []float64{1715}},
		{"date 03.14.2024 is not money", nil},
		{"qty 1  150.00", []float64{150}},
		{"OCR speck after an amount  98.00.   0.00", []float64{98, 0}},
		{"OCR colon for the point  98:00   0.00", []float64{98, 0}},
		{"a time is not money 10:14  25.00", []float64{25}},
		{"$40.00.", []float64{40}},
	}
	for _, tt := range tests {
		got, _ := amountsIn(tt.in)
		if len(got) != len(tt.want) {
			t.Errorf("amountsIn(%q) = %v, want %v", tt.in, got, tt.want)
			continue
		}
		for i := range got {
			if got[i] != tt.want[i] {
				t.Errorf("amountsIn(%q) = %v, want %v", tt.in, got, tt.want)
			}
		}
	}
}

func TestOCRNoisyNote(t *testing.T) {
	// Tesseract output: single spaces instead of columns, O/0 and l/1
	// confusions, a date split across lines, stray punctuation.
	text := "Fax received 04/05/2024 10:14 From: Momentum PT (856) 555-0114 To: Law Office P. 002/006\n" +
		"Momentum Physical Therapy\n" +
		"| DAILY NOTE\n" +
		"Date of Service: Jan 2,\n2024 Visit #4 of 9 Therapist: Samuel Tanaka, PT, DPT\n" +
		"S: Patient reports pain 8/l0 .. worse after work\n" +
		"Dx: $13.4XXD, M54.2\n" +
		"P: Continue plan of care. Return to work light duty.\n"
	res := extractText(t, text)
	if len(res.Encounters) != 1 {
		t.Fatalf("got %d encounters", len(res.Encounters))
	}
	e := res.Encounters[0]
	if e.Date.String() != "2024-01-02" || e.Provider != "Momentum Physical Therapy" || e.Clinician != "Samuel Tanaka, PT, DPT" {
		t.Errorf("got %s %q %q", e.Date, e.Provider, e.Clinician)
	}
	if len(e.Diagnoses) != 2 || e.Diagnoses[0].Code != "S13.4XXD" || e.Diagnoses[1].Code != "M54.2" {
		t.Errorf("diagnoses %+v", e.Diagnoses)
	}
	if !strings.Contains(e.WorkStatus, "light duty") {
		t.Errorf("work status %q", e.WorkStatus)
	}
}

func TestHeaderVariants(t *testing.T) {
	// A date at the right of the letterhead line, a DOS range, an A/P line.
	res := extractText(t, "Mercy Family Clinic                                   Date: 03/14/2024\nPatient: Doe, John    DOB: 1/2/1970\nCC: neck pain\nA/P: cervical strain. PT 2x/week.")
	if len(res.Encounters) != 1 || res.Encounters[0].Date.String() != "2024-03-14" || res.Encounters[0].Provider != "Mercy Family Clinic" {
		t.Fatalf("encounters %+v", res.Encounters)
	}
	if dx := res.Encounters[0].Diagnoses; len(dx) != 1 || dx[0].Description != "cervical strain" {
		t.Errorf("diagnoses %+v", dx)
	}
	if res.Patient != "Doe, John" {
		t.Errorf("patient %q", res.Patient)
	}
	res = extractText(t, "Valley Hospital\nDISCHARGE SUMMARY\nDate of Service: 03/14/2024 - 03/16/2024\nDISCHARGE DIAGNOSES:\n1. Rib fractures\n2. Pneumothorax")
	if len(res.Encounters) != 1 || res.Encounters[0].EndDate.String() != "2024-03-16" || res.Encounters[0].VisitType != "hospital admission" {
		t.Fatalf("encounters %+v", res.Encounters)
	}
	if dx := res.Encounters[0].Diagnoses; len(dx) != 2 || dx[1].Description != "Pneumothorax" {
		t.Errorf("diagnoses %+v", dx)
	}
}

func TestUB04Lines(t *testing.T) {
	res := extractText(t, "UB-04\nValley Hospital\n0450  EMERGENCY ROOM   99284   03/14/24   1   1,250.00\n0320  DX X-RAY   71046   03/14/24   1   310.00\n0001  TOTAL CHARGES      1,560.00")
	if len(res.Bills) != 2 || res.Bills[0].Code != "99284" || res.Bills[0].Description != "EMERGENCY ROOM" || res.Bills[1].Charge != 310 {
		t.Errorf("bills %+v", res.Bills)
	}
	if len(res.BillTotals) != 1 || res.BillTotals[0].Total != 1560 || res.BillTotals[0].Provider != "Valley Hospital" {
		t.Errorf("totals %+v", res.BillTotals)
	}
}

// TestExamIsNotAProcedure: "Exam:" in an office note is the physical
// examination; in an imaging report it names the study.
func TestExamIsNotAProcedure(t *testing.T) {
	office := extractText(t, "Oakwood Family Medicine\nOFFICE VISIT\nDate of Service: 08/07/2023\nChief Complaint: low back pain.\nExam: BP 145/89. Lumbar paraspinal tenderness.\nAssessment: Low back pain (M54.50)")
	if len(office.Encounters) != 1 || len(office.Encounters[0].Procedures) != 0 {
		t.Errorf("office note procedures: %+v", office.Encounters)
	}
	imaging := extractText(t, "Open MRI of Dallas\nRADIOLOGY REPORT\nDate of Exam: 06/06/2024\nExam: MRI lumbar spine without contrast\nIMPRESSION: L4-5 protrusion.")
	if len(imaging.Encounters) != 1 || len(imaging.Encounters[0].Procedures) == 0 {
		t.Errorf("imaging report procedures: %+v", imaging.Encounters)
	}
}

// TestUndated: a note that prints no date of service is kept undated,
// cited by its title or first line, never given a wrong date; fragments
// and administrative pages are not notes.
func TestUndated(t *testing.T) {
	tests := []struct {
		name, text, quote string // quote "" means no encounter
	}{
		{"titled note without a date", "Harbor Family Practice\nPROGRESS NOTE\nSUBJECTIVE: neck pain improving.\nOBJECTIVE: ROM improved.\nASSESSMENT: cervical strain.\nPLAN: home exercise.", "PROGRESS NOTE"},
		{"letter without a date", "Dear Dr. Patel,\nThank you for referring Ms. Doe, who has neck pain after a collision.\nOn examination there is tenderness over the paraspinal muscles.\nI recommend physical therapy.\nSincerely,\nAnn Lee, MD", "Dear Dr. Patel,"},
		{"untitled note with sections", "CHIEF COMPLAINT: low back pain.\nHISTORY: lifting injury at work.\nEXAM: tender L4-5.\nPLAN: rest and ibuprofen.", "CHIEF COMPLAINT: low back pain."},
		{"a line of history is no note", "HISTORY OF PRESENT ILLNESS: He was injured in a fall.", ""},
		{"injury date is no date of service", "EMERGENCY DEPARTMENT RECORD\nDate of Injury: 01/04/2023\nCHIEF COMPLAINT: neck pain.\nEXAM: tender.\nPLAN: rest.", "EMERGENCY DEPARTMENT RECORD"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := extractText(t, tt.text)
			if tt.quote == "" {
				if len(res.Encounters) != 0 {
					t.Fatalf("got %d encounters, want none", len(res.Encounters))
				}
				return
			}
			if len(res.Encounters) != 1 {
				t.Fatalf("got %d encounters, want 1", len(res.Encounters))
			}
			e := res.Encounters[0]
			if !e.Undated || !e.Date.IsZero() || e.Citations[0].Quote != tt.quote {
				t.Errorf("undated %v date %q quote %q, want undated, no date, quote %q", e.Undated, e.Date, e.Citations[0].Quote, tt.quote)
			}
		})
	}
}

// TestOCRProcCode: the cell after a bill row's date holds its code; OCR's
// look-alikes there ("LO180", "AQ422", "£0730", a speck after "A4556") are read
// back, a word of digit-like letters is not.
func TestOCRProcCode(t *testing.T) {
	for tok, want := range map[string]string{"LO180": "L0180", "AQ422": "A0422", "£0730": "E0730", "A4556°": "A4556", "—A4556": "A4556", "LO1l80": "L0180", "Bills": "", "E0730": "", "0730": ""} {
		got, ok := ocrProcCode(tok)
		if got != want || ok != (want != "") {
			t.Errorf("ocrProcCode(%q) = %q %v, want %q", tok, got, ok, want)
		}
	}
}

// TestScannedClaimFormRows: a scanned claim form's service rows keep
// their line when OCR runs the cents cell into the dollars ("41000"), puts
// a speck before an amount (".95 00"), reads a date cell's 0 as O, or
// glues a speck read as a letter to the From cell ("O01 29 24": January
// 29, not the 24th of January 1929 read day first). A HCPCS code whose 0
// OCR read as O ("GO283") is read in the code cell after the place of
// service, as it is right after a date.
func TestScannedClaimFormRows(t *testing.T) {
	page := `HEALTH INSURANCE CLAIM FORM
APPROVED BY NATIONAL UNIFORM CLAIM COMMITTEE (NUCC) 02/12
24. A. DATE(S) OF SERVICE From To   B. PLACE OF SERVICE   D. CPT/HCPCS MODIFIER    E. DX PTR    F. $ CHARGES    G. DAYS OR UNITS
031124 031124            11     99203                  A          41000        1
031124 031124            11     72040   .              A         .95 00        1
O4 02 24   04 02 24      11     99213                  A          150 00       1
O01 29 24   01 29 24     11     99204                  AB.        42100        1
052623 052623            i      GO283   GP             AB         34 00        1
28. TOTAL CHARGE $ 1,110 00
31. SIGNATURE OF PHYSICIAN OR SUPPLIER
`
	res := extractText(t, page)
	got := billRows(res.Bills)
	want := "2024-03-11 99203 410.00|2024-03-11 72040 95.00|2024-04-02 99213 150.00|2024-01-29 99204 421.00|2023-05-26 G0283 34.00"
	if strings.Join(got, "|") != want {
		t.Errorf("lines %q, want %q", strings.Join(got, "|"), want)
	}
}

// TestSameItemCodes: a row whose HCPCS letter OCR read as a digit takes
// the code its item prints on the bill's other rows; a CPT code of another
// item keeps its digits.
func TestSameItemCodes(t *testing.T) {
	items := []extract.BillLine{
		{Code: "A4556", Description: "ELECTRODES PER PAIR"},
		{Code: "44556", Description: "ELECTRODES  PER PAIR ©"},
		{Code: "97110", Description: "THERAPEUTIC EXERCISE"},
		{Code: "G7110", Description: "OTHER ITEM"},
		{Code: "E0730", Description: "TENS FOUR OR MORE LEADS"},
		{Code: "0730", RevenueCode: "0730", Description: "TENS FOUR OR MORE LEADS."},
		{Code: "0450", RevenueCode: "0450", Description: "EMERGENCY ROOM"},
	}
	sameItemCodes(items)
	if items[1].Code != "A4556" || items[2].Code != "97110" || items[5].Code != "E0730" || items[5].RevenueCode != "" || items[6].Code != "0450" {
		t.Errorf("codes %+v", items)
	}
}

// TestClaimFormTaxIDRow: the row under boxes 25 to 29 of a claim form is
// its totals, not a service line, when OCR parts the federal tax ID at its
// hyphen ("40- 3049179"): the ID's digits are no procedure code.
func TestClaimFormTaxIDRow(t *testing.T) {
	page := `HEALTH INSURANCE CLAIM FORM
24. A. DATE(S) OF SERVICE From To   B. PLACE OF SERVICE   D. CPT/HCPCS MODIFIER    E. DX PTR    F. $ CHARGES    G. DAYS OR UNITS
051223 051223            11     99214                  ABS        27400        1
25. FEDERAL TAX 1.0. NUMBER SSN EIN    26. PATIENT'S ACCOUNT NO.    27. ACCEPT ASSIGNMENT?    28. TOTAL CHARGE    29. AMOUNT PAIO
40- 3049179   [X] EIN                  16616937                     [X] YES                   $ 274 00            $ 0 00.
31. SIGNATURE OF PHYSICIAN OR SUPPLIER
`
	res := extractText(t, page)
	got := billRows(res.Bills)
	if want := "2023-05-12 99214 274.00"; strings.Join(got, "|") != want {
		t.Errorf("lines %q, want %q", strings.Join(got, "|"), want)
	}
}

// TestListedSessionDates: a record of several sessions lists their dates
// after its date-of-service label; each session is a visit of its own,
// with the record's facts, cited by its own date. A range is one stay and
// a date after another label no session.
func TestListedSessionDates(t *testing.T) {
	tests := []struct {
		name, text, want string
	}{
		{"capacity evaluation over three days", `Summit Work Rehab
FUNCTIONAL CAPACITY EVALUATION
Patient: DOE, JANE   DOB: 02/03/1981
Dates of service: 03/01/2024, 03/08/2024 & 03/15/2024
Assessment: cervical strain (S13.4XXD); capable of light duty.
Plan: work conditioning three times a week.`, "2024-03-01 2024-03-08 2024-03-15"},
		{"testing sessions", `Bayside Psychological Associates
PSYCHOLOGICAL TESTING REPORT
Session dates: 4/2/24 and 4/9/24
Impression: adjustment disorder with anxiety (F43.22).`, "2024-04-02 2024-04-09"},
		{"evaluation dates, the next cell glued on", `Harbor Speech & Cognition
COGNITIVE-LINGUISTIC EVALUATION
Date(s) of evaluation: May 6, 2024 & May 8, 2024Clinician: R. Ames, CCC-SLP
Assessment: cognitive communication deficit (R41.841).`, "2024-05-06 2024-05-08"},
		// Batch I's neuropsychological report.
		{"batch I report", `Northfield Neuropsychology - Brain Injury Clinic
Neuropsychological Assessment Report
Name: DOE, JANE                           DOB: 02/03/1981 (age 43)
Dates of testing: 01/08/2024 and 01/10/2024       Examiner: Bernard Venkataraman, PsyD
Date of report: 02/06/2024                        Education: 15 years; right-handed
DIAGNOSES:
  1. Postconcussional syndrome (F07.81)`, "2024-01-08 2024-01-10"},
		{"a range is one stay", `Mercy Hospital
DISCHARGE SUMMARY
Dates of service: 03/14/2024 - 03/16/2024
Assessment: concussion (S06.0X0A).`, "2024-03-14"},
		{"another label is no session", `Elm Street Clinic
OFFICE VISIT
Date of service: 03/01/2024, date of injury 02/20/2024
Assessment: cervical strain (S13.4XXA).`, "2024-03-01"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res := extractText(t, tc.text)
			var got []string
			for _, e := range res.Encounters {
				got = append(got, e.Date.String())
				if !quoteHasDate(e.Citations[0].Quote, e.Date) || len(e.Diagnoses) != 1 {
					t.Errorf("%s: first quote %q, diagnoses %v", e.Date, e.Citations[0].Quote, e.Diagnoses)
				}
			}
			if strings.Join(got, " ") != tc.want {
				t.Errorf("visits %v, want %s", got, tc.want)
			}
		})
	}
}

// TestAdmissionTitle: a hospital's admission note is titled "History and
// Physical" in many ways; the title names the record, it opens no history
// section, so the admission date labelled in the header block below it is
// the visit's, not a signature's on the next page.
func TestAdmissionTitle(t *testing.T) {
	tests := []struct {
		name  string
		pages []string
		want  string
	}{
		{"inpatient H&P examination", []string{`Cedar Valley Medical Center
INPATIENT HISTORY AND PHYSICAL EXAMINATION
Patient: DOE, JANE          Date of Admission: 03/02/2024
Attending: Omar Haddad, MD
CHIEF COMPLAINT: low back pain after a fall.
ASSESSMENT: L1 compression fracture (S32.010A).
PLAN: admit, brace, pain control.`, `INPATIENT HISTORY AND PHYSICAL EXAMINATION  DOE, JANE   Page 2
Signed by Omar Haddad, MD on 03/03/2024 07:40`}, "2024-03-02"},
		// Batch I's layout.
		{"admission H&P", []string{`Saint Luke's Regional Hospital
A Level II Trauma Center
2618 Eastgate Blvd, Cedar Falls, IA 50613
ADMISSION HISTORY & PHYSICAL
Patient: DOE, JANE                                         MRN: 62925121
Admit Date: 12/6/23                                                Room: 4E-27B
Chief Complaint
  Neck pain and headache after a motor vehicle collision.
Assessment
  1. S13.4XXA - Sprain of ligaments of cervical spine, initial encounter`, `ADMISSION HISTORY & PHYSICAL DOE, JANE MRN 62925121
Electronically signed by Desmond Winslow, DO (Attending) on 12/7/23 at 3:58 PM`}, "2023-12-06"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res := extractText(t, tc.pages...)
			if len(res.Encounters) != 1 || res.Encounters[0].Date.String() != tc.want || res.Encounters[0].VisitType != "hospital admission" {
				for _, e := range res.Encounters {
					t.Logf("%s %q %q", e.Date, e.VisitType, e.Citations[0].Quote)
				}
				t.Errorf("want one hospital admission on %s", tc.want)
			}
		})
	}
}
