package rules

import (
	"regexp"
	"strings"
	"time"

	"github.com/medchron/medchron/extract/dates"
)

// Date labels, matched in the text just before a date.
var (
	reHistCtx   = regexp.MustCompile(`(?i)\b(was (?:\w+ )?seen|seen on|seen at|seen by|evaluated|examined|treated at|presented to|went to|visited|dated|since|prior|previous|underwent|had an?|performed at|history|report of|record of|note of)\b`)
	reInjuryCtx = regexp.MustCompile(`(?i)\b(injur(?:ed|y)|accident|mva|mvc|collision|fell|fall|crash|incident|rear-ended)\b`)
	reTimeAfter = regexp.MustCompile(`^[ ,@T]{0,3}\d{1,2}:\d{2}`)
)

// Context words, matched in lower case: a signature or print stamp, and
// a future or past visit other than this one.
var (
	signedWords = []string{"signed", "dictated", "transcribed", "authenticated", " d:", " t:", " dt:", "reviewed by",
		"verified by", "finalized", "signature", "created on", "authored on", "printed", "report date"}
	futureWords = []string{"follow up", "follow-up", "followup", "f/u", "next appointment", "next visit", "next appt",
		"return on", "return to clinic", "return visit", "return in", "return for", "returning", "rtc", "scheduled",
		"last seen", "previously seen", "prior visit", "last visit", "recheck", "re-check", "until", "through", "expire"}
)

// containsAny reports whether the lower-cased s holds one of the words.
func containsAny(s string, words []string) bool {
	low := strings.ToLower(s)
	for _, w := range words {
		if strings.Contains(low, w) {
			return true
		}
	}
	return false
}

// findDates returns the dates in s that a record could mean as a date of
// service (not in the future).
func findDates(s string) []dates.Match {
	ms := dates.FindAll(s)
	out := ms[:0]
	limit := dates.Of(time.Now()).AddDays(1)
	for _, m := range ms {
		if !m.Date.After(limit) {
			out = append(out, m)
		}
	}
	return out
}

// labelKind is what the label in front of a date says it is.
type labelKind int

const (
	lblNone labelKind = iota
	lblService
	lblEnd
	lblBare
	lblDOB
	lblInjury
	lblSigned
	lblFuture
)

// labelBefore classifies the text in front of the date m on line l: the
// nearest label within the same column, or a label alone on the line above
// when the date starts its line.
func labelBefore(l line, m dates.Match, prev *line) labelKind {
	lo := max(0, m.Start-48)
	pre := l.text[lo:m.Start]
	// Only the text after the previous date on the line counts.
	for _, d := range lineDates(l) {
		if d.End <= m.Start && d.End > lo && d.End <= len(l.text) {
			pre = l.text[d.End:m.Start]
		}
	}
	// A gap of spaces followed by more text separates columns: keep the
	// last column and the label that may stand before the gap.
	if k := kindOf(pre); k != lblNone {
		return k
	}
	if strings.TrimSpace(pre) == "" && prev != nil && prev.page == l.page {
		if k := kindOf(prev.trim); k != lblNone && len(prev.trim) < 50 {
			return k
		}
	}
	if containsAny(" "+l.text[:m.Start], signedWords) {
		return lblSigned
	}
	if containsAny(l.text[max(0, m.Start-60):m.Start], futureWords) {
		return lblFuture
	}
	return lblNone
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

func isLetterByte(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// kindOf classifies the label that ends the text pre.
func kindOf(pre string) labelKind {
	p := pre
	if len(p) > 48 {
		p = p[len(p)-48:]
	}
	if !hasLetters(p) {
		return lblNone
	}
	p = strings.ToLower(strings.TrimRightFunc(p, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '.' || r == '/')
	}))
	p = strings.TrimRight(p, ".")
	switch {
	case p == "":
		return lblNone
	case hasLabel(p, dobLabels):
		return lblDOB
	case hasLabel(p, endLabels):
		return lblEnd
	case hasLabel(p, doiLabels):
		return lblInjury
	case hasLabel(p, svcLabels):
		return lblService
	case hasLabel(p, []string{"date"}):
		return lblBare
	case containsAny(p, futureWords):
		return lblFuture
	case containsAny(" "+p, signedWords):
		return lblSigned
	}
	return lblNone
}

// serviceDateRaw finds the date a line labels as a date of service (or a
// bare "Date:" at the start of a column), for segmentation.
func serviceDateRaw(l line) (dates.Date, bool) {
	if l.noise || !strings.ContainsAny(l.text, "0123456789") {
		return dates.Date{}, false
	}
	for _, m := range lineDates(l) {
		switch labelBefore(l, m, nil) {
		case lblService:
			return m.Date, true
		case lblBare:
			pre := strings.TrimRight(l.text[:m.Start], " \t")
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

// candidate is one date in a note that may be its date of service.
type candidate struct {
	date  dates.Date
	score int
	li    int  // index of the line in the note
	l     line // the line, joined with the next when the date is split
	m     dates.Match
	label labelKind
}

// chooseDate scores every date of the note and returns the date of service,
// the discharge date when one is labelled, and the citation line and match.
func (n *note) chooseDate() (best candidate, end dates.Date, ok bool) {
	var dobs []dates.Date
	var cands []candidate
	for i, l := range n.lines {
		if l.noise || !strings.ContainsAny(l.text, "0123456789") && !strings.Contains(l.text, "O") {
			continue
		}
		var prev *line
		if i > 0 {
			prev = &n.lines[i-1]
		}
		width := len(l.text)
		ds := lineDates(l)
		if i+1 < len(n.lines) {
			if j, ok := joinSplitDate(l, &n.lines[i+1]); ok {
				l = j
				ds = findDates(l.text)
			}
		}
		for _, m := range ds {
			if m.Start >= width {
				continue // wholly on the next line, which scores it itself
			}
			k := labelBefore(l, m, prev)
			switch k {
			case lblDOB:
				dobs = append(dobs, m.Date)
				continue
			case lblEnd:
				if end.IsZero() {
					end = m.Date
				}
				continue
			}
			cands = append(cands, candidate{date: m.Date, score: n.score(i, l, m, k), li: i, l: l, m: m, label: k})
		}
	}
	for _, c := range cands {
		dup := false
		for _, d := range dobs {
			dup = dup || d == c.date && c.label != lblService
		}
		if dup || c.score <= 0 {
			continue
		}
		if !ok || c.score > best.score {
			best, ok = c, true
		}
	}
	if ok && end.IsZero() {
		end = rangeEnd(best)
	}
	if ok && !end.IsZero() && !end.After(best.date) {
		end = dates.Date{}
	}
	return best, end, ok
}

// rangeEnd returns the end of a printed service range ("03/14/2024 -
// 03/16/2024", "from ... to ...") that starts at the chosen date.
func rangeEnd(c candidate) dates.Date {
	rest := c.l.text[c.m.End:]
	gap := strings.TrimLeft(rest, " \t")
	for _, sep := range []string{"-", "–", "to ", "through ", "thru "} {
		if strings.HasPrefix(strings.ToLower(gap), sep) {
			after := strings.TrimLeft(gap[len(sep):], " \t")
			ms := findDates(after)
			if len(ms) > 0 && ms[0].Start == 0 {
				return ms[0].Date
			}
		}
	}
	return dates.Date{}
}

// score rates one date: labels first, then position and context.
func (n *note) score(i int, l line, m dates.Match, k labelKind) int {
	s := 0
	switch k {
	case lblService:
		s = 100
	case lblBare:
		s = 45
	case lblInjury:
		s = -400
	case lblFuture:
		s = -300
	case lblSigned:
		s = 4
	}
	header := i < n.body
	sec := n.secs[i]
	if header {
		s += 15
		if k == lblBare {
			s += 20
		}
	}
	if l.trim == m.Raw || strings.Trim(l.trim, "#*() ") == m.Raw {
		s += 30 // a date alone on its line
	}
	if titleOf(l) != "" {
		s += 40
	}
	if reTimeAfter.MatchString(l.text[m.End:]) && header {
		s += 5
	}
	if sec.isHistory() {
		s -= 120
		if sec == secReview {
			s -= 100
		}
	}
	if k == lblNone || k == lblBare && !header {
		pre := l.text[max(0, m.Start-60):m.Start]
		if reHistCtx.MatchString(pre) {
			s -= 25
		}
		if reInjuryCtx.MatchString(l.text) {
			s -= 60
		}
		if strings.HasSuffix(strings.TrimSpace(strings.ToLower(pre)), "on") || strings.HasSuffix(strings.TrimSpace(strings.ToLower(pre)), "in") {
			s -= 10
		}
	}
	if k == lblService && reInjuryCtx.MatchString(l.text[max(0, m.Start-30):m.Start]) {
		s -= 50
	}
	// Earlier dates in a note are more often the visit's own.
	s += max(0, 6-i/4)
	return s
}
