package rules

import (
	"strings"
	"testing"
)

// TestCleanFields: sections are read by meaning. Negated findings are no
// diagnoses; goals, expectations and history are no work status;
// initials are no medications; the next page's heading, signature
// blocks, running headers, Bates stamps and table rows never enter a
// field; credentials such as PhD and LCSW make a clinician.
func TestCleanFields(t *testing.T) {
	t.Run("negated findings are no diagnoses", func(t *testing.T) {
		res := extractText(t, "Harbor Family Practice\nOFFICE VISIT\nDate of Service: 03/14/2024\nASSESSMENT:\nDenies recent illness or fever\nNo evidence of fracture\nCervical strain\n")
		dx := res.Encounters[0].Diagnoses
		if len(dx) != 1 || dx[0].Description != "Cervical strain" {
			t.Errorf("diagnoses %+v", dx)
		}
	})
	t.Run("a goal is no work status", func(t *testing.T) {
		res := extractText(t, "Momentum Physical Therapy\nDAILY NOTE\nDate of Service: 03/14/2024\nS: neck pain 5/10.\nGOALS:\nLTG: return to full duty without restrictions in 8 weeks.\nPLAN: continue plan of care.\n")
		if ws := res.Encounters[0].WorkStatus; ws != "" {
			t.Errorf("work status %q", ws)
		}
		res = extractText(t, "Momentum Physical Therapy\nDAILY NOTE\nDate of Service: 03/14/2024\nS: Prior to the accident he worked full duty as a welder.\nA: Patient will return to full duty when able to lift 50 lbs.\nWork status: modified duty, no lifting over 20 lbs.\n")
		if ws := res.Encounters[0].WorkStatus; !strings.Contains(ws, "modified duty") {
			t.Errorf("work status %q", ws)
		}
	})
	t.Run("initials are no medications", func(t *testing.T) {
		res := extractText(t, "Saint Mary's Hospital\nEMERGENCY DEPARTMENT RECORD\nDate of Service: 03/14/2024\nMEDICATIONS:\n1516 KM Ketorolac 30 mg IM given\nASA 81 mg daily\n")
		meds := strings.Join(res.Encounters[0].Medications, "|")
		if strings.Contains(meds, "KM") || !strings.Contains(meds, "Ketorolac 30 mg") || !strings.Contains(meds, "ASA 81 mg") {
			t.Errorf("medications %q", meds)
		}
	})
	t.Run("next page's heading and signature stay out of the plan", func(t *testing.T) {
		p1 := "Saint Mary's Hospital\nEMERGENCY DEPARTMENT RECORD\nDate of Service: 03/14/2024\nCHIEF COMPLAINT: neck pain.\nPLAN: Ice and rest.\nDictated by: Grace Kaplan, MD  WHITAK 000007\n"
		p2 := "Saint Mary's Hospital\nTRIAGE NURSING ASSESSMENT\nPain 8/10. Ambulatory.\n"
		res := extractText(t, p1, p2)
		plan := res.Encounters[0].Plan
		if plan != "Ice and rest." {
			t.Errorf("plan %q", plan)
		}
	})
	t.Run("flowsheet rows stay out of the findings", func(t *testing.T) {
		res := extractText(t, "Momentum Physical Therapy\nDAILY NOTE\nDate of Service: 03/14/2024\nOBJECTIVE: Cervical ROM improved.\nExercise            Sets   Reps   Weight   Minutes\nChin tucks          3      10     0        5\nRows                3      12     10       8\n")
		if f := res.Encounters[0].Findings; f != "Cervical ROM improved." {
			t.Errorf("findings %q", f)
		}
	})
	t.Run("doctoral and social-work credentials", func(t *testing.T) {
		for _, tt := range []struct{ sig, want string }{
			{"Evaluated by: Dana Whitfield, PhD", "Dana Whitfield, PhD"},
			{"Therapist: Lee Moreno, LCSW", "Lee Moreno, LCSW"},
			{"Clinician: Ann Ruiz, PsyD", "Ann Ruiz, PsyD"},
		} {
			res := extractText(t, "Lakeside Behavioral Health\nINITIAL EVALUATION\nDate of Service: 03/14/2024\nASSESSMENT: adjustment disorder.\n"+tt.sig+"\n")
			if c := res.Encounters[0].Clinician; c != tt.want {
				t.Errorf("clinician %q, want %q", c, tt.want)
			}
		}
	})
}
