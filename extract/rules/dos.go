package rules

import (
	"slices"
	"strings"

	"github.com/medchron/medchron/extract"
	"github.com/medchron/medchron/extract/dates"
	"github.com/medchron/medchron/extract/layout"
	"github.com/medchron/medchron/internal/lazyre"
)

// Date labels, matched in the text just before a date.
var (
	reHistCtx = lazyre.New(`(?i)\b(was (?:\w+ )?seen|seen on|seen at|seen by|evaluated|examined|treated at|presented to|went to|visited|dated|since|prior|previous|underwent|had an?|performed at|history|report of|record of|note of|began|begun|started|occurred|happened)\b`)
	// reResultAfter follows the date of a study whose result the note
	// reports: a prior study, history.
	reResultAfter = lazyre.New(`(?i)\b(showed|shows|revealed|demonstrated|was (?:normal|negative|unremarkable)|were (?:normal|negative))\b`)
	reInjuryCtx   = lazyre.New(`(?i)\b(injur(?:ed|y)|accident|mva|mvc|collision|fell|fall|crash|incident|rear-ended)\b`)
	reTimeAfter   = lazyre.New(`^[ ,@T]{0,3}\d{1,2}:\d{2}`)
	// reVisitProse ends the text before a date that a letter or narrative
	// note gives as its own visit: "I saw her in my office on", "initially
	// visited our office on", "was evaluated in our clinic on".
	reVisitProse = lazyre.New(`(?i)(?:\b(?:i|we)\s+(?:saw|examined|evaluated|met|treated|had the pleasure of (?:seeing|evaluating|meeting))\b[^.;]{0,60}|\b(?:visited|presented to|came to|came in to|seen in|evaluated in|examined in|treated in|seen at|evaluated at)\s+(?:my|our)\s+(?:office|clinic|practice|department|facility|center)\b[^.;]{0,30}|\b(?:in|at|to)\s+(?:my|our)\s+(?:office|clinic)\s+(?:on|dated))\s*(?:on\s*)?$`)
)

// containsAny reports whether the lower-cased s holds one of the words.
func containsAny(s string, words []string) bool { return layout.ContainsAny(s, words) }

// findDates returns the dates in s that are not in the future.
func findDates(s string) []dates.Match { return layout.FindDates(s) }

// hasDate reports whether s holds a date.
func hasDate(s string) bool { return layout.HasDate(s) }

func isLetterByte(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// labelKind is what the label in front of a date says it is.
type labelKind = layout.Label

// Label kinds, as layout names them.
const (
	lblNone    = layout.NoLabel
	lblService = layout.ServiceLabel
	lblEnd     = layout.EndLabel
	lblBare    = layout.BareLabel
	lblDOB     = layout.BirthLabel
	lblInjury  = layout.InjuryLabel
	lblSigned  = layout.SignedLabel
	lblFuture  = layout.FutureLabel
)

// labelBefore classifies the label in front of the date m on line l (which
// may be joined with the next line), with prev the line above.
func labelBefore(l line, m dates.Match, prev *line) labelKind {
	var ll layout.Line
	if l.lo != nil {
		ll = *l.lo
	}
	ll.Page, ll.Text, ll.Trim = l.page, l.text, l.trim
	var pl *layout.Line
	if prev != nil {
		pl = prev.lo
	}
	return layout.LabelBefore(&ll, m, pl)
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
	var endAt candidate // the labelled discharge date, with its line
	// A label of the date of service whose value OCR destroyed ("Visit
	// Date: L714"): the note's signature, print or fax date is no date of
	// service, and only other evidence that states the visit (a further
	// label of service, prose that gives the visit) dates it.
	unread := n.unreadService() >= 0
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
			if k == lblNone && i >= 2 && l.lo != nil && layout.ServiceLabelOverCaption(l.lo, m, n.lines[i-1].lo, n.lines[i-2].lo) {
				k = lblService
			}
			if k == lblNone && dischargedAfter(n.textAfter(i, l, m)) {
				k = lblEnd
			}
			switch k {
			case lblDOB:
				dobs = append(dobs, m.Date)
				continue
			case lblEnd:
				if end.IsZero() {
					end = m.Date
					endAt = candidate{date: m.Date, li: i, l: l, m: m, label: k}
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
		// A birth date the document prints, well labelled, elsewhere is no
		// visit whatever label OCR set before it here.
		dup = dup || slices.Contains(n.births, c.date)
		if dup || c.score <= 0 {
			continue
		}
		if unread && c.label != lblService && !n.proseVisit(c.li, c.l, c.m, c.label) {
			continue
		}
		if !ok || c.score > best.score {
			best, ok = c, true
		}
	}
	if !ok && !end.IsZero() && n.dischargeRecord() && !n.secs[endAt.li].IsHistory() {
		// A discharge summary that prints no admission date is dated by
		// its discharge.
		return endAt, dates.Date{}, true
	}
	if ok && end.IsZero() {
		end = rangeEnd(best)
	}
	if ok && !end.IsZero() && !end.After(best.date) {
		end = dates.Date{}
	}
	return n.courseEnd(best, end, ok)
}

// unreadService returns the index of the note's first line that labels
// a date of service whose value OCR destroyed (layout.UnreadServiceDate),
// or -1.
func (n *note) unreadService() int {
	for i, l := range n.lines {
		if l.lo == nil || l.noise {
			continue
		}
		var next *layout.Line
		if i+1 < len(n.lines) && n.lines[i+1].page == l.page {
			next = n.lines[i+1].lo
		}
		if layout.UnreadServiceDate(l.lo, next) {
			return i
		}
	}
	return -1
}

// rangeEnd returns the end of a printed service range ("03/14/2024 -
// 03/16/2024", "from ... to ...") that starts at the chosen date.
func rangeEnd(c candidate) dates.Date {
	rest := c.l.text[c.m.End:]
	// A time and zone may follow the start: "September 9, 2014, 7:04PM -0500 to ...".
	if m := reTimeZone.FindStringIndex(rest); m != nil {
		rest = rest[m[1]:]
	}
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

// reListJoin joins the dates of a list: "and", "&", a comma or semicolon
// (with an "and" after it or not).
var reListJoin = lazyre.New(`^\s*(?:,\s*(?:and\s+)?|;\s*|&\s*|and\s+)$`)

// listedDates returns the further dates a labelled date of service lists
// after the chosen one on its line ("Dates of testing: 01/08/2024 and
// 01/10/2024", "Dates of service: 3/1/24, 3/8/24 & 3/15/24"): a record of
// several sessions, each a day the patient was seen. A range ("3/1/24 -
// 3/5/24") is one stay, no list; a date the list does not join (after
// another label) is no session.
func listedDates(c candidate) []dates.Match {
	if c.label != lblService {
		return nil
	}
	var out []dates.Match
	at := c.m.End
	for _, m := range lineDates(c.l) {
		if m.Start < at {
			continue
		}
		if !reListJoin.MatchString(c.l.text[at:m.Start]) || m.Date == c.date {
			break
		}
		out = append(out, m)
		at = m.End
	}
	return out
}

var reTimeZone = lazyre.New(`^[,\s]*\d{1,2}:\d{2}(?:\s*[AaPp][Mm])?(?:\s*[-+]\d{4})?`)

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
		if n.ambulanceRun() {
			s = 60 // the run's "Incident Date" is the day the crew came
		}
	case lblFuture:
		s = -300
	case lblSigned:
		s = 4
	}
	header := i < n.body
	sec := n.secs[i]
	// "I saw Ms. Doe in follow-up on 3/4/24": the letter's own visit,
	// though "follow-up on" labels a day to come in a note's plan.
	prose := n.proseVisit(i, l, m, k)
	if prose {
		s = 90
	}
	if header {
		s += 15
		if k == lblBare {
			s += 20
		}
	}
	if l.trim == m.Raw || strings.Trim(l.trim, "#*()=_~ ") == m.Raw {
		s += 30 // a date alone on its line
	}
	if titleOf(l) != "" {
		s += 40
	}
	if reTimeAfter.MatchString(l.text[m.End:]) && header {
		s += 5
	}
	if sec.IsHistory() && !prose {
		s -= 120
		if sec == secReview {
			s -= 100
		}
	}
	if k == lblNone || k == lblBare && !header {
		pre := l.text[max(0, m.Start-60):m.Start]
		if reHistCtx.MatchString(pre) && !prose {
			s -= 25
		}
		// A labelled date is the injury's only when the words stand
		// right before its label ("Incident #: 2023-48 Unit: 23 Date:
		// 12/06/2023" is an ambulance run's date).
		ctx := l.text
		if k == lblBare {
			ctx = l.text[max(0, m.Start-30):m.Start]
		}
		if reInjuryCtx.MatchString(ctx) {
			s -= 60
		}
		if !prose && (strings.HasSuffix(strings.TrimSpace(strings.ToLower(pre)), "on") || strings.HasSuffix(strings.TrimSpace(strings.ToLower(pre)), "in")) {
			s -= 10
		}
	}
	if k == lblService && reInjuryCtx.MatchString(l.text[max(0, m.Start-30):m.Start]) {
		s -= 50
	}
	if k == lblService && reAdmissionLabel.MatchString(l.text[max(0, m.Start-24):m.Start]) {
		// The admission date on a hospital banner dates the stay: a
		// daily note or consult under it that prints its own date of
		// service is that day's (an H&P prints the admission alone).
		s -= 20
	}
	if k != lblService {
		after := l.text[m.End:min(len(l.text), m.End+90)]
		if i+1 < len(n.lines) && n.lines[i+1].page == l.page && len(after) < 90 {
			after += " " + n.lines[i+1].trim[:min(len(n.lines[i+1].trim), 90-len(after))]
		}
		if reResultAfter.MatchString(after) {
			s -= 60
		}
	}
	if k == lblNone && !sec.IsHistory() && studyCaption(l.text, m) {
		s += 20
	}
	// Earlier dates in a note are more often the visit's own.
	s += max(0, 6-i/4)
	return s
}

// proseVisit reports whether the prose in front of the date m, of label
// kind k, gives it as the visit of this record: "I saw Ms. Doe in
// follow-up on 3/4/24", though "follow-up on" labels a day to come in a
// note's plan.
func (n *note) proseVisit(i int, l line, m dates.Match, k labelKind) bool {
	return (k == lblNone || k == lblFuture && !reComing.MatchString(l.text[max(0, m.Start-60):m.Start])) && n.visitProse(i, l, m)
}

// reAdmissionLabel ends the label of an admission date: "Admit Date:",
// "Date of Admission:", "Admitted:", "Adm Dt:".
var reAdmissionLabel = lazyre.New(`(?i)\b(?:admit(?:ted)?|admission|adm)\b[^0-9\n]{0,12}$`)

// reStudyCaption is a study named right before a parenthesis that holds
// its date: "CT Abdomen with contrast (".
var reStudyCaption = lazyre.New(`(?i)\b(?:mri|mra|ct|cat scan|x-?rays?|radiographs?|ultrasound|films?|emg|ekg|ecg)\b[^.;:()]{0,40}\(\s*$`)

// studyCaption reports whether the date m captions the result of a study
// the note itself reports, "CT Abdomen with contrast ( 11/29/03 ): There
// is a mass": in the note's own imaging data, not its history, the study
// was done in this work-up, so its date dates a note that prints no other.
func studyCaption(text string, m dates.Match) bool {
	after := strings.TrimLeft(text[m.End:], " ")
	return strings.HasPrefix(after, ")") && strings.HasPrefix(strings.TrimLeft(after[1:], " "), ":") &&
		reStudyCaption.MatchString(text[max(0, m.Start-60):m.Start])
}

// visitProse reports whether the prose in front of the date m on line i
// (and at the end of the line above, when the date opens its line) gives
// it as the visit of this record.
func (n *note) visitProse(i int, l line, m dates.Match) bool {
	pre := l.text[max(0, m.Start-110):m.Start]
	if strings.TrimSpace(pre) == "" && i > 0 && n.lines[i-1].page == l.page {
		pre = n.lines[i-1].trim + " "
	} else if m.Start < 40 && i > 0 && n.lines[i-1].page == l.page {
		pre = n.lines[i-1].trim + " " + strings.TrimSpace(pre)
	}
	low := strings.ToLower(pre)
	if !strings.Contains(low, "our ") && !strings.Contains(low, "my ") && !strings.Contains(low, "i ") && !strings.Contains(low, "we ") {
		return false
	}
	return visitProseText(pre)
}

// visitProseText reports whether the text pre ends with the words that
// give the date after it as the visit of this record.
func visitProseText(pre string) bool {
	// A scan's speck between two words ("I saw.Ms. Doe") ends no
	// sentence: a sentence's stop is followed by a space.
	pre = reGluedPoint.ReplaceAllString(pre, "$1 $2")
	// "Mr. Doe": a title's point ends no sentence.
	return reVisitProse.MatchString(reTitlePoint.ReplaceAllString(pre, "$1"))
}

// reGluedPoint is a point OCR set between two words without a space.
var reGluedPoint = lazyre.New(`\b([A-Za-z]{2,})\.([A-Z][a-z])`)

// reComing marks the text before a date as the plan of a visit to come.
var reComing = lazyre.New(`(?i)\b(?:will|shall|return|returns|next|schedul\w*|plan\w*|again|to be|should|recheck)\b`)

// reTitlePoint is a personal title with its point ("Mr.", "Dr.").
var reTitlePoint = lazyre.New(`\b(Mr|Mrs|Ms|Miss|Dr|Prof)\.`)

// reSessionLine opens a line that gives one session of a test given over
// days its own date: "Session 2: September 19, 2023, 8:30 AM", "Day 2 -
// 01/10/2024".
var reSessionLine = lazyre.New(`(?i)^\s*(?:session|day)\s*#?\s*\d{1,2}\s*[:.\-–]\s*`)

// reDatesLabel is a label that names several dates: "Date(s) of
// evaluation", "Dates of testing".
var reDatesLabel = lazyre.New(`(?i)\bdates\b|\(s\)`)

// sessionDay is a further day of a test given in sessions, and its line.
type sessionDay struct {
	l line
	m dates.Match
}

// sessionDays returns the further days of an evaluation given over
// sessions (a functional capacity or neuropsychological evaluation) that
// its lines list one a line ("Session 2: September 19, 2023"), when its
// label of service names several dates ("Date(s) of evaluation") or its
// list goes on after the chosen date ("... 2023 and Septem..."), where a
// second column or a scan damaged the label's own list. A session's day
// is within two weeks after the chosen date and is not one of listed,
// the sessions the label's list gave.
func (n *note) sessionDays(best candidate, listed []extract.Encounter) []sessionDay {
	if best.label != lblService {
		return nil
	}
	after := strings.TrimLeft(best.l.text[best.m.End:], " ,")
	if !reDatesLabel.MatchString(best.l.text[:best.m.Start]) && !strings.HasPrefix(strings.ToLower(after), "and ") && !strings.HasPrefix(after, "&") {
		return nil
	}
	seen := map[dates.Date]bool{best.date: true}
	for _, e := range listed {
		seen[e.Date] = true
	}
	var out []sessionDay
	for _, l := range n.lines {
		loc := reSessionLine.FindStringIndex(l.text)
		if l.noise || loc == nil {
			continue
		}
		ds := lineDates(l)
		if len(ds) == 0 || ds[0].Start != loc[1] {
			continue
		}
		d := ds[0].Date
		if seen[d] || !d.After(best.date) || d.After(best.date.AddDays(14)) {
			continue
		}
		seen[d] = true
		out = append(out, sessionDay{l: l, m: ds[0]})
	}
	return out
}
