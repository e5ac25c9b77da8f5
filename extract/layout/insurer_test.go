package layout

import (
	"fmt"
	"strings"
	"testing"

	"github.com/medchron/medchron/extract"
)

// TestInsurerLetters: a letter an insurer writes about a claim (a denial
// or termination of benefits, a notice that coverage is exhausted) is
// correspondence. The providers, dates of service and amounts it quotes
// are other pages' visits and bills: the page is administrative, however
// many of them it lists. A physician's report to the same insurer is
// still a record of the examination.
func TestInsurerLetters(t *testing.T) {
	tests := []struct{ name, text, class string }{
		{"denial listing dates of service", "Prairie State Mutual\nClaims Office - Bodily Injury   PO Box 4410   Fax (402) 555-0138\n\n" +
			"August 14, 2024\n\nJane Doe\nc/o Hale & Ortiz Law Offices\n\n" +
			"Claim No.: 44-0921-7730          Policyholder: Jane Doe\nClaimant: Jane Doe                Date of loss: 05/20/2024\n\n" +
			"PIP BENEFITS - NOTICE OF DENIAL\n" +
			"Our file shows treatment billed by these providers:\n" +
			"  Harbor Chiropractic, dates of service 05/23/2024 to 07/30/2024\n" +
			"  Bayview Orthopedics, dates of service 06/04/2024 to 06/25/2024\n" +
			"  Erie Imaging Center, date of service 06/11/2024\n" +
			"After a peer review of the records, further chiropractic care is not medically necessary. Benefits are denied for any treatment after 08/24/2024.\n" +
			"You may appeal this decision in writing within 60 days.\n\nRegards,\nT. Nguyen\nClaims Adjuster", extract.PageAdmin},
		{"medical payments exhausted, with the bills it paid", "Lone Pine Casualty Company\n\nMarch 2, 2025\n\n" +
			"RE: Insured: Robert Vance    Claim number: 8810-332    Date of loss: 11/02/2024\n\n" +
			"Dear Counselor:\nThe medical payments coverage on the above policy has a limit of $5,000.00, which is now exhausted.\n" +
			"We paid the following bills:\n" +
			"  11/02/2024   Erie General Hospital        $3,120.00\n" +
			"  11/09/2024   Lakeside Family Practice       $240.00\n" +
			"  11/20/2024   Harbor Chiropractic          $1,640.00\n" +
			"No further payments will be issued under this coverage.\nSincerely,\nM. Ortiz, Claim Representative", extract.PageAdmin},
		{"examiner's report to the adjuster", "Summit Evaluations\n\nJuly 8, 2024\n\nMs. K. Brandt, Claims Adjuster\nPrairie State Mutual\n" +
			"RE: Claimant: Jane Doe   Claim No.: 44-0921-7730   Date of loss: 05/20/2024\n" +
			"Dear Ms. Brandt:\nAt your request I examined Ms. Doe on 07/01/2024.\n" +
			"HISTORY: Neck pain since the collision.\nEXAMINATION: Cervical rotation 60 degrees, no spasm.\n" +
			"ASSESSMENT: Resolved cervical strain.\nPLAN: No further treatment is needed.", extract.PageClinical},
		{"insurer's request for the notes of billed dates, with the amounts", "Lone Pine Casualty Company\n" +
			"Medical Claims Unit   PO Box 2210   Fax (888) 555-0190\n\nApril 2, 2025\n\n" +
			"Harbor Chiropractic\nAttn: Medical Records\n12 Bay Rd, Erie, PA 16501\n\n" +
			"Claim number:      77-1203-55\nClaimant:          Robert Vance\nDate of loss:      11/02/2024\n\n" +
			"REQUEST FOR MEDICAL RECORDS\n" +
			"We have received bills from your office for the claimant above. Please send the daily notes for the dates below.\n" +
			"Date of service        Billed        Status\n" +
			"11/09/2024             240.00        Pending - notes needed\n" +
			"11/12/2024             185.00        Pending - notes needed\n" +
			"11/14/2024             185.00        Pending - notes needed\n" +
			"These bills remain pending until the records are received.\nSincerely,\nM. Ortiz, Claims Adjuster", extract.PageAdmin},
		{"prior authorization approved, listing the requesting providers", "Keystone Health Plan\n" +
			"Utilization Review Unit          Phone (800) 555-0142\n\n" +
			"March 3, 2024\n\nJane Doe\n22 Elm St, Salem, OR 97301\n" +
			"Member number: KHP7781203          DOB: 02/03/1981\n\n" +
			"AUTHORIZATION APPROVED\n" +
			"Procedure                        Provider                   Authorization number    Dates\n" +
			"Physical therapy, 12 visits      Coast Physical Therapy     UR-55120               02/26/2024 - 05/26/2024\n" +
			"MRI lumbar spine (72148)         Salem Imaging Center       UR-55121               02/28/2024 - 03/29/2024\n\n" +
			"This approval is not a guarantee of payment.\nKeystone Health Plan", extract.PageAdmin},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Analyze(pagesOf(tt.text)).Pages[0].Class; got != tt.class {
				t.Errorf("classed %q, want %q", got, tt.class)
			}
		})
	}
}

// TestPlanStatementNotABillOCR: a health plan's statement of the claims it
// processed says it is not a bill; a scan's OCR may run "NOT A" together
// ("NOTA BILL") or "A BILL" ("ABILL"). The rows still repeat the providers'
// charges: the page is an explanation of benefits, not a bill.
func TestPlanStatementNotABillOCR(t *testing.T) {
	for _, banner := range []string{"THIS IS NOTA BILL", "This is not abill", "THIS IS NOT A BILL"} {
		page := "Cascade Health Alliance                         Statement of Claims Processed\n" +
			"Issued 04/02/2025                                          " + banner + "\n" +
			"Subscriber: Lena Ortiz   Member ID: QHT55120881\n" +
			"Claim        Date of service   Provider                  Amount billed   Plan discount   Paid by plan   Your share\n" +
			"24-8812033   01/14/2025        Erie General Hospital         2,310.00          940.10        1,096.00       273.90\n" +
			"24-8812290   01/21/2025        Lakeside Family Practice        185.00           61.05           99.16        24.79\n" +
			"24-8813517   02/03/2025        Harbor Chiropractic             420.00          130.20          231.84        57.96\n" +
			"Totals                                                       2,915.00        1,131.35        1,427.00       356.65"
		if got := Analyze(pagesOf(page)).Pages[0].Class; got != extract.PageEOB {
			t.Errorf("with %q classed %q, want %q", banner, got, extract.PageEOB)
		}
	}
}

// TestPayerRecoveryLetters: a payer's letter claiming repayment from the
// settlement (Medicare's conditional payment letter, a health plan's
// subrogation or lien notice) lists the claims it paid with their dates of
// service, providers and amounts, but bills no care: it is administrative,
// its rows no bill lines. A provider's statement of an account secured by
// a lien is still a bill.
func TestPayerRecoveryLetters(t *testing.T) {
	tests := []struct{ name, text, class string }{
		{"conditional payment letter", "Benefits Coordination & Recovery Center\nMedicare Secondary Payer Recovery\n\n" +
			"June 3, 2025\n\nRe: Conditional Payment Letter     Beneficiary: Ana Ruiz     Case ID 2025-118830\n\n" +
			"Medicare has made conditional payments for the items and services listed below, related to the date of incident 01/11/2025.\n" +
			"This letter is not a demand for repayment; a final demand will be issued once the case settles.\n\n" +
			"Dates of service           Provider                          Diagnosis      Total charges    Reimbursed\n" +
			"01/11/2025 - 01/11/2025    Erie General Hospital             S13.4XXA          4,210.00       1,804.12\n" +
			"01/14/2025 - 01/14/2025    Lakeside Family Practice          M54.2               185.00          98.40\n" +
			"01/20/2025 - 02/28/2025    Harbor Physical Therapy           M54.2             2,640.00       1,120.55\n" +
			"03/05/2025 - 03/05/2025    Keystone Imaging                  M50.120           1,950.00         612.30\n" +
			"Total conditional payments                                                                  $3,635.37\n\n" +
			"If a listed claim is unrelated to the incident, tell us within 30 days.", extract.PageAdmin},
		{"health plan's subrogation notice", "Cedar Health Plan - Subrogation Recovery Unit\n\nApril 9, 2025\n\n" +
			"Hale & Ortiz Law Offices\nRe: Member Lena Ortiz   Date of injury 11/02/2024   Our reference SR-55120\n\n" +
			"Notice of subrogation claim and lien. Under the plan, we have a right of recovery for benefits paid for injuries caused by a third party.\n" +
			"Claims paid to date:\n" +
			"11/02/2024   Erie General Hospital ED       2,310.00   paid 1,096.00\n" +
			"11/09/2024   Lakeside Family Practice         185.00   paid    99.16\n" +
			"11/20/2024   Harbor Chiropractic              420.00   paid   231.84\n" +
			"12/04/2024   Harbor Chiropractic              420.00   paid   231.84\n" +
			"Total paid by the plan: $1,658.84. Please protect our lien from any settlement proceeds.", extract.PageAdmin},
		{"state Medicaid agency's lien", "Department of Human Services\nThird Party Liability Unit   PO Box 2280   Harrisburg PA\n\n" +
			"October 2, 2025                                                  TPL case 88-40217\n" +
			"Hale & Ortiz Law Offices\nRe: Medicaid recipient Lena Ortiz   Recipient no. 4410228193   Accident date 06/14/2025\n\n" +
			"The Department has paid for medical assistance furnished to the recipient because of the accident, and it\n" +
			"is entitled to be reimbursed for those payments out of any settlement or judgment the recipient obtains.\n" +
			"Service date   Paid on      Billing provider                 Charged    Amount paid\n" +
			"06/14/2025     07/20/2025   Erie General Hospital ED         3,118.00         904.22\n" +
			"06/19/2025     07/11/2025   Lakeside Family Practice           210.00          64.10\n" +
			"06/25/2025     08/01/2025   Harbor Chiropractic                135.00          41.85\n" +
			"07/02/2025     08/01/2025   Harbor Chiropractic                135.00          41.85\n" +
			"Amount owed to the Department                                           $1,052.02\n", extract.PageAdmin},
		// The agency's unit named for recovery rather than liability, its
		// notice titled a Medicaid lien, one sentence of running text.
		{"Medicaid lien notice from a recovery unit", "STATE MEDICAID PROGRAM\nOffice of Inspector General - Third Party Recovery\n" +
			"PO Box 1190   Austin TX                                        Case No. TPL-2210-118203   Page 1\n\n" +
			"March 9, 2026\nReyes & Cole, PLLC\nAttorney for the recipient\nNOTICE OF MEDICAID LIEN\n" +
			"Recipient: Dana Holt               Medicaid ID: 55120931G\n" +
			"The Department has a lien for the medical assistance it paid on behalf of the recipient for injuries caused by a\n" +
			"third party, against any judgment, award or settlement. The payments identified to date are itemized below.\n" +
			"DOS          Paid          Provider                         Dx           Billed      Medicaid paid\n" +
			"10-02-2025   10-30-2025    Mesa General Hospital ED         S13.4XXA   4,018.00         1,122.40\n" +
			"10-06-2025   11-04-2025    Hill Country Chiropractic        M54.2        159.00            41.35\n" +
			"10-09-2025   11-04-2025    Hill Country Chiropractic        M54.2        159.00            41.35\n" +
			"10-14-2025   11-20-2025    Mesa Imaging Center              M50.120    1,240.00           310.00\n", extract.PageAdmin},
		{"provider's statement secured by a lien", "Harbor Chiropractic\n1200 Shore Rd, Erie PA\n\nPATIENT STATEMENT\n" +
			"Account 44120   Statement date 03/01/2025   Lien on file\n" +
			"Date         Code    Description                     Charge\n" +
			"11/20/2024   98941   CMT spinal 3-4 regions           65.00\n" +
			"11/20/2024   97110   Therapeutic exercise             55.00\n" +
			"12/04/2024   98941   CMT spinal 3-4 regions           65.00\n" +
			"Total charges                                        185.00\n" +
			"This account is secured by the lien signed by the patient and counsel. Please notify our office before settlement.", extract.PageBill},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Analyze(pagesOf(tt.text)).Pages[0].Class; got != tt.class {
				t.Errorf("classed %q, want %q", got, tt.class)
			}
		})
	}
}

// TestPayerRecoveryLetterGoesOn: the further page of a conditional payment
// letter, under its letterhead, holds only the rest of its list of claims,
// its total and a line of its close: it is the letter's, not a bill.
func TestPayerRecoveryLetterGoesOn(t *testing.T) {
	head := "Medicare Secondary Payer Recovery Contractor\nPO Box 4410   Case ID 2025-118830   Page %d\n\n"
	first := fmt.Sprintf(head, 1) + "June 3, 2025\n\nRe: Conditional Payment Letter     Beneficiary: Ana Ruiz\n\n" +
		"Medicare has made conditional payments for the items and services listed below, related to the date of incident 01/11/2025.\n" +
		"We must be repaid from any settlement, judgment or award. This letter is not a bill; a final demand follows settlement.\n\n" +
		"Date of service   Provider                       Diagnosis    Billed      Paid\n" +
		"01/11/2025        Erie General Hospital          S13.4XXA   4,210.00   1,804.12\n" +
		"01/14/2025        Lakeside Family Practice       M54.2        185.00      98.40\n"
	second := fmt.Sprintf(head, 2) +
		"01/20/2025        Harbor Physical Therapy        M54.2        160.00      70.55\n" +
		"01/22/2025        Harbor Physical Therapy        M54.2        160.00      70.55\n" +
		"01/27/2025        Harbor Physical Therapy        M54.2        160.00      70.55\n" +
		"03/05/2025        Keystone Imaging               M50.120    1,950.00     612.30\n\n" +
		"Total conditional payments                                             $2,726.47\n\n" +
		"Conditional payments may continue while the case is open."
	d := Analyze(pagesOf(first, second))
	for i, p := range d.Pages {
		if p.Class != extract.PageAdmin {
			t.Errorf("page %d classed %q, want %q", i+1, p.Class, extract.PageAdmin)
		}
	}
}

// TestMedicaidLienGoesOn: a state Medicaid agency's lien lists the claims
// it paid over further pages that print, under the agency's header and
// their page number, nothing but the rest of the list: no word of
// recovery, which the first page's letter gave. They are the lien's, no
// bill.
func TestMedicaidLienGoesOn(t *testing.T) {
	head := "Department of Human Services                         Case 88-40217   Page %d\n\n"
	first := fmt.Sprintf(head, 1) + "October 2, 2025\nHale & Ortiz Law Offices\nRe: Lena Ortiz   Recipient no. 4410228193\n\n" +
		"The Department paid for medical assistance furnished to the recipient for injuries a third party caused. Under its\n" +
		"third party liability statute it must be reimbursed from any settlement, judgment or award the recipient obtains.\n" +
		"Service date   Paid on      Billing provider                 Charged    Amount paid\n" +
		"06/14/2025     07/20/2025   Erie General Hospital ED         3,118.00         904.22\n" +
		"06/19/2025     07/11/2025   Lakeside Family Practice           210.00          64.10\n"
	second := fmt.Sprintf(head, 2) +
		"06/25/2025     08/01/2025   Harbor Chiropractic                135.00          41.85\n" +
		"07/02/2025     08/01/2025   Harbor Chiropractic                135.00          41.85\n" +
		"07/09/2025     08/12/2025   Harbor Chiropractic                135.00          41.85\n" +
		"07/16/2025     08/20/2025   Keystone Imaging                   950.00         301.40\n\n" +
		"Amount owed to the Department                                  $1,395.27\n"
	d := Analyze(pagesOf(first, second))
	for i, p := range d.Pages {
		if p.Class != extract.PageAdmin {
			t.Errorf("page %d classed %q, want %q", i+1, p.Class, extract.PageAdmin)
		}
	}
}

// TestMedicaidLienGoesOnCompactDates: the lien's further page prints its
// paid claims with compact dates (MMDDCCYY, no date as the reader knows
// one) and their diagnosis codes, then the lien amount as of the notice's
// date: whatever the rows look like, the page numbered the notice's next
// under its letterhead is the notice's, no clinical note dated by its
// "as of".
func TestMedicaidLienGoesOnCompactDates(t *testing.T) {
	head := "                              STATE MEDICAID PROGRAM\n" +
		"                    Health and Human Services Commission - Third Party Recovery\n" +
		"                              MS 8378, PO Box 95237 Fax (916) 555-0189\n" +
		"                                                      Case No. TPL-7577-316829 Page %d\n\n\n"
	first := fmt.Sprintf(head, 1) + "03/19/2025\nThe Whitcombe Law Group\nAttorney for the recipient\nNotice of Lien - Third Party Liability\n" +
		"Recipient: Mei Holt                                 Medicaid ID: 64996718G\n" +
		"Under Human Resources Code section 32.033, the Department has a lien for the medical assistance it paid on\n" +
		"behalf of the recipient for injuries caused by a third party, against any judgment, award or settlement.\n" +
		"DOS          Paid          Provider                         Dx           Billed      Medicaid paid\n" +
		"09282024     11072024      Prairie Valley Medical Center    S13.4XXA   13,048.19        3,262.04\n" +
		"09282024     11122024      Meridian Diagnostic Radiology    M54.2         950.00          228.00\n"
	second := fmt.Sprintf(head, 2) +
		"11212024     12122024      Stillwater Massage               M54.2         172.00           60.20\n" +
		"11292024     01062025      Lakeside Bone & Joint            M50.120       167.00           40.08\n" +
		"12022024     01102025      Bridgeway Behavioral Health      F43.21        328.00           91.84\n" +
		"12092024     01212025      Northgate Pain Mgmt Ctr          M50.120     2,862.00          772.74\n" +
		"12092024     01202025      Cascade Anesthesia Partners      M50.120       777.00          225.33\n" +
		"12092024     01132025      Eastpoint Ambulatory Surg Ctr    M50.120     3,934.00        1,180.20\n" +
		"12162024     01082025      Lakeside Ortho - Sports Med      S43.401A   22,523.00        5,630.75\n" +
		"12162024     01162025      Cascade Anesthesia Group         S43.401A    1,665.00          366.30\n" +
		"12162024     01272025      Eastpoint Ambulatory Surg Ctr    S43.401A   28,351.00        8,221.79\n" +
		"12232024     01292025      Northgate Pain Management Ctr    M50.120       363.00           79.86\n" +
		"12232024     01232025      Bridgeway BH - Counseling        F43.21        176.00           52.80\n" +
		"02212025     03172025      Cornerstone Chiropractic                       135.00           40.50\n\n" +
		"              Lien amount as of 03/19/2025                                          $3,722.66\n\n" +
		"Do not disburse any settlement proceeds without the Department's written release. Notify this office of any\n" +
		"settlement within 30 days, and send a copy of the settlement agreement; the lien amount will be reduced by a\n" +
		"share of procurement costs and fees where the statute allows. Payments after the date of this notice may be\n" +
		"added.\n\n" +
		"Rebecca Costa, Recovery Specialist\n"
	d := Analyze(pagesOf(first, second))
	for i, p := range d.Pages {
		if p.Class != extract.PageAdmin {
			t.Errorf("page %d classed %q, want %q", i+1, p.Class, extract.PageAdmin)
		}
	}
}

// TestAutoInsurerPaymentLedger: an auto insurer's PIP / MedPay payment
// ledger repeats each provider's charges with what the claim paid: a
// payer's page, whose rows bill nothing, also when OCR garbles its
// column captions.
func TestAutoInsurerPaymentLedger(t *testing.T) {
	page := "Keystone Mutual Casualty                    PIP PAYMENT HISTORY\n" +
		"Claim 22-118800-AU  Claimant: John Roe  Insured: John Roe  Date of loss: 03/04/2024\n" +
		"PIP limit $10,000.00  MedPay limit $2,000.00  Printed 06/01/2024\n" +
		"Pd  Check #  Payee  DOS  Bilea  Fee schd  Pd  Cov  PIP left\n" +
		"04/02/2024 5512345 Oak Ridge Orthopedics 03/11/2024 420.00 310.00 248.00 PIP 9,752.00\n" +
		"04/09/2024 5512399 Oak Ridge Orthopedics 03/18/2024 260.00 190.00 152.00 PIP 9,600.00\n" +
		"04/20/2024 5513011 Bayview Physical Therapy 03/20/2024 356.00 250.00 200.00 PIP 9,400.00\n" +
		"05/02/2024 5514420 Bayview Physical Therapy 03/22/2024 356.00 250.00 200.00 MEDPAY 0.00\n" +
		"05/09/2024 5514791 Oak Ridge Orthopedics 04/01/2024 260.00 190.00 152.00 MEDPAY 0.00\n" +
		"         Lakeview Chiropractic 02/11/2024 95.00 70.00 0.00 DENIED 0.00\n"
	// OCR puts the title on a line of its own, where "history" reads as
	// a note's heading.
	titled := "Keystone Mutual Casualty\n\nPERSONAL INJURY PROTECTION PAYMENT HISTORY\n\n" + page[strings.Index(page, "\n")+1:]
	for _, p := range []string{page, titled} {
		d := Analyze(pagesOf(p))
		if got := d.Pages[0].Class; got != extract.PageEOB {
			t.Errorf("class %q, want %q", got, extract.PageEOB)
		}
	}
}

// TestPayerRecordsNeeded: an auto insurer's letter to a practice asking
// for the notes of the dates it was billed for, under its claim file,
// titled "records needed" rather than "request for records": the dates
// and amounts it lists are the practice's bills, read from their own
// pages; the letter is paperwork.
func TestPayerRecordsNeeded(t *testing.T) {
	page := "Harborline Auto Insurance\nMedical Claims Unit PO Box 15538 Fax (888) 555-0145\n\n6/12/23\n\n" +
		"Cornerstone Chiro & Wellness\nAttn: Billing Department\n566 Pioneer Way\nBrookfield, WI 53045\n\n" +
		"Claim number:            CL7364674-10\nInsured:                 Jane Doe\nClaimant:                Jane Doe\nLoss date:               4/19/23\n\n" +
		"RECORDS NEEDED TO PROCESS BILLS\n" +
		"We have received bills from your office for the claimant named above. To complete our review, please send the\n" +
		"office notes, daily treatment notes and the plan of care for the dates of service listed below.\n" +
		"    DOS                       Billed                       Status\n" +
		"    2023-05-01                300.00                       Pended - records needed\n" +
		"    2023-05-03                135.00                       Pended - records needed\n" +
		"    2023-05-05                135.00                       Pended - records needed\n" +
		"Please respond within 30 days (by 7/12/23). Bills for these dates will remain pended until the records are\n" +
		"received. This is not a denial of benefits.\n\nSincerely,\nColin Haddad, Claims Representative\n"
	if got := Analyze(pagesOf(page)).Pages[0].Class; got != extract.PageAdmin {
		t.Errorf("classed %q, want %q", got, extract.PageAdmin)
	}
}
