package rules

import (
	"cmp"
	"slices"
	"strings"

	"github.com/medchron/medchron/extract/dates"
	"github.com/medchron/medchron/extract/layout"
	"github.com/medchron/medchron/internal/lazyre"
)

// note is one visit's record (or one bill) cut out of a document.
type note struct {
	lines []line
	secs  []section // the section each line belongs to
	rest  []int     // offset in the line text where a heading's own text begins
	body  int       // index of the first body line, after the header block
	title string
	// caption is the first line of its head printed as a caption: short,
	// in capitals, neither letterhead nor header (see captionOf); the
	// title when it is one, else a kind of record no title names
	// ("PHYSICIAN'S STATEMENT").
	caption string
	bill    bool
	first   bool   // the first note of its run of pages
	class   string // the class of the page the note begins on

	head     string // the first lines joined, built once by headText
	headEnds []int  // where each of those lines ends in head

	// births are the dates the document labels a date of birth
	// (birthDates): never the note's date of service.
	births []dates.Date
}

// segmenter walks a document's lines and cuts it into notes.
type segmenter struct {
	ls     []line
	starts []int
	// state of the current note
	title   string
	titles  []string // every title it printed, the first being title
	caption string   // its first caption (captionOf)
	page    int      // the page it begins on
	prov    string
	dos     dates.Date
	body    int // body lines seen since the note began
}

// segment cuts the lines of a document into notes. A note begins at a new
// title, a new letterhead, or a new date-of-service label once the current
// note has body text; the header lines just above the trigger (letterhead,
// address, patient line) move with it.
func segment(ls []line, d *layout.Doc) []*note {
	if len(ls) == 0 {
		return nil
	}
	s := &segmenter{ls: ls, starts: []int{0}, page: ls[0].page}
	for i := range ls {
		s.step(i)
	}
	notes := make([]*note, 0, len(s.starts))
	for k, a := range s.starts {
		b := len(ls)
		if k+1 < len(s.starts) {
			b = s.starts[k+1]
		}
		notes = append(notes, newNote(ls[a:b]))
	}
	return notes
}

func (s *segmenter) step(i int) {
	l := s.ls[i]
	if l.noise {
		return
	}
	title := titleOf(l)
	lh := ""
	if title == "" {
		lh = letterhead(l)
	}
	d, hasDOS := serviceDate(l)
	caption := ""
	if title == "" && lh == "" && !hasDOS {
		caption = captionOf(l)
	}
	trigger := false
	switch {
	case title != "":
		// Two lines or fewer under no title (a report's heading and its
		// patient line) are the header of the record this title opens.
		// A title the note printed already, repeated atop its further
		// page, goes on with it, whichever title the note printed first
		// (a letterhead's line read as one above the record's own).
		// A title under a dated note on its page whose section prints no
		// date of service of its own is another part of the same visit's
		// record (a portal's "ED Visit Summary", then its "ED Provider
		// Note", signed the next day): no record of its own.
		if s.body > 0 && (s.title != "" || s.body > 2) && (!s.printed(title) || s.newDateAhead(i)) && !s.undatedSection(i) {
			trigger = true
		}
	case hasDOS:
		// A bill's row dated under its "DOS" caption is a row of the bill,
		// whatever day it bills (an anesthesia statement's second case
		// under a header of its own), and so is the heading of a visit's
		// block of rows ("DOS: 06/07/23 - 06/07/23  Rendering: ...").
		trigger = s.body > 0 && !s.dos.IsZero() && d != s.dos && !((isBillLine(l) || isVisitBlock(l)) && s.underBillHead(i))
	case lh != "":
		if s.body > 0 && (!layout.SameProvider(lh, s.prov) || s.nextVisitPage(i)) && s.looksLikeHeader(i) {
			trigger = true
		}
	case caption != "":
		// A caption at the head of a further page that is not the note's
		// own ("PHYSICIAN'S STATEMENT" after an operative report) begins
		// another record, though no title names its kind.
		// So does one the note never printed when it has no heading of
		// its own (its heading stood beside its letterhead).
		if h := cmp.Or(s.caption, s.title); h != "" {
			trigger = !sameTitle(caption, h)
		} else {
			trigger = !printsText(s.ls[s.starts[len(s.starts)-1]:i], caption)
		}
		trigger = trigger && s.body > 0 && l.page != s.page && l.top <= 8
	}
	if trigger {
		a := s.backtrack(i)
		s.starts = append(s.starts, a)
		s.title, s.titles, s.caption, s.page, s.prov, s.dos, s.body = "", nil, "", s.ls[a].page, "", dates.Date{}, 0
		for j := a; j < i; j++ {
			s.absorb(j)
		}
	}
	s.absorb(i)
}

// underBillHead reports whether the current note printed, above line i, a
// bill's column header that captions charges: the dated rows under it are
// its rows, no other record.
func (s *segmenter) underBillHead(i int) bool {
	for _, l := range s.ls[s.starts[len(s.starts)-1]:i] {
		if !l.noise && !moneyShaped(l.text) && !hasDate(l.text) && hasCharge(billHeader(l.text)) {
			return true
		}
	}
	return false
}

// isVisitBlock reports whether l heads a bill's block of one visit's rows
// (visitBlockDay).
func isVisitBlock(l line) bool {
	_, ok := visitBlockDay(l)
	return ok
}

// absorb updates the current note's state with line i.
func (s *segmenter) absorb(i int) {
	l := s.ls[i]
	if l.noise {
		return
	}
	if s.caption == "" && s.body == 0 {
		s.caption = captionOf(l)
	}
	if t := titleOf(l); t != "" {
		if s.title == "" {
			s.title = t
		}
		s.titles = append(s.titles, t)
		// A title that prints the visit's date ("Consultation 1/29/24
		// 1:44 PM") dates the note too.
		if d, ok := serviceDate(l); ok && s.dos.IsZero() {
			s.dos = d
		}
		return
	}
	if lh := letterhead(l); lh != "" && s.body == 0 {
		if s.prov == "" {
			s.prov = lh
		}
		return
	}
	if d, ok := serviceDate(l); ok {
		if s.dos.IsZero() {
			s.dos = d
		}
		return
	}
	if !headerish(l) && !(l.top <= 3 && logoLine(l)) {
		s.body++
	}
}

// printed reports whether the current note printed title already.
func (s *segmenter) printed(title string) bool {
	return slices.ContainsFunc(s.titles, func(t string) bool { return strings.EqualFold(t, title) })
}

// newDateAhead reports whether a repeated title at line i prints, or is
// followed closely by, a date of service different from the current
// note's: "DAILY NOTE - Visit 12    Date: Sep 20, 2023" under the day's
// earlier note of the same title.
func (s *segmenter) newDateAhead(i int) bool {
	for j := i; j < len(s.ls) && j <= i+10; j++ {
		if d, ok := serviceDate(s.ls[j]); ok {
			return d != s.dos
		}
	}
	return false
}

// undatedSection reports whether the title at line i opens a section of
// the page the current note is dated on that prints no date of service
// down to the page's end or the next title.
func (s *segmenter) undatedSection(i int) bool {
	if s.dos.IsZero() || s.ls[i].page != s.page {
		return false
	}
	if _, ok := serviceDate(s.ls[i]); ok {
		return false
	}
	for j := i + 1; j < len(s.ls) && s.ls[j].page == s.ls[i].page; j++ {
		if _, ok := serviceDate(s.ls[j]); ok {
			return false
		}
		if !s.ls[j].noise && titleOf(s.ls[j]) != "" {
			break
		}
	}
	return true
}

// nextVisitPage reports whether the letterhead at line i heads a page
// whose date of service differs from the current note's: a practice
// prints its letterhead over each visit's record, and the same letterhead
// over another visit's date is the next visit's record, not a further page
// of this one (a page of this one prints its date again or none). So is
// the same letterhead over a date of service after a record that printed
// none (a progress report dated by its report and signature dates only).
func (s *segmenter) nextVisitPage(i int) bool {
	if s.ls[i].top > 2 {
		return false
	}
	for j := i + 1; j < len(s.ls) && s.ls[j].page == s.ls[i].page; j++ {
		if d, ok := serviceDate(s.ls[j]); ok {
			return d != s.dos
		}
	}
	return false
}

// looksLikeHeader reports whether a letterhead line at i starts a header
// block: at the top of a page, or followed by an address, phone, title or
// date-of-service line.
func (s *segmenter) looksLikeHeader(i int) bool {
	if s.ls[i].top <= 2 {
		return true
	}
	for j := i + 1; j < len(s.ls) && j <= i+4 && s.ls[j].page == s.ls[i].page; j++ {
		l := s.ls[j]
		if layout.LooksPhone(l.trim) || layout.LooksAddress(l.trim) || titleOf(l) != "" {
			return true
		}
		if _, ok := serviceDate(l); ok {
			return true
		}
	}
	return false
}

// backtrack returns where the note triggered at line i begins: i, or the
// first of the header lines just above it on the same page.
func (s *segmenter) backtrack(i int) int {
	floor := s.starts[len(s.starts)-1] + 1
	a := i
	for j := i - 1; j >= floor && j >= i-7; j-- {
		l := s.ls[j]
		if l.page != s.ls[i].page || !headerish(l) && !(l.top <= 3 && logoLine(l)) && !(l.top == 0 && pageHead(l)) ||
			layout.HasCredential(l.trim) && !l.noise && letterhead(l) == "" {
			break
		}
		a = j
	}
	// A record that begins on a new page takes the whole top of that page
	// above its heading when nothing there is prose: fax banners that
	// overlap and break into fragments ("VALLEY4/14/25", "8:29 AM;",
	// "2025-04-07") belong to the record they sit on, not to the last
	// record of the page before.
	top := a
	for top > floor && s.ls[top-1].page == s.ls[i].page {
		top--
	}
	if top < a && i-top <= 16 && top > 0 && s.ls[top-1].page != s.ls[i].page {
		for j := top; j < a; j++ {
			if l := s.ls[j]; !l.noise && !debris(l) && !headerish(l) && !pageHead(l) && !addressLine(l) && !overAddress(l, s.ls[j+1]) {
				return a
			}
		}
		return top
	}
	return a
}

// overAddress reports whether line l, a few words and no label, stands
// right over next, a line that prints an address or a phone:
// the practice's name, which OCR may have broken ("Lakeside Bone |   &
// Joint Spec.").
func overAddress(l, next line) bool {
	return next.page == l.page && addressLine(next) && len(strings.Fields(l.trim)) <= 8 && !strings.Contains(l.trim, ":")
}

// addressLine reports whether a line prints an address or a phone number.
func addressLine(l line) bool {
	t := strings.Trim(l.trim, " -_.~'`:") // OCR's specks around it
	return layout.LooksAddress(t) || layout.LooksPhone(t)
}

// debris reports whether a line is a fragment, not prose: at most four
// words, none of them a section heading.
func debris(l line) bool {
	if l.noise {
		return true
	}
	if h, _ := headingOf(l); h != secNone {
		return false
	}
	return len(strings.Fields(l.trim)) <= 4
}

// pageHead reports whether l, the first line of its page, reads as the
// page's heading rather than prose going on from the page before: no
// section heading, no date, no full stop at its end, and most of its
// words capitalised ("Northgate Pain Mgmt      PROCEDURE SUMMARY").
func pageHead(l line) bool {
	if h, _ := headingOf(l); h != secNone || hasDate(l.text) || strings.HasSuffix(l.trim, ".") {
		return false
	}
	words := strings.Fields(l.trim)
	lower := 0
	for _, w := range words {
		if w[0] >= 'a' && w[0] <= 'z' {
			lower++
		}
	}
	return len(words) > 0 && 2*lower < len(words)
}

// heading is what a note prints as its heading: its title, else its
// caption.
func (n *note) heading() string { return cmp.Or(n.title, n.caption) }

// sessionNotHeld reports whether a note is the dated stub a practice
// writes, among its session notes, for a session the patient cancelled
// or missed: a date line and, under it, a line that opens with a status
// of an appointment not kept ("LATE CANCELLATION - session not held",
// "No show - client did not come"), three lines of its own at most. A
// note that records a visit and mentions a missed one is longer.
func (n *note) sessionNotHeld() bool {
	var own []line
	for _, l := range n.lines {
		if !l.noise && l.trim != "" {
			own = append(own, l)
		}
	}
	if len(own) < 2 || len(own) > 3 || len(lineDates(own[0])) == 0 {
		return false
	}
	for _, l := range own[1:] {
		if kept, ok := layout.NoteStatus(l.trim); ok && !kept {
			return true
		}
	}
	return false
}

// captionOf returns the text of a line printed as a record's caption, or
// "": one cell of two to six words in capitals, without a digit or a
// colon, that is no letterhead, header, stamp or section heading. A line
// that closes a parenthesis it did not open ("MA, CCC-SLP)") is the end
// of the line above, wrapped: a clinician's credentials, no caption.
func captionOf(l line) string {
	if l.noise || headerish(l) || letterhead(l) != "" || strings.ContainsAny(l.trim, "0123456789:") {
		return ""
	}
	if strings.Count(l.trim, ")") > strings.Count(l.trim, "(") {
		return ""
	}
	if h, _ := headingOf(l); h != secNone {
		return ""
	}
	if cs := layout.Cells(l.text); len(cs) != 1 {
		return ""
	}
	words := strings.Fields(l.trim)
	if len(words) < 2 || len(words) > 6 || strings.ToUpper(l.trim) != l.trim || strings.ToLower(l.trim) == l.trim {
		return ""
	}
	return l.trim
}

// newNote builds a note and works out its sections and header block.
func newNote(ls []line) *note {
	n := &note{lines: ls, secs: make([]section, len(ls)), rest: make([]int, len(ls)), body: len(ls)}
	sec := secNone
	// Fragments at the top of the first page (broken fax banners) come
	// before the header block: the title is looked for below them.
	lead := 0
	for lead < len(ls) && lead < 16 && ls[lead].page == ls[0].page && ls[lead].top == lead && debris(ls[lead]) {
		lead++
	}
	if lead == len(ls) {
		lead = 0
	}
	// The title is looked for among the first lines of print: fax lines
	// (a staircase of two overprinted banners) take no place of one.
	noise := 0
	for i, l := range ls {
		if l.noise && i < lead+8+noise {
			noise++
		}
		if h, off := headingOf(l); h != secNone {
			sec = h
			n.rest[i] = off
			if n.body == len(ls) {
				n.body = i
			}
		} else if n.body == len(ls) && i >= max(1, lead) && !headerish(l) && !l.noise && !(l.top == 0 && pageHead(l)) {
			n.body = i
		}
		n.secs[i] = sec
		if n.title == "" && i < lead+8+noise {
			n.title = titleOf(l)
		}
		if n.caption == "" && i < lead+8+noise {
			n.caption = captionOf(l)
		}
	}
	n.bill = layout.IsBillTitle(n.title) || countBillLines(ls) >= 2
	return n
}

// standsAlone reports whether a note without a date of service is a record
// of its own rather than a fragment of one: it prints a title, or it is a
// letter, or it opens its run of pages with two section headings or more;
// and it has a few lines of body. It returns the line to cite: the title,
// or the first line of the note.
func (n *note) standsAlone() (int, bool) {
	headings, body, titled, letter := 0, 0, -1, false
	for i, l := range n.lines {
		if l.noise {
			continue
		}
		if titleOf(l) != "" && titled < 0 {
			titled = i
		}
		if h, _ := headingOf(l); h != secNone && h != secOther {
			headings++
		}
		if i >= n.body && !headerish(l) {
			body++
		}
		if i < 12 && reSalutation.MatchString(l.trim) {
			letter = true
		}
	}
	if titled < 0 && n.first && docHeading(n.lines) {
		titled = firstText(n.lines)
	}
	if titled < 0 && n.caption != "" && headings >= 2 {
		// A caption over a note's own sections: a record of a kind no
		// title names ("PHYSICIAN'S STATEMENT").
		titled = slices.IndexFunc(n.lines, func(l line) bool { return captionOf(l) == n.caption })
	}
	if body < 3 || titled < 0 && !letter && !(n.first && headings >= 2) {
		return 0, false
	}
	if titled >= 0 {
		return titled, true
	}
	for i, l := range n.lines {
		if !l.noise {
			return i, true
		}
	}
	return 0, false
}

// docWords end a document's heading: "Qualified Medical Evaluation
// Report", "Hip Fracture - Rehab Consult".
var docWords = map[string]bool{"report": true, "evaluation": true, "note": true, "summary": true, "examination": true,
	"exam": true, "consultation": true, "consult": true, "review": true, "letter": true, "record": true, "assessment": true}

// docHeading reports whether the first line of text of a run of pages is
// a document's heading: a short line in title case or capitals, no date,
// whose last word names a kind of document.
func docHeading(ls []line) bool {
	i := firstText(ls)
	if i < 0 {
		return false
	}
	t := ls[i].trim
	words := strings.Fields(t)
	if len(words) < 2 || len(words) > 8 || hasDate(t) || strings.ContainsAny(t, ":.;,") {
		return false
	}
	for _, w := range words {
		if len(w) > 3 && (w[0] < 'A' || w[0] > 'Z') {
			return false
		}
	}
	return docWords[strings.ToLower(words[len(words)-1])]
}

// firstText returns the index of the first line that is no boilerplate,
// or -1.
func firstText(ls []line) int {
	for i, l := range ls {
		if !l.noise {
			return i
		}
	}
	return -1
}

// reSalutation opens a letter.
var reSalutation = lazyre.New(`^(?i:dear|to whom it may concern)\b`)

// bodyLines counts the note's lines of body: below its header block, no
// header line, no boilerplate.
func (n *note) bodyLines() int {
	body := 0
	for i, l := range n.lines {
		if i >= n.body && !l.noise && !headerish(l) {
			body++
		}
	}
	return body
}
