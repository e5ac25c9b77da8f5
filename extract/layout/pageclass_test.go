package layout

import (
	"fmt"
	"strings"
	"testing"

	"github.com/medchron/medchron/extract"
)

// TestMedicationAdministrationRecord: a MAR prints one row per medication
// order (drug, dose, route, frequency) under the hours of the day across
// the page, with the initials of the nurse who gave each dose; its
// administration date, admission date and attending say when and where,
// yet the page records doses given, no visit. A note that lists the same
// orders, or a nursing record that gives a dose at a time in each row, is
// still a note.
func TestMedicationAdministrationRecord(t *testing.T) {
	mar := func(title, dateLabel, hours string) string {
		return "Saint Luke's Regional Hospital                                     " + title + "\n" +
			"Patient: DOE, JANE                              MRN: 273067                  Acct: 37686559\n" +
			"DOB: 09/08/1969                                 Admission Date: 05/06/2023   Allergies: NKDA\n" +
			"Attending: Ann Lee, MD                          " + dateLabel + " 05/07/2023         Period: 0700-0659\n\n" +
			"Medication / dose / route / frequency     " + hours + "\n\n" +
			"Acetaminophen 650 mg PO q6h               SCH      CC             CC                 CB\n\n" +
			"Cyclobenzaprine 5 mg PO TID               SCH      MY             CC\n\n" +
			"Ketorolac 15 mg IV q6h PRN pain 6-10      PRN               MY\n\n" +
			"Legend: initials = given. Nurses: MY = Mary Yates, RN; CC = Carl Cole, LPN; CB = Cora Bell, LPN\nPage 2 of 3\n"
	}
	tests := []struct {
		name, text, class string
	}{
		{"MAR, hours as four digits", mar("MAR - 24 HOUR", "MAR Date:", "0900     1200    1500    1800   2100    0000     0300      0600"), extract.PageOther},
		{"eMAR, hours with colons", mar("eMAR Summary Report", "Administration Date:", "09:00    12:00   15:00   18:00  21:00   00:00    03:00     06:00"), extract.PageOther},
		{"discharge summary listing its orders", "Saint Luke's Regional Hospital\nDISCHARGE SUMMARY\nAdmission Date: 05/06/2023   Discharge Date: 05/08/2023\n" +
			"HOSPITAL COURSE: Admitted for observation after a collision; pain controlled.\nDISCHARGE MEDICATIONS:\n" +
			"Acetaminophen 650 mg PO q6h PRN pain\nCyclobenzaprine 5 mg PO TID\nDISCHARGE DIAGNOSES: Cervical strain (S13.4XXA).\nFOLLOW-UP: Primary care in 1 week.", extract.PageClinical},
		{"nursing record, a dose at a time in each row", "Saint Luke's Regional Hospital\nEMERGENCY DEPARTMENT NURSING RECORD\nArrival: 05/06/2023 1432\n" +
			"Chief complaint: neck pain after MVC.\nTime    Medication                      Initials\n" +
			"1450    Ketorolac 15 mg IV              MY\n1530    Ondansetron 4 mg IV             MY\n" +
			"Assessment: pain 7/10, neuro intact.\nDisposition: discharged home 1745.", extract.PageClinical},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := Analyze(pagesOf(tt.text))
			if got := d.Pages[0].Class; got != tt.class {
				t.Errorf("class %q, want %q", got, tt.class)
			}
		})
	}
}

// TestNarrativeReportToCounsel: a treating physician's narrative report to
// a patient's lawyer summarises the care the practice gave, each visit a
// sentence of prose ("On 05/17/2023, I saw Ms. Doe ..."), and gives its
// opinions (causation, prognosis, future care). Its dates are the visits
// of other records: the report is no visit, nor is its second page. A
// report to a lawyer of one visit, a consultation letter that tells of its
// visit in prose and an examiner's report that dates its examination and
// reviews earlier records are visits.
func TestNarrativeReportToCounsel(t *testing.T) {
	letterhead := "Harborview Orthopaedic Surgery\n2621 Market St, Tyler, TX 75701\nPhone (903) 555-0193 Fax (903) 555-0107\n\n"
	narrative := letterhead + "08/14/2023\nBarrett & Quinn, LLP\nRE: Jane Doe (DOB 09/08/1969)\n Date of accident: 05/06/2023\n NARRATIVE MEDICAL REPORT\n\n" +
		"Dear Counsel:\nAt your request and with my patient's authorization, I write to summarize my care of Ms. Doe, whom I\n" +
		"have treated for injuries sustained in a motor vehicle collision on 05/06/2023.\n" +
		"HISTORY:\nShe reports that she was a restrained driver struck on the driver's side at an intersection.\n" +
		"COURSE OF TREATMENT:\nOn 05/17/2023, I saw Ms. Doe for the initial consultation. She rated neck pain 7/10 with pain\n" +
		"into the right shoulder. Examination showed restricted cervical rotation.\n" +
		"On 05/29/2023, she returned for follow-up, rating pain 6/10. I reviewed the MRI and gave a corticosteroid\n" +
		"injection of the right shoulder.\n" +
		"On 07/05/2023, she returned for follow-up, rating pain 4/10. The neck pain was improving.\n"
	second := "Jane Doe - Narrative Report - Page 2\n\nDIAGNOSES:\nSprain of ligaments of cervical spine, subsequent encounter (S13.4XXD); Pain in right shoulder (M25.511)\n" +
		"CAUSATION:\nIt is my opinion, to a reasonable degree of medical probability, that the injuries described above\n" +
		"were caused by the collision of 05/06/2023.\nPROGNOSIS:\nFair. I expect flare-ups with prolonged sitting.\n" +
		"FUTURE MEDICAL CARE:\nI anticipate 2 cervical epidural injections over the next two years.\n\n" +
		"______________________________\nAnn Lee, MD 08/14/2023\n"
	d := Analyze(pagesOf(narrative, second))
	for _, p := range d.Pages {
		if p.Class != extract.PageOther {
			t.Errorf("narrative report page %d: class %q, want %q", p.Number, p.Class, extract.PageOther)
		}
	}
	visits := []struct{ name, text string }{
		{"report of one visit to a lawyer", letterhead + "June 4, 2024\nR. Hale, Esq.\nRE: your client Jane Doe\nDear Mr. Hale:\n" +
			"On 06/02/2024, I saw your client in follow-up. She rated neck pain 5/10.\nEXAMINATION: Tender C5-C6, rotation limited.\n" +
			"ASSESSMENT: Cervical strain (S13.4XXA).\nIt is my opinion, to a reasonable degree of medical probability, that the strain was caused by the collision.\nSincerely,\nAnn Lee, MD"},
		{"examiner's report reviewing records", letterhead + "INDEPENDENT MEDICAL EXAMINATION\nDate of examination: 03/04/2024\nRequested by: R. Hale, Esq.\n" +
			"RECORDS REVIEWED:\nOn 12/06/2023, she was seen in the emergency department of Saint Luke's Regional Hospital.\n" +
			"On 12/18/2023, she began physical therapy at Align Physical Therapy.\n" +
			"EXAMINATION: Tender C5-C6, rotation limited.\nCAUSATION: Within a reasonable degree of medical probability, the strain was caused by the collision.\n" +
			"MAXIMUM MEDICAL IMPROVEMENT: Not yet reached."},
	}
	for _, v := range visits {
		t.Run(v.name, func(t *testing.T) {
			if got := Analyze(pagesOf(v.text)).Pages[0].Class; got != extract.PageClinical {
				t.Errorf("class %q, want %q", got, extract.PageClinical)
			}
		})
	}
}

// TestTravelCard: a practice management system's travel card (routing
// slip history) prints one row per visit, its number, date, pain score,
// the codes posted and who treated, and the copay the front desk
// collected: a copay is what the patient paid at the visit, no charge, so
// the card is a visit log, not a bill. A log with a charge column beside
// its copay column bills its visits.
func TestTravelCard(t *testing.T) {
	card := func(heads, charge string) string {
		row := func(n, date, day, vas, prov, copay, next string) string {
			return fmt.Sprintf("%-10s%-18s%-8s%-9s97110 97140 G0283          %-10s%-11s%s%s\n", n, date, day, vas, prov, copay, charge, next)
		}
		return "Evergreen Rehabilitation Services                                         ROUTING SLIP HISTORY\n" +
			"Patient: DOE, JANE Acct 37612261 Case: AUTO ACCIDENT DOI 05/06/2023\n" +
			heads + "\n\n" +
			row("12", "08/31/2023", "Thu", "3", "EA", "30.00", "09/04/2023") +
			row("13", "09/04/2023", "Mon", "3", "MO", "30.00", "09/07/2023") +
			"          09/05/2023        Tue              NS - no show\n" +
			row("14", "09/07/2023", "Thu", "3", "EA", "30.00", "09/11/2023") +
			row("15", "09/11/2023", "Mon", "2", "MO", "20.00", "") +
			"\nPrinted 10/25/2023 09:20 by bhaddad Providers: EA = Ellen Abbott, PTA; MO = Mia Owens, PTA\n"
	}
	tests := []struct {
		name, heads, charge, class string
	}{
		{"copay", "Visit#    Date              Day     VAS      Codes posted               Prov      Copay      Next appt", "", extract.PageVisitLog},
		{"copay and charge", "Visit#    Date              Day     VAS      Codes posted               Prov      Copay      Charge     Next appt", "95.00      ", extract.PageBill},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Analyze(pagesOf(card(tt.heads, tt.charge))).Pages[0].Class; got != tt.class {
				t.Errorf("class %q, want %q", got, tt.class)
			}
		})
	}
}

// TestSettlementStatement: a lawyer's statement of a settlement's
// distribution lists the medical providers it pays with what each billed,
// the reduction it obtained and what it pays: those are the totals of the
// providers' own bills, and the page bills nothing. A clinic's ledger of
// an account under a lien, which settles at the settlement, is still a
// bill.
func TestSettlementStatement(t *testing.T) {
	closing := func(title, fee, net string) string {
		return "                         Harbor & Pike Trial Lawyers LLP\n\n" + title + "\nClient: Jane Doe\nDate of loss: 03/10/2023\nDate: 11/02/2024\n\n" +
			"Gross settlement                                                        85,000.00\n" +
			fee + "                                                  (28,333.33)\n" +
			"Costs advanced                                                           (1,250.00)\n" +
			"Medical providers                         Billed      Reduction          Paid\n" +
			"Mercy General Hospital                 21,402.10     (7,062.69)     14,339.41\n" +
			"Align Physical Therapy                  4,180.00     (1,379.40)      2,800.60\n" +
			"Valley Orthopedics                      2,975.00       (981.75)      1,993.25\n" +
			"Total medical                                                           (19,133.26)\n" +
			net + "                                                            36,283.41\n\n" +
			"I approve the distribution above.\n_______________   _______________\nJane Doe          Counsel\n"
	}
	ledger := "Align Physical Therapy\n412 Elm St, Springfield\nLIEN LEDGER                                  Statement date: 11/01/2024\n" +
		"Patient: DOE, JANE   DOI 03/10/2023   Attorney: Harbor & Pike   Lien on file\n" +
		"DOS          Code       Units   Description              Charge     Balance\n" +
		"04/03/2023   97110      2       Therapeutic exercise     180.00     180.00\n" +
		"04/03/2023   97140      1       Manual therapy            95.00     275.00\n" +
		"04/05/2023   97110      2       Therapeutic exercise     180.00     455.00\n" +
		"11/01/2024   ADJ                PI LIEN REDUCTION 25% PER ATTY AGRMT    (113.75)   341.25\n" +
		"TOTAL CHARGES                                          455.00\nBALANCE DUE AT SETTLEMENT                              341.25\n"
	tests := []struct {
		name, text, class string
	}{
		{"settlement distribution statement", closing("Settlement Distribution Statement", "Attorney's fee (33 1/3%)", "NET TO CLIENT"), extract.PageAdmin},
		{"closing statement", closing("CLOSING STATEMENT", "Contingency fee 33.3%", "Amount to client"), extract.PageAdmin},
		{"lien ledger", ledger, extract.PageBill},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := Analyze(pagesOf(tt.text))
			if got := d.Pages[0].Class; got != tt.class {
				t.Errorf("class %q, want %q", got, tt.class)
			}
		})
	}
}

// TestAquaticLogWithHomeProgram: a therapy log titled a "flow sheet" or an
// exercise program whose rows are visits (a pain score, the therapist's
// initials), with the patient's home exercise days logged under them, is
// a visit log, though a scan left specks after some counts ("3x10-") or
// cut the sessions' pain scores onto lines of their own and the home days
// outnumber them; the home program alone is no visit.
func TestAquaticLogWithHomeProgram(t *testing.T) {
	log := func(title string, sessions bool) string {
		s := "Cornerstone Chiropractic\n5526 Riverside Dr, Brookfield, WI 53045\n\n" + title + "\n" +
			"Patient: DOE, JANE   DOB 07/20/1977   DOI 12/06/2023   Acct 74688159\n\n"
		if sessions {
			s += "Pool sessions (clinic)\nDate          Water F    Minutes   Exercises                       Pain pre    Therapist\n" +
				"12/20/2023    93         30        water walking, squats           7/10        CC\n" +
				"12/22/2023    93         45        neck AROM, wall push-ups        5/10        AY\n" +
				"12/26/2023    94         30        deep water jog, noodle rows     5/10        CC\n" +
				"12/29/2023    94         30        neck AROM, wall push-ups        5/10        AY\n\n"
		}
		return s + "Home program (patient completes at home)\nDate          Exercises done                   Reps        Pt initials\n" +
			"12/21/2023    chin tucks, scap squeezes        2x10        JD\n" +
			"12/23/2023    towel stretch, shoulder rolls    3x10-       JD\n" +
			"12/24/2023    chin tucks, scap squeezes        2x10°       JD\n" +
			"12/27/2023    all HEP sheet 1                  3x10        JD\n" +
			"12/28/2023    towel stretch, shoulder rolls    2x10        JD\n"
	}
	// A fax cut each session's pain score and initials onto a line of
	// their own.
	cut := "Spine Align Chiropractic Center\n6229 Eastgate Blvd, Brookfield, WI 53045\n\nAquatic Therapy Session Log\n" +
		"Patient: VARGA, RAVI DOB 09.08.1969 DOI 05.06.2023\n\nIN-CLINIC AQUATIC SESSIONS\n" +
		"Date           Water F   Minutes   Exercises                         Pain pre     Therapist\n" +
		"05.17.2023     90        30        neck AROM, wall push-ups\n\n7/10        AC\n" +
		"05.22.2023     90        45        water walking, squats\n\n6/10 °      NP\n" +
		"05.25.2023     92        30        water walking, squats\n\n5/10        AC\n\n" +
		"HOME EXERCISE PROGRAM - PATIENT LOG (self-reported, no visit)\n" +
		"Date           Exercises done                   Reps        Pt initials\n"
	for _, d := range []string{"05.18", "05.19", "05.20", "05.21", "05.23", "05.24", "05.26", "05.27", "05.28", "05.30", "05.31", "06.01"} {
		cut += d + ".2023     chin tucks, scap squeezes        2x10        RV\n"
	}
	tests := []struct {
		name, text, class string
	}{
		{"flow sheet", log("POOL THERAPY FLOW SHEET", true), extract.PageVisitLog},
		{"sessions cut by a fax, many home days", cut, extract.PageVisitLog},
		{"exercise program", log("AQUATIC THERAPY & HOME EXERCISE PROGRAM RECORD", true), extract.PageVisitLog},
		{"home program alone", log("HOME EXERCISE PROGRAM", false), extract.PageOther},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := Analyze(pagesOf(tt.text))
			if got := d.Pages[0].Class; got != tt.class {
				t.Errorf("class %q, want %q", got, tt.class)
			}
		})
	}
}

// TestSeparatorTextReadByOCR: a blank page's notice is a separator's also
// when OCR misread a word of it or a speck stands before it.
func TestSeparatorTextReadByOCR(t *testing.T) {
	for _, text := range []string{"This page intentionally left blank", "__ This page intentionally teft blank",
		"THIS PAGE INTENTIONALLY LEFI BLANK", "This page has been intentionally left blank.", "Page intentionally blank"} {
		if !separatorText(text) {
			t.Errorf("%q: not read as a separator", text)
		}
	}
	for _, text := range []string{"Left blank intentionally by the patient: question 4", "Intentionally harmed: no"} {
		if separatorText(text) {
			t.Errorf("%q: read as a separator", text)
		}
	}
}

// TestQuantityMakesNoPharmacy: a practice's statement that prints a
// quantity's label on every coded row is an itemized bill; a pharmacy's
// printout is known by its trade's words (Rx numbers, NDCs, days supply).
func TestQuantityMakesNoPharmacy(t *testing.T) {
	statement := "Birchwood Pain Specialists\n410 Mill St, Akron, OH 44308\n\nPATIENT STATEMENT               Statement date 04/30/2025\n" +
		"Services of 03/11/2025\n" +
		"   64483    Transforaminal epidural lumbar      Qty 1     1,480.00\n" +
		"   J1040    Methylprednisolone 80 mg            Qty 1        22.00\n" +
		"   03/11/2025   Patient payment                          (40.00)\n" +
		"Services of 03/25/2025\n" +
		"   99213    Office visit established            Qty 1       165.00\n" +
		"   03/25/2025   Patient payment                          (40.00)\n" +
		"Total charges                                            1,667.00\n"
	pharmacy := "Corner Drug #118\n88 Main St, Akron, OH 44308\nPRESCRIPTION HISTORY\n" +
		"Rx #      Fill date    Drug                      NDC             Qty   Days supply   Price\n" +
		"8801234   03/12/2025   Cyclobenzaprine 10 mg     00591-5658-01   30    10            14.20\n" +
		"8801299   03/12/2025   Ibuprofen 800 mg          00904-5855-61   60    20            11.85\n"
	tests := []struct {
		name, text string
		pharmacy   bool
	}{
		{"statement with a quantity on each row", statement, false},
		{"pharmacy printout", pharmacy, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := Analyze(pagesOf(tt.text)).Pages[0]
			if p.Class != extract.PageBill || (p.BillKind == "pharmacy") != tt.pharmacy {
				t.Errorf("class %q kind %q, want a bill, a pharmacy's: %v", p.Class, p.BillKind, tt.pharmacy)
			}
		})
	}
}

func TestPatientAcknowledgementForms(t *testing.T) {
	head := "Lakeshore Physical Therapy\n118 Harbor Rd, Duluth, MN 55802\nTel 218-555-0140\n\n"
	privacy := head + "PATIENT ACKNOWLEDGMENT - NOTICE OF PRIVACY PRACTICES\n" +
		"By signing below I confirm that Lakeshore Physical Therapy gave me its Notice of Privacy Practices,\n" +
		"which explains how my medical information may be used and shared, and that I may ask for a copy at\n" +
		"any time.\n\nContact preferences:  [X] Voicemail OK   [ ] Text messages\n\n" +
		"Patient signature: ______________________     Date: 03/14/2024\nPrinted name: Jane Doe\n" +
		"Office use: acknowledgment not obtained because ____________\n"
	consent := head + "CONSENT TO TREAT AND ASSIGNMENT OF BENEFITS\n" +
		"I consent to the evaluation and treatment my therapist finds necessary and to the release of my\n" +
		"records to my insurer for payment. I assign to Lakeshore Physical Therapy the benefits payable for\n" +
		"the care I receive, and I understand I remain responsible for any balance my plan does not pay.\n\n" +
		"Signature: ______________________     Date: 03/14/2024\nPatient: Jane Doe   DOB 02/02/1980\n"
	log := head + "DAILY TREATMENT LOG\nPatient: Jane Doe\n" +
		"Date          Treatment                         Pain    Therapist\n" +
		"03/14/2024    97161, 97110 neck AROM            6/10    KL\n" +
		"03/18/2024    97110, 97140 manual, scap rows    5/10    KL\n" +
		"03/21/2024    97110, 97140 manual, scap rows    4/10    KL\n"
	note := head + "INITIAL EVALUATION   Date of service: 03/14/2024\n" +
		"SUBJECTIVE: Neck pain since a rear-end collision on 03/02/2024, 6/10.\n" +
		"OBJECTIVE: Cervical rotation 50 degrees right, tender upper trapezius.\n" +
		"ASSESSMENT: Cervical strain (S16.1XXA).\nPLAN: Therapy twice a week for six weeks.\n" +
		"Notice of privacy practices given to the patient at check-in.\n"
	tests := []struct {
		name  string
		pages []string
		want  []string
	}{
		{"privacy notice acknowledgement", []string{privacy}, []string{extract.PageAdmin}},
		{"privacy notice acknowledgement after a visit log", []string{log, privacy}, []string{extract.PageVisitLog, extract.PageAdmin}},
		{"consent to treat and assignment of benefits", []string{consent}, []string{extract.PageAdmin}},
		{"visit note mentioning the privacy notice", []string{note}, []string{extract.PageClinical}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := Analyze(pagesOf(tt.pages...))
			for i, want := range tt.want {
				if got := d.Pages[i].Class; got != want {
					t.Errorf("page %d class %q, want %q", i+1, got, want)
				}
			}
		})
	}
}

func TestFormPublisher(t *testing.T) {
	tests := []struct {
		name string
		want bool
	}{
		{"STATE OF IA - WORKERS' COMPENSATION", true},
		{"Commonwealth of Virginia Workers' Compensation Commission", true},
		{"OHIO BUREAU OF WORKERS' COMPENSATION", true},
		{"Industrial Commission of Arizona", true},
		{"State of the Art Imaging", false},
		{"Workers Comp Medical Clinic", false},
		{"Statewide Orthopedic Associates", false},
	}
	for _, tt := range tests {
		if got := formPublisher(tt.name); got != tt.want {
			t.Errorf("formPublisher(%q) = %v, want %v", tt.name, got, tt.want)
		}
	}
}

// TestFeeScheduleStatement: a practice's statement of a claim paid by a
// fee schedule (workers' compensation, no-fault) prints the columns of a
// payer's review (billed, fee schedule, allowed, paid, reduction) and may
// say lines are under bill review, yet it is the practice's bill: its
// letterhead, a title that calls it a statement or bill, dated charges.
// The carrier's explanation of review and a plan's explanation of
// benefits, which print the same columns, stay payers' pages.
func TestFeeScheduleStatement(t *testing.T) {
	rows := "Service date  Code     Units       Charge   Fee schedule     Allowed       Paid   Reduction\n" +
		"03/02/2024    99203    1           310.00        188.40      188.40     188.40      121.60\n" +
		"03/16/2024    97110    2           150.00         61.20       61.20    pending\n" +
		"03/16/2024    97140    1            85.00         30.90       30.90    pending\n" +
		"Totals                             545.00        280.50      280.50     188.40      121.60\n"
	tests := []struct {
		name, text, class string
	}{
		{"practice's no-fault statement", "Lakeview Orthopedic Associates\n220 Lake St, Erie, PA 16501\nPhone (814) 555-0100\n\n" +
			"NO-FAULT ITEMIZED STATEMENT                                Printed 04/20/2024\n" +
			"Patient: DOE, JANE   Claim no. 4471-22   DOI 02/27/2024   Insurer: Summit Casualty\n" + rows +
			"Balance due                                                                          235.00\n" +
			"Lines marked pending are in bill review with the carrier. The fee schedule reduction is not billed to you.\n", extract.PageBill},
		{"carrier's explanation of review", "Summit Casualty Bill Review Unit\nEXPLANATION OF REVIEW\n" +
			"Claimant: DOE, JANE   Claim no. 4471-22   DOI 02/27/2024   Provider: Lakeview Orthopedic Associates\n" + rows +
			"Recommended payment                                                                  188.40\n", extract.PageEOB},
		{"plan's explanation of benefits", "Lakeview Health Plan\nMember statement                                    THIS IS NOT A BILL\n" +
			"Member: DOE, JANE   Claim no. 4471-22\n" + rows, extract.PageEOB},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Analyze(pagesOf(tt.text)).Pages[0].Class; got != tt.class {
				t.Errorf("class %q, want %q", got, tt.class)
			}
		})
	}
}

// TestRecordsReviewList: a physician's records review (a peer review for
// an insurer, no examination) lists the records it read, one dated line
// a record with the provider, the clinician and what the visit found
// (its pain score), under a "records reviewed" heading that its further
// pages go on with, a whole page of them and more, before the summary and
// the opinions. Those lines are
// other providers' visits told, no log of the reviewer's: neither page is
// a visit log. A therapy log whose rows print pain scores stays one.
func TestRecordsReviewList(t *testing.T) {
	rows := func(from, n int) string {
		var s string
		for i := 0; i < n; i++ {
			s += fmt.Sprintf("  %d/%d/24 Harbor Physical Therapy (Kim Cole, PT): physical therapy visit %d; pain %d/10.\n", 3, from+i, from+i, 7-i%4)
		}
		return s
	}
	first := "CASTLE REVIEW PHYSICIANS\n100 Main St, Erie, PA 16501\n" +
		"                                                         PEER REVIEW - NO EXAMINATION\n" +
		"June 3, 2024\nRE:        Claimant: Jane Doe   DOB: 1/2/80\n           Date of loss: 2/1/24\n           Date of review: 6/3/24\n\n" +
		"At your request I reviewed the medical records listed below. I did not examine the claimant.\n" +
		"MEDICAL RECORDS REVIEWED:\n" + rows(1, 14)
	second := "PEER REVIEW - NO EXAMINATION - Jane Doe - page 2\n\n" + rows(15, 8) +
		"SUMMARY:\nThe claimant was treated with conservative care and improved.\n" +
		"DIAGNOSES:\n  1. Cervicalgia (M54.2)\nAnn Lee, MD, Reviewing Physician   Signed 6/3/24\n"
	middle := "PEER REVIEW - NO EXAMINATION - Jane Doe - page 2\n\n" + rows(1, 24)
	second = strings.Replace(second, "page 2", "page 3", 1)
	d := Analyze(pagesOf(first, middle, second))
	for pi, p := range d.Pages {
		if p.Class == extract.PageVisitLog {
			t.Errorf("page %d of the review: class %q", pi+1, p.Class)
		}
	}
	log := "Harbor Physical Therapy\nTREATMENT LOG\nPatient: Jane Doe\n" +
		"Date        Clinician          Treatment                 Pain\n" +
		"3/1/24      Kim Cole, PT       97110 97140               6/10\n3/4/24      Kim Cole, PT       97110 97140               5/10\n" +
		"3/6/24      Kim Cole, PT       97110 97140               5/10\n3/8/24      Kim Cole, PT       97110                     4/10\n"
	if c := Analyze(pagesOf(log)).Pages[0].Class; c != extract.PageVisitLog {
		t.Errorf("therapy log: class %q, want %q", c, extract.PageVisitLog)
	}
}

// TestPainDiaryWeekdayRows: a pain diary the patient fills in at home
// prints one row a day, the weekday before the date, with the pain
// morning and evening, the hours slept, the activities and medicines:
// the patient's days, no visits and no note, whether or not its rows name
// the weekday.
func TestPainDiaryWeekdayRows(t *testing.T) {
	for _, weekday := range []bool{false, true} {
		text := "Lakeside Pain Management Center (814) 555-0122\nPain & Activity Diary\n" +
			"Name: Jane Doe                                   DOB: 02-Jan-1980\nPhysician: Dr. Lee\n" +
			"Rate your pain from 0 (no pain) to 10 (worst pain) every day. Bring this diary to your next appointment.\n\n" +
			"Day     Date               Pain AM Pain PM Sleep (h)      Activities                     Medication taken\n"
		days := []string{"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"}
		for i := 0; i < 14; i++ {
			day := days[i%7] + "     "
			if !weekday {
				day = ""
			}
			text += fmt.Sprintf("%s%02d-Nov-2024        %d           %d          6       Walked 15 min                  Ibuprofen 600 mg x2\n", day, 4+i, 4+i%3, 6+i%2)
		}
		text += "\nReviewed at visit: 20-Nov-2024 AL\n"
		if c := Analyze(pagesOf(text)).Pages[0].Class; c != extract.PageOther {
			t.Errorf("weekday %v: class %q, want %q", weekday, c, extract.PageOther)
		}
	}
}

// TestPainDiaryDoseMisread: a fax's OCR reads the 5 of a dose the patient
// wrote in a pain diary's row as an S ("Tylenol S00 mg x2"): no spinal
// level (S1 to S5), so the row is still none of a visit's and the diary
// logs no visit.
func TestPainDiaryDoseMisread(t *testing.T) {
	text := "Lakeside Pain Management Center (814) 555-0122\nMY PAIN JOURNAL\n" +
		"Name: Jane Doe                                   DOB: 02-Jan-1980\nPhysician: Dr. Lee\n" +
		"Rate your pain from 0 (no pain) to 10 (worst pain) every day. Bring this diary to your next appointment.\n\n" +
		"Date            Pain AM Pain PM Sleep (h)    Activities                  Medication taken        Notes\n"
	for i := 0; i < 14; i++ {
		dose := "Gabapentin 300 mg HS"
		if i == 1 || i == 4 || i == 9 {
			dose = "Ibuprofen 600 mg x2"
		}
		if i == 6 {
			dose = "Tylenol S00 mg x2"
		}
		text += fmt.Sprintf("Apr %d, 2024   %d        %d        6           Laundry, dishes             %-22s  Better after heat\n", 13+i, 4+i%3, 6+i%2, dose)
	}
	text += "\nReviewed at visit: May 13, 2024 AL\n"
	if c := Analyze(pagesOf(text)).Pages[0].Class; c != extract.PageOther {
		t.Errorf("class %q, want %q", c, extract.PageOther)
	}
}

// TestPaymentHistoryTitleAlone: an insurer's PIP payment history whose
// title OCR set on a line of its own ("PERSONAL INJURY PROTECTION PAYMENT
// HISTORY") is still the payer's record (an EOB), not a bill: its title
// is no history section of a note.
func TestPaymentHistoryTitleAlone(t *testing.T) {
	page := `Prairie Fire & Casualty

PERSONAL INJURY PROTECTION PAYMENT HISTORY

Claim 26-751924-AU Claimant: Ravi Varga _ Insured: Ravi Varga Date of loss: 05-06-2023
PIP limit $2,500.00 MedPay limit $1,000.00 Printed 11-09-2023 Page 1

Paid         Check #     Payee                              DOS               Billed     Fee sched         Paid  Cov                  PIP left
CRESCENT CLINICAL LABORA      11-21-2022 .      106.00          71.02          0.00  DENIED             2,500.00
.        WESTBROOK FAMILY AND INT      11-29-2022        193.00        135.10         0.00  DENIED             2,500.00
06-20-2023 8781926     St Luke’s Reg Hosp ED               05-06 - 2023      12,029.00       6,976.82      2,500.00  PIP                      0.00
06-19-2023 8522722     Tri County Rad Group                05-06-2023        821.00        484.39        387.51  MEDPAY                   0.00
Allied Emergency Medicin             05-06-2023       1,410.00        972.90          0.00  EXHAUSTED             0.00
QUICKMED URGENT CARE LLC     05-07-2023        404.00        290.88         0.00   EXHAUSTED             0.00
Heartland HHA - Skilled              05-09-2023        142,00          99.40         0.00  EXHAUSTED             0.00
PINECREST NEURODIAGNOSTI     06-01-2023       1,494.00       1,060.74         0.00  EXHAUSTED             0.00
`
	d := Analyze([]extract.Page{{Number: 1, Text: page, Source: extract.SourceOCR}})
	if got := d.Pages[0].Class; got != extract.PageEOB {
		t.Errorf("class %q, want %q", got, extract.PageEOB)
	}
}

// TestPainJournalUnderItsTitle: a diary the patient keeps (its title calls
// it a diary or a journal) scores the patient's pain every day, beside the
// hours slept and what the patient did: no row of it is a visit, however
// many pain scores it prints and whatever its medicines look like.
func TestPainJournalUnderItsTitle(t *testing.T) {
	text := "KEYSTONE SPINE AND PAIN MANAGEMENT (661) 555-0190\nMY PAIN JOURNAL                                          Page 1\n" +
		"Name: Jane Doe                                   DOB: 08/15/1989\nPhysician: Dr. Crane\n" +
		"Rate your pain from 0 (no pain) to 10 (worst pain imaginable) every day. Bring this diary to your next appointment.\n\n" +
		"Date               Avg pain Worst        Hours slept     What I did today                     Meds taken                     Comments\n"
	acts := []string{"Worked full shift", "Home exercises", "Walked 15 min", "Cooked dinner", "Church, sat 1 h"}
	meds := []string{"Cyclobenzaprine 10 mg HS", "Ice + ibuprofen", "Gabapentin 300 mg HS", "none"}
	for i := 0; i < 18; i++ {
		text += fmt.Sprintf("09/%02d/2024         %d          %d          %d               %-36s %-30s\n", 8+i, 3+i%5, 6+i%4, 4+i%4, acts[i%len(acts)], meds[i%len(meds)])
	}
	text += "\nReviewed at visit: 10/01/2024 LC\n"
	if c := Analyze(pagesOf(text)).Pages[0].Class; c != extract.PageOther {
		t.Errorf("class %q, want %q", c, extract.PageOther)
	}
}
