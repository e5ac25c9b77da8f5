package layout

import (
	"strings"
	"testing"

	"github.com/medchron/medchron/extract"
)

// TestMessageThread: a patient portal prints a conversation for release
// as its messages, each under a header (From, To, Sent or Date, Subject);
// the patient asks about a visit, the office answers. Whatever visit
// dates the messages speak of, the page is administrative, also when its
// header lines read as a fax's banner and when it follows a visit log. A
// note that quotes one message under its own headings is still a note.
func TestMessageThread(t *testing.T) {
	visitLog := "Riverside Physical Therapy                                   Visit Log\n" +
		"Date          Therapist            CPT      Units    Pain\n" +
		"03/01/2024    Ann Lee, PT          97110    2        6/10\n" +
		"03/04/2024    Ann Lee, PT          97140    2        5/10\n" +
		"03/06/2024    Ann Lee, PT          97110    3        5/10\n"
	tests := []struct {
		name, text, class string
		after             bool // the page follows a visit log
	}{
		{"portal thread, sender and sent time on one line", "MyChart Messages                                                  Riverside Orthopedics\n" +
			"Patient: Jane Doe   MRN: 4471902   DOB: 04/02/1980\n\n" +
			"From: Jane Doe                                         Sent: 3/5/2024 9:12 AM\n" +
			"To: Ortho Nurse Pool                                   Read: 3/5/2024\n" +
			"Subject: Medication question\n" +
			"    I was seen on 3/4/2024 and the muscle relaxer makes me drowsy. Should I keep taking it at night only?\n\n" +
			"From: Ortho Nurse Pool                                 Sent: 3/5/2024 2:40 PM\n" +
			"To: Jane Doe                                           Read: 3/6/2024\n" +
			"Subject: RE: Medication question\n" +
			"    Yes, take it at bedtime only. Dr. Shah will see you at your follow-up on 3/18/2024 at 10:30 AM.\n", extract.PageAdmin, true},
		{"e-mail style thread, a label a line", "Patient Correspondence\n" +
			"From: Robert Lane\nTo: Dr. Maria Ortiz\nDate: 07/11/2023 08:15\nSubject: Therapy referral\n" +
			"Dr. Ortiz, after my appointment on 07/10/2023 you said you would send the referral for therapy. Has it gone out?\n\n" +
			"From: Front Office\nTo: Robert Lane\nDate: 07/11/2023 11:02\nSubject: RE: Therapy referral\n" +
			"The referral was faxed to Lakeside Rehab today. They will call you to schedule.\n", extract.PageAdmin, false},
		{"one portal message", "Patient Portal - Secure Message\n" +
			"From: Robert Lane                          Sent: 07/11/2023 08:15\n" +
			"To: Scheduling\n" +
			"Subject: Appointment\n" +
			"Can I move my appointment of 07/14/2023 to the afternoon? I work mornings that week.\n", extract.PageAdmin, false},
		{"a note that quotes the patient's message", "Riverside Orthopedics\nTELEPHONE ENCOUNTER\nDate of service: 03/05/2024\n" +
			"From: Jane Doe                                         Sent: 3/5/2024 9:12 AM\n" +
			"Subject: Medication question\n" +
			"SUBJECTIVE: Patient reports drowsiness on cyclobenzaprine after the visit of 3/4/2024.\n" +
			"ASSESSMENT: Medication side effect, cervical strain.\n" +
			"PLAN: Take at bedtime only; follow up as scheduled.\n", extract.PageClinical, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pages := []string{tt.text}
			if tt.after {
				pages = []string{visitLog, tt.text}
			}
			d := Analyze(pagesOf(pages...))
			if got := d.Pages[len(pages)-1].Class; got != tt.class {
				t.Errorf("class %q, want %q", got, tt.class)
			}
		})
	}
}

// TestRefillRequest: a pharmacy faxes the prescriber a request to renew a
// prescription whose refills are used up (a refill authorization or
// renewal request): the drug, the date it was written and last filled,
// and a block for the prescriber to approve or deny it and fax it back.
// It records no care and bills nothing: administrative. A pharmacy's
// printout of its fills is a bill, and a note that renews a prescription
// under its headings is a note.
func TestRefillRequest(t *testing.T) {
	tests := []struct {
		name, text, class string
	}{
		{"renewal request", "MAR-11-2024 10:41 FROM: WALGREENS #4410 TO: 5551237788 P.1/1\n" +
			"Rx Renewal Request\n" +
			"Pharmacy: Walgreens #4410, 200 Main St     Phone (555) 201-4410   Fax (555) 201-4411\n" +
			"Prescriber: Maria Ortiz, MD\nPatient: Robert Lane     DOB: 05/12/1975\n" +
			"Drug: Cyclobenzaprine 10 mg tab     Qty: 30     Days supply: 10\n" +
			"Rx number: 7712034     Written: 02/14/2024     Last filled: 02/29/2024     Refills left: 0\n" +
			"Please fax back with your response.\n" +
			"Physician response:   [ ] Approve  # refills ____   [ ] Deny   [ ] Needs appointment\n" +
			"Prescriber signature ____________________   Date ________\n", extract.PageAdmin},
		{"refill request under a dosing instruction", "REQUEST FOR REFILL AUTHORIZATION\n" +
			"To: Lakeside Spine Center     From: CVS Pharmacy #1022\n" +
			"Patient: Ann Gray   DOB: 1/3/1968\n" +
			"Medication: Meloxicam 15 mg   Sig: 1 tab daily   Qty 30\n" +
			"Original date: 1/8/2024   Last fill: 2/7/2024\n" +
			"No refills remaining. Prescriber response:  Approved ___ refills   Denied ___\n", extract.PageAdmin},
		{"a scan's specks between a date's label and the date", "REFILL REQUEST\n" +
			"Pharmacy:        Rite Aid #0711       Fax (555) 330-0711\n" +
			"Patient:         Ann Gray      DOB: 1/3/1968\n" +
			"Medication:      Gabapentin 300 mg cap     Qty: 90\n" +
			"Last fill date:     \"02/29/2024 ©\n" +
			"Refills remaining: 0\n" +
			"PRESCRIBER RESPONSE   [ ] Approved  Number of refills: ___   [ ] Denied   [ ] Patient must be seen\n" +
			"Prescriber signature: ______________   Date: ______\n", extract.PageAdmin},
		{"pharmacy printout of fills", "CVS Pharmacy #1022                 PRESCRIPTION HISTORY\n" +
			"Patient: Ann Gray   DOB: 1/3/1968\n" +
			"Fill date     Rx #       Drug                     Qty   Days supply   Refills   Price     Copay\n" +
			"01/08/2024    6612001    Meloxicam 15 mg          30    30            2         $12.40    $5.00\n" +
			"02/07/2024    6612001    Meloxicam 15 mg          30    30            1         $12.40    $5.00\n" +
			"03/08/2024    6612001    Meloxicam 15 mg          30    30            0         $12.40    $5.00\n", extract.PageBill},
		{"a note that renews a prescription", "Lakeside Spine Center\nPROGRESS NOTE\nDate of service: 03/11/2024\n" +
			"SUBJECTIVE: Neck pain 4/10, improving. Refill request from pharmacy for meloxicam.\n" +
			"OBJECTIVE: Cervical ROM improved, mild paraspinal tenderness.\n" +
			"ASSESSMENT: Cervical strain, improving.\n" +
			"PLAN: Meloxicam renewed, number of refills: 2. Follow up in 4 weeks.\n", extract.PageClinical},
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

// TestClaimCorrespondence: a claim's e-mail thread between the liability
// adjuster and the claimant's counsel, printed from Outlook (each message
// under From, Sent, To, Cc and Subject) or from Gmail (the sender with
// the address and when it was sent on one line, To and Cc under it, "3
// messages" under the subject), speaks of money: the policy limits, the
// specials, a demand, an offer, and the providers' bills in a list
// ("- Lakeside Ortho: 3/2/24 through 4/9/24, billed $1,433.00"). It bills
// nothing and records no visit: administrative, whatever its amounts.
// The "Cc:" of a message that names an address is no chief complaint.
func TestClaimCorrespondence(t *testing.T) {
	outlook := "From:          Ann Price <aprice@harborlaw.com>\n" +
		"Sent:          Monday, May 13, 2024 2:05 PM\n" +
		"To:            Tom Reyes <treyes@northstarins.com>\n" +
		"Cc:            Lee Park <lpark@harborlaw.com>\n" +
		"Subject:       RE: Claim 22-114907 / Claimant: Jane Doe / DOL 1/12/24\n" +
		"Tom,\n" +
		"Our client has finished treating. The records and bills are attached. Her care since the crash of 1/12/24:\n" +
		"- Mercy General Hospital: 1/12/24 (1 date), billed $6,120.40\n" +
		"- Lakeside Orthopedics: 1/19/24 through 3/28/24 (4 dates), billed $1,880.00\n" +
		"- Core Physical Therapy: 1/25/24 through 4/30/24 (22 dates), billed $4,415.00\n" +
		"Total medical specials: $12,415.40. We demand the policy limits of $30,000.00.\n" +
		"Ann Price, Paralegal\n\n" +
		"________________________________\n" +
		"From:          Tom Reyes <treyes@northstarins.com>\n" +
		"Sent:          Friday, February 2, 2024 10:41 AM\n" +
		"To:            Lee Park <lpark@harborlaw.com>\n" +
		"Subject:       Claim 22-114907 / Claimant: Jane Doe / DOL 1/12/24\n" +
		"Counsel, we acknowledge your representation of Jane Doe. Our insured's policy limits are $30,000.00 per person.\n" +
		"Tom Reyes, Claims Adjuster | Northstar Insurance\n"
	gmail := "5/20/24, 9:14 AM                    Gmail - Claim 22-114907 / Claimant: Jane Doe\n\n" +
		"Gmail                                                              Ann Price <aprice@harborlaw.com>\n\n" +
		"Claim 22-114907 / Claimant: Jane Doe / DOL 1/12/24\n" +
		"2 messages\n\n" +
		"Ann Price <aprice@harborlaw.com>                                          Mon, May 13, 2024 at 2:05 PM\n" +
		"To: Tom Reyes <treyes@northstarins.com>\n" +
		"Cc: Lee Park <lpark@harborlaw.com>\n" +
		"Tom,\n" +
		"Our client has finished treating. The records and bills are attached. Her care since the crash of 1/12/24:\n" +
		"- Mercy General Hospital: 1/12/24 (1 date), billed $6,120.40\n" +
		"- Lakeside Orthopedics: 1/19/24 through 3/28/24 (4 dates), billed $1,880.00\n" +
		"- Core Physical Therapy: 1/25/24 through 4/30/24 (22 dates), billed $4,415.00\n" +
		"Total medical specials: $12,415.40. We demand the policy limits of $30,000.00.\n" +
		"Ann Price, Paralegal\n\n" +
		"Tom Reyes <treyes@northstarins.com>                                       Fri, May 17, 2024 at 4:30 PM\n" +
		"To: Ann Price <aprice@harborlaw.com>\n" +
		"Cc: Lee Park <lpark@harborlaw.com>\n" +
		"Counsel, I have reviewed the demand package. My offer to resolve the claim is $14,000.00.\n" +
		"Tom Reyes, Claims Adjuster | Northstar Insurance\n"
	// A fax's OCR parts an address at its "@" ("lpark @ harborlaw.com").
	faxed := strings.ReplaceAll(gmail, "@", " @ ")
	// Two messages with no copy and no word of specials: the senders'
	// lines (the address, when it was sent) and the recipients make the
	// thread.
	plain := "Gmail                                                              Ann Price <aprice@harborlaw.com>\n\n" +
		"Jane Doe - bills\n" +
		"2 messages\n\n" +
		"Ann Price <aprice@harborlaw.com>                                          Mon, May 13, 2024 at 2:05 PM\n" +
		"To: Tom Reyes <treyes@northstarins.com>\n" +
		"Tom, the bills you asked for:\n" +
		"- Mercy General Hospital: 1/12/24, billed $6,120.40\n" +
		"- Lakeside Orthopedics: 1/19/24 through 3/28/24, billed $1,880.00\n" +
		"- Core Physical Therapy: 1/25/24 through 4/30/24, billed $4,415.00\n" +
		"Ann Price, Paralegal\n\n" +
		"Tom Reyes <treyes@northstarins.com>                                       Fri, May 17, 2024 at 4:30 PM\n" +
		"To: Ann Price <aprice@harborlaw.com>\n" +
		"Thank you, received. I will review them and write to you with our position.\n" +
		"Tom Reyes, Claims Adjuster | Northstar Insurance\n"
	for name, text := range map[string]string{"outlook": outlook, "gmail": gmail, "gmail faxed": faxed, "gmail, no copy": plain} {
		t.Run(name, func(t *testing.T) {
			d := Analyze(pagesOf(text))
			if got := d.Pages[0].Class; got != extract.PageAdmin {
				t.Errorf("class %q, want %q", got, extract.PageAdmin)
			}
			for _, l := range d.PageLines(0) {
				if strings.HasPrefix(l.Trim, "Cc:") && l.Heading != NoHeading {
					t.Errorf("%q read as heading %v", l.Trim, l.Heading)
				}
			}
		})
	}
}
