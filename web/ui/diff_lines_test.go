package ui

import (
	"strings"
	"testing"

	"github.com/medchron/medchron/demand"
)

// TestDiffLinesWords: an edited paragraph shows the words that changed;
// a block of different length stays whole lines; the counts stay lines.
func TestDiffLinesWords(t *testing.T) {
	a := "Title\nThe client saw Dr. Reyes on March 20, 2023 for neck pain.\nEnd"
	b := "Title\nThe client saw Dr. Alan Reyes on March 21, 2023 for neck pain.\nEnd\nNew line"
	lines, added, removed := diffLines(demand.Diff(a, b))
	if added != 2 || removed != 1 {
		t.Errorf("added %d, removed %d; want 2 and 1", added, removed)
	}
	var changed *diffLine
	for i := range lines {
		if lines[i].Class == "change" {
			changed = &lines[i]
		}
	}
	if changed == nil {
		t.Fatalf("no changed line in %+v", lines)
	}
	var dels, adds, from, to strings.Builder
	for _, p := range changed.Parts {
		switch p.Class {
		case "del":
			dels.WriteString(p.Text)
			from.WriteString(p.Text)
		case "add":
			adds.WriteString(p.Text)
			to.WriteString(p.Text)
		default:
			from.WriteString(p.Text)
			to.WriteString(p.Text)
		}
	}
	if dels.String() != "20, " || adds.String() != "Alan 21, " {
		t.Errorf("removed %q, added %q; want the changed words only", dels.String(), adds.String())
	}
	if from.String() != "The client saw Dr. Reyes on March 20, 2023 for neck pain." || to.String() != "The client saw Dr. Alan Reyes on March 21, 2023 for neck pain." {
		t.Errorf("the parts do not give the two lines back: %q / %q", from.String(), to.String())
	}
	// Two lines replaced by one: whole lines, no word marks.
	lines, added, removed = diffLines(demand.Diff("a\nb\nb2\nc", "a\nx\nc"))
	var classes []string
	for _, l := range lines {
		classes = append(classes, l.Class)
	}
	if got := strings.Join(classes, " "); got != "same del del add same" || added != 1 || removed != 2 {
		t.Errorf("classes %q, added %d, removed %d", got, added, removed)
	}
}
