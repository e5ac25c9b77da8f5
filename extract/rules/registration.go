package rules

import (
	"strings"

	"github.com/medchron/medchron/extract/layout"
	"github.com/medchron/medchron/internal/lazyre"
)

// A hospital's registration face sheet prints the stay in boxed fields,
// a row of small captions over the row of their values (layout's
// Captions lines): the admission's date and source, the admitting and
// the attending physician, the discharge.

var (
	// reAttendingCaption captions the physician a stay is under.
	reAttendingCaption = lazyre.New(`(?i)^(?:attending|treating)(?:\s+(?:physician|provider|doctor|md))?$`)
	// reAdmitCaption captions the admission's date.
	reAdmitCaption = lazyre.New(`(?i)^(?:admit(?:ting)?|admission)\s+(?:date|date\s*/\s*time)$|^date\s+of\s+admission$`)
)

// captioned returns the value the note prints under a boxed form's
// caption that re matches, with its caption row's index, "" when none.
func (n *note) captioned(re *lazyre.Regexp) string {
	for i, l := range n.lines {
		if l.lo == nil || !l.lo.Captions || i+1 >= len(n.lines) || n.lines[i+1].page != l.page {
			continue
		}
		next := n.lines[i+1].text
		pair := layout.PairCells(l.text, next)
		if pair == nil {
			continue
		}
		cs, vs := layout.CaptionCells(l.text), layout.InkedCells(next)
		for vi, ci := range pair {
			if re.MatchString(strings.Trim(l.text[cs[ci].Start:cs[ci].End], " .,:|")) {
				return strings.Trim(next[vs[vi].Start:vs[vi].End], " |")
			}
		}
	}
	return ""
}

// attendingClinician returns the physician a face sheet's box captions as
// the attending, "" when none (or no clinician's name).
func (n *note) attendingClinician() string {
	v := n.captioned(reAttendingCaption)
	if v == "" || !layout.HasCredential(v) && !strings.HasPrefix(v, "Dr") {
		return ""
	}
	return v
}

// registersAdmission reports whether the note registers a hospital stay
// in boxed fields: a box captioned as the admission's date, and one as
// the attending physician.
func (n *note) registersAdmission() bool {
	return n.captioned(reAdmitCaption) != "" && n.captioned(reAttendingCaption) != ""
}
