package layout

import (
	"strings"
	"time"

	"github.com/medchron/medchron/extract/dates"
	"github.com/medchron/medchron/internal/lazyre"
	"github.com/medchron/medchron/internal/rxfilter"
)

// Date labels: what the text just in front of a date says the date is.

// Context words, matched in lower case: a signature or print stamp, and
// a future or past visit other than this one.
var (
	signedWords = NewWordSet("signed", "dictated", "transcribed", "authenticated", " d:", " t:", " dt:", "reviewed by",
		"verified by", "finalized", "signature", "created", "creation", "authored on", "printed", "print date", "report date",
		"faxed", "fax date", "date received", "received on", "run date", "date of request", "requested on")
	futureWords = NewWordSet("follow up", "follow-up", "followup", "f/u", "next appointment", "next visit", "next appt",
		"return on", "return to clinic", "return visit", "return in", "return for", "returning", "rtc", "scheduled",
		"last seen", "previously seen", "prior visit", "last visit", "recheck", "re-check", "until", "through", "expire")
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
	FutureLabel        // follow-up, next visit, last seen, order, referral or due date: another day than the visit
)

// LabelBefore classifies the text in front of the date m on line l: the
// nearest label within the same column, or a label alone on the line above
// (prev, nil when none) when the date starts its line.
func LabelBefore(l *Line, m dates.Match, prev *Line) Label {
	if reAgeAfter.MatchString(l.Text[m.End:]) {
		// "09/08/1969 (53 y/o F)": a date the patient's age follows is the
		// birth date, whatever OCR made of its label ("DOB" read "bos").
		return BirthLabel
	}
	if !l.Planned.IsZero() && l.Planned == m.Date {
		return FutureLabel
	}
	if l.HasService && l.Service == m.Date {
		// The page's layout labelled it: a grid's date under its "DOS"
		// caption, a vitals grid's heads.
		return ServiceLabel
	}
	if k, ok := l.boxLabel(m); ok {
		// A form's box caption over it (markFormBoxes).
		return k
	}
	lo := max(0, m.Start-48)
	if b := dateBoxStart(l.Text[:m.Start]); b >= 0 {
		lo = min(lo, b) // a form's box label, however long
	}
	pre := l.Text[lo:m.Start]
	// Only the text after the previous date on the line counts.
	for _, d := range l.datesOrFind() {
		if d.End <= m.Start && d.End > lo && d.End <= len(l.Text) {
			pre = l.Text[d.End:m.Start]
		}
	}
	pre = dropWeekday(pre)
	if followUpHeading(l.Text[:m.Start], l.Text[m.End:]) || shiftHeader(l.Text[:m.Start], l.Text[m.End:]) {
		return ServiceLabel
	}
	if k := labelOf(pre); k != NoLabel {
		// A service label inside a sentence tells of another event: "the
		// MRI was performed on 05/20/1997".
		if k == ServiceLabel && proseBefore(l.Text[:m.Start]) && !joinedLabel(l.Text[:m.Start]) {
			return NoLabel
		}
		if k == BareLabel && signatureDate(l, l.Text[:m.Start], prev) {
			return SignedLabel
		}
		return k
	}
	if strings.TrimSpace(pre) == "" && prev != nil && prev.Page == l.Page {
		if k := labelOf(prev.Trim); k != NoLabel && len(prev.Trim) < 50 {
			return k
		}
		if k := labelAbove(prev, m); k != NoLabel {
			return k
		}
	}
	if prev != nil && prev.Page == l.Page {
		if k := formCellAbove(prev, l, m); k != NoLabel {
			return k
		}
		if k := columnLabelAbove(prev, l, m); k != NoLabel {
			return k
		}
	}
	if signedWords.In(" " + l.Text[:m.Start]) {
		return SignedLabel
	}
	if near := l.Text[max(0, m.Start-60):m.Start]; futureWords.In(near) || reFollowUpOCR.MatchString(near) {
		return FutureLabel
	}
	if visitHeading(l.Text[:m.Start]) && !otherColumn(l.Text, m) {
		return ServiceLabel
	}
	return NoLabel
}

// weekdays are the names of the days of the week, as systems print them in
// front of a date ("Mon 04/01/2024", "Thursday, 04/04/2024") and as a
// calendar heads its columns with them.
var weekdays = map[string]bool{"mon": true, "monday": true, "tue": true, "tues": true, "tuesday": true, "wed": true,
	"weds": true, "wednesday": true, "thu": true, "thur": true, "thurs": true, "thursday": true, "fri": true,
	"friday": true, "sat": true, "saturday": true, "sun": true, "sunday": true}

// Weekday reports whether s is the name of a day of the week, alone
// ("Thu", "Monday", "Tues.").
func Weekday(s string) bool {
	return weekdays[strings.ToLower(strings.TrimRight(strings.TrimSpace(s), ".,"))]
}

// dropWeekday drops the day of the week that ends pre, the text in front of
// a date: the label before it says what the date is ("DOS   Mon").
func dropWeekday(pre string) string {
	t := strings.TrimRight(pre, " \t,.")
	j := len(t)
	for j > 0 && isLetterByte(t[j-1]) {
		j--
	}
	if j == len(t) || !weekdays[strings.ToLower(t[j:])] || j > 0 && isAlnum(rune(t[j-1])) {
		return pre
	}
	return t[:j]
}

// reAgeAfter is the patient's age printed right after a date: "(53 y/o
// F)", "(46 yo)", "age 53", with OCR's readings of the slash ("yio",
// "ylo").
var reAgeAfter = lazyre.New(`(?i)^[ ,;]*(?:\(\s*\d{1,3}\s*(?:y[/il1|]?o|yrs?|years?(?: old)?)\b|age\s+\d{1,3}\b)`)

// labelAbove classifies the cell of the line above that stands over the
// date m: a form or the sidebar of an EHR's visit summary prints each
// field's label on a line of its own and the value under it, in the same
// column, while the line goes on with another column of text ("Date of
// Service      Review of Systems" over "05/23/2024   Denies fever."). A
// label is short: a cell of a sentence is none. A row of three captions
// or more heads a table, whose rows markServiceColumns reads, and a bare
// "Date" over a date captions a table's column too (a ledger's posting
// date, a vitals grid's rows): neither says what the date is.
func labelAbove(prev *Line, m dates.Match) Label {
	cs := Cells(prev.Text)
	if len(cs) > 2 {
		return NoLabel
	}
	for _, c := range cs {
		if c.Start > m.Start+2 {
			break
		}
		cell := prev.Text[c.Start:c.End]
		if c.Start < m.Start-2 || len(cell) > 30 || len(strings.Fields(cell)) > 5 {
			continue
		}
		if k := labelOf(cell); k != BareLabel {
			return k
		}
		return NoLabel
	}
	return NoLabel
}

// otherColumn reports whether the date m stands in another column than the
// text before it: a wide gap before it, and words after it in its cell
// ("EXAMINATION:" on the left, "09/27/2024 emergency department, St
// Luke's" in a column of prior care on the right). Such a date is an item
// of the other column's list, not the date of the heading beside it; a
// heading's own date printed far to its right stands alone or with its
// time.
func otherColumn(text string, m dates.Match) bool {
	pre := text[:m.Start]
	if gap := len(pre) - len(strings.TrimRight(pre, " \t")); gap < 8 && !strings.HasSuffix(pre, "\t") {
		return false
	}
	after := text[m.End:]
	if i := strings.Index(after, "  "); i >= 0 {
		after = after[:i]
	}
	for _, w := range strings.Fields(after) {
		w = strings.ToLower(strings.Trim(w, ".,;:-–()"))
		if w == "" || w == "am" || w == "pm" || w == "a" || w == "p" || strings.ContainsAny(w[:1], "0123456789") {
			continue
		}
		if HasLetters(w) {
			return true
		}
	}
	return false
}

// reClockAfter is a time of day right after a date: " 5:42 PM", " 13:05".
var reClockAfter = lazyre.New(`^,?\s{1,3}\d{1,2}:\d{2}\b`)

// followUpHeading reports whether a line opens with a follow-up visit's
// own heading: the word alone, without a colon, then the date and the
// time of the visit ("Follow-up 3/7/24 5:42 PM"). A plan's "Follow-up:
// 3/7/24" or "follow up on 3/7/24 at 5:42" is another visit.
func followUpHeading(pre, after string) bool {
	switch strings.ToLower(strings.TrimSpace(pre)) {
	case "follow-up", "follow up", "followup", "follow-up visit", "follow up visit":
		return reClockAfter.MatchString(after)
	}
	return false
}

// visitKindWords end a visit heading: "Office visit 2023-07-10 1:12 PM".
var visitKindWords = map[string]bool{"visit": true, "encounter": true, "appointment": true, "appt": true,
	"consult": true, "consultation": true, "evaluation": true, "eval": true, "exam": true, "examination": true,
	"session": true}

// notThisVisit are words that make a visit heading another visit than the
// record's own, or one that did not happen.
var notThisVisit = map[string]bool{"last": true, "previous": true, "prior": true, "next": true, "missed": true,
	"cancelled": true, "canceled": true, "no-show": true, "rescheduled": true, "scheduled": true, "future": true,
	"upcoming": true, "his": true, "her": true, "their": true, "at": true, "on": true, "since": true, "of": true}

// visitHeading reports whether pre, the text of a line in front of a date,
// is a visit heading of its own: one to four words from the start of the
// line, the first capitalised, the last a kind of visit ("Office visit",
// "Telehealth Encounter", "New patient consult"), none saying it is another
// visit than this one. Clinic systems print one such heading per visit
// when several visits share a page.
func visitHeading(pre string) bool {
	// OCR's quotes, dots and dashes before the heading and a comma after
	// it ("‘Office visit, 11-Dec-2023") are specks of the scan.
	p := strings.TrimSpace(strings.TrimRight(pre, " \t:-–|,."))
	p = strings.TrimSpace(strings.TrimLeft(p, "‘’“”'\"`_.,~-—"))
	if p == "" || len(p) > 40 || p[0] < 'A' || p[0] > 'Z' || strings.Contains(p, "   ") || strings.Contains(p, "\t") {
		return false
	}
	words := strings.Fields(strings.ToLower(p))
	if len(words) > 4 || !visitKindWords[words[len(words)-1]] {
		return false
	}
	for _, w := range words {
		if notThisVisit[w] {
			return false
		}
	}
	return true
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
	svcLabels = []string{"date of service", "dates of service", "service date", "service dates", "service date(s)", "dos", "d.o.s", "visit date",
		"date of visit", "encounter date", "date of encounter", "appointment date", "date of exam",
		"date of examination", "exam date", "examination date", "study date", "date of study",
		// an independent medical examination (IME) is the examiner's visit
		"date of ime", "ime date",
		// a state's first report of a work injury: the examination it reports
		"date of first examination", "date of first exam", "date of first examination or treatment",
		"date of examination or treatment", "date of independent medical examination", "date of independent medical exam",
		"date of procedure", "procedure date", "date of surgery", "surgery date", "date of operation",
		"operation date", "evaluation date", "date of evaluation", "date of consultation", "consultation date",
		// a progress re-examination's own visit
		"date of re-evaluation", "date of reevaluation", "reevaluation date", "date of re-exam", "date of re-examination",
		"date of reexamination", "reexam date",
		"consult date", "treatment date", "date of treatment", "admission date", "admit date",
		"date of admission", "admitted", "admitted on", "arrival date", "date of arrival", "arrival", "arrived",
		"date seen", "you were seen on", "you were seen", "date you were seen", "exam performed", "date performed", "performed on", "date/time", "encounter", "svc date",
		// an EHR printout's footer: "Enc Date 2025-01-16 | Printed ..."
		"enc date", "enc. date", "date of enc",
		// a late entry that prints the day it was written first: "Note
		// written 03/14/2024 for encounter of 03/05/2024"
		"encounter of", "for date of service", "for dos",
		"service", "date of svc",
		// a test given in sessions: each session is a day the patient was there
		"date of testing", "dates of testing", "testing date", "testing dates", "test date", "test dates",
		"session date", "session dates", "date of session", "dates of session", "dates of sessions",
		"dates of visit", "dates of visits", "visit dates", "dates seen",
		// a recording the patient wears for a day or more (an ambulatory
		// EEG, a Holter monitor): the day it was put on is the study's, as
		// an exam's date is a radiology report's, not the day it was read
		"recording start", "recording started", "start of recording", "recording date", "date of recording",
		"recording began", "study start", "study started", "start of study", "hook-up", "hookup", "hook up",
		"hook-up date", "date of hook-up", "hookup date", "date of hookup",
		// an attended sleep study is recorded overnight and read days
		// later: the night the patient slept in the lab is the study's
		"study night", "night of study", "night of the study", "date of study night", "psg date", "date of psg",
		"polysomnogram date", "date of polysomnogram", "polysomnography date", "date of polysomnography",
		// an ECG's tracing: the day and hour the cardiograph acquired it
		// ("Acquired:", "Date/Time acquired:"), the patient on the machine
		"acquired", "acquired on", "date acquired", "time acquired", "acquisition date", "date of acquisition",
		"acquisition time",
		// a form's own day, filled in at the visit: a questionnaire the
		// patient fills in (a disability index, a pain diagram) and its
		// "Today's date:" ("Today:" alone in its cell, see labelOf)
		"today's date", "todays date", "today’s date", "date today", "date completed",
		// a laboratory specimen's collection: the patient was there then
		// ("Collected" and "Drawn" alone only as their own field's label:
		// see specimenLabel)
		"collection date", "date collected", "collected on", "date of collection", "specimen collected",
		"specimen date", "date drawn", "draw date",
		// a medical equipment supplier's or orthotist's ticket: the day the
		// device was fitted and handed over is its date of service
		"delivery date", "date delivered", "date of delivery", "delivered on", "dispense date", "date dispensed",
		"dispensed on", "date of dispensing", "fitting date", "date fitted", "date of fitting",
		// OCR misreadings of "DOS:"
		"bos", "b0s", "d0s", "do5", "d05", "pos"}
	// signedLabels date the record's making, not the visit: "Report Date:",
	// "Date Received", "Resulted". Matched before a bare "Date:" so that
	// "Received Date:" is not taken for one.
	// A single word labels only when it is alone in its cell ("Reported:
	// 01/12/2023"), not at the end of a sentence ("pain reported 3/4").
	signedLabels = []string{"report date", "date reported", "reported on", "received date", "date received",
		"result date", "date resulted", "print date", "printed on", "date verified", "final date", "signed date",
		"date signed"}
	signedCells = []string{"reported", "received", "resulted", "verified", "finalized", "printed", "signed"}
	endLabels   = []string{"discharge date", "date of discharge", "discharged", "discharged on", "disch date", "disch. date"}
	dobLabels   = []string{"dob", "d0b", "d.o.b", "date of birth", "birth date", "birthdate", "born", "born on", "birthday"}
	doiLabels   = []string{"doi", "d.o.i", "date of injury", "date of accident", "date of loss", "date of incident",
		// an insurer's abbreviations of the date of loss
		"dol", "d.o.l", "d/l",
		"injury date", "accident date", "incident date", "loss date", "injured on", "injured", "accident on",
		"doa", "mva", "mvc", "mva on", "mvc on", "onset", "date of onset", "onset date", "accident", "injury"}
)

// otherVisitLabels date the visit that asked for this one, not this one: a
// study's "Order date:", a consultation's "Date referred:".
var otherVisitLabels = []string{"order date", "date ordered", "ordered", "ordered on", "date of order", "referral date",
	"date of referral", "date referred", "referred", "referred on"}

// dueLabels name the day a statement's payment falls due: a date ahead of
// the services it bills ("Due date: 04/16/2025" on a remittance stub).
var dueLabels = []string{"due date", "date due", "payment due", "due by", "due on", "pay by"}

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

// misreadLabel reports whether p ends with one of labels, ten letters or
// more, with one letter OCR read for another ("suigery date" for "surgery
// date") or one letter more inside a word ("enicounter date"). A shorter
// label one letter away is as likely another word.
func misreadLabel(p string, labels []string) bool {
	for _, lb := range labels {
		if len(lb) < 10 || len(p) < len(lb) {
			continue
		}
		if insertedLetter(p, lb) {
			return true
		}
		i := len(p) - len(lb)
		if i > 0 && isLetterByte(p[i-1]) {
			continue
		}
		diff := 0
		for k := range len(lb) {
			if p[i+k] != lb[k] {
				if diff++; diff > 1 || !isLetterByte(p[i+k]) || !isLetterByte(lb[k]) {
					diff = 2
					break
				}
			}
		}
		if diff == 1 {
			return true
		}
	}
	return false
}

// insertedLetter reports whether p ends with lb and one letter OCR put
// into it ("enicounter date" for "encounter date", an n read as "ni").
func insertedLetter(p, lb string) bool {
	i := len(p) - len(lb) - 1
	if i < 0 || i > 0 && isLetterByte(p[i-1]) {
		return false
	}
	q := p[i:]
	for k := 1; k < len(q)-1; k++ {
		if isLetterByte(q[k]) && isLetterByte(q[k-1]) && q[:k]+q[k+1:] == lb {
			return true
		}
	}
	return false
}

// speckQuotes drops a quote OCR read for a speck after a label's word.
var speckQuotes = strings.NewReplacer("’ ", " ", "‘ ", " ", "` ", " ", "' ", " ")

// labelOf classifies the label that ends the text pre.
func labelOf(pre string) Label {
	// The label ends where its text does, however wide the gap a form
	// leaves before its date.
	p := strings.TrimRight(pre, " \t")
	// "Date and hour of examination", "Date & time of service": the day
	// the label names, whatever hour the form adds.
	p = reDateAndHour.ReplaceAllString(p, "date of")
	// "Date of this exam", "Date of the current visit": the day the label
	// names.
	p = reDateOfThis.ReplaceAllString(p, "date of ")
	if len(p) > 48 {
		p = p[len(p)-48:]
	}
	// "Date(s) of evaluation", "Evaluation date(s):": one date or several,
	// the label the same.
	p = strings.ReplaceAll(strings.ReplaceAll(p, "(s)", ""), "(S)", "")
	if !HasLetters(p) {
		return NoLabel
	}
	p = strings.ToLower(strings.TrimRightFunc(p, func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '.' || r == '/')
	}))
	// "D.O.S.", "Date of Service:." (a speck after the colon).
	p = strings.TrimRightFunc(strings.TrimRight(p, "."), func(r rune) bool { return !isAlnum(r) })
	// "Date. of IME": a speck OCR put after a word of the label.
	p = strings.ReplaceAll(p, ". ", " ")
	// "Date’ collected": a quote OCR read for a speck after a word.
	p = speckQuotes.Replace(p)
	// "Date/Time: from September 9, 2014 ... to ...": the span's start.
	if strings.HasSuffix(p, " from") {
		p = strings.TrimRight(strings.TrimSuffix(p, " from"), " :-")
	}
	switch {
	case p == "":
		return NoLabel
	case hasLabel(p, dobLabels):
		return BirthLabel
	case hasLabel(p, endLabels):
		return EndLabel
	case hasLabel(p, doiLabels):
		return InjuryLabel
	case hasLabel(p, svcLabels) || cellLabel(p, "visit") || cellLabel(p, "today") || specimenLabel(p):
		if plannedLabel(p) {
			return FutureLabel
		}
		return ServiceLabel
	case hasLabel(p, otherVisitLabels) || hasLabel(p, dueLabels):
		return FutureLabel
	case misreadLabel(p, svcLabels):
		if plannedLabel(p) {
			return FutureLabel
		}
		return ServiceLabel
	case hasLabel(p, signedLabels) || anyCell(p, signedCells):
		return SignedLabel
	case hasLabel(p, []string{"date"}):
		return BareLabel
	case futureWords.In(p):
		return FutureLabel
	case signedWords.In(" " + p):
		return SignedLabel
	}
	return NoLabel
}

// specimenLabel reports whether p ends with "collected" or "drawn" as a
// label of its own: alone in its cell, or after another field's value
// ("Acc# 2231 Collected:"). After a word of running text ("Pre-op labs
// drawn 12/09/2023: CBC, BMP ...") it tells of a test a note reviews,
// not of the visit.
func specimenLabel(p string) bool {
	for _, w := range []string{"collected", "drawn"} {
		if !hasLabel(p, []string{w}) {
			continue
		}
		if cellLabel(p, w) {
			return true
		}
		f := strings.Fields(p[:len(p)-len(w)])
		last := f[len(f)-1]
		return strings.ContainsAny(last, "0123456789:#)")
	}
	return false
}

// plannedWords qualify a date of service as one yet to come: "Planned
// DOS:", "Proposed surgery date:", "Anticipated date of procedure:".
var plannedWords = map[string]bool{"planned": true, "proposed": true, "anticipated": true, "expected": true,
	"tentative": true, "upcoming": true, "projected": true, "intended": true, "scheduled": true, "requested": true}

// plannedLabel reports whether a service label p (lower case, its own
// cell: the text after the last colon or wide gap) is qualified by a word
// that puts the date ahead of the record: the day of an operation a
// pre-operative clearance is asked for, not the clearance's own visit.
func plannedLabel(p string) bool {
	if i := strings.LastIndexAny(p, ":;"); i >= 0 {
		p = p[i+1:]
	}
	if i := strings.LastIndex(p, "   "); i >= 0 {
		p = p[i:]
	}
	w := strings.Fields(p)
	for _, x := range w[max(0, len(w)-5):] {
		if plannedWords[x] {
			return true
		}
	}
	return false
}

// reFollowUpOCR is "follow-up" as OCR misreads its l's and o's
// ("Fotlow-up", "Fol1ow up", "F0llow-up"): the plan's next visit still.
var reFollowUpOCR = lazyre.New(`(?i)\bf[o0][lt1i|!]{2}[o0]w[\s-]?up\b`)

// reDateOfThis is a label's "date of this", "date of the current".
var reDateOfThis = lazyre.New(`(?i)\bdate\s+of\s+(?:this|the|current|present|today'?s)\s+(?:(?:current|present)\s+)?`)

// reDateAndHour is a label's "date and hour of", "date & time of".
var reDateAndHour = rxfilter.MustCompile(`(?i)\bdate\s+(?:and|&)\s+(?:hour|time)\s+of\b`)

// cellLabel reports whether the last cell of p (lower case, trailing
// punctuation dropped) is the word w alone: "Visit: 06-13-2023" labels a
// date of service, "at his last visit 06-13-2023" does not.
func cellLabel(p, w string) bool {
	if !strings.HasSuffix(p, w) {
		return false
	}
	rest := p[:len(p)-len(w)]
	// Specks OCR puts before a heading ("” Visit 12/20/2023") are no words.
	return strings.TrimFunc(rest, func(r rune) bool { return !isAlnum(r) }) == "" || strings.HasSuffix(rest, "   ") || strings.HasSuffix(rest, "\t")
}

func isAlnum(r rune) bool {
	return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9'
}

// anyCell reports whether the last cell of p is one of the words alone.
func anyCell(p string, words []string) bool {
	for _, w := range words {
		if cellLabel(p, w) {
			return true
		}
	}
	return false
}

// serviceDateRaw finds the date a line labels as a date of service (or a
// bare "Date:" at the start of a column), for segmentation; the label may
// stand over the date on prev, the line above (nil when none).
func serviceDateRaw(l, prev *Line) (dates.Date, bool) {
	if l.Noise() || !strings.ContainsAny(l.Text, "0123456789") {
		return dates.Date{}, false
	}
	for _, m := range l.Dates {
		switch LabelBefore(l, m, prev) {
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

// Today returns the date the package took as today when it was loaded.
func Today() dates.Date { return today }

// reLostSlash is a date cell after a label that lost one slash to OCR:
// "1211/2023" (12/11/2023), "12/112023".
var reLostSlash = lazyre.New(`(?:^|[\s:])(\d{3,4}/\d{2,4}|\d{1,2}/\d{5,6})(?:\s|$|[.,;])`)

var serviceHints = NewWordSet("date", "dos", "visit", "service")

// lostSlashDate reads the date of service of a line whose date cell lost a
// slash ("Date of Service: 1211/2023"), when only one reading is a date.
func lostSlashDate(l *Line) (dates.Match, bool) {
	if len(l.Dates) > 0 || !serviceHints.In(l.Text) {
		return dates.Match{}, false
	}
	m := reLostSlash.FindStringSubmatchIndex(l.Text)
	if m == nil || labelOf(l.Text[:m[2]]) != ServiceLabel {
		return dates.Match{}, false
	}
	cell := l.Text[m[2]:m[3]]
	var found []dates.Date
	for i := 1; i < len(cell); i++ {
		if cell[i] == '/' || cell[i-1] == '/' {
			continue
		}
		c := cell[:i] + "/" + cell[i:]
		if strings.Count(c, "/") != 2 {
			continue
		}
		parts := strings.Split(c, "/")
		if len(parts[0]) > 2 || len(parts[1]) > 2 || len(parts[2]) != 2 && len(parts[2]) != 4 {
			continue
		}
		if d, ok := dates.Parse(c); ok && !d.After(today) {
			found = append(found, d)
		}
	}
	if len(found) != 1 {
		return dates.Match{}, false
	}
	return dates.Match{Date: found[0], Start: m[2], End: m[3], Raw: cell}, true
}

// proseBefore reports whether the column that ends at the end of s reads
// as a sentence: more than six words, most of them in lower case.
func proseBefore(s string) bool {
	if i := strings.LastIndex(s, "   "); i >= 0 {
		s = s[i:]
	}
	if reDateBox.MatchString(s) {
		// A form's box whose label opens with "Date" ("15. Date and hour
		// of first examination or treatment"): a label, however long.
		return false
	}
	words := strings.Fields(s)
	if len(words) <= 6 {
		return false
	}
	lower := 0
	for _, w := range words {
		if w[0] >= 'a' && w[0] <= 'z' {
			lower++
		}
	}
	return 2*lower > len(words)
}

// joinedLabel reports whether s, the text before a date, ends with a
// form's label OCR joined to the cell before it, the gap between them
// lost: one to three words that open with a capital after a word in lower
// case, then a colon ("... anterior cervical discectomy and Surgery date:").
// A sentence tells its event without a capital and a colon.
func joinedLabel(s string) bool {
	s = strings.TrimRight(s, " \t")
	if !strings.HasSuffix(s, ":") {
		return false
	}
	w := strings.Fields(strings.TrimSuffix(s, ":"))
	for n := 1; n <= 3 && n < len(w); n++ {
		first, before := w[len(w)-n], w[len(w)-n-1]
		if first[0] >= 'A' && first[0] <= 'Z' && before[0] >= 'a' && before[0] <= 'z' {
			return labelOf(strings.Join(w[len(w)-n:], " ")+":") != NoLabel
		}
	}
	return false
}

// reDateBox opens a form's box labelled by the date it holds: "Date of
// ...", after the box's number ("15.", "10a)", "(3)", OCR's "15,").
var reDateBox = lazyre.New(`^\s*(?:\(?\d{1,2}[a-z]?[.),]\s*)?Date\b`)

// dateBoxStart returns where the label of a form's date box starts in s,
// the text in front of its date: the cell before the date (or the gap
// before it) opens with the box's number and "Date". -1 when it does not.
func dateBoxStart(s string) int {
	t := strings.TrimRight(s, " \t")
	start := 0
	if i := strings.LastIndex(t, "   "); i >= 0 {
		start = i + 3
	}
	if !reDateBox.MatchString(t[start:]) {
		return -1
	}
	return start
}

// reSignatureRule is the line a form prints to sign on: underscores.
var reSignatureRule = lazyre.New(`^\s*_{5,}[_\s]*$`)

// reSignatureLabel opens a line with the label of a signature: "Doctor's
// signature:", "Signature of physician:", "Signed:", a witness's
// ("Witness: Mary Yates, RN   Date: ..."), and the reader's
// attestation a study's report ends with ("Interpreted by:", "Read by:"):
// the day it was read, not the day of the study.
var reSignatureLabel = lazyre.New(`(?i)^[\w'’. ]{0,30}\b(?:signature|signed|witness(?:ed by)?|interpreted by|read by|dictated by)\b[\w'’. ]{0,20}:`)

// reSignatureBox is a form's signature box printed on a line of its own,
// its label and the rule to sign on (or nothing, where OCR lost the rule):
// "16. PHYSICIAN SIGNATURE ______", "Signature of therapist", maybe after
// a speck OCR set before its number ("“16. PHYSICIAN SIGNATURE"). The bare
// "DATE" box under it dates the signature.
var reSignatureBox = lazyre.New(`(?i)^\s*["'\x60.,~“”‘’]*(?:\d{1,2}[a-z]?[.,]?\s+)?[a-z'’. ]{0,30}\bsignature\b[a-z'’.() ]{0,40}[:\s]*[_|\s]*$`)

// reSignatureBoxLabel opens a line with a numbered form box that holds a
// signature ("13. SIGNATURE (professional establishing POC) Jane Roe, PT
// Date ..."): the date the box prints after the signer's name dates the
// signature.
var reSignatureBoxLabel = lazyre.New(`(?i)^\s*["'\x60.,~“”‘’]*\d{1,2}[a-z]?[.,]\s+[a-z'’. ]{0,30}\bsignature\b`)

// signatureDate reports whether a bare "Date:" label on line l, with
// before the text in front of it, dates a signature: it sits on the rule
// a form prints to sign on, or on the line under it, after the signer's
// name ("Hiroshi Albright, MD   Date: 11.05.2024" under "______"); or,
// where OCR lost the rule, it follows a clinician's name and credential
// alone, at the foot of the page. A form signed the day after the visit
// is still that visit's record.
func signatureDate(l *Line, before string, prev *Line) bool {
	i := strings.LastIndex(strings.ToLower(before), "date")
	if i < 0 {
		return false
	}
	signer := strings.TrimSpace(before[:i])
	if strings.Contains(signer, "___") || reSignatureLabel.MatchString(signer) {
		return true // on the rule, or on the line its signature's label opens
	}
	if strings.Contains(signer, ":") {
		return false
	}
	if prev != nil && (reSignatureRule.MatchString(prev.Text) || reSignatureBox.MatchString(prev.Text)) {
		return true
	}
	if reSignatureBoxLabel.MatchString(signer) {
		return true // in a form's signature box, after the signer's name
	}
	foot := l.Bottom*3 < l.Top
	return foot && HasCredential(signer) && len(strings.Fields(signer)) <= 5 && !strings.ContainsAny(signer, "0123456789")
}

// reLabelValue is a label ending in a colon and the first word after it.
var reLabelValue = lazyre.New(`:[ \t]{0,3}(\S+)`)

// reNumberLabel ends the label of a number, no date: "Encounter #",
// "Visit No.", "Encounter ID".
var reNumberLabel = lazyre.New(`(?i)(?:#|\b(?:no\.?|num(?:ber)?|id|nbr|acct|csn|fin))\s*$`)

// reClockValue is a time, no date: "10:30", "9:05AM".
var reClockValue = lazyre.New(`^\d{1,2}:\d{2}`)

// UnreadServiceDate reports whether the line l labels a date of service
// whose value OCR destroyed: a service label and a colon, then a word of
// two digits or more that reads as no date ("Visit Date: L714"), or a
// service label alone in its first cell over a first cell on next (the
// line below, nil when none) that holds two digits or more and reads as no
// date ("Date of Service" over "li-Dec- 2024").
func UnreadServiceDate(l, next *Line) bool {
	if l.Noise() {
		return false
	}
	if next != nil && !next.Noise() {
		lab, at := firstCell(l.Text)
		val, vat := firstCell(next.Text)
		if at-vat <= 3 && vat-at <= 3 && !strings.ContainsAny(lab, "0123456789") && labelCell(lab) &&
			labelOf(lab) == ServiceLabel && !reNumberLabel.MatchString(strings.TrimRight(lab, ": ")) &&
			(unreadValue(val) || lostValue(val) || wipedToLetters(lab, val)) {
			return true
		}
	}
	if !strings.ContainsAny(l.Text, "0123456789") {
		return false
	}
	for _, m := range reLabelValue.FindAllStringSubmatchIndex(l.Text, -1) {
		if labelOf(l.Text[:m[0]]) != ServiceLabel || reNumberLabel.MatchString(l.Text[:m[0]]) {
			continue // "Encounter #: 249211628" numbers the visit
		}
		if !unreadValue(l.Text[m[2]:m[3]]) {
			continue
		}
		read := false
		for _, d := range l.datesOrFind() {
			read = read || d.Start < m[3]+12 && d.End > m[2]
		}
		if _, ok := lostSlashDate(l); ok || read {
			continue
		}
		return true
	}
	return false
}

// reCodeEncounter ends an ICD-10 code's description: the 7th character's
// "initial encounter", "subsequent encounter" (a diagnosis's text, no
// label of a visit's date).
var reCodeEncounter = lazyre.New(`(?i)\b(?:initial|subsequent)\s+encounter\s*$`)

// labelCell reports whether the cell may be a label on its own: a few words
// ("Date of first examination or treatment" is among the longest forms
// print), no clause of a sentence after a comma, no code's description.
func labelCell(cell string) bool {
	return len(strings.Fields(cell)) <= 8 && !strings.Contains(cell, ", ") && !reCodeEncounter.MatchString(cell)
}

// firstCell returns the first cell of a line's text (up to a gap of three
// spaces), trimmed, and the column it starts at.
func firstCell(text string) (string, int) {
	at := len(text) - len(strings.TrimLeft(text, " \t"))
	cell := text[at:]
	if i := strings.Index(cell, "   "); i >= 0 {
		cell = cell[:i]
	}
	return strings.TrimSpace(cell), at
}

// unreadValue reports whether the value of a date label holds two digits
// or more and reads as neither a date nor a time: a date OCR destroyed.
func unreadValue(val string) bool {
	digits := 0
	for i := 0; i < len(val); i++ {
		if val[i] >= '0' && val[i] <= '9' {
			digits++
		}
	}
	return digits >= 2 && !reClockValue.MatchString(val) && !HasDate(val)
}

// reWordOf4 is a word of four letters or more.
var reWordOf4 = lazyre.New(`[A-Za-z]{4,}`)

// lostValue reports whether the cell under a label of date is what is
// left of a value OCR wiped to specks ("ee", "~ -"): short, no date, no
// label and no word.
func lostValue(val string) bool {
	return val != "" && len(val) <= 12 && !HasDate(val) && !strings.Contains(val, ":") &&
		labelOf(val) == NoLabel && !reWordOf4.MatchString(val)
}

// wipedToLetters reports whether the cell under a label that names a date
// ("Visit Date", "Date of Service", lab) is what OCR left of the value
// as a fragment of small letters alone ("outa"): a sidebar's next label
// ("Provider") is capitalised, and a label that names no date
// ("Encounter") may stand over a word of its own.
func wipedToLetters(lab, val string) bool {
	return reLowerFragment.MatchString(val) && reDateWord.MatchString(lab) && labelOf(val) == NoLabel
}

var (
	// reLowerFragment is one word of small letters alone.
	reLowerFragment = lazyre.New(`^[a-z]{4,8}$`)
	// reDateWord names a date in a label.
	reDateWord = lazyre.New(`(?i)\b(?:date|dos)\b`)
)

// ServiceLabelOverCaption reports whether the date m, which opens its line
// l, is the value of a label of service alone on the line two above
// (above), past one line between (skipped) that holds no date and no
// label: a sidebar's label over its value, where OCR set the other
// column's section heading between them ("Visit Date" / "Review of
// Systems" / "05-Feb-2024   Positive for ...").
func ServiceLabelOverCaption(l *Line, m dates.Match, skipped, above *Line) bool {
	if above == nil || skipped == nil || above.Page != l.Page || skipped.Page != l.Page || above.Noise() {
		return false
	}
	if m.Start > len(l.Text) || strings.TrimSpace(l.Text[:m.Start]) != "" || len(skipped.datesOrFind()) > 0 || len(above.datesOrFind()) > 0 {
		return false
	}
	if sk, _ := firstCell(skipped.Text); labelOf(sk) != NoLabel || strings.HasSuffix(sk, ":") {
		return false
	}
	lab, at := firstCell(above.Text)
	if lab != strings.TrimSpace(above.Text) || at-m.Start > 3 || m.Start-at > 3 {
		return false
	}
	return len(lab) < 40 && labelCell(lab) && !strings.ContainsAny(lab, "0123456789") && labelOf(lab) == ServiceLabel &&
		!reNumberLabel.MatchString(strings.TrimRight(lab, ": "))
}
