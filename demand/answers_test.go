package demand

import (
	"strings"
	"testing"

	"github.com/medchron/medchron/demand/adjuster"
)

// TestAdjusterAnswersInLetter: the attorney's answer to a gap point of
// the adjuster's read is stated in the gaps section, an answer to any
// other point after causation, unanswered points nowhere; an answer whose
// point no longer exists is dropped.
func TestAdjusterAnswersInLetter(t *testing.T) {
	c := reviewAll(loadRubricMatter(t))
	points := adjuster.Read(c, adjuster.Options{})
	var gap, other *adjuster.Point
	for i := range points {
		switch {
		case points[i].Kind == adjuster.KindGap && gap == nil:
			gap = &points[i]
		case points[i].Kind != adjuster.KindGap && points[i].Kind != adjuster.KindDelayedTreatment && other == nil:
			other = &points[i]
		}
	}
	if gap == nil || other == nil {
		t.Fatalf("the rubric matter has no gap point or no other point: %d points", len(points))
	}
	in := fullInputs()
	in.Answers = map[string]string{
		gap.ID:     "The client was waiting for the insurer to authorise therapy.",
		other.ID:   "That complaint concerned another body region and resolved years before.",
		"gone-id1": "An answer to a point that no longer exists.",
	}
	d := Generate(c, Options{Now: testNow, Inputs: in})
	text := func(key string) string {
		s, ok := d.Section(key)
		if !ok {
			t.Fatalf("no section %s", key)
		}
		return s.Body
	}
	if g := text(KeyGaps); !strings.Contains(g, in.Answers[gap.ID]) || strings.Contains(g, in.Answers[other.ID]) {
		t.Errorf("gaps section:\n%s", g)
	}
	if c := text(KeyCausation); !strings.Contains(c, in.Answers[other.ID]) || !strings.Contains(c, "Points raised by the records") {
		t.Errorf("causation section:\n%s", c)
	}
	for _, s := range d.Sections {
		if strings.Contains(s.Body, "no longer exists") {
			t.Errorf("section %s states an orphan answer", s.Key)
		}
	}
	// Without answers the letter says nothing of the points.
	plain := Generate(c, Options{Now: testNow, Inputs: fullInputs()})
	if s, _ := plain.Section(KeyCausation); strings.Contains(s.Body, "Points raised by the records") {
		t.Error("a letter without answers has a points heading")
	}
	if err := (Inputs{Answers: map[string]string{"x": strings.Repeat("a", MaxAnswerRunes+1)}}).Validate(); err == nil {
		t.Error("an over-long answer is accepted")
	}
}
