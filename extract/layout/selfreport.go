package layout

import (
	"strings"
	"unicode"

	"github.com/medchron/medchron/internal/lazyre"
)

// reSelfReported is a cell that marks a reading as the patient's own, not
// taken by the office's staff: "Patient reported", "Pt-reported",
// "Self reported", "Patient entered", "Home reading", "Per patient",
// "Home BP". A flowsheet of vitals or pain scores mixes such readings
// (called in, sent through the portal, brought from a home monitor) with
// those taken at visits; the day of one is no visit.
var reSelfReported = lazyre.New(`(?i)^(?:(?:patient|pt|self)[\s-]*(?:reported|entered|recorded|submitted)|per\s+(?:patient|pt)|home\s+(?:reading|measurement|monitor|bp|blood\s+pressure|log)|(?:patient|pt)\s+home\s+reading)$`)

// SelfReported reports whether a dated row of a flowsheet (rest is what
// it prints after its date) marks its reading as the patient's own in a
// cell of its own (see reSelfReported). A note that says what the patient
// reported ("Patient reported less pain") is a visit's text, not such a
// cell.
func SelfReported(rest string) bool {
	for _, c := range Cells(rest) {
		// A scan's specks within the cell ("Patient. reported") are no
		// part of it.
		t := strings.Join(strings.FieldsFunc(rest[c.Start:c.End], func(r rune) bool { return !unicode.IsLetter(r) && r != '-' }), " ")
		if reSelfReported.MatchString(strings.Trim(t, "- ")) {
			return true
		}
	}
	return false
}
