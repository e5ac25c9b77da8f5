package rules

import "testing"

// TestVerificationRequestLetter: a no-fault insurer's request for
// additional verification of a provider's bill, copied to the provider
// ("cc:"), quotes the bill's dates of service and amount but records no
// care and bills nothing: no encounter, no bill line.
func TestVerificationRequestLetter(t *testing.T) {
	page := `Pinecrest Mutual Insurance
No-Fault Claims Unit   PO Box 1120   Tel (800) 555-0110

March 30, 2024
Hale & Ortiz, LLP
Attn: PIP Unit
cc: Cedar Ridge Physical Therapy

Claim no.: 4410-228913                                Policy no.: 5521907734
Applicant: Jane Roe                                   Date of loss: 02/14/2024
Provider: Cedar Ridge Physical Therapy                Bill received: 03/20/2024
Dates of service: 03/04/2024 - 03/15/2024             Amount billed: $1,240.00

VERIFICATION REQUEST
We have received the above bill. To establish proof of claim, the following additional
verification is required; the claim is delayed, not denied, until it is received:
  [X] Initial evaluation and all daily treatment notes for the dates billed
  [X] Prescription or referral for the therapy from the treating physician
If the requested verification is not received within 30 calendar days of this letter, a
follow-up request will be sent. The claim will not be paid until all requested verification is received.

Lena Marsh, No-Fault Claims Examiner
`
	for _, scan := range []bool{false, true} {
		res := extractText(t, page)
		if scan {
			res = extractOCR(t, page)
		}
		for _, e := range res.Encounters {
			t.Errorf("scan %v: encounter %s %q from the insurer's letter (%q)", scan, e.Date, e.Provider, e.Citations[0].Quote)
		}
		for _, b := range res.Bills {
			t.Errorf("scan %v: bill line %s %v from the insurer's letter", scan, b.Date, b.Charge)
		}
	}
}
