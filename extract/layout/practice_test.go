package layout

import (
	"strings"
	"testing"

	"github.com/medchron/medchron/extract"
)

// TestShortPracticeNames: an urgent care prints its short name as its
// letterhead ("Harbor UC", "Eastside Walk-In"), beside the title of its
// visit summary, a practice may name its
// service before more of its name ("Core PT & Sports Rehab", "Crossroads
// OT & Work Assessment", no other word of a practice in it), an
// anesthesia group is its partners ("Bayside Anesthesia Ptnrs"), and a
// name in capitals ending in PC over the laboratory's own name is the
// letterhead, not a diagnosis heading.
func TestShortPracticeNames(t *testing.T) {
	for _, name := range []string{"Harbor UC", "Eastside Walk-In", "Core PT & Sports Rehab", "Bayside Anesthesia Ptnrs", "Crossroads OT & Work Assessment", "Summit PT and Performance"} {
		d := Analyze(pagesOf(name + "                         Visit Summary\n400 Lake Rd, Erie, PA 16501 (814) 555-0100\n\nPatient: DOE, JANE   DOB: 01/02/1980\n" +
			"Date of Service: 03/04/2024\nChief complaint: neck pain after a collision.\nAssessment: cervical strain."))
		l := d.Lines[0]
		if l.Letterhead != name || l.Heading != NoHeading {
			t.Errorf("%q: letterhead %q, heading %d", name, l.Letterhead, l.Heading)
		}
	}
	d := Analyze(pagesOf("            RIVERBEND NEURODIAGNOSTIC CENTER PC\n            Clinical Neurophysiology Laboratory\n" +
		"            400 Lake Rd, Erie, PA 16501\n\nNERVE CONDUCTION STUDY REPORT\nStudy date: 5/26/23"))
	if l := d.Lines[0]; l.Letterhead != "RIVERBEND NEURODIAGNOSTIC CENTER PC" || l.Heading != NoHeading {
		t.Errorf("letterhead %q, heading %d", l.Letterhead, l.Heading)
	}
	if personCredential("Core PT & Sports Rehab") {
		t.Error(`"PT & Sports Rehab" read as a clinician's credential`)
	}
}

// TestOtherVisitDates: a study's order date and a consultation's referral
// date are the day another clinician asked for it, never its date of
// service.
func TestOtherVisitDates(t *testing.T) {
	for _, s := range []string{"Order date: 5/18/23", "Date referred: 12/18/2023", "Referral date: 12/18/2023", "Date ordered 05/18/2023"} {
		l := &Line{Text: s, Trim: s}
		ms := FindDates(s)
		if got := LabelBefore(l, ms[0], nil); got != FutureLabel {
			t.Errorf("LabelBefore(%q) = %d, want FutureLabel", s, got)
		}
	}
	d := Analyze(pagesOf("Riverbend Neurology\nNERVE CONDUCTION STUDY\nReferring physician: Ann Lee, MD      Order date: 5/18/23\n" +
		"Study date: 5/26/23\nIMPRESSION: Normal study."))
	for _, l := range d.Lines {
		if l.HasService && l.Service.String() != "2023-05-26" {
			t.Errorf("%q labels %s a date of service", l.Trim, l.Service)
		}
	}
}

// TestAttendingPhysicianStatement: an insurer's form the treating
// physician fills in (date first treated, date of the last examination,
// disability dates) is paperwork about the care, no record of a visit.
func TestAttendingPhysicianStatement(t *testing.T) {
	form := "Lakeview Casualty Company                              Form APS-2 (rev. 2020)\n" +
		"ATTENDING PHYSICIAN'S STATEMENT\nNo-Fault / Personal Injury Protection\n1. Patient name: DOE, JANE\n" +
		"2. Date of birth: 1/2/80\n3. Date of injury/accident: 3/1/24\n4. Date you first treated the patient for this injury: 3/4/24\n" +
		"5. Date of most recent examination: 4/15/24\n6. Diagnosis (ICD-10): M54.12\n7. Is the condition due to the accident? [X] Yes [ ] No\n" +
		"8. Totally disabled: From 3/1/24 through 3/31/24\n9. Physician: Ann Lee, MD\nSignature: ____________          Date: 4/20/24"
	if got := Analyze(pagesOf(form)).Pages[0].Class; got != extract.PageAdmin {
		t.Errorf("attending physician's statement classed %q, want %q", got, extract.PageAdmin)
	}
}

// TestBillServicePlace: on an anesthesia group's statement the
// "Facility:" line names the surgery centre the care was given in; the
// statement's letterhead is who bills it. The label's value ends where the
// next field's label begins.
func TestBillServicePlace(t *testing.T) {
	d := Analyze(pagesOf("Bayside Anesthesia Associates\n12 Dock St, Erie, PA 16501 Phone (814) 555-0191\n\nSTATEMENT OF ANESTHESIA SERVICES\n" +
		"Patient: DOE, JANE        DOB: 1/2/80       Statement date: 3/8/24\n" +
		"Facility: Lakeside Pain Ctr Proceduralist: Ann Lee, DO\n" +
		"DOS        ASA code   Description                  Units    Charge\n2/14/24    01992      ANESTH N BLOCK/INJ PRONE       7      777.00\n" +
		"                       Total charges                          777.00"))
	if got := d.Provider(1); got != "Bayside Anesthesia Associates" {
		t.Errorf("statement's provider %q, want the letterhead", got)
	}
	for _, l := range d.Lines {
		if strings.HasPrefix(l.Trim, "Facility:") && l.Facility != "Lakeside Pain Ctr" {
			t.Errorf("facility %q, want Lakeside Pain Ctr", l.Facility)
		}
	}
}

// TestLetterheadUnderPageTitle: an EHR printout heads its page with the
// report's title in capitals and prints the practice's name under it; the
// page is that practice's, not the previous record's.
func TestLetterheadUnderPageTitle(t *testing.T) {
	d := Analyze(pagesOf(
		"Harbor Chiropractic Center\nDAILY NOTE\nDate of Service: 01/10/2024\nS: Neck pain 4/10.\nA: Cervical strain.\nP: Continue care.",
		"ENCOUNTER SUMMARY\nLAKESIDE SPINE AND PAIN MANAGEMENT\nDOE, JANE DOB 02-Jan-1980 MRN 166214          Encounters 29-Jan-2024 to 07-Mar-2024\n"+
			"Consultation 29-Jan-2024 10:19 AM                  Status: Signed\nClinician: Ann Lee, DO\nReason: Neck pain radiating to the right arm.\n"+
			"Assessment: Cervical radiculopathy.\nPlan: Cervical epidural steroid injection."))
	if got := d.Provider(2); got != "LAKESIDE SPINE AND PAIN MANAGEMENT" {
		t.Errorf("page 2 provider %q, want LAKESIDE SPINE AND PAIN MANAGEMENT", got)
	}
}

// TestLetterheadAfterEHRName: an EHR printout heads its page with the
// software's name, then the practice's, then the patient's name, DOB and
// MRN on the right. The page is the practice's (a neurosurgeon's
// practice's name holds "Neurosurgery" or "Neurosurgical" as its only
// word of a kind of facility), not the software's nor the previous
// record's. A practice whose own name begins with the same word keeps it.
func TestLetterheadAfterEHRName(t *testing.T) {
	for _, tt := range []struct{ head, want string }{
		{"Epic Lakeview Neurosurgery", "Lakeview Neurosurgery"},
		{"eClinicalWorks Lakeview Neurosurgical Associates", "Lakeview Neurosurgical Associates"},
		{"athenahealth HARBOR BRAIN AND SPINE INSTITUTE", "HARBOR BRAIN AND SPINE INSTITUTE"},
		{"Cerner PowerChart Lakeview Neurosurgery", "Lakeview Neurosurgery"},
		{"Cemer PowerChart Lakeview Neurosurgery", "Lakeview Neurosurgery"},                                    // OCR reads "rn" as "m"
		{"Cermer PowerChart CAPITOL NEUROSURGICAL ASSOCIATES, P.A.", "CAPITOL NEUROSURGICAL ASSOCIATES, P.A."}, // "n" as "m"
		// a fax's OCR reads "rt" as "n" and the stroke after it as a quote
		{"Cerner PowerChan’ RIDGELINE BRAIN AND SPINE INSTITUTE", "RIDGELINE BRAIN AND SPINE INSTITUTE"},
		{"Cerner Power Chart Lakeview Neurosurgery", "Lakeview Neurosurgery"},
		{"Epic Physical Therapy", "Epic Physical Therapy"},
		// a copier's specks before the banner and after the name
		{", eClinicalWorks Ridgeline Brain & Spine       eo,              oo", "Ridgeline Brain & Spine"},
		{"athenaOne Capitol Neurosurgery - Spine Clinic", "Capitol Neurosurgery - Spine Clinic"},
		{"athenaOne. Capitol Neurosurgery - Spine Clinic", "Capitol Neurosurgery - Spine Clinic"}, // a speck after the vendor
	} {
		d := Analyze(pagesOf(
			"Harbor Chiropractic Center\nDAILY NOTE\nDate of Service: 01/10/2024\nS: Neck pain 4/10.\nA: Cervical strain.\nP: Continue care.",
			tt.head+"                                              DOE, JANE DOB Jan 2, 1980 MRN 840944\n\n"+
				"Outpatient Consult\nProvider: Ann Lee, DO\nReason for consult: Second opinion, neck pain.\n"+
				"HPI:\nNeck pain radiating to the right arm since a collision.\nExam:\nSpurling positive on the right.\n"+
				"Electronically signed by Ann Lee, DO"))
		if got := d.Provider(2); got != tt.want {
			t.Errorf("%s: page 2 provider %q, want %q", tt.head, got, tt.want)
		}
	}
}

// TestLetterheadRightOfTitle: a printout heads its page with its title on
// the left and the practice's name on the right; the page is that
// practice's, not the previous record's, whether or not the title is one
// of the titles of a note.
func TestLetterheadRightOfTitle(t *testing.T) {
	for _, title := range []string{"PATIENT MEDICATION HISTORY", "PROGRESS NOTE", "Account activity"} {
		d := Analyze(pagesOf(
			"Harbor Chiropractic Center\nDAILY NOTE\nDate of Service: 01/10/2024\nS: Neck pain 4/10.\nA: Cervical strain.\nP: Continue care.",
			title+"                                                  WILLOW CREEK PHARMACY\n"+
				"DOE, JANE          DOB 1/2/80                                   88 Oak Ave, Troy, NY 12180\n"+
				"Fill date     Qty     Days      Plan paid     Copay      U&C\n"+
				"Rx 6101052 CYCLOBENZAPRINE 10MG TAB NDC 00591-5658-01\n"+
				"   5/8/23      20      10          0.20        15.00     18.99\n"))
		if got := d.Provider(2); got != "WILLOW CREEK PHARMACY" {
			t.Errorf("%s: page 2 provider %q, want WILLOW CREEK PHARMACY", title, got)
		}
	}
}

// TestReEvaluationDate: a therapist's progress re-examination dates its
// visit "Date of re-evaluation:", beside the reporting and certification
// periods that open on the initial evaluation.
func TestReEvaluationDate(t *testing.T) {
	for _, s := range []string{"Date of re-evaluation: 1/18/24", "Date of reevaluation: 1/18/24", "Date of re-examination: 1/18/24"} {
		l := &Line{Text: s, Trim: s}
		if got := LabelBefore(l, FindDates(s)[0], nil); got != ServiceLabel {
			t.Errorf("LabelBefore(%q) = %d, want ServiceLabel", s, got)
		}
	}
}

// TestClaimFormBoxes32And33OnOneLine: a claim form prints the service
// facility (box 32) and the billing provider (box 33) side by side, and the
// text layer can run the two names together on one line; the billing
// provider is the second name, not both.
func TestClaimFormBoxes32And33OnOneLine(t *testing.T) {
	form := "                      HEALTH INSURANCE CLAIM FORM\n" +
		"                    APPROVED BY NATIONAL UNIFORM CLAIM COMMITTEE (NUCC) 02/12\n" +
		"1. MEDICARE MEDICAID TRICARE CHAMPVA GROUP HEALTH PLAN FECA OTHER        1a. INSURED'S I.D. NUMBER\n" +
		"2. PATIENT'S NAME (Last Name, First Name, Middle Initial)       3. PATIENT'S BIRTH DATE SEX\n" +
		"DOE, JANE                                                        01 02 1980        F\n" +
		"21. DIAGNOSIS OR NATURE OF ILLNESS OR INJURY ICD Ind. 0\nA. M5412\n" +
		"24. A. DATE(S) OF SERVICE From To MM DD YY     B. POS     D. CPT/HCPCS MODIFIER     E. DX PTR     F. $ CHARGES     G. UNITS\n" +
		"012924 012924        11       99204        A        421 00        1\n" +
		"25. FEDERAL TAX I.D. NUMBER SSN EIN      26. PATIENT'S ACCOUNT NO.     28. TOTAL CHARGE     29. AMOUNT PAID\n" +
		"74-5910977      [X] EIN       73583851       $ 421 00      $ 0 00\n" +
		"31. SIGNATURE OF PHYSICIAN OR SUPPLIER          32. SERVICE FACILITY LOCATION INFORMATION         33. BILLING PROVIDER INFO & PH #\n\n" +
		"                                                 LAKESIDE SPINE AND PAIN MANAGEMENT LAKESIDE SPINE & PAIN MANAGEMENT\n" +
		"ANN LEE                                         4029 MEDICAL PLAZA                 (661) 555-0147\n"
	d := Analyze(pagesOf(form))
	if d.Pages[0].BillKind != "cms1500" {
		t.Fatalf("page is %q %q, want a cms1500 bill", d.Pages[0].Class, d.Pages[0].BillKind)
	}
	if got := d.Provider(1); got != "LAKESIDE SPINE & PAIN MANAGEMENT" {
		t.Errorf("provider %q, want LAKESIDE SPINE & PAIN MANAGEMENT", got)
	}
}

// TestMassagePracticeLetterhead: a massage practice is a provider like a
// chiropractor's office; its name heads its session log and is the
// provider of the log, also when the log is filed right after another
// provider's report.
func TestMassagePracticeLetterhead(t *testing.T) {
	report := "Harbor Family Practice\n12 Dock St, Erie, PA 16501\nOFFICE VISIT NOTE\nDate of Service: 03/01/2024\n" +
		"Assessment: cervical strain.\nPlan: refer for massage therapy.\n"
	for _, name := range []string{"Quiet Pines Massage & Bodywork", "Lakeshore Medical Massage", "Elm Street Bodywork Studio"} {
		log := name + "                                  Therapist Lic. #LM4411\nSESSION RECORD                       Client: DOE, JANE\n" +
			"Date          Min   Technique            Pain\nMar 8, 2024   60    Trigger point work   5/10\nMar 15, 2024  60    Swedish              4/10\n"
		d := Analyze(pagesOf(report, log))
		if got := d.Lines[d.Pages[1].First].Letterhead; got != name {
			t.Errorf("%q: letterhead %q", name, got)
		}
		if got := d.Provider(2); got != name {
			t.Errorf("%q: the log's provider is %q", name, got)
		}
	}
}

// TestStackedFieldLabels: a visit summary's sidebar prints each field's
// label on a line of its own and the value under it, in the same column,
// while the note's sections run down a second column. A date under
// "Date of visit" is the visit's, one under "Birth date" the patient's
// birthday, one under "Next visit" another day; the kind of visit printed
// under its "Type" label is no record's title. A bare "Date" over a row of
// a table captions a column and says nothing.
func TestStackedFieldLabels(t *testing.T) {
	page := "Cedar Hollow Family Medicine                                  Summary of Care\n" +
		"Birth date                                 Reason for visit\n" +
		"04/11/1966                                 Follow-up of knee pain after a fall.\n" +
		"Date of visit                              Examination\n" +
		"08/02/2024                                 Mild effusion of the left knee, no laxity.\n" +
		"Encounter type                             Assessment\n" +
		"Consultation                               Contusion of the left knee.\n" +
		"Next visit                                 Plan\n" +
		"09/13/2024                                 Ice, home exercises.\n"
	d := Analyze(pagesOf(page))
	want := map[int]Label{2: BirthLabel, 4: ServiceLabel, 8: FutureLabel}
	for i, k := range want {
		l := &d.Lines[i]
		if got := LabelBefore(l, l.Dates[0], &d.Lines[i-1]); got != k {
			t.Errorf("%q under %q: label %d, want %d", l.Trim, d.Lines[i-1].Trim, got, k)
		}
		if l.HasService != (k == ServiceLabel) {
			t.Errorf("%q: HasService %v", l.Trim, l.HasService)
		}
	}
	if d.Lines[6].Title != "" {
		t.Errorf("the encounter type %q read as a title", d.Lines[6].Title)
	}
	grid := Analyze(pagesOf("Date          Weight    BP\n08/02/2024    181 lb    128/82\n"))
	if grid.Lines[1].HasService {
		t.Error("a grid's row under a bare Date caption labelled a date of service")
	}
}

// TestAssessmentCenterAndPluralDates: a centre may name itself by the
// kind of paper it writes ("Work Assessment Center", "Sleep Evaluation
// Centre") and is still a letterhead; a label that allows one date or
// several ("Evaluation date(s):") labels a date of service wherever its
// "(s)" stands.
func TestAssessmentCenterAndPluralDates(t *testing.T) {
	for _, name := range []string{"Harbor Work Assessment Center", "Lakeview Sleep Evaluation Centre"} {
		d := Analyze(pagesOf("      " + name + "\n      88 Quay Rd, Erie, PA 16501\nFINAL REPORT\nClient: DOE, JANE"))
		if got := d.Lines[0].Letterhead; got != name {
			t.Errorf("letterhead %q, want %q", got, name)
		}
	}
	for _, s := range []string{"Evaluation date(s): 03/04/2024 and 03/05/2024", "Date(s) of testing: 03/04/2024"} {
		d := Analyze(pagesOf(s))
		if l := d.Lines[0]; !l.HasService || l.Service.String() != "2024-03-04" {
			t.Errorf("%q: date of service %v %s", s, l.HasService, l.Service)
		}
	}
}

// TestPainPracticeHeadings: a pain practice's note measures the pain and
// watches the risks of its prescriptions under headings of their own,
// which end the history above them, in capitals with a colon or in title
// case alone on their line.
func TestPainPracticeHeadings(t *testing.T) {
	for _, s := range []string{"Pain Assessment", "PAIN ASSESSMENT:", "Risk Monitoring", "Opioid Risk Assessment", "Urine Drug Screen"} {
		l := &Line{Text: s, Trim: s}
		if h, _ := headingOf(l); h != OtherHeading {
			t.Errorf("%q: heading %d, want OtherHeading", s, h)
		}
	}
}

// TestDateBeforeAge: a date the patient's age follows ("04/11/1966 (58
// y/o F)") is the birth date, also when OCR turned the "DOB" over it into
// "bos", a reading of "DOS".
func TestDateBeforeAge(t *testing.T) {
	page := "Cedar Hollow Family Medicine\n" +
		"bos                                   History\n" +
		"04/11/1966 (58 ylo F)                 Slipped on ice on 01/12/2024.\n" +
		"Visit Date\n" +
		"01/16/2024\n"
	d := Analyze(pagesOf(page))
	if l := d.Lines[2]; l.HasService {
		t.Errorf("%q: the birth date labelled a date of service", l.Trim)
	}
	for _, s := range []string{"DOE, JANE   04/11/1966 (58 y/o F)", "Born 04/11/1966, age 58", "04/11/1966 (58 yo)"} {
		l := &Line{Text: s, Trim: s}
		if got := LabelBefore(l, FindDates(s)[0], nil); got != BirthLabel {
			t.Errorf("%q: label %d, want BirthLabel", s, got)
		}
	}
	if l := d.Lines[4]; !l.HasService {
		t.Errorf("%q under Visit Date: no date of service", l.Trim)
	}
}

// TestLetterheadWithMisreadLetter: OCR read a letter of a scanned
// letterhead as a bracket ("TM]" for "TMJ"); over an address and a phone
// line it is still the page's letterhead, and a bracket standing apart
// still makes a line no name.
func TestLetterheadWithMisreadLetter(t *testing.T) {
	prev := "Stillwater Therapeutic Massage\n6250 County Rd 12, Lexington, KY 40503\nSESSION NOTE\nDate of Service: 10/01/2024\nNeck tension.\n"
	d := Analyze(pagesOf(prev, "Lakeshore OMS - TM] & Facial Pain Center\n4618 Oak Ave, Tyler, TX 75701\nPhone (903) 555-0179 Fax (903) 555-0131\n\n"+
		"TMJ CONSULTATION\nPatient: DOE, JANE\nVisit Date: 2024-10-15\nRight jaw pain and clicking since a car accident.\n"))
	if got := d.Provider(2); got != "Lakeshore OMS - TM] & Facial Pain Center" {
		t.Errorf("page 2 provider %q", got)
	}
	d = Analyze(pagesOf(prev, "[ Lakeshore Facial Pain Center ]\n4618 Oak Ave, Tyler, TX 75701\nTMJ CONSULTATION\nVisit Date: 2024-10-15\nRight jaw pain.\n"))
	if got := d.Provider(2); got == "[ Lakeshore Facial Pain Center ]" {
		t.Errorf("page 2 provider %q, a bracketed line", got)
	}
}

// TestLetterheadsOfScannedPages: a scanned letterhead in capitals whose
// name ends "LLC." (OCR kept the point), and one whose name holds a word
// that also names documents ("WORK ASSESSMENT") above its tagline, address
// and phone, are the page's letterheads; the tagline is not.
func TestLetterheadsOfScannedPages(t *testing.T) {
	tests := []struct{ page, want string }{
		{"INDEPENDENT REVIEW PHYSICIANS GROUP LLC.\n\nIndependent Medical Examinations - Records Reviews\n\"4050 Bay St, Tyler, TX 75701\nPhone (903) 555-0125 Fax (903) 555-0112\n\nMay.14, 2024\n\n" +
			"Ms. Priya Raman, Claims Specialist\n_ Great Plains Casualty, Claims Department _\n\nRE: Examinee: Jane Doe\nClaim No.: 354-372683\nDate of accident: 12/6/23\nDate of IME: 5/8/24\n\n" +
			"Dear Ms. Priya Raman:\n\nAt your request I performed an independent medical examination of Ms. Doe on May 8, 2024.\n",
			"INDEPENDENT REVIEW PHYSICIANS GROUP LLC"},
		{"2024-06-10 11:42 AM FROM: CROSSROADS OCCUPATIONAL THERAPY (903) 555-0185 TO: (555) 555-0186 P. 002/004\n\nCROSSROADS OCCUPATIONAL THERAPY AND WORK ASSESSMENT\n\nIndustrial Rehabilitation\n_  8248 Eastgate Blvd, Tyler, TX 75701\n_ Phone. (903) 555-0160 Fax (903) 555-0185\n\nFunctional Capacity Evaluation - Summary Report\nClient: DOE, JANE     DOB: 07-20-1977\nTest date: 05/06/2024\nLifts 25 lb occasionally.\n",
			"CROSSROADS OCCUPATIONAL THERAPY AND WORK ASSESSMENT"},
	}
	// OCR left a wide gap inside the name ("Emergency   Medical
	// Services"): the words of a facility's kind after it are the name's.
	tests = append(tests, struct{ page, want string }{"Received: 03/29/2024 16:10; From: (661) 555-0113; Page 2 of 4\n\n" +
		"Metro County Emergency   Medical Services           :        .          PATIENT CARE REPORT\n" +
		"Incident #: 2023-248462   Unit: M10   Date of Service: 09/21/2023                    Patient: DOE, JANE\n" +
		"Chief complaint: Neck pain after motor vehicle collision\n", "Metro County Emergency Medical Services"})
	// A letter-spaced letterhead a greyscale scan read with a wide gap
	// before its kind of care ("CORNERSTONE    CHIROPRACTIC") is the name,
	// not the tagline under it.
	tests = append(tests, struct{ page, want string }{"CORNERSTONE    CHIROPRACTIC\n\nSpine and Injury Rehabilitation\n5526 Riverside Dr, Brookfield, WI 53045\n" +
		"Phone (262) 555-0105 Fax (262) 555-0116\n\nDISCHARGE SUMMARY - CHIROPRACTIC CARE\n\nPatient: DOE, JANE     DOB: 7/20/77\n" +
		"Date of discharge visit: 1/17/24\n", "CORNERSTONE CHIROPRACTIC"})
	// A short heading naming a kind of care and of document is no name.
	tests = append(tests, struct{ page, want string }{"Chiropractic IME - 2\nDate of exam: 09/05/2003\nThe claimant was examined at the request of the carrier.\n", ""})
	for _, tc := range tests {
		d := Analyze([]extract.Page{{Number: 1, Text: tc.page, Source: extract.SourceOCR}})
		if got := d.Provider(1); got != tc.want {
			t.Errorf("provider %q, want %q", got, tc.want)
		}
	}
}

// TestLetterheadOfReviewPhysicians: a practice whose name holds a word
// of a record's kind ("Independent Review Physicians") is named by its
// letterhead, not by the tagline under it that every page repeats
// ("Independent Medical Examinations - Records Reviews"), also when its
// further pages print the name in full.
func TestLetterheadOfReviewPhysicians(t *testing.T) {
	head := "Independent Review Physicians\nIndependent Medical Examinations - Records Reviews\n3024 Market St, Lancaster, PA 17601\nPhone (717) 555-0169 Fax (717) 555-0150\n\n"
	pages := []extract.Page{
		{Number: 1, Text: head + "Sep 19, 2023\nMr. Alan Brody, Bodily Injury Adjuster\nRE: Examinee: Jane Doe\n Date of examination: 09-12-2023\nDear Mr. Brody:\nI examined Ms. Doe.\n", Source: extract.SourceText},
		{Number: 2, Text: strings.Replace(head, "Independent Review Physicians", "INDEPENDENT REVIEW PHYSICIANS GROUP LLC", 1) +
			"Re: Jane Doe - IME of 09-12-2023 - page 2\nIMPRESSION: cervical strain, resolved.\nSincerely,\nElliot Petrov, DO\n", Source: extract.SourceText},
	}
	d := Analyze(pages)
	for n, want := range []string{"Independent Review Physicians", "Independent Review Physicians"} {
		if got := d.Provider(n + 1); got != want {
			t.Errorf("page %d: provider %q, want %q", n+1, got, want)
		}
	}
}

// TestRecipientUnderSpeckedAddressee: OCR set a quote mark before the
// courtesy title of a letter's addressee ("’ Ms. Dana Whitfield"); the
// office under her name is still the letter's recipient, no letterhead.
func TestRecipientUnderSpeckedAddressee(t *testing.T) {
	page := "_ Granite State IME Services\nIndependent Medical Examinations - Records Reviews\n5413 Eastgate Blvd, Bakersfield, CA 93301\n" +
		"Phone (661) 555-0168 Fax (661) 555-0190\n\nMarch 19, 2025\n\n’ Ms. Dana Whitfield, Senior Claims Representative\n" +
		"Keystone Health Altiance, Claims Department\n\nRE: Examinee: Jane Doe\nDate of IME: 10-Mar-2025\n\nDear Ms. Dana Whitfield:\n\n" +
		"At your request I performed an independent medical examination of Ms. Doe on March 10, 2025.\n"
	d := Analyze([]extract.Page{{Number: 1, Text: page, Source: extract.SourceOCR}})
	for _, l := range d.Lines {
		if strings.Contains(l.Trim, "Keystone") && l.Letterhead != "" {
			t.Errorf("recipient %q read as a letterhead", l.Letterhead)
		}
	}
}

// TestFacilityLabelGluedToNextLabel: a fax's OCR glued a form's next
// label to the end of the facility's value ("Facility: CAPITOL
// NEUROSURGICAL ASSOCIATES, PPatient: VILLANUEVA, MEI", the "C" of "PC"
// lost): the value ends where the glued label begins, without the
// stranded letter.
func TestFacilityLabelGluedToNextLabel(t *testing.T) {
	page := "Capitol Neurosurgical Assoc                                        PROVIDER NOTE\n\nDOS:           2023-09-22                                  Provider:        Bernard Yamada, MD\nFacility:         CAPITOL NEUROSURGICAL ASSOCIATES, PPatient:         VILLANUEVA, MEI\nDOB:           1973-08-07                                  MRN:           818375\nVisit type:       New patient                                   Referred by:     Nadia Ortega, DO\nInjury date:   _- 2023-08-14                                  Pain (0-10):     6\nSubjective                                        Assessment\n\nNeck and low back pain after a motor vehicle collision. Patient   Cervical disc disorder with radiculopathy, mid-cervical region,\nwas a restrained driver struck.on the driver's side at an           unspecified level (M50.120); Radiculopathy, cervical region\nintersection on August 14, 2023. Reports neck pain with         (M54.12)                              >\nstiffness and low back pain worse with sitting; VAS 6.\n\nPlan\nObjective                       .                              2-3 times a week for 6 weeks: therapeutic exercise, manual\nCervical AROM flexion 30 deg, extension 25 deg, rotation R      therapy, electrical stimulation.\n45/155 deg. Hypertonicity of the upper trapezius and lumbar\nparaspinals. NDI 38%.                                        Orders                       :          .\nOrdered MRI of the cervical spine with and without contrast to\nImaging reviewed                                        evaluate C5 -6 before any surgical decision.\nMRI cervical spine 2023-09-17: disc osteophyte complex\nC5 -6 with moderate foraminal narrowing; no cord signal .\nchange.\n\nSigned: Bernard Yamada, MD on 2023-09-24 4:01 PM\n\nPrinted 02-20-2024 by awinslow                                        Page 1of 1\n"
	d := Analyze([]extract.Page{{DocumentID: "d", Number: 1, Source: extract.SourceOCR, Text: page}})
	found := false
	for _, l := range d.Lines {
		if strings.HasPrefix(l.Trim, "Facility:") {
			found = true
			if l.Facility != "CAPITOL NEUROSURGICAL ASSOCIATES" {
				t.Errorf("facility %q", l.Facility)
			}
		}
	}
	if !found {
		t.Error("no facility line")
	}
	if got := beforeNextLabel("Lakeside PT, LLCProvider: Ann Lee, DPT"); got != "Lakeside PT, LLC" {
		t.Errorf("beforeNextLabel = %q", got)
	}
}

// TestLetterheadBeforeBillTitle: a statement prints its title in capitals
// on its letterhead's line a single space after the name ("Prairie Valley
// Med Ctr - Emergency Services HOSPITAL ACCOUNT SUMMARY"): the page is the
// named facility's, the title no part of its name.
func TestLetterheadBeforeBillTitle(t *testing.T) {
	for _, tt := range []struct{ head, want string }{
		{"Prairie Valley Med Ctr - Emergency Services HOSPITAL ACCOUNT SUMMARY", "Prairie Valley Med Ctr - Emergency Services"},
		{"Lakeview Medical Center PATIENT STATEMENT", "Lakeview Medical Center"},
		{"Lakeview Medical Center STATEMENT OF ACCOUNT", "Lakeview Medical Center"},
		{"LAKEVIEW MEDICAL CENTER", "LAKEVIEW MEDICAL CENTER"}, // a name in capitals keeps every word
	} {
		d := Analyze(pagesOf(
			"Harbor Chiropractic Center\nDAILY NOTE\nDate of Service: 01/10/2024\nS: Neck pain 4/10.\nA: Cervical strain.\nP: Continue care.",
			tt.head+"\nPatient Financial Services   315 Oak Ave, Bakersfield, CA 93301   (661) 555-0124\n"+
				"                                                     Statement date 12-16-2024     Page 1\n"+
				"Guarantor: Mei Thornbury                                 Account #: 62232500\n"+
				"CHARGES\nDate         Rev     Code       Description                                     Amount\n"+
				"09-28-2024   0450    99285      ED VISIT HIGH SEVERITY                        2,868.40\n"+
				"09-28-2024   0450    96374      THER/PROPH/DIAG INJ IV PUSH                     422.18\n"))
		if got := d.Provider(2); got != tt.want {
			t.Errorf("%s: page 2 provider %q, want %q", tt.head, got, tt.want)
		}
	}
}

// TestBehavioralPracticeLetterhead: a behavioral-health practice heads its
// notes with a short form of its name ("Bridgeway Behavioral", "Harbor
// Counseling", "Lakeside Psychology"): the page is that practice's, not
// the record's before it in the production.
func TestBehavioralPracticeLetterhead(t *testing.T) {
	for _, name := range []string{"Bridgeway Behavioral", "Harbor Counseling", "Lakeside Psychology", "Summit Psychiatry"} {
		d := Analyze(pagesOf(
			"Northstar Reference Lab\nCUMULATIVE RESULTS REPORT\nCollected: 06-13-2023\nCBC W/AUTO DIFF\nWBC 7.2 K/uL 4.0-11.0",
			name+"\nPsychotherapy Progress Notes\nClient: VARGA, RAVI DOB: 09-08-1969 Clinician: Miriam Crane, PhD Dx: F43.21\n\n"+
				"06-22-2023        10:00 AM        90791        62         Completed\n"+
				"                  Diagnostic evaluation; see intake assessment.\n                  Signed: Miriam Crane, PhD\n"))
		if got := d.Provider(2); got != name {
			t.Errorf("page 2 provider %q, want %q", got, name)
		}
	}
}

// TestTransportCompanyLetterhead: a medical transportation company's
// name ("... Med Transport") heads its invoice over the tagline of the
// services it gives, under a fax's banner OCR cut short; the company, not
// the tagline, made the page.
func TestTransportCompanyLetterhead(t *testing.T) {
	for _, q := range []string{"", "“"} {
		page := "RELIANT MEDICAL TRANSPORT, LLC  05/30/2024  12:36  #4005  Pg 1\n\nReliant Med Transport\n" + q + "Non-Emergency Medical Transportation - Wheelchair & Ambulatory\n4083 Pioneer Way, Lexington, KY 40503\n" +
			"Phone (859) 555-0167 Fax (859) 555-0105\n\nStatement of Trips                                        Page 1\nInvoice #: 372006      Invoice date: 16-Jan-2024\n" +
			"Date         Pickup -> Destination                     HCPCS       Mod           Units            Rate     Charge\n" +
			"18-Dec-2023 Home -> Lakeside Physical Therapy          A0130       RP                 1          45.00      45.00\n"
		d := Analyze(pagesOf(page))
		if got := d.Provider(1); got != "Reliant Med Transport" {
			t.Errorf("provider %q, want the company", got)
		}
	}
}

// TestSpeechPracticeLetterhead: a speech-language pathology practice named
// for its profession ("Clearview SLP - Concussion Program", "Clearview
// Speech - Concussion Program") heads its treatment log as its provider,
// also when the log is filed right after another provider's record.
func TestSpeechPracticeLetterhead(t *testing.T) {
	record := "2/4/25 4:50 PM FROM: Cascade Anesthesia Ptnrs (717) 555-0152 TO: (555) 555-0191 P.001/001\n\n" +
		"Cascade Anesthesia Group                                  Intraoperative Anesthesia Record\n" +
		"DOE, JANE DOB 1961-08-27 MRN 3182076 F                     Page 1\nAnesthesia date: 2024-10-15\nASA class: II\n"
	for _, name := range []string{"Clearview SLP - Concussion Program", "Clearview Speech - Concussion Program"} {
		log := name + strings.Repeat(" ", 56) + "SPEECH-LANGUAGE PATHOLOGY TREATMENT LOG\n" +
			"Patient: DOE, JANE DOB: 1961-08-27 Acct: 92884429" + strings.Repeat(" ", 68) + "Page 1\n" +
			"Referred by: Lucia Petrov, DO, Riverside Int Med Assoc, visit of 2024-08-07\n" +
			"Onset: motor vehicle collision 2024-08-03 with concussion\n" +
			"Plan of care: 2x/week for 8 weeks; certification 2024-08-29 - 2024-10-27\n" +
			"Date              Time            Min     CPT                     Goals addressed              Accuracy       SLP\n" +
			"2024-08-29        1:30 PM         60      96125                   Evaluation: goals set        --             DF\n" +
			"2024-09-03        1:30 PM         45      97129, 97130 x2         G2 memory: recall            54%            DF\n"
		d := Analyze(pagesOf(record, log))
		if got := d.Provider(2); got != name {
			t.Errorf("%q: the log's provider is %q", name, got)
		}
	}
}
