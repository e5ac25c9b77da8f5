package chronology

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/medchron/medchron/internal/textutil"
)

// summaryField is the longest a free-text field may run in a summary.
const summaryField = 140

// summarize writes one concise paragraph from the entry's own fields, in a
// fixed order (visit, complaints, assessment, diagnoses, pain, plan). It
// invents nothing: a field the records do not give is left out.
func summarize(e *Entry) string {
	var parts []string
	visit := strings.TrimSpace(e.VisitType)
	if visit == "" {
		visit = "visit"
	}
	head := capitalize(visit) + " at " + e.Provider
	if e.Clinician != "" {
		head += " with " + e.Clinician
	}
	parts = append(parts, head+".")
	if e.Complaints != "" {
		parts = append(parts, "Complaints: "+sentence(e.Complaints))
	}
	if e.Assessment != "" {
		parts = append(parts, "Assessment: "+sentence(e.Assessment))
	}
	if len(e.Diagnoses) > 0 {
		var dx []string
		for i, d := range e.Diagnoses {
			if i == 3 {
				dx = append(dx, fmt.Sprintf("and %d more", len(e.Diagnoses)-3))
				break
			}
			s := d.Description
			if d.Code != "" && !strings.EqualFold(d.Code, d.Description) {
				s += " (" + d.Code + ")"
			}
			dx = append(dx, s)
		}
		parts = append(parts, "Diagnoses: "+strings.Join(dx, "; ")+".")
	}
	if e.PainScore != nil {
		parts = append(parts, "Pain "+strconv.FormatFloat(*e.PainScore, 'f', -1, 64)+"/10.")
	}
	// A combined "Assessment and Plan" section fills both fields with one
	// text: say it once.
	if e.Plan != "" && textutil.FoldSpace(e.Plan) != textutil.FoldSpace(e.Assessment) {
		parts = append(parts, "Plan: "+sentence(e.Plan))
	}
	return strings.Join(parts, " ")
}

// sentence shortens s and ends it with a full stop.
func sentence(s string) string {
	s = truncate(textutil.FoldSpace(s), summaryField)
	if !strings.HasSuffix(s, ".") && !strings.HasSuffix(s, "…") {
		s += "."
	}
	return s
}

func capitalize(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}
