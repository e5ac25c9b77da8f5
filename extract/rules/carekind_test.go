package rules

import "testing"

// TestNeuropsychologyAndSpeechKinds: a neuropsychologist's report, whatever
// the practice calls itself ("Brightwater Cognitive Services"), is a
// neuropsychological evaluation, and a speech-language pathology practice
// ("Speech & Cognitive Rehabilitation") is speech therapy, not physical
// therapy for the "rehabilitation" in its name: a referral to either is
// answered by them.
func TestNeuropsychologyAndSpeechKinds(t *testing.T) {
	neuro := `Brightwater Cognitive Services
2091 Hospital Dr, Lancaster, PA 17601
Phone (717) 555-0157 Fax (717) 555-0192

CONFIDENTIAL NEUROPSYCHOLOGICAL REPORT

Name: DOE, JANE                          DOB: Jul 20, 1977 (age 46)
Date of service: Jan 2, 2024                         Examiner: Rebecca Strand, PhD

REASON FOR REFERRAL:
Evaluation of memory lapses and poor concentration since a motor vehicle collision with a concussion.

IMPRESSION:
Mild neurocognitive disorder due to concussion (F07.81).
`
	res := extractText(t, neuro)
	if len(res.Encounters) != 1 || res.Encounters[0].VisitType != "neuropsychological evaluation" || res.Encounters[0].ProviderKind != "neuropsychology" {
		t.Errorf("neuropsychological report: %+v", res.Encounters)
	}
	slp := `Clearview Speech & Cognitive Rehab                                        SLP DAILY TREATMENT RECORD
Patient: DOE, JANE   DOB: 17-Feb-1973   Acct: 23966166                                        Page 1

Date          Time        Min   CPT               Goals addressed                             Accuracy   SLP
22-Oct-2024   12:30 PM    60    96125             Evaluation: CLOT, SLUMS 24/30; goals set    --         BD
08-Nov-2024   12:30 PM    15    97129             G1 attention: alternating attention         57%        BD
11-Nov-2024   12:30 PM    30    97129, 97130 x1   G3 word finding: confrontation naming       62%        BD
15-Nov-2024   12:30 PM    45    97129, 97130 x2   G1 attention: sustained attention task      66%        BD
`
	res = extractText(t, slp)
	if len(res.Encounters) != 4 {
		t.Fatalf("speech log: %d visits, want 4", len(res.Encounters))
	}
	for _, e := range res.Encounters {
		if e.VisitType != "speech therapy" || e.ProviderKind != "speech_therapy" {
			t.Errorf("speech log visit %s: %q %q", e.Date, e.VisitType, e.ProviderKind)
		}
	}
}
