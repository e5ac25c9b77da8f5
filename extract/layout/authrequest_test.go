package layout

import (
	"testing"

	"github.com/medchron/medchron/extract"
)

// TestReferralAuthorizationRequest: a primary care office's referral and
// prior authorization request to the health plan, with the plan's decision
// boxes, is an administrative page though it prints the diagnoses and the
// reason for the referral under headings of their own: it asks for care,
// it records none. A visit note that mentions a request sent stays a note.
func TestReferralAuthorizationRequest(t *testing.T) {
	form := "Great Plains Casualty                                                        Referral Fax (877) 555-0184\n\n" +
		"                                       REFERRAL / PRIOR AUTHORIZATION REQUEST\n" +
		"Request date: 10/30/2023                                            Urgency: [ ] Urgent [X] Routine\n" +
		"MEMBER\nName: DOE, JANE                                                 DOB: 05/20/1986\n" +
		"Member ID: BHP362259783                                             Plan: Great Plains Casualty\n" +
		"REFERRING PROVIDER\nAnn Lee, FNP-C                                                  NPI: 2008179618\n" +
		"Westbrook Family Medicine                                       Phone (717) 555-0126\n" +
		"REFERRED TO\nRIVERSIDE CHIROPRACTIC CENTER PLLC                              Phone (262) 555-0100\n" +
		"DIAGNOSIS (ICD-10)\n   S13.4XXD, M54.2, G44.309\n" +
		"Reason for referral: Neck pain and headaches after a motor vehicle collision on 10/25/2023; evaluate and treat.\n" +
		"Visits requested: 12 Period: 10/30/2023 through 01/27/2024\n\n" +
		"FOR HEALTH PLAN USE ONLY\nDecision: [X] Approved [ ] Pended [ ] Denied                      Auth #: RF46534213\n" +
		"Visits approved: 6                                                Valid: 11/02/2023 - 12/31/2023\n" +
		"Reviewer: Ravi Lind, RN                                           Date reviewed: 11/02/2023\n" +
		"Authorization is not a guarantee of payment; eligibility is verified on each date of service.\n"
	note := "Westbrook Family Medicine\n1200 Oak Ave, Salem, OR 97301\nOFFICE VISIT\nDate of Service: 10/30/2023\n" +
		"Chief Complaint: neck pain after a collision.\nAssessment: Cervicalgia (M54.2).\n" +
		"Plan: Chiropractic referral; prior authorization request faxed to the plan today.\n"
	if got := Analyze(pagesOf(form)).Pages[0].Class; got != extract.PageAdmin {
		t.Errorf("referral and authorization request: class %q, want %q", got, extract.PageAdmin)
	}
	if got := Analyze(pagesOf(note)).Pages[0].Class; got != extract.PageClinical {
		t.Errorf("note mentioning a request: class %q, want %q", got, extract.PageClinical)
	}
}
