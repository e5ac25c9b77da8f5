package layout

import (
	"strings"
	"time"

	"github.com/medchron/medchron/extract/dates"
)

// Date labels: what the text just in front of a date says the date is.

// Context words, matched in lower case: a signature or print stamp, and
// a future or past visit other than this one.
var (
	signedWords = []string{"signed", "dictated", "transcribed", "authenticated", " d:", " t:", " dt:", "reviewed by",
		"verified by", "finalized", "signature", "created", "creation", "authored on", "printed", "print date", "report date",
		"faxed", "fax date", "date received", "received on", "run date", "date of request", "requested on"}
	futureWords = []string{"follow up", "follow-up", "followup", "f/u", "next appointment", "next visit", "next appt",
		"return on", "return to clinic", "return visit", "return in", "return for", "returning", "rtc", "scheduled",
		"last seen", "previously seen", "prior visit", "last visit", "recheck", "re-check", "until", "through", "expire"}
)

// FindDates returns the dates in s that a record could mean as a date of
// service (not in the future).
func FindDates(s string) []dates.Match {
	ms := dates.FindAll(s)
	out := ms[:0]
	limit := today.AddDays(1)
	for _, m := range ms {
		if !m.Date.After(limit) {
			out = append(out, m)
		}
	}
	return out
}

// today is read once: a date after it is no date of service.
var today = dates.Of(time.Now())

// HasDate reports whether s holds a date.
func HasDate(s string) bool {
	if !strings.ContainsAny(s, "0123456789") {
		return false
	}
	return len(FindDates(s)) > 0
}

// Label is what the label in front of a date says it is.
type Label uint8

// Kinds of date labels.
const (
	NoLabel      Label = iota
	ServiceLabel       // date of service, visit, exam, admission, arrival
	EndLabel           // discharge date
	BareLabel          // "Date:" alone
	BirthLabel         // date of birth
	InjuryLabel        // date of injury, accident, onset
	SignedLabel        // signature, dictation, print or report date
	FutureLabel        // follow-up, next visit, last seen: another visit than this
)

// LabelBefore classifies the text in front of the date m on line l: the
// nearest label within the same column, or a label alone on the line above
// (prev, nil when none) when the date starts its line.
func LabelBefore(l *Line, m dates.Match, prev *Line) Label {
	lo := max(0, m.Start-48)
	pre := l.Text[lo:m.Start]
	// Only the text after the previous date on the line counts.
	for _, d := range l.datesOrFind() {
		if d.End <= m.Start && d.End > lo && d.End <= len(l.Text) {
			pre = l.Text[d.End:m.Start]
		}
	}
	if k := labelOf(pre); k != NoLabel {
		return k
	}
	if strings.TrimSpace(pre) == "" && prev != nil && prev.Page == l.Page {
		if k := labelOf(prev.Trim); k != NoLabel && len(prev.Trim) < 50 {
			return k
		}
	}
	if ContainsAny(" "+l.Text[:m.Start], signedWords) {
		return SignedLabel
	}
	if ContainsAny(l.Text[max(0, m.Start-60):m.Start], futureWords) {
		return FutureLabel
	}
	return NoLabel
}

// datesOrFind returns the line's dates, finding them when the line was
// not analysed (a line joined with the next one).
func (l *Line) datesOrFind() []dates.Match {
	if l.Dates != nil || l.analysed {
		return l.Dates
	}
	return FindDates(l.Text)
}

// Label words, matched at the end of the text in front of a date (after
// trailing punctuation is dropped), in lower case.
var (
	svcLabels = []string{"date of service", "dates of service", "service date", "dos", "d.o.s", "visit date",
		"date of visit", "encounter date", "date of encounter", "appointment date", "date of exam",
		"date of examination", "exam date", "examination date", "study date", "date of study",
		"date of procedure", "procedure date", "date of surgery", "surgery date", "date of operation",
		"operation date", "evaluation date", "date of evaluation", "date of consultation", "consultation date",
		"consult date", "treatment date", "date of treatment", "admission date", "admit date",
		"date of admission", "admitted", "admitted on", "arrival date", "date of arrival", "arrival", "arrived",
		"date seen", "exam performed", "date performed", "performed on", "date/time", "encounter", "svc date",
		"service", "date of svc",
		// OCR misreadings of "DOS:"
		"bos", "b0s", "d0s", "do5", "d05"}
	endLabels = []string{"discharge date", "date of discharge", "discharged", "discharged on", "disch date", "disch. date"}
	dobLabels = []string{"dob", "d0b", "d.o.b", "date of birth", "birth date", "birthdate", "born", "born on", "birthday"}
	doiLabels = []string{"doi", "d.o.i", "date of injury", "date of accident", "date of loss", "date of incident",
		"injury date", "accident date", "incident date", "loss date", "injured on", "injured", "accident on",
		"doa", "mva", "mvc", "mva on", "mvc on", "onset", "date of onset", "onset date", "accident", "injury"}
)

// hasLabel reports whether p (lower case, trailing punctuation dropped)
// ends with one of the labels as whole words.
func hasLabel(p string, labels []string) bool {
	for _, lb := range labels {
		if strings.HasSuffix(p, lb) {
			i := len(p) - len(lb)
			if i == 0 || !isLetterByte(p[i-1]) {
				return true
			}
		}
	}
	return false
}

// labelOf classifies the label that ends the text pre.
func labelOf(pre string) Label {
	p := pre
	if len(p) > 48 {
		p = p[len(p)-48:]
	}
	if !HasLetters(p) {
		return NoLabel
	}
	p = strings.ToLower(strings.TrimRightFunc(p, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '.' || r == '/')
	}))
	p = strings.TrimRight(p, ".")
	switch {
	case p == "":
		return NoLabel
	case hasLabel(p, dobLabels):
		return BirthLabel
	case hasLabel(p, endLabels):
		return EndLabel
	case hasLabel(p, doiLabels):
		return InjuryLabel
	case hasLabel(p, svcLabels):
		return ServiceLabel
	case hasLabel(p, []string{"date"}):
		return BareLabel
	case ContainsAny(p, futureWords):
		return FutureLabel
	case ContainsAny(" "+p, signedWords):
		return SignedLabel
	}
	return NoLabel
}

// serviceDateRaw finds the date a line labels as a date of service (or a
// bare "Date:" at the start of a column), for segmentation.
func serviceDateRaw(l *Line) (dates.Date, bool) {
	if l.Noise() || !strings.ContainsAny(l.Text, "0123456789") {
		return dates.Date{}, false
	}
	for _, m := range l.Dates {
		switch LabelBefore(l, m, nil) {
		case ServiceLabel:
			return m.Date, true
		case BareLabel:
			pre := strings.TrimRight(l.Text[:m.Start], " \t")
			if i := strings.LastIndex(pre, "   "); i >= 0 {
				pre = pre[i:]
			}
			if len(strings.TrimSpace(pre)) < 12 {
				return m.Date, true
			}
		}
	}
	return dates.Date{}, false
}
