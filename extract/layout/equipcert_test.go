package layout

import (
	"testing"

	"github.com/medchron/medchron/extract"
)

// TestEquipmentCertificate: Medicare's certificate of medical necessity
// for equipment (CMS-484 oxygen, the DME information forms) is the
// ordering physician's certification, sent to the supplier: the items
// ordered with their HCPCS codes, the supplier's charge and the fee
// schedule allowance of each (Section C), the length of need, answers
// about the patient and the physician's attestation. It bills nothing
// (the supplier's claim does) and records no visit: administrative, also
// when OCR broke a phrase or two. A supplier's invoice that says the
// certificate is on file is still a bill.
func TestEquipmentCertificate(t *testing.T) {
	cmn := `DEPARTMENT OF HEALTH AND HUMAN SERVICES                                  FORM APPROVED
CENTERS FOR MEDICARE & MEDICAID SERVICES                                 OMB NO. 0938-0534
                     CERTIFICATE OF MEDICAL NECESSITY
                              CMS-484 - OXYGEN
SECTION A   Certification Type/Date:  INITIAL 04/02/2024   REVISED __/__/__   RECERTIFICATION __/__/__
PATIENT NAME, ADDRESS, TELEPHONE and HICN           SUPPLIER NAME, ADDRESS, TELEPHONE and NSC or NPI #
DOE, JANE                                           Riverside Respiratory Supply
48 Oak Lane, Dayton, OH 45402                       900 Main St, Dayton, OH 45402   NPI 1234567893
PLACE OF SERVICE 12      HCPCS CODE E1390  E0431     PT DOB 05/20/1986  Sex F
PHYSICIAN NAME, ADDRESS, TELEPHONE and UPIN or NPI #
Omar Fields, MD   NPI 1326047583   (937) 555-0140
SECTION B   Information in this Section May Not Be Completed by the Supplier of the Items/Supplies.
EST. LENGTH OF NEED (# OF MONTHS): 99 (99=LIFETIME)    DIAGNOSIS CODES: J96.11
ANSWERS     ANSWER QUESTIONS 1-9. (Circle Y for Yes, N for No, or D for Does Not Apply)
88          1. Enter the result of recent test taken on or before the certification date.
04/01/2024  2. Enter date of test.
Y           3. Is the patient mobile within the home?
NAME OF PERSON ANSWERING SECTION B QUESTIONS, IF OTHER THAN PHYSICIAN: Ann Lee   TITLE: RN
SECTION C   Narrative Description of Equipment and Cost
(1) Narrative description of all items, accessories and options ordered; (2) Supplier's charge; and (3) Medicare
Fee Schedule Allowance for each item, accessory, and option.
E1390   Oxygen concentrator, single delivery port                         $310.00      $178.20
E0431   Portable gaseous oxygen system, rental                            $ 62.00      $ 27.11
SECTION D   PHYSICIAN Attestation and Signature/Date
I certify that I am the treating physician identified in Section A of this form. I have received Sections A, B
and C of the Certificate of Medical Necessity (including charges for items ordered).
PHYSICIAN'S SIGNATURE  Omar Fields, MD                   DATE 04/03/2024
`
	if got := Analyze(pagesOf(cmn)).Pages[0].Class; got != extract.PageAdmin {
		t.Errorf("certificate of medical necessity: class %q, want %q", got, extract.PageAdmin)
	}
	invoice := `Riverside Respiratory Supply
900 Main St, Dayton, OH 45402   Phone (937) 555-0190
INVOICE                                               Invoice no. 58812
Bill to: Jane Doe                                     Invoice date 05/01/2024
Certificate of medical necessity on file (initial 04/02/2024). Length of need 99 months.
Date of service   HCPCS   Mod   Description                                  Qty    Charge
04/04/2024        E1390   RR    Oxygen concentrator, rental month 1          1      310.00
04/04/2024        E0431   RR    Portable gaseous oxygen system, rental       1       62.00
                                                          Total charges            372.00
                                                          Amount due               372.00
`
	if got := Analyze(pagesOf(invoice)).Pages[0].Class; got != extract.PageBill {
		t.Errorf("supplier's invoice citing the certificate: class %q, want %q", got, extract.PageBill)
	}
}
