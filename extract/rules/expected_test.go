package rules

import (
	"strings"
	"testing"

	"github.com/medchron/medchron/extract"
)

// TestExpectedRecords: evidence of records that should exist elsewhere,
// each with its kind and the line that proves it, and no false friends.
func TestExpectedRecords(t *testing.T) {
	head := "Harbor Orthopedics\nOFFICE VISIT\nDate of Service: 03/14/2024\nCHIEF COMPLAINT: neck pain.\n"
	tests := []struct {
		name, body string
		want       []string // kind:what:provider
	}{
		{"ambulance arrival with its agency", "Mode of arrival: ALS ambulance\nTriage: Patient arrived by ambulance (Metro County EMS, Medic 14); EMS run report not included with this chart.\n",
			[]string{"ems:ambulance transport:Metro County EMS"}},
		{"brought in by EMS in the HPI", "HPI: 34-year-old brought in by EMS after a rear-end collision.\n", []string{"ems:ambulance transport:"}},
		{"arrived by private vehicle", "Mode of arrival: private vehicle. Denies arriving by ambulance.\n", nil},
		{"ordered studies", "PLAN: Ordered MRI of the cervical spine without contrast.\nOrdered EMG/NCS of both upper extremities to evaluate radiculopathy.\n",
			[]string{"imaging:MRI of the cervical spine without contrast:", "diagnostic:EMG/NCS of both upper extremities:"}},
		// "Ordered:" as a label, and "Ordered." where OCR put a speck after
		// the word; a sentence that ends "ordered." is no label.
		{"ordered as a label or with a speck", "PLAN:\nOrdered. MRI of the cervical spine without contrast.\nOrdered: EMG/NCS of both upper extremities.\n",
			[]string{"imaging:MRI of the cervical spine without contrast:", "diagnostic:EMG/NCS of both upper extremities:"}},
		{"a sentence ending ordered", "PLAN: Labs ordered. MRI showed a disc bulge at C5-6.\n", nil},
		{"a study ordered, passive", "PLAN: Lumbar MRI was ordered today.\n", []string{"imaging:Lumbar MRI:"}},
		{"a study reviewed is no order", "ASSESSMENT: MRI of the cervical spine was reviewed with the patient.\nPLAN: continue therapy.\n", nil},
		{"a considered study is no order", "PLAN: Consider MRI if no better in 4 weeks.\n", nil},
		{"history of a past MRI is no order", "HISTORY OF PRESENT ILLNESS: She had an MRI ordered by her PCP in 2019.\nPLAN: home exercise.\n", nil},
		{"referral out", "PLAN: Referred to pain psychology (cognitive behavioral therapy) for coping skills.\nRefer to orthopedics.\n",
			[]string{"referral:pain psychology:pain psychology", "referral:orthopedics:orthopedics"}},
		// A referral printed as a field of discharge instructions names
		// the service after its label; a referral's source, or none, is
		// no referral out.
		{"referral as a labelled field", "DISCHARGE INSTRUCTIONS\nReferral: Neurology. Call to book within 2 weeks.\nReferrals to: Pain management\n",
			[]string{"referral:Neurology:Neurology", "referral:Pain management:Pain management"}},
		{"referral source or none as a field", "Referral source: Dr. Alvarez\nReferral: none\nReferring: Jane Roe, MD\nPLAN: injection.\n", nil},
		{"referral in is none", "HPI: Referred by orthopedics for neck pain. Thank you for referring Ms. Doe.\nPLAN: injection.\n", nil},
		{"follow-up scheduled", "PLAN: Return to clinic in 6 weeks for re-evaluation.\n", []string{"follow_up:follow-up visit:Harbor Orthopedics"}},
		// A follow-up with other care is answered by that care, not by
		// this office: what names it, and no provider is presumed.
		{"follow-up with other care", "INSTRUCTIONS: Concussion precautions. Follow up with primary care physician in 1 week.\n",
			[]string{"follow_up:follow-up with primary care physician:"}},
		{"return precautions are no follow-up", "INSTRUCTIONS: Return for worsening headache, vomiting or confusion.\n", nil},
		{"follow-up with other care on the next line", "INSTRUCTIONS: Concussion precautions; no driving for 1 week; return for worsening headache, vomiting or confusion. Follow up with\nprimary care physician in 1 week.\n",
			[]string{"follow_up:follow-up with primary care physician:"}},
		{"follow-up with other care, its article ending the line", "PLAN: Ice and rest. Follow up with the\nprimary care physician in 2-3 days.\n",
			[]string{"follow_up:follow-up with primary care physician:"}},
		{"follow-up with a named physician", "PLAN: Follow-up with Dr. Alvarez, spine surgery, in 2 weeks.\n",
			[]string{"follow_up:follow-up with Dr. Alvarez:Dr. Alvarez"}},
		// A scan's OCR reads the hyphen of "Follow-up" as a stop or a
		// comma.
		{"follow-up through OCR", "PLAN: Follow.up on 04/12/2024 or sooner if worse.\n", []string{"follow_up:follow-up visit:Harbor Orthopedics"}},
		{"follow-up with this office", "PLAN: Follow up with me in 4 weeks.\n", []string{"follow_up:follow-up visit:Harbor Orthopedics"}},
		{"a follow-up visit title is none", "FOLLOW-UP VISIT\nPLAN: continue.\n", nil},
		// A consult asked of another service is a referral out, named
		// before "consult" or after it; one declined, considered or
		// already written is none.
		{"consult requested", "PLAN: Admit for observation. Neurosurgery consult requested (referral placed with the on-call neurosurgeon) to review the imaging.\n",
			[]string{"referral:Neurosurgery consultation:"}},
		{"consultation ordered from a service", "PLAN: Orthopedic consultation was ordered for the right shoulder. Consultation requested from pain management for injections.\n",
			[]string{"referral:Orthopedic consultation:", "referral:pain management consultation:"}},
		{"a consult asked of a service", "PLAN: We have requested an inpatient neurology consultation.\n", []string{"referral:neurology consultation:"}},
		{"a consult declined, considered or written is none", "PLAN: No neurosurgery consult requested at this time. If worse, consider spine surgery consult ordered. Neurosurgery consult note reviewed. Seen in consult requested by Dr. Alvarez.\n", nil},
		{"report not received", "PLAN: EMG/NCS report from the referring orthopedist has not been received; requested again today.\n",
			[]string{"report:EMG/NCS report:referring orthopedist"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := extractText(t, head+tt.body)
			var got []string
			for _, x := range res.Expected {
				got = append(got, x.Kind+":"+x.What+":"+x.Provider)
				if len(x.Citations) != 1 || x.Date.String() != "2024-03-14" || x.Source != "Harbor Orthopedics" {
					t.Errorf("%s: citations %d date %s source %q", x.Kind, len(x.Citations), x.Date, x.Source)
				}
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("expected %q, want %q", got, tt.want)
			}
		})
	}
	_ = extract.ExpectEMS
}

// TestPainPracticeReportNotReceived: a pain practice's follow-up note
// heads its sections in title case on lines of their own ("Pain
// Assessment", "Risk Monitoring"); the history ends at the first of them,
// so a confirmation the note says has not come back, written lower down
// and wrapped onto a second line, is a report not received, named with
// its hyphenated test and its sender.
func TestPainPracticeReportNotReceived(t *testing.T) {
	page := `Lakeside Spine & Pain Mgmt
CONTROLLED SUBSTANCE FOLLOW-UP
Patient: DOE, JANE     DOB: 02/03/1981
Date of Service: 04/09/2024          Physician: Ann Lee, MD
Interval History
  Neck pain steady on the current regimen since the visit of 03/05/2024.
Pain Assessment
  Pain today 4/10; sleeping six hours.
Risk Monitoring
  Prescription monitoring database checked today: one prescriber.
  Send-out GC-MS results on the urine sample collected 03/05/2024 have not been received from Tri-County
  Toxicology Lab; we have asked for them again.
Assessment
  Cervical radiculopathy (M54.12).
Plan
  Continue gabapentin.
`
	res := extractText(t, page)
	var got []string
	for _, x := range res.Expected {
		if x.Kind == extract.ExpectReport {
			got = append(got, x.What+" | "+x.Provider)
		}
	}
	if want := "Send-out GC-MS results | Tri-County Toxicology Lab"; strings.Join(got, ";") != want {
		t.Errorf("reports not received %q, want %q", strings.Join(got, ";"), want)
	}
}
