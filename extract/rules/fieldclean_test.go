package rules

import (
	"strings"
	"testing"
)

// TestFieldsKeepOutBoilerplate: goal lists, purpose clauses and prognoses
// are no work status; signature rules, letter closings, inline
// "Dictated by", triage headings and unbalanced parentheses never enter a
// field; a visit log's initials legend and page number are no cell.
func TestFieldsKeepOutBoilerplate(t *testing.T) {
	const head = "Momentum Physical Therapy\nDAILY NOTE\nDate of Service: 03/14/2024\n"
	tests := []struct {
		name  string
		pages []string
		field func(res encounterFields) string
		want  string // the field's exact value
	}{
		{"goals under an unlisted heading", []string{head + "ASSESSMENT: tolerated well.\nLong Term Goals (8 weeks):\n- Return to full work duties without restriction\nPLAN: continue.\n"},
			workOf, ""},
		{"the goals list stays out of the assessment", []string{head + "ASSESSMENT: tolerated well.\nLong Term Goals (8 weeks):\n- Return to full work duties without restriction\nPLAN: continue.\n"},
			assessmentOf, "tolerated well."},
		{"a goal status list", []string{head + "Goal Status:\n1. Return to full work duties without restriction - progressing\n"},
			workOf, ""},
		{"an expected outcome", []string{head + "ASSESSMENT: tolerated well.\nExpected outcome: return to full work duties without restriction.\n"},
			workOf, ""},
		{"a plan's purpose", []string{head + "PLAN: 2x/week for 6 weeks to return to full work duties without restriction.\n"},
			workOf, ""},
		{"a real status is kept", []string{head + "PLAN: continue.\nWork status: modified duty, no lifting over 20 lbs.\n"},
			workOf, "modified duty, no lifting over 20 lbs"},
		{"inline dictation ends the plan", []string{head + "PLAN: Continue PT. Dictated by Jane Roe, PT\nSaint Mary's\n"},
			planOf, "Continue PT."},
		{"an inline 'Signed:' ends the plan", []string{head + "PLAN: Progress resistance next visit. Signed: Helen Osei, DC May 17 2024\nSaint Mary's\n"},
			planOf, "Progress resistance next visit."},
		{"a signature rule ends the plan", []string{"Harbor Family Practice\nOFFICE VISIT\nDate of Service: 03/14/2024\nPLAN: Return in 6 months.\n______________________________ Anika Mensah, FNP-C Signed 01-15-2023\n"},
			planOf, "Return in 6 months."},
		{"a letter's closing ends the plan", []string{"Harbor Orthopaedics\nCONSULTATION\nDate of Service: 03/14/2024\nPLAN: Home exercises.\nThank you for allowing me to participate in the care of this patient.\nSincerely, Ellen Costa, DO\n"},
			planOf, "Home exercises."},
		{"triage vitals are no complaint", []string{"Saint Mary's Hospital\nEMERGENCY DEPARTMENT RECORD\nDate of Service: 03/14/2024\nCHIEF COMPLAINT: MVC - neck pain\nTriage Vitals: BP 147/90 HR 103 Pain Score: 8/10\nTriage Note: Pt was a restrained driver.\nPLAN: Ice.\n"},
			complaintsOf, "MVC - neck pain"},
		{"an unbalanced parenthesis is cut", []string{"Harbor Orthopaedics\nFOLLOW-UP\nDate of Service: 03/14/2024\nPLAN: Right subacromial injection (triamcinolone 40 mg with lidocaine).\n"},
			medsOf, "triamcinolone 40 mg with lidocaine"},
		{"a nurse's initials are no drug", []string{"Saint Mary's Hospital\nEMERGENCY DEPARTMENT RECORD\nDate of Service: 03/14/2024\nMEDICATIONS:\nToradol 30 mg IM given, RN initials JW\nJW 10 mg\n"},
			medsOf, "Toradol 30 mg IM given"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res := extractText(t, tt.pages...)
			if len(res.Encounters) == 0 {
				t.Fatal("no encounter")
			}
			e := res.Encounters[0]
			if got := tt.field(encounterFields{e.WorkStatus, e.Assessment, e.Plan, e.Complaints, strings.Join(e.Medications, "|")}); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

type encounterFields struct{ work, assessment, plan, complaints, meds string }

func workOf(f encounterFields) string       { return f.work }
func assessmentOf(f encounterFields) string { return f.assessment }
func planOf(f encounterFields) string       { return f.plan }
func complaintsOf(f encounterFields) string { return f.complaints }
func medsOf(f encounterFields) string       { return f.meds }
