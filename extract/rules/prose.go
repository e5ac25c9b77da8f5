package rules

import (
	"strings"

	"github.com/medchron/medchron/extract/dates"
	"github.com/medchron/medchron/extract/layout"
	"github.com/medchron/medchron/internal/lazyre"
)

// Facts a record gives only in its prose, read when nothing printed
// gives them: the facility the patient was admitted or brought to, and
// the day of a discharge in a discharge summary.

// reArrivedAt is a patient's arrival at a named facility: "was admitted
// to ABCD Hospital", "brought into ABCD Medical Center", "transferred to
// HealthSouth". A presentation ("presented to") is left out: records
// reviews tell of earlier care that way.
var reArrivedAt = lazyre.New(`\b(?:admitted|brought|transferred)\s+(?:in\s*)?(?:to|into)\s+(?:the\s+)?((?:[A-Z][A-Za-z&'\-]*\.?\s?){1,6})`)

// arrivalWords are the words one of which a line must hold for
// reArrivedAt to be tried.
var arrivalWords = layout.NewWordSet("admitted", "brought", "transferred")

// pastWords mark an arrival told as earlier care.
var pastWords = layout.NewWordSet(" ago", "previous", "prior ", "history of", "in the past", "years before")

// genericPlace are words a department or unit is named with; a name made
// only of them ("the Emergency Department") names no facility.
var genericPlace = map[string]bool{"emergency": true, "department": true, "room": true, "hospital": true, "er": true,
	"ed": true, "icu": true, "floor": true, "unit": true, "medical": true, "center": true, "centre": true, "rehab": true,
	"rehabilitation": true, "surgery": true, "service": true, "ward": true, "clinic": true, "intensive": true, "care": true,
	"our": true, "this": true, "orthopedics": true, "orthopaedics": true, "trauma": true, "inpatient": true, "acute": true}

// proseProvider returns the facility the note's prose says the patient
// was admitted, brought or transferred to, and the index of its line; ""
// and -1 when it names none. Records reviews and arrivals told as
// earlier care ("admitted to ... two years ago") are left out.
func (n *note) proseProvider() (string, int) {
	for i, l := range n.lines {
		if l.noise || n.secs[i] == secReview || !arrivalWords.In(l.text) {
			continue
		}
		for _, m := range reArrivedAt.FindAllStringSubmatchIndex(l.text, -1) {
			if pastWords.In(l.text[m[0]:min(len(l.text), m[1]+60)]) {
				continue
			}
			if v := arrivalPlace(l.text[m[2]:m[3]]); v != "" {
				return v, i
			}
		}
	}
	return "", -1
}

// arrivalPlace returns the facility name at the start of s, or "".
func arrivalPlace(s string) string {
	words := strings.Fields(s)
	for k, w := range words {
		if strings.HasSuffix(w, ".") && k > 0 { // a sentence ends on it
			words = words[:k+1]
			break
		}
	}
	v := strings.TrimRight(strings.Join(words, " "), ".,;: ")
	distinct := false
	for _, w := range strings.Fields(strings.ToLower(v)) {
		if !genericPlace[strings.Trim(w, ".,'")] {
			distinct = true
		}
	}
	if !distinct {
		return ""
	}
	if layout.NamesFacility(v) || len(words) == 1 && camelCased(v) {
		return layout.CleanProvider(v)
	}
	return ""
}

// camelCased reports whether a one-word name has a capital after a small
// letter, as brand names do ("HealthSouth", "MedStar").
func camelCased(s string) bool {
	if len(s) < 6 {
		return false
	}
	for i := 1; i < len(s); i++ {
		if s[i] >= 'A' && s[i] <= 'Z' && s[i-1] >= 'a' && s[i-1] <= 'z' {
			return true
		}
	}
	return false
}

// dischargedAfter reports whether the sentence after a date says the
// patient was discharged then: "On 06/20/2008, with all parties in
// agreement, the patient was discharged to home".
func dischargedAfter(after string) bool {
	if i := strings.IndexAny(after, ".;"); i >= 0 {
		after = after[:i]
	}
	after = after[:min(len(after), 100)]
	return strings.Contains(after, "was discharged") || strings.Contains(after, "were discharged")
}

// textAfter returns the text after the date m on line l (index i of the
// note), with the next line of the same page when the sentence goes on
// there.
func (n *note) textAfter(i int, l line, m dates.Match) string {
	after := l.text[m.End:]
	if !strings.ContainsAny(after, ".;") && i+1 < len(n.lines) && n.lines[i+1].page == l.page {
		after += " " + n.lines[i+1].trim
	}
	return after
}

// dischargeRecord reports whether the note is a discharge summary by its
// title.
func (n *note) dischargeRecord() bool {
	return strings.Contains(strings.ToLower(n.title), "discharge")
}
