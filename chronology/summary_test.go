package chronology

import (
	"strings"
	"testing"

	"github.com/medchron/medchron/extract"
)

// TestSummarize: one to three sentences (reason, findings and diagnoses,
// treatment, plan and work status), from whole sentences or clauses,
// never cut inside a word.
func TestSummarize(t *testing.T) {
	pain := 7.0
	tests := []struct {
		name string
		e    Entry
		want string
	}{
		{"an emergency visit", Entry{VisitType: "emergency visit", Provider: "Saint Luke's", Clinician: "Rebecca Finnegan, MD",
			Complaints: "MVC - neck pain, back pain, headache", PainScore: &pain,
			Findings:   "Midline cervical tenderness C5-C6, paraspinal spasm. Lumbar paraspinal tenderness. Neuro: GCS 15.",
			Diagnoses:  []extract.Coded{{Code: "S13.4XXA", Description: "Sprain of ligaments of cervical spine, initial encounter"}, {Code: "S39.012A", Description: "Strain of lower back"}},
			Plan:       "Discharged home in stable condition with cervical collar as needed. Referred to orthopedics.",
			WorkStatus: "Off work for 1 week"},
			"Emergency visit at Saint Luke's with Rebecca Finnegan, MD for MVC - neck pain, back pain, headache (pain 7/10). " +
				"Findings: Midline cervical tenderness C5-C6, paraspinal spasm; diagnoses: sprain of ligaments of cervical spine, initial encounter (S13.4XXA) and strain of lower back (S39.012A). " +
				"Plan: Discharged home in stable condition with cervical collar as needed; work status: off work for 1 week."},
		{"a visit log row", Entry{VisitType: "chiropractic", Provider: "Cornerstone Chiropractic", PainScore: &pain, Findings: "C/T/L; sore after work",
			Procedures: []extract.Coded{{Code: "98941"}, {Code: "97110", Description: "Therapeutic exercise"}}},
			"Chiropractic visit at Cornerstone Chiropractic (pain 7/10). Findings: C/T/L; sore after work. Treatment: therapeutic exercise."},
		{"an unfinished sentence is left out", Entry{VisitType: "consultation", Provider: "Lakeside Bone & Joint",
			Plan: "Home exercises, continue therapy. Ordered MRI of the cervical spine without contrast. Ordered EMG/NCS of both upper extremities to evaluate…"},
			"Consultation at Lakeside Bone & Joint. Plan: Home exercises, continue therapy."},
		{"an unfinished only sentence keeps its clauses", Entry{VisitType: "follow-up", Provider: "Northgate Pain",
			Assessment: "Cervical radiculopathy, improving after ESI, with right C6 sensory loss and grip weak…"},
			"Follow-up visit at Northgate Pain. Assessment: Cervical radiculopathy, improving after ESI."},
		{"abbreviations and list numbers do not end a sentence", Entry{VisitType: "office visit", Provider: "Oakwood",
			Complaints: "Seen by Dr. Lee for neck pain. Also wrist pain.", Plan: "1. Ice 2. Return in 2 wk."},
			"Office visit at Oakwood; patient seen by Dr. Lee for neck pain. Plan: Ice, Return in 2 wk."},
		{"a reason the patient reported", Entry{VisitType: "physical therapy", Provider: "Momentum PT", Complaints: "Reports increased soreness after a long shift at work yesterday."},
			"Physical therapy visit at Momentum PT; patient reports increased soreness after a long shift at work yesterday."},
		{"a reason naming the patient", Entry{VisitType: "physical therapy", Provider: "Momentum PT", Complaints: "Patient states headaches are less frequent."},
			"Physical therapy visit at Momentum PT; patient states headaches are less frequent."},
		{"a diagnosis description after stray punctuation", Entry{VisitType: "imaging", Provider: "Northside", Diagnoses: []extract.Coded{{Code: "M54.12", Description: ". Radiculopathy, cervical region"}}},
			"Imaging at Northside. Diagnoses: radiculopathy, cervical region (M54.12)."},
		{"a number ends a sentence", Entry{VisitType: "follow-up", Provider: "Riverside", Findings: "BP 124/81, HR 70. Neck supple."},
			"Follow-up visit at Riverside. Findings: BP 124/81, HR 70."},
		{"many diagnoses", Entry{VisitType: "consultation", Provider: "P", Diagnoses: []extract.Coded{{Code: "A1"}, {Code: "B2"}, {Code: "C3"}, {Code: "D4"}, {Code: "E5"}}},
			"Consultation at P. Diagnoses: A1, B2, C3 and 2 more."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := summarize(&tt.e)
			if got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
			if n := strings.Count(got, ". ") + 1; n > 3 && !strings.Contains(got, "Dr. ") {
				t.Errorf("%d sentences", n)
			}
			if strings.Contains(got, "…") {
				t.Error("the summary is cut")
			}
		})
	}
}

// TestClauseLong: a first sentence longer than the budget is cut at a
// clause boundary, never inside a word.
func TestClauseLong(t *testing.T) {
	long := strings.Repeat("tenderness over the paraspinals, ", 10) + "and spasm."
	got := clause(long)
	if len(got) > summaryClause || !strings.HasSuffix(got, "paraspinals") {
		t.Errorf("clause %q", got)
	}
}
