package layout

import (
	"strings"
	"testing"

	"github.com/medchron/medchron/extract"
)

// pagesOf makes numbered pages from texts.
func pagesOf(texts ...string) []extract.Page {
	out := make([]extract.Page, len(texts))
	for i, s := range texts {
		out[i] = extract.Page{DocumentID: "d", Number: i + 1, Source: extract.SourceText, Text: s}
	}
	return out
}

// TestLinesAreVerbatim: every line is the page text at its offset, so a
// quote cut from a line is a substring of its page.
func TestLinesAreVerbatim(t *testing.T) {
	d := Analyze(pagesOf("  A line\r\n\n\tsecond\t line  \n", "", "x\fy\nlast"))
	for _, l := range d.Lines {
		p := d.Pages[d.PageIndex(l.Page)]
		if p.Text[l.Start:l.Start+len(l.Text)] != l.Text {
			t.Errorf("page %d line %q is not at %d", l.Page, l.Text, l.Start)
		}
	}
	if got := len(d.PageLines(0)); got != 2 {
		t.Errorf("page 1 has %d lines, want 2", got)
	}
	if d.Pages[1].Class != extract.PageBlank {
		t.Errorf("empty page is %q", d.Pages[1].Class)
	}
}

// TestBoilerplate marks running headers and footers found on several
// pages, fax lines, print stamps and Bates stamps, and leaves letterheads,
// titles and dated lines alone however often they repeat.
func TestBoilerplate(t *testing.T) {
	page := func(n, dos string) string {
		return "Momentum Physical Therapy – DOE, JANE – DOB 01/02/1980 – MRN 44120\n" +
			"Momentum Physical Therapy\nDAILY NOTE\nDate of Service: " + dos + "\n" +
			"S: Neck pain 4/10, better after last visit.\nO: Cervical ROM improved.\n" +
			"Printed on 03/05/2024 10:22 by kjones                 Page " + n + " of 3\nMPT000" + n + "12\n"
	}
	d := Analyze(pagesOf(page("1", "02/01/2024"), page("2", "02/05/2024"), page("3", "02/07/2024")))
	want := map[string]Boiler{
		"Momentum Physical Therapy – DOE, JANE – DOB 01/02/1980 – MRN 44120": RunningHeader,
		"Momentum Physical Therapy":                   BoilerNone,
		"DAILY NOTE":                                  BoilerNone,
		"Date of Service: 02/05/2024":                 BoilerNone,
		"S: Neck pain 4/10, better after last visit.": BoilerNone,
		"Printed on 03/05/2024 10:22 by kjones                 Page 2 of 3": PrintStamp,
		"MPT000212": BatesStamp,
	}
	for _, l := range d.Lines {
		if l.Page != 2 {
			continue
		}
		if w, ok := want[l.Trim]; ok && l.Boiler != w {
			t.Errorf("%q: %q, want %q", l.Trim, l.Boiler, w)
		}
	}
	fax := "Fax received 04/27/2024 10:14 From: St Mary's Regional - Emergency Dept (217) 555-0117 To: Law Office P. 001/003"
	for _, fax := range []string{fax, "SAINT LUKE'S REGIONAL HOSPITAL   5/30/24   12:43   #4004   Pg 3/7", "LAKESIDE INT MED   11/2/23   9:05   #0312",
		// OCR reads the g of "Pg" as a q.
		"HARBOR ORTHO GROUP 07-14-2024 08:02 #2210 Pq 2/5",
		// and a page number's 1 as an i or an l.
		"RIVERBEND NEUROLOGY   11/14/23   12:35 PM   #4003   Pg i/1",
		"HARBOR ORTHO GROUP 07-14-2024 08:02 #2210 Pg 2/l",
		// A copier's specks: a comma after the time, a colon after a
		// word, a dash after the page count.
		"2025-03-17 13:37, FROM: GRANITE: STATE MEDICAL EVALUATIONS, INC. (661) 555-0190 TO: (555) 555-0144 P.002/005 -"} {
		if got := isNoise(fax); got != FaxLine {
			t.Errorf("fax banner %q: %q", fax, got)
		}
	}
	for _, text := range []string{"Lakeside Int Med   11/2/23   9:05 AM   Room #12 follow-up", "Seen 11/2/23 9:05 #3"} {
		if got := isNoise(text); got != BoilerNone {
			t.Errorf("%q: %q, want no boilerplate", text, got)
		}
	}
}

// TestHeaderName reads the provider out of running headers and footers.
// TestVisitHeadings: a line that opens with a visit's own heading ("Office
// visit", "Follow-up" with the visit's time) labels its date as a date of
// service; a plan's follow-up, a last visit and prose do not.
func TestVisitHeadings(t *testing.T) {
	tests := []struct {
		line string
		want Label
	}{
		{"  Office visit 2023-07-10 1:12 PM            Status: Complete", ServiceLabel},
		{"Telehealth Encounter 03/04/2024", ServiceLabel},
		{"New patient consult 1/29/24", ServiceLabel},
		{"  Follow-up 3/7/24 5:42 PM                   Status: Signed", ServiceLabel},
		{"Follow-up: 3/7/24 5:42 PM", FutureLabel},
		{"Follow up on 2024-01-05 or sooner if worse.", FutureLabel},
		{"Follow-up 3/7/24", FutureLabel},
		{"Last visit 02/01/2024", FutureLabel},
		{"Missed visit 02/01/2024", NoLabel},
		{"at his last visit 06-13-2023 he was better", FutureLabel},
		{"Patient was seen for a visit 02/01/2024", NoLabel},
		{"DOE, JANE   MRN 4411     Encounters 2023-07-10 to 2023-12-11", NoLabel},
		{"” Visit 12/20/2023 Ann Berg, DC Dx:", ServiceLabel},
		{"Date of Service:.01/08/2024 Ann Berg, DC", ServiceLabel},
		// OCR's specks before a heading and after its last word.
		{"‘Office visit, 11-Dec-2023 7:57 AM                   Oe          _ Status: Signed", ServiceLabel},
		{"’ Office visit 10-Jul- 2023 12:26 PM              ,        -     Status: Signed", ServiceLabel},
		{"_ Telehealth encounter. 03/04/2024", ServiceLabel},
		{"‘ last visit, 02/01/2024", FutureLabel},
		// a quote OCR read for a speck after a word of the label
		{"Date’ collected: 12.12.2022", ServiceLabel},
		{"Date' of service: 12.12.2022", ServiceLabel},
	}
	for _, tt := range tests {
		checkLabel(t, tt.line, tt.want)
	}
}

func TestHeaderName(t *testing.T) {
	tests := []struct{ line, patient, want string }{
		{"Momentum Physical Therapy – DOE, JANE – DOB 01/02/1980 – MRN 44120", "Jane Doe", "Momentum Physical Therapy"},
		{"Lakeside Int Med | Patient: Jane Doe | DOB: 01/02/1980", "Jane Doe", "Lakeside Int Med"},
		{"ST MARYS REGIONAL MEDICAL CENTER - CONFIDENTIAL PATIENT INFORMATION      Page 1 of 2", "", "ST MARYS REGIONAL MEDICAL CENTER"},
		{"DOE, JANE   MRN 44120   Page 2 of 5", "", ""},
		{"Kaiser Permanente   Doe, Jane   DOB 01/02/1980", "Jane Doe", "Kaiser Permanente"},
		{"CONFIDENTIAL   Printed 03/05/2024", "", ""},
		{"Law Office of D. Prescott - Client Records", "", ""},
		{"Harborview Ortho Surgery 3071 Hospital Dr Ph (859) 555-0152", "", "Harborview Ortho Surgery"},
		{"Alder Spine Center  Tel: (775) 555-0100", "", "Alder Spine Center"},
		{"Printed 06/07/2024 by jdoe", "", ""},
		{"Jane Doe 12 Elm St Reno NV", "Jane Doe", ""},
		// A form's title repeated on every page (a workers' compensation
		// progress report) is no practice, though it names a physician.
		{"PRIMARY TREATING PHYSICIAN'S PROGRESS REPORT", "", ""},
		{"Attending Physician's Statement", "", ""},
		{"Evergreen Pain & Treatment Center", "", "Evergreen Pain & Treatment Center"},
	}
	for _, tt := range tests {
		if got := headerName(tt.line, tt.patient); got != tt.want {
			t.Errorf("headerName(%q) = %q, want %q", tt.line, got, tt.want)
		}
	}
}

// TestFaxSender reads the sender of a fax line.
func TestFaxSender(t *testing.T) {
	tests := []struct{ line, want string }{
		{"Fax received 04/27/2024 10:14 From: St Mary's Regional - Emergency Dept (217) 555-0117 To: Law Office P. 001/003", "St Mary's Regional - Emergency Dept"},
		{"4/22/2020 3:42 PM FROM:+15555550100 Acme Imaging Center TO:15555550199 Pag.2/3", "Acme Imaging Center"},
		{"03/01/2024 09:12 FAX 5555550100 FROM: Law Office of D. Prescott  PAGE 1/2", ""},
		{"SAINT LUKE'S REGIONAL HOSPITAL   5/30/24   12:43   #4004   Pg 3/7", "SAINT LUKE'S REGIONAL HOSPITAL"},
	}
	for _, tt := range tests {
		if got := faxSender(tt.line); got != tt.want {
			t.Errorf("faxSender(%q) = %q, want %q", tt.line, got, tt.want)
		}
	}
}

// TestPageClasses classifies small hand-written pages of every class.
func TestPageClasses(t *testing.T) {
	tests := []struct {
		name, text, class, kind string
	}{
		{"office note", "Oakwood Family Medicine\nOFFICE VISIT\nDate of Service: 08/07/2023\nChief Complaint: low back pain.\nAssessment: Low back pain (M54.50)\nPlan: PT 2x/week.", extract.PageClinical, ""},
		{"consult letter", "Dear Dr. Patel,\nThank you for referring Ms. Doe. I saw her in my office on December 1, 2004 for neck pain after a collision.\nOn examination there is tenderness over the paraspinal muscles.\nSincerely,\nAnn Lee, MD", extract.PageClinical, ""},
		{"radiology report", "Northside Radiology Associates\nMRI CERVICAL SPINE WITHOUT CONTRAST\nDate of exam: 2023-12-27\nTECHNIQUE: Multiplanar MR imaging.\nCOMPARISON: Radiographs 12/06/2023.\nFINDINGS: C5-C6 protrusion.\nIMPRESSION: C5-C6 disc protrusion.", extract.PageReport, ""},
		{"chiropractic log", "Spine & Wellness Chiropractic\nDAILY TREATMENT LOG\nDate        Pain   Regions        CPT              Initials\n01/03/2024  7/10   C3-C7, T1-T4   98941 97140      JR\n01/05/2024  6/10   C3-C7          98941 97140      JR\n01/08/2024  6/10   C3-C7, L4-L5   98941 97010      KM\n01/10/2024  5/10   C3-C7          98941            JR", extract.PageVisitLog, ""},
		{"log dated in March (\"Mar\" is no medication administration record)", "Lakeview Sports Rehab\nTREATMENT LOG\nVisit date      Pain    Treatment               CPT\nMar 4, 2024     6/10    ther ex, manual         97110 97140\nMar 6, 2024     5/10    ther ex                 97110\nMar 11, 2024    5/10    ther ex, manual         97110 97140", extract.PageVisitLog, ""},
		{"exercise flowsheet", "Momentum Physical Therapy\nHOME EXERCISE FLOWSHEET\nExercise            01/03   01/05   01/08\nChin tucks          3x10    3x10    3x15\nScapular squeeze    2x10    3x10    3x10\nUpper trap stretch  3x30s   3x30s   3x30s", extract.PageOther, ""},
		{"UB-04", "Valley Hospital                       3 PAT CNTL# 55821     4 TYPE OF BILL 0131\nUB-04\n42 REV CD  43 DESCRIPTION          44 HCPCS   45 SERV DATE  46 SERV UNITS  47 TOTAL CHARGES\n0450      EMERGENCY ROOM            99284      031424        1              1,250.00\n0320      DX X-RAY                  71046      031424        1                310.00\n0001      TOTAL CHARGES                                                     1,560.00", extract.PageBill, "ub04"},
		{"CMS-1500", "HEALTH INSURANCE CLAIM FORM\nAPPROVED BY NATIONAL UNIFORM CLAIM COMMITTEE (NUCC) 02/12\nCARRIER\n1. MEDICARE MEDICAID TRICARE\n24. A. DATE(S) OF SERVICE   B. PLACE OF SERVICE   D. PROCEDURES   F. $ CHARGES   G. DAYS OR UNITS\n03 14 24 03 14 24  11   99204   250 00   1\n03 21 24 03 21 24  11   99213   125 00   1\n28. TOTAL CHARGE $ 375.00\n31. SIGNATURE OF PHYSICIAN OR SUPPLIER  DATE 03/28/24", extract.PageBill, "cms1500"},
		{"ledger", "Spine & Wellness Chiropractic\nPATIENT LEDGER\nDate        Code    Description            Charge    Payment   Adj      Balance\n01/03/2024  98941   CMT 3-4 regions         65.00                        65.00\n01/05/2024  98941   CMT 3-4 regions         65.00                       130.00\n02/01/2024          INS PMT - AUTO                   80.00               50.00\n02/01/2024          CONTRACTUAL ADJ                          20.00       30.00", extract.PageBill, "ledger"},
		{"pharmacy", "Main Street Pharmacy\nPRESCRIPTION HISTORY\nFill Date   Rx #      Drug                      NDC            Qty  Days Supply  Price\n12/06/2023  6012345   Cyclobenzaprine 10 mg     00591-5658-01  20   7            12.40\n12/06/2023  6012346   Ibuprofen 600 mg          00904-5853-61  30   10            9.80", extract.PageBill, "pharmacy"},
		{"hospital detail bill", "Alder Regional Hospital\nDETAIL BILL\n  Date       Charge code   CPT/HCPCS   Description                 Qty     Amount\n0250 PHARMACY\n  3/14/24    0250380276                PHARMACY                    1        79.12\n                                       Subtotal 0250                        79.12\n0450 EMERGENCY ROOM\n  3/14/24    0450694643    99284       ED VISIT                    1     1,612.80\n                                       Subtotal 0450                     1,612.80\n                                       TOTAL CHARGES                     1,691.92", extract.PageBill, "itemized"},
		{"receipts of paid visits", "Maple Street Counseling\nReceipts issued - DOE, JANE\nReceipt # 10-2291                 Issued 04/02/2024\nVisit date: 03/28/2024            Counselor: A. Ruiz, LCSW\nCPT 90837 Individual psychotherapy, 60 min\nCharge: $210.00                   Amount received: $210.00 cash\nReceipt # 10-2292                 Issued 04/09/2024\nVisit date: 04/09/2024            Counselor: A. Ruiz, LCSW\nCPT 90834 Individual psychotherapy, 45 min\nCharge: $160.00                   Amount received: $160.00 cash", extract.PageBill, "ledger"},
		{"EOB", "Acme Health Plan\nEXPLANATION OF BENEFITS\nTHIS IS NOT A BILL\nService Date  Billed    Allowed   Plan Paid   You Owe\n03/14/2024    1,250.00  800.00    640.00      160.00", extract.PageEOB, ""},
		{"bill review of a carrier", "Lakeshore Claims Repricing\nMEDICAL BILL REVIEW\nClaimant: Jane Doe   Claim: 55-1201\nDOS        Code    Billed    Fee sched.   Reduction   Recommended\n03/14/2024 99213   150.00    98.20        51.80       98.20\n03/21/2024 97110    80.00    41.00        39.00       41.00", extract.PageEOB, ""},
		{"fax cover", "FAX COVER SHEET\nTo: Law Office of D. Prescott\nFrom: Momentum Physical Therapy\nDate: 04/22/2024\nNumber of pages (including cover): 6\nRe: Jane Doe records\nCONFIDENTIALITY NOTICE: This transmission contains protected health information.", extract.PageAdmin, ""},
		{"HIPAA authorization", "AUTHORIZATION FOR RELEASE OF PROTECTED HEALTH INFORMATION\nPatient: Jane Doe   DOB: 01/02/1980\nI authorize Momentum Physical Therapy to release my complete medical records and bills\nto the Law Office of D. Prescott for the purpose of legal claim.\nDates of treatment requested: 12/06/2023 to present.\nThis authorization expires one year from the date signed. I may revoke this authorization in writing.", extract.PageAdmin, ""},
		{"custodian certification", "CERTIFICATION OF RECORDS\nI, Mary Cole, am the custodian of records for Momentum Physical Therapy.\nThe attached 14 pages are true and correct copies of records kept in the regular course of business.\nSworn to and subscribed before me on 04/30/2024.\nNotary Public", extract.PageAdmin, ""},
		{"missed appointment letter", "Harbor Family Practice\n12 Bay Rd, Erie, PA 16501\n\nMarch 3, 2024\n\nDear Ms. Doe:\nYou missed your appointment on February 28, 2024 with Dr. Lane.\nPlease call us to reschedule. A missed appointment fee of $30.00 may apply.\nSincerely,\nFront Desk", extract.PageAdmin, ""},
		{"debt collection notice", "Allied Credit Services\nApril 9, 2024\nJane Doe\nOriginal creditor: Harbor Family Practice\nAccount: 55120\nThis communication is from a debt collector attempting to collect a debt.\nAmount of the debt: $412.00\nYou may dispute the debt in writing within 30 days.", extract.PageAdmin, ""},
		{"note that mentions a missed visit", "Harbor Family Practice\nPROGRESS NOTE\nDate of service: 03/04/2024\nSUBJECTIVE: Neck pain 5/10. Missed appointment last week due to work.\nOBJECTIVE: Tender C5-C6.\nASSESSMENT: Cervical strain.\nPLAN: Continue therapy.", extract.PageClinical, ""},
		{"separator", "\n\n          SEPARATOR PAGE\n\n", extract.PageBlank, ""},
		{"scanned slip sheet over its caption", "\n\n          - SLIPSHEET _\n\n          ~ Document withheld - privileged\n", extract.PageBlank, ""},
		{"attorney's letter to a clinic", "Hale & Ortiz Law Offices\n400 Main St, Suite 9, Erie, PA 16501\n\nJune 2, 2024\n\nHarbor Chiropractic\n12 Bay Rd, Erie, PA 16501\n\nRe: our client Jane Doe, collision of May 20, 2024\nDear Doctor:\nPlease treat our client for her neck injury. This firm represents her and will pay your charges from any settlement.\nSincerely,\nR. Hale, Esq.", extract.PageAdmin, ""},
		{"physician's report to an attorney", "Harbor Orthopaedics\nDate of Service: 06/02/2024\nDear Mr. Hale, Esq.:\nI saw your client Jane Doe in follow-up.\nHISTORY: Neck pain since the collision.\nEXAMINATION: Tender C5-C6, rotation limited.\nASSESSMENT: Cervical strain (S13.4XXA).\nPLAN: Therapy 2x/week.", extract.PageClinical, ""},
		{"records copy invoice", "Copy Services of Erie\nINVOICE\nRequester: Hale & Ortiz Law Offices        Request received: 5/2/24\nDescription                          Qty     Rate    Amount\nSearch and retrieval                   1    20.00     20.00\nCopies                                40     0.50     20.00\nShipping                               1     7.00      7.00\nPostage                                1     2.00      2.00\n                                    Total due         $49.00", extract.PageAdmin, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := Analyze(pagesOf(tt.text))
			p := d.Pages[0]
			if p.Class != tt.class || p.BillKind != tt.kind {
				t.Errorf("class %q %q, want %q %q", p.Class, p.BillKind, tt.class, tt.kind)
			}
		})
	}
}

// TestSections resolves the provider of every page at document level.
func TestSections(t *testing.T) {
	note := func(head, dos string) string {
		return head + "DAILY NOTE\nDate of Service: " + dos + "\nS: Neck pain 4/10.\nO: ROM improved.\nA: Cervical strain.\nP: Continue plan of care.\n"
	}
	tests := []struct {
		name  string
		pages []string
		want  []string // provider per page
	}{
		{"letterhead on the first page only", []string{
			note("Momentum Physical Therapy\n120 Main St, Reno, NV 89501\n", "02/01/2024"),
			note("", "02/05/2024"), note("", "02/07/2024")},
			[]string{"Momentum Physical Therapy", "Momentum Physical Therapy", "Momentum Physical Therapy"}},
		{"running header on every page", []string{
			"Lakeside Pain Mgmt – DOE, JANE – DOB 01/02/1980\n" + note("", "02/01/2024"),
			"Lakeside Pain Mgmt – DOE, JANE – DOB 01/02/1980\n" + note("", "02/08/2024")},
			[]string{"Lakeside Pain Mgmt", "Lakeside Pain Mgmt"}},
		{"fax sender names pages nothing else names", []string{
			"Fax received 04/27/2024 10:14 From: Spine and Wellness Chiropractic (555) 555-0117 To: Law Office P. 001/002\n" + note("", "02/01/2024"),
			"Fax received 04/27/2024 10:14 From: Spine and Wellness Chiropractic (555) 555-0117 To: Law Office P. 002/002\n" + note("", "02/03/2024")},
			[]string{"Spine and Wellness Chiropractic", "Spine and Wellness Chiropractic"}},
		{"a custodian certification names its records", []string{
			"CERTIFICATION OF RECORDS\nI, Mary Cole, am the custodian of records for Harbor Family Practice.\nThe attached pages are true and correct copies.\nNotary Public",
			note("", "02/01/2024")},
			[]string{"Harbor Family Practice", "Harbor Family Practice"}},
		{"a custodian of \"the provider named above\" names none in that sentence", []string{
			"CUSTODIAN'S AFFIDAVIT - RECORDS AND BILLING\nI, Ravi Ashworth, being duly sworn, state that I am the custodian of records of the provider named above and\nthat (check all that apply):\n[X] The attached 1 pages are true and correct copies.\nNotary Public",
			note("", "02/01/2024")},
			[]string{"", ""}},
		{"an authorization names no provider", []string{
			"AUTHORIZATION FOR RELEASE OF PROTECTED HEALTH INFORMATION\nI authorize Valley Hospital to release my records.\nThis authorization expires in one year.",
			note("", "02/01/2024")},
			[]string{"", ""}},
		{"second provider's letterhead lower on a page goes on over the next", []string{
			note("Harbor Family Practice\n", "01/10/2024") + "\nValley Pain Management Associates\n300 Elm St, Reno, NV 89501\nPROCEDURE NOTE\nDate of Procedure: 01/20/2024\n",
			"PROCEDURE: Cervical epidural steroid injection at C6-7.\nPain: 4/10 after.\n"},
			[]string{"Harbor Family Practice", "Valley Pain Management Associates"}},
		{"a form whose practice line is only in its footer opens a section", []string{
			note("Harbor Family Practice\n", "01/10/2024"),
			"PHYSICIAN PROGRESS REPORT - WORK INJURY\nClaim #: WC123\n1. Subjective complaints:\nNeck pain.\n2. Objective findings:\nSpurling positive.\n" +
				"Exam date: 01/18/2024 Signature: Ann Berg, MD\nValley Orthopaedic Surgery 300 Elm St Ph (775) 555-0100"},
			[]string{"Harbor Family Practice", "Valley Orthopaedic Surgery"}},
		{"a footer-only form after another practice sharing only a specialty word opens a section", []string{
			note("Riverside Internal Medicine Associates\n", "01/10/2024"),
			"PRIMARY TREATING PHYSICIAN'S PROGRESS REPORT\nClaim #: WC123\n1. Subjective complaints:\nNeck pain.\n2. Objective findings:\nSpurling positive.\n" +
				"Date of exam: 01/18/2024 Signature: Ann Berg, MD\nSUMMIT SPORTS MEDICINE AND ORTHOPAEDICS 5203 Medical Plaza Ph (717) 555-0190"},
			[]string{"Riverside Internal Medicine Associates", "SUMMIT SPORTS MEDICINE AND ORTHOPAEDICS"}},
		{"a footer naming another provider on a page that goes on does not", []string{
			note("Harbor Family Practice\n", "01/10/2024"),
			"continued from the previous page: range of motion improved.\nPlan: continue.\nValley Orthopaedic Surgery 300 Elm St Ph (775) 555-0100"},
			[]string{"Harbor Family Practice", "Harbor Family Practice"}},
		{"a facility label whose value a table wrapped", []string{
			note("", "07/31/2013") + "Provider Organization   The DoctorsTogether Physician           Contact Details       1007 Health Drive\n" +
				"                        Group                                   (Organization)        Portland, OR 99123\n"},
			[]string{"The DoctorsTogether Physician Group"}},
		{"a letterhead of another provider opens a new section", []string{
			note("Harbor Family Practice\n", "01/10/2024"),
			note("Valley Pain Management Associates\n300 Elm St, Reno, NV 89501\n", "01/20/2024"),
			note("", "01/27/2024")},
			[]string{"Harbor Family Practice", "Valley Pain Management Associates", "Valley Pain Management Associates"}},
		{"an abbreviated practice name beside the title is the page's letterhead", []string{
			"PATIENT STATEMENT\nMercy Valley Hospital\nDate of service: 01/03/2024\nDescription of services      Charges\nLABORATORY     212.50\n",
			"Lakeside Int Med                                  OFFICE NOTE\nDOE, JANE   DOB 01/02/1980\n" + note("", "02/01/2024")},
			[]string{"Mercy Valley Hospital", "Lakeside Int Med"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := Analyze(pagesOf(tt.pages...))
			var got []string
			for _, p := range d.PageInfos() {
				got = append(got, p.Provider)
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("providers %q, want %q", got, tt.want)
			}
		})
	}
}

// TestFormProvider reads the provider of claim forms: UB-04 form locator 1
// and CMS-1500 box 33, never the patient or the payer.
func TestFormProvider(t *testing.T) {
	tests := []struct{ name, text, want string }{
		{"UB-04", "1 VALLEY REGIONAL HOSPITAL           3a PAT CNTL# 55821          4 TYPE OF BILL 0131\nUB-04\n42 REV CD  43 DESCRIPTION   44 HCPCS   45 SERV DATE   46 SERV UNITS   47 TOTAL CHARGES\n0450   EMERGENCY ROOM   99284   031424   1   1250 00\n0320   DX X-RAY CHEST   71046   031424   1   310 00\n0001   PAGE 1 OF 1      CREATION DATE 032824   1560 00",
			"VALLEY REGIONAL HOSPITAL"},
		// The text layer may set the captions of form locators 3a to 6,
		// printed above their values, before form locator 1's first line.
		{"UB-04 captions over form locator 1", "                          3a PAT CNTL #              4 TYPE OF BILL     5 FED TAX NO\n VALLEY REGIONAL HOSPITAL\n 2618 Eastgate Blvd        55821                      0135               81-1379098\n                          b MED REC #                6 STATEMENT COVERS PERIOD\n42 REV CD  43 DESCRIPTION   44 HCPCS   45 SERV DATE   46 SERV UNITS   47 TOTAL CHARGES\n0450   EMERGENCY ROOM   99284   031424   1   1250 00\n0320   DX X-RAY CHEST   71046   031424   1   310 00\n0001   PAGE 1 OF 1      CREATION DATE 032824   1560 00",
			"VALLEY REGIONAL HOSPITAL"},
		{"CMS-1500 box 33 below its caption", "HEALTH INSURANCE CLAIM FORM\nAPPROVED BY NATIONAL UNIFORM CLAIM COMMITTEE (NUCC) 02/12\nCARRIER\n24. A. DATE(S) OF SERVICE   B. PLACE OF SERVICE   D. PROCEDURES   F. $ CHARGES   G. DAYS OR UNITS\n03 14 24 03 14 24  11   99204   250 00   1\n28. TOTAL CHARGE $ 250 00\n31. SIGNATURE OF PHYSICIAN OR SUPPLIER   32. SERVICE FACILITY LOCATION INFORMATION   33. BILLING PROVIDER INFO & PH #\n    Ann Lee MD                           Reno Spine Center                           Reno Spine Center PC\n",
			"Reno Spine Center"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := Analyze(pagesOf(tt.text))
			if got := d.Provider(1); got != tt.want {
				t.Errorf("provider %q (class %s %s), want %q", got, d.Pages[0].Class, d.Pages[0].BillKind, tt.want)
			}
		})
	}
}

// TestGarbled tells OCR debris from two overprinted fax banners from
// lines of text.
func TestGarbled(t *testing.T) {
	tests := []struct {
		s    string
		want bool
	}{
		{"RReriaiachr! 0G/OBY/202 4 A21R9 F fanom OBB F5-DADDS Pad abi 6", true},
		{"ST LUKE'S REG HOSP ED                          .              PT: HALVORSEN, SHAUNA M", false},
		{"Arrival: 12-06-2023 1618      Mode of arrival: ALS ambulance", false},
		{"Triage Vitals: BP 147/90 HR 103 RR 18 SpO2 99% T 98.0 F", false},
	}
	for _, tt := range tests {
		if got := garbled(tt.s); got != tt.want {
			t.Errorf("garbled(%q) = %v, want %v", tt.s, got, tt.want)
		}
	}
}

// TestLostSlashDate reads a labelled date of service whose cell lost a
// slash to OCR, only when one reading is a date.
func TestLostSlashDate(t *testing.T) {
	tests := []struct{ line, want string }{
		{"Date of Service: 1211/2023                 Provider: Anika Mensah, FNP-C", "2023-12-11"},
		{"DOS: 12/112023", "2023-12-11"},
		{"Date of Service: 111/2023", ""}, // 1/11 or 11/1
		{"Account: 1211/2023", ""},
	}
	for _, tt := range tests {
		d := Analyze(pagesOf(tt.line))
		got := ""
		if l := d.Lines[0]; l.HasService {
			got = l.Service.String()
		}
		if got != tt.want {
			t.Errorf("%q: service date %q, want %q", tt.line, got, tt.want)
		}
	}
}

// TestRecordDateLabels: a specimen's collection labels a date of service;
// the dates a record was received, reported or signed are its making, even
// when the label ends in "Date" ("Received Date:" is no bare "Date:"), and
// a lab's "Date Collected ... Date Received" line is no print stamp.
func TestRecordDateLabels(t *testing.T) {
	tests := []struct {
		line string
		want Label
	}{
		{"Collection Date: 21-Aug-2023 10:28", ServiceLabel},
		{"Date Collected 1/10/23 10:05", ServiceLabel},
		{"Specimen collected: 03/02/2024", ServiceLabel},
		{"Received Date: 22-Aug-2023 04:20", SignedLabel},
		{"Report Date: 23-Aug-2023 16:54", SignedLabel},
		{"Date Reported 1/12/23 14:12", SignedLabel},
		{"Reported: 01/12/2023", SignedLabel},
		{"Date: 01/12/2023", BareLabel},
		{"Date. of examination: 01/12/2023", ServiceLabel},
		{"Date of IME: 01/12/2023", ServiceLabel},
	}
	for _, tt := range tests {
		checkLabel(t, tt.line, tt.want)
	}
	d := Analyze(pagesOf("Alder Valley Reference Laboratory\nPatient: DOE, JANE\nDate Collected 1/10/23 10:05            Date Received 1/11/23 00:01\nGlucose    88"))
	for _, l := range d.Lines {
		if strings.HasPrefix(l.Trim, "Date Collected") && (l.Boiler != BoilerNone || !l.HasService) {
			t.Errorf("%q: boiler %q, service %v", l.Trim, l.Boiler, l.HasService)
		}
	}
}

// TestCleanProviderDropsTown: a name printed with its town, state and ZIP
// code ("Location: ..., Reno, NV 89501") is the name alone; a name whose
// last words only look like a state keeps them.
func TestCleanProviderDropsTown(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Alder Int Med Assoc, Cedar Falls, IA 50613", "Alder Int Med Assoc"},
		{"ALDER VALLEY FAMILY MEDICINE, Reno, NV 89501-1234", "ALDER VALLEY FAMILY MEDICINE"},
		{"Berg, Dunn & Lee, PA", "Berg, Dunn & Lee, PA"},
		// A claim's role label before the name it labels.
		{"Submitter: MERIDIAN DIAGNOSTIC RADIOLOGY LLC", "MERIDIAN DIAGNOSTIC RADIOLOGY LLC"},
		{"Billing provider: Alder Int Med Assoc", "Alder Int Med Assoc"},
		{"Mercy Hospital: Radiology", "Mercy Hospital: Radiology"},
		// A facility word OCR split in two.
		{"TRI-COUNTY RADIOLOGY G ROUP, P.A.", "TRI-COUNTY RADIOLOGY GROUP, P.A."},
		{"RIVERBEND COMMUNITY HOS PITAL", "RIVERBEND COMMUNITY HOSPITAL"},
		{"Lakeside Chiro Practic Clinic", "Lakeside Chiropractic Clinic"},
		{"North Care Group", "North Care Group"},
	}
	for _, tt := range tests {
		if got := CleanProvider(tt.in); got != tt.want {
			t.Errorf("CleanProvider(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestBrowserAndFaxStamps: the date and time a browser prints at the top
// of a page, and a fax banner whose sender follows its time, are stamps,
// never a date of service.
func TestBrowserAndFaxStamps(t *testing.T) {
	d := Analyze(pagesOf("3/16/25, 3:35 PM                      Alder Portal - Visit Summary\n" +
		"Office Visit - Internal Medicine\nVisit Date: May 23, 2024 9:13 AM\nReason for Visit\nNeck pain.\n"))
	if l := d.Lines[0]; l.Boiler != PrintStamp {
		t.Errorf("%q: %q, want a print stamp", l.Trim, l.Boiler)
	}
	if got := isNoise("03/27/2025 9:28 AM FROM: Alder Int Med"); got != FaxLine {
		t.Errorf("fax banner: %q", got)
	}
	if got := isNoise("3/16/25 follow-up from: fall at home, seen 9:30"); got != BoilerNone {
		t.Errorf("note line: %q", got)
	}
}

// TestMoneyCountGlued counts two amounts OCR glued together as two, and a
// number with more decimals, or a dotted identifier, as none.
func TestMoneyCountGlued(t *testing.T) {
	tests := []struct {
		s    string
		want int
	}{
		{"97014   ELECTRIC STIM   1   32.001,339.00", 2},
		{"69.00 300.00", 2},
		{"eGFR   0.571   mL/min", 0},
		// A dotted identifier (a C-CDA OID) holds no amount.
		{"Encounter   ID: 9937012 (1.3.6.4.1.4.1.2835.12), Date/Time: at August 28, 2006", 0},
		{"Version 10.2.14.05", 0},
	}
	for _, tt := range tests {
		if got := moneyCount(tt.s); got != tt.want {
			t.Errorf("moneyCount(%q) = %d, want %d", tt.s, got, tt.want)
		}
	}
}

// TestScannedProviderLines reads the provider of lines as OCR leaves them:
// a speck before a facility label, the gaps OCR widens inside a name.
func TestScannedProviderLines(t *testing.T) {
	tests := []struct{ name, text, want string }{
		{"speck before a label", "10/10/23, 2:40 PM                 Portal - Visit Summary\nOffice Visit - Internal Medicine\nVisit Date: January 13, 2023 8:44 AM\n. Location: ALDER INTERNAL MEDICINE ASSOCIATES, Reno, NV 89501\nReason for Visit\nNeck pain.",
			"ALDER INTERNAL MEDICINE ASSOCIATES"},
		{"widened gaps in a letterhead", "Alder County Fire  &  Rescue ALS                        PATIENT CARE REPORT\nIncident #: 2024-11873 Unit: Medic 4 Date: 03/02/2024\nChief complaint: neck pain after a collision.",
			"Alder County Fire & Rescue ALS"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := Analyze(pagesOf(tt.text))
			if got := d.Provider(1); got != tt.want {
				t.Errorf("provider %q, want %q", got, tt.want)
			}
		})
	}
	l := Line{Text: ". Location: ALDER INTERNAL MEDICINE ASSOCIATES, Reno, NV 89501"}
	l.Trim = l.Text
	if got := facilityLabel(&l); got != "ALDER INTERNAL MEDICINE ASSOCIATES" {
		t.Errorf("facility label after a speck: %q", got)
	}
}

// serviceDates returns the dates of service Analyze labels on text's
// lines, in order, joined by spaces.
func serviceDates(text string) string {
	var got []string
	for _, l := range Analyze(pagesOf(text)).Lines {
		if l.HasService {
			got = append(got, l.Service.String())
		}
	}
	return strings.Join(got, " ")
}

// TestServiceColumn reads the date under a vitals grid's DOS caption as
// the date of service, for the rows of that one date only.
func TestServiceColumn(t *testing.T) {
	got := serviceDates("Harbor Family Practice     NURSE VISIT\nVitals\n" +
		"DOS          Time     BP        Pulse    Pain\n" +
		"04-02-2024   09:10    128/80    72       5\n" +
		"04-02-2024   09:40    122/78    70       4\n" +
		"04-09-2024   10:00    120/76    68       3\n" +
		"Seen 03-30-2024 at urgent care.\n")
	if want := "2024-04-02 2024-04-02"; got != want {
		t.Errorf("dates of service %q, want %q", got, want)
	}
}

// TestServiceDatesRange reads a statement's "Service dates: A - B" as
// dated from the first day of the stay.
func TestServiceDatesRange(t *testing.T) {
	got := serviceDates("Guarantor: Mei Thornbury                  Service dates: September 28, 2024 - September 30, 2024\n" +
		"Statement date: March 26, 2025\n")
	if want := "2024-09-28"; got != want {
		t.Errorf("dates of service %q, want %q", got, want)
	}
}

// TestVitalsHeads reads the date heading a vitals grid's readings (date
// and time above each column) as the date of service, and leaves a
// flowsheet whose columns are several days alone.
func TestVitalsHeads(t *testing.T) {
	one := "Northgate Pain Mgmt Ctr                    PROGRESS NOTE\nVital Signs\n" +
		"                   12/27/2024 14:55          12/27/2024 15:53\n" +
		"BP                 137/75                    123/75\nPulse              81                        68\n"
	if got := serviceDates(one); got != "2024-12-27" {
		t.Errorf("one day's readings: dates of service %q", got)
	}
	// OCR reads specks of the scan as cells of their own or glued to a
	// head ("~_ 11/20/24 14:41", a lone "."): the heads are still one day's.
	ocr := "Northgate Pain Mgmt              .            CLINIC NOTE\nVitals / Rooming .\n\n" +
		"11/20/24 14:19              ~_ 11/20/24 14:41      .\n" +
		"BP                        128/79                       117/83\n"
	if got := serviceDates(ocr); got != "2024-11-20" {
		t.Errorf("one day's readings read by OCR: dates of service %q", got)
	}
	days := "FLOWSHEET\n                   12/20/2024 14:55          12/27/2024 15:53\n" +
		"BP                 137/75                    123/75\n"
	if got := serviceDates(days); got != "" {
		t.Errorf("readings of two days: dates of service %q", got)
	}
}

// TestLetterReport: a report written as a letter names its writer in the
// letterhead and the office it is sent to in the inside address; the
// recipient is no provider, and the report's last page, closing on the
// examiner's attestation under another form of the practice's name, is
// the report's page, no custodian's certificate.
func TestLetterReport(t *testing.T) {
	d := Analyze(pagesOf(
		"Lakeview Medical Evaluations\n22 Elm St, Troy, NY 12180\nPhone (518) 555-0100\n\nJuly 9, 2024\n"+
			"Mr. Tom Reyes, Senior Adjuster\nNorthway Healthcare Network, Claims Department\nRE: Claimant Jane Doe\nExamination date: 07/01/2024\n\n"+
			"Dear Mr. Reyes:\nI examined the claimant at your request.\nHISTORY: Neck pain since a collision.\n"+
			"EXAMINATION: Rotation limited, no spasm.\nDIAGNOSIS: Cervical strain (S13.4XXA).",
		"Lakeview IME Services\n22 Elm St, Troy, NY 12180\nJane Doe - examination of 07/01/2024 - page 2\n\n"+
			"I certify under penalty of perjury that I examined the claimant and that this report is my own.\nAnn Lee, MD"))
	if got := d.Pages[1].Class; got != extract.PageClinical {
		t.Errorf("page 2 is %q, want %q", got, extract.PageClinical)
	}
	for _, l := range d.Lines {
		if strings.Contains(l.Text, "Northway") && l.Letterhead != "" {
			t.Errorf("recipient %q taken for a letterhead", l.Letterhead)
		}
	}
	if got := d.Provider(1); got != "Lakeview Medical Evaluations" {
		t.Errorf("provider of page 1 %q", got)
	}
	// The last page's letterhead prints the practice's other name: still
	// the report's page.
	if !d.Pages[1].Continues || d.Pages[1].Section != d.Pages[0].Section {
		t.Errorf("page 2 continues %v, section %d, want page 1's %d", d.Pages[1].Continues, d.Pages[1].Section, d.Pages[0].Section)
	}
}

// TestDrugStoreLetterhead: a pharmacy names itself a drug store and prints
// its store number; the name is the letterhead, without the number.
func TestDrugStoreLetterhead(t *testing.T) {
	d := Analyze(pagesOf("Main Street Drug Store #118                    PRESCRIPTION HISTORY\n12 Main St, Erie, PA 16501   Ph (814) 555-0100\n" +
		"Rx#       Filled       Drug                     Qty   Price\n6012345   12/06/2023   CYCLOBENZAPRINE 10MG     20    12.40"))
	if got := d.Lines[0].Letterhead; got != "Main Street Drug Store" {
		t.Errorf("letterhead %q, want Main Street Drug Store", got)
	}
}

// TestServiceLetterheads: a practice that names its service after its
// name ("Outpatient PT") is still the letterhead, a tagline of services
// under it is not, a clinician with a credential is not, and "Mgmt" is
// management.
func TestServiceLetterheads(t *testing.T) {
	d := Analyze(pagesOf("Harbor Rehab - Outpatient PT\nChiropractic - Physiotherapy - Massage\n12 Dock St, Erie, PA 16501\n\n" +
		"DAILY TREATMENT LOG\nDate     Pain   CPT\n5/22/23  7/10   97110"))
	if got := d.Lines[0].Letterhead; got != "Harbor Rehab - Outpatient PT" {
		t.Errorf("letterhead %q, want Harbor Rehab - Outpatient PT", got)
	}
	if got := d.Lines[1].Letterhead; got != "" {
		t.Errorf("tagline %q taken for a letterhead", got)
	}
	if got := d.Provider(1); got != "Harbor Rehab - Outpatient PT" {
		t.Errorf("provider %q", got)
	}
	for _, s := range []string{"Jane Moss, PT", "Alan Reyes DPT"} {
		if personCredential(s) != true {
			t.Errorf("%q: not read as a clinician", s)
		}
	}
	if d := Analyze(pagesOf("ENCOUNTER SUMMARY\nLakeside Pain Mgmt\nSMITH, JO  DOB 01/02/1970")); d.Lines[1].Letterhead != "Lakeside Pain Mgmt" {
		t.Errorf("letterhead %q, want Lakeside Pain Mgmt", d.Lines[1].Letterhead)
	}
}

// TestReExaminationTitle: a re-examination or progress report is a
// record's title (it opens the record under its letterhead), while its
// "Re-exam date:" label stays a date of service.
func TestReExaminationTitle(t *testing.T) {
	d := Analyze(pagesOf("Spine Align Chiro Ctr\n7065 Industrial Pkwy, Brookfield, WI 53045\nRE-EXAMINATION REPORT\n" +
		"Patient: DOE, JANE     DOB: 2/17/73\nRe-exam date: 11/7/24    Clinician: Gus Crane, DC\nProgress Report"))
	if d.Lines[2].Title == "" || d.Lines[5].Title == "" {
		t.Errorf("titles %q, %q: want both read as titles", d.Lines[2].Title, d.Lines[5].Title)
	}
	if d.Lines[4].Title != "" || !d.Lines[4].HasService {
		t.Errorf("the re-exam date line: title %q, date of service %v", d.Lines[4].Title, d.Lines[4].HasService)
	}
}

// TestEHRHeaderTable reads the provider of an EHR export's header table
// as OCR leaves it: the organisation's name wrapped in its cell lands at
// the left margin of the next row, and the author's specialty, wrapped
// onto a line of its own lower down, is a classification, not a
// letterhead that opens another record.
func TestEHRHeaderTable(t *testing.T) {
	page := "Consult Note\nPatient: Ann Roe   DOB: 3/4/1961\n" +
		"Provider Organization   Cedar Valley Physician        Contact Details          40 Elm Drive\n" +
		"Group                                (Organization)           Salem, OR 97301\n" +
		"Encounter               ID    4411 (Local)            Encounter Date          May 2, 2019\n" +
		"Author                  Lee Park M.D. -         Contact Details          12 Oak Drive\n" +
		"Code: Allopathic & Osteopathic\n" +
		"Physicians; Internal Medicine, Adult\n" +
		"Medicine\n" +
		"Callback contact        Kim Oh DO, ID: 123 at June 9, 2004\n"
	d := Analyze(pagesOf(page))
	if len(d.Sections) != 1 || d.Provider(1) != "Cedar Valley Physician Group" {
		t.Errorf("%d sections, provider %q: want one, Cedar Valley Physician Group", len(d.Sections), d.Provider(1))
	}
	for _, l := range d.Lines {
		if l.Letterhead != "" {
			t.Errorf("letterhead %q read in %q", l.Letterhead, l.Trim)
		}
	}
}

// TestStaircaseFaxBanners: a page faxed on again carries two banners
// printed over each other, which the text layer sets a few words at a
// time on lines that each start further right. The fragments are fax
// lines, and the record's own letterhead below them names the page.
func TestStaircaseFaxBanners(t *testing.T) {
	page := "   03/14/2024\n      03/12/2024\n              9:414:05\n                    AM FROM:\n" +
		"                        PM FROM:\n                              Mercy North\n" +
		"                                   County Hospital\n                                              Lakeside\n" +
		"                                                    Family Practice\n" +
		"                                                            (555)\n                                                               (555)\n" +
		"                                                                  555-0142\n                                                                      555-0177\n" +
		"                                                                          P.004/009\n\n" +
		"MERCY NORTH COUNTY HOSPITAL                          PT: DOE, JANE\nEMERGENCY DEPARTMENT RECORD                          MRN: 1234\n" +
		"Arrival: 1/9/24 1815     Mode of arrival: private vehicle\nChief complaint: neck pain after a collision.\n"
	d := Analyze(pagesOf(page))
	if got := d.Provider(1); got != "MERCY NORTH COUNTY HOSPITAL" {
		t.Errorf("provider %q, want the letterhead under the banners", got)
	}
	for _, l := range d.Lines[:14] {
		if l.Boiler != FaxLine {
			t.Errorf("banner fragment %q: %q, want fax_line", l.Trim, l.Boiler)
		}
	}
}

// TestStaircaseAfterOneStamp: the staircase of two overprinted banners
// may begin with a single scrap of the first banner's date and time, the
// next step already a word of a sender's name ("LAKESIDE") that no fax
// word marks.
func TestStaircaseAfterOneStamp(t *testing.T) {
	page := "                    3/22/24 4:17\n                             RIVERBEND\n" +
		"                                 PM FROM:\n                                      SPINE Mercy\n" +
		"                                            CENTERNorth\n                                                 Cnty ED (208)\n" +
		"                                                         2024-03-22\n                                                             555-014216:05\n" +
		"                                                                  TO: (555)\n                                                                      Pg 4/9P.003/011\n\n" +
		"MERCY NORTH COUNTY HOSPITAL                          PT: DOE, JANE\nEMERGENCY DEPARTMENT RECORD                          MRN: 1234\n" +
		"Arrival: 1/9/24 1815     Mode of arrival: private vehicle\nChief complaint: neck pain after a collision.\n"
	d := Analyze(pagesOf(page))
	for _, l := range d.Lines[:10] {
		if l.Boiler != FaxLine {
			t.Errorf("banner fragment %q: %q, want fax_line", l.Trim, l.Boiler)
		}
	}
	if got := d.Provider(1); got != "MERCY NORTH COUNTY HOSPITAL" {
		t.Errorf("provider %q, want the letterhead under the banners", got)
	}
}

// A workers' compensation progress report prints its form's title at the
// top of every page and the practice only in its footer: the title is no
// practice (it names a physician), and filed after an emergency record
// the form is the footer practice's record, not the hospital's.
func TestFormTitledEveryPage(t *testing.T) {
	ed := "ST LUKES REGIONAL HOSPITAL\n123 Main St, Boise ID 83702\nEMERGENCY DEPARTMENT RECORD\nDate of service: 05/06/2023\n" +
		"Chief complaint: neck pain after a motor vehicle collision.\nDisposition: discharged home.\n"
	form := func(date, text string) string {
		return "                 PRIMARY TREATING PHYSICIAN'S PROGRESS REPORT\n" +
			"      Check the box(es) which indicate why you are submitting a report at this time.\n" +
			"[X] Periodic report        [ ] Change in work status\n" +
			"Patient: Ravi Varga                 Date of injury: 05-06-2023\n" +
			"1. Subjective complaints:\n" + text + "\n" +
			"Exam date: " + date + " Signature: Ellen Costa, DO\n" +
			"Harborview Orthopaedic Surgery 8377 Hospital Dr Ph (859) 555-0181        Page 1 of 1\n"
	}
	d := Analyze(pagesOf(ed, form("05-18-2023", "Neck pain with right arm tingling."), form("06-05-2023", "Follow-up of neck pain; therapy helped.")))
	for page, want := range map[int]string{1: "ST LUKES REGIONAL HOSPITAL", 2: "Harborview Orthopaedic Surgery", 3: "Harborview Orthopaedic Surgery"} {
		if got := d.Provider(page); got != want {
			t.Errorf("page %d: provider %q, want %q", page, got, want)
		}
	}
}

// TestFormAfterLog: a form that follows a visit log (a registration form
// with its date of the day, a release) shows itself administrative; it is
// no page of the log, however its labelled date looks like a lone visit
// card of a flowsheet's last page.
func TestFormAfterLog(t *testing.T) {
	grid := "Willow Creek Physical Therapy\nFLOW SHEET\nVisit date     12/02/2024     12/04/2024     12/06/2024\nVisit #        1              2              3\nPain (0-10)    7              6              6\nTherapist      LM             LM             RT\n"
	form := "Lakeside Pain Associates\nNEW PATIENT REGISTRATION\n                                                        Date: 01/06/2025\nName: DOE, JANE                       Date of birth: 02/03/1981\nInsurance: Acme Health Plan            Member ID: AX55120\n" +
		"I authorize the release of information needed to process my claims and assign benefits to the practice.\nSignature: ____________________"
	d := Analyze(pagesOf(grid, form))
	if c := d.Pages[0].Class; c != extract.PageVisitLog {
		t.Errorf("flow sheet: class %q", c)
	}
	if c := d.Pages[1].Class; c != extract.PageAdmin {
		t.Errorf("registration form after it: class %q, want %q", c, extract.PageAdmin)
	}
}

// TestEOBBannerRepeatedOverPages: a plan's banner "THIS IS NOT A BILL"
// printed alike at the top of every explanation and claims summary of a
// scanned production is read as their running header, yet still says what
// each of those pages is: no bill.
func TestEOBBannerRepeatedOverPages(t *testing.T) {
	eob := func(plan, title string) string {
		return "THIS IS NOT A BILL\n" + plan + "\n" + title + "\nMember: Jane Doe  ID: XK4410\n" +
			"Claim #        Service date  Provider                    Billed      Plan paid   You owe\n" +
			"221-4410      03/14/24      Harbor Family Practice      185.00      120.25      30.00\n" +
			"221-4411      03/21/24      Bayside Imaging Group       821.00      407.22      101.80\n" +
			"Totals                                                 1,006.00     527.47     131.80"
	}
	note := "Harbor Family Practice\nOFFICE VISIT\nDate of Service: 03/14/2024\nAssessment: cervical strain (S13.4XXA)\nPlan: therapy."
	d := Analyze(pagesOf(eob("Acme Health Plan", "EXPLANATION OF BENEFITS"), note,
		eob("Summit Mutual Insurance", "HEALTH CLAIMS SUMMARY"), note, eob("Acme Health Plan", "EXPLANATION OF BENEFITS")))
	for _, i := range []int{0, 2, 4} {
		if !d.Lines[d.Pages[i].First].Noise() {
			t.Fatalf("page %d: the banner is not read as boilerplate; the test needs it to be", i+1)
		}
		if got := d.Pages[i].Class; got != extract.PageEOB {
			t.Errorf("page %d: class %q, want %q", i+1, got, extract.PageEOB)
		}
	}
}

// TestDentalClaimForm: the ADA Dental Claim Form (J430D) is a
// professional claim like the CMS-1500: its numbered boxes (tooth system,
// tooth surface, total fee, billing and treating dentist) say so, also on
// a claim for one service whose procedure date prints as MMDDCCYY and on
// a scan whose OCR damaged a few labels. Its diagnosis box and the dates
// of birth, accident and signature make no clinical note of it.
func TestDentalClaimForm(t *testing.T) {
	form := "ADA American Dental Association Dental Claim Form\n" +
		"HEADER INFORMATION\n1. Type of Transaction (Mark all applicable boxes)  [X] Statement of Actual Services  [ ] Request for Predetermination/Preauthorization\n" +
		"3. Company/Plan Name, Address, City, State, Zip Code\nAcme Auto Insurance, PO Box 12, Erie PA 16501\n" +
		"20. Name (Last, First, Middle Initial, Suffix)        21. Date of Birth (MM/DD/CCYY)      23. Patient ID/Account #\n" +
		"DOE, JANE                                            01021980                           55120\n" +
		"RECORD OF SERVICES PROVIDED\n" +
		"24. Procedure Date   25. Area of Oral Cavity   26. Tooth System   27. Tooth Number(s)   28. Tooth Surface   29. Procedure Code   29a. Diag. Pointer   29b. Qty.   30. Description   31. Fee\n" +
		"03142024             01                        JP                                                          D9944                A                    1           occlusal guard    671.00\n" +
		"33. Missing Teeth Information   1 16 17 32              31a. Other Fee(s)    0.00\n" +
		"34. Diagnosis Code List Qualifier (ICD-10 = AB)  AB     32. Total Fee        671.00\n" +
		"34a. Diagnosis Code(s)  A S03.4XXA   B M26.631\n" +
		"45. Treatment Resulting from  [X] Auto accident   46. Date of Accident (MM/DD/CCYY) 02282024   47. Auto Accident State PA\n" +
		"48. Name, Address, City, State, Zip Code (Billing Dentist or Dental Entity)   49. NPI\nHarbor Oral Surgery, 12 Bay Rd, Erie PA   1234567893\n" +
		"53. Signed (Treating Dentist)  Ann Lee, DDS   Date 03152024   54. NPI 1234567893   55. License Number DL5512\n"
	scan := "ADA Dental Claim Form                                  American Dental Association 34300\n" +
		"HEADER INFORMATION  1. Type of Transaction: {X] Statement of Actual Services (] Request for Predetermination\n" +
		"20, Patient Name                 21. Date of Birth                 23. Patient ID/Account #\n" +
		"DOE, JANE           .           01/02/1980                           55120\n" +
		"24. Proc. Date    25. Area 26.Sys 27.Tooth  28.Surf  29. Code    29a.Ptr 29b.Qty30. Description          31. Fee\n" +
		"03/14/2024   01       JP                        D9944     A       1      occlusal guard hard          671.00\n" +
		"33. Missing Teeth: 1 16 17 32                                        .          31a. Other Fee(s)      0.00\n" +
		"34, Diagnosis Code List Qualifier: AB                                        32. Totat Fee       671.00\n" +
		"34a. A SO3.4XXA    BB M26.631\n" +
		"45, Treatment Resulting from            46. Date of Accident               47, Auto Accident State\n" +
		"[X] Auto accident                       02/28/2024                          PA\n" +
		"36. Patient Signature / Date                     48. Bitling Dentist                     49. NPI\n" +
		"Signature on file   03/14/2024     - Harbor Oral Surgery        1234567893\n" +
		"53. Treating Dentist / Date                      54. NPI                        55. License #\n" +
		"Ann Lee, DDS   03/15/2024       1234567893                                DL5512\n"
	for name, text := range map[string]string{"printed by the form's layout": form, "a practice's print, scanned": scan} {
		t.Run(name, func(t *testing.T) {
			p := Analyze(pagesOf(text)).Pages[0]
			if p.Class != extract.PageBill || p.BillKind != "cms1500" {
				t.Errorf("class %q %q, want %q %q", p.Class, p.BillKind, extract.PageBill, "cms1500")
			}
		})
	}
}

// TestLabelledFieldIsNoLetterhead: a field of a visit summary ("Department:
// Emergency Medicine") names a department, not the practice; the
// hospital over it is the letterhead.
func TestLabelledFieldIsNoLetterhead(t *testing.T) {
	d := Analyze(pagesOf("Mercy Regional Hospital\n\nVisit Summary\nVisit date: March 3, 2024\nDepartment: Emergency Medicine\n" +
		"Attending: Lee Park, MD\nHISTORY OF PRESENT ILLNESS:\nNeck pain after a rear-end collision."))
	for _, l := range d.Lines[1:] {
		if l.Letterhead != "" {
			t.Errorf("line %q: letterhead %q", l.Trim, l.Letterhead)
		}
	}
}

// TestCourtesyAndTitleHeadersNameNoProvider: a receipt's courtesy line
// repeated at the foot of every page ("THANK YOU - KEEP FOR YOUR
// RECORDS") and a running title of the papers copied ("PHARMACY RECEIPTS
// - COPIES") name no practice; a practice's running header still does.
func TestCourtesyAndTitleHeadersNameNoProvider(t *testing.T) {
	tests := []struct{ header, want string }{
		{"THANK YOU - KEEP FOR YOUR RECORDS", ""},
		{"Thank you for choosing us | Please keep this receipt", ""},
		{"PHARMACY RECEIPTS - COPIES        Jane Doe", ""},
		{"Pharmacy Invoices | Jane Doe", ""},
		{"Oak Street Pharmacy - DOE, JANE", "Oak Street Pharmacy"},
	}
	for _, tt := range tests {
		if got := headerName(tt.header, "Jane Doe"); got != tt.want {
			t.Errorf("headerName(%q) = %q, want %q", tt.header, got, tt.want)
		}
	}
}

// TestReceiptsTitleIsNoLetterhead: a title over copied receipts
// ("PHARMACY RECEIPTS - COPIES") names the papers, not the pharmacy.
func TestReceiptsTitleIsNoLetterhead(t *testing.T) {
	d := Analyze(pagesOf("PHARMACY RECEIPTS - COPIES                    Jane Doe\n\n      Oak Street Pharmacy\n" +
		"      03/02/2024 2:41 PM     REG 1 TRN 0077\n      Rx #4410273 NAPROXEN 500MG TAB     16.80\n      TOTAL     16.80"))
	if got := d.Lines[0].Letterhead; got != "" {
		t.Errorf("title taken for the letterhead %q", got)
	}
	if got := d.Provider(1); got != "Oak Street Pharmacy" {
		t.Errorf("provider %q, want Oak Street Pharmacy", got)
	}
}

// TestPharmacyNamedRxOrDrug: a pharmacy may call itself "Greenleaf Rx" or
// "CAREPLUS DRUG": the name over its receipts is the letterhead.
func TestPharmacyNamedRxOrDrug(t *testing.T) {
	for _, name := range []string{"Greenleaf Rx", "CAREPLUS DRUG"} {
		d := Analyze(pagesOf("PHARMACY RECEIPTS - COPIES                                Jane Doe\n\n          " + name + "\n          STORE #8562 (717) 555-0149\n     5175 Oak Ave, Lancaster, PA 17601\n" +
			"     05/06/2023 4:11 PM     REG 2 TRN 5243\n     RX 6210441 CYCLOBENZAPRINE 10MG TAB     18.99\n     TOTAL     18.99"))
		if got := d.Provider(1); got == "" {
			t.Errorf("%q: no provider", name)
		}
	}
}

// TestAbbreviatedAssociatesLetterhead: a practice whose name says what it
// does ("Physician Review", "Records Review") and ends in "Associates"
// cut to "Assoc." or "Assocs" is still a letterhead.
func TestAbbreviatedAssociatesLetterhead(t *testing.T) {
	for _, name := range []string{"Castle Physician Review Assoc.", "Castle Records Review Assocs", "Castle Physician Review Associates"} {
		d := Analyze(pagesOf(name + "\n100 Main St, Erie, PA 16501\nPhone (814) 555-0184\n\nJune 3, 2024\nRE: Claimant: Jane Doe"))
		if got := strings.TrimSuffix(d.Lines[0].Letterhead, "."); got != strings.TrimSuffix(name, ".") {
			t.Errorf("letterhead %q, want %q", got, name)
		}
	}
}

// TestServiceNamedLetterhead: a review company named for what it does
// ("Castle Records Review") heads its page over its address and phone,
// perhaps with a tagline between: its letterhead, though its words are a
// record's. A title over an address is none.
func TestServiceNamedLetterhead(t *testing.T) {
	for _, tagline := range []string{"", "Physician Records Review - Utilization Review\n"} {
		d := Analyze(pagesOf("Castle Records Review\n" + tagline + "100 Main St, Erie, PA 16501\nPhone (814) 555-0184\n\nJune 3, 2024\nRE: Claimant: Jane Doe"))
		if got := d.Lines[0].Letterhead; got != "Castle Records Review" {
			t.Errorf("tagline %q: letterhead %q, want Castle Records Review", tagline, got)
		}
	}
	d := Analyze(pagesOf("Progress Report\n100 Main St, Erie, PA 16501\nPatient: Jane Doe"))
	if got := d.Lines[0].Letterhead; got != "" {
		t.Errorf("a title taken for a letterhead: %q", got)
	}
}
