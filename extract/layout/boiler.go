package layout

import (
	"strings"

	"github.com/medchron/medchron/internal/lazyre"
	"github.com/medchron/medchron/internal/rxfilter"
)

// Boilerplate: what systems print on every page around the record itself.
//
// Three signals, each cheap. A line is a fax transmission line or a print
// stamp by its own words (isNoise). A line is a Bates stamp by its shape:
// a prefix and a zero-padded number alone at the top or bottom of a page.
// A line is a running header or footer when the same line, with its
// digits masked (page numbers, print times), stands in the top or bottom
// two lines of two or more pages. Lines that carry a record's own
// structure (a title, a letterhead, a section heading, a labelled date of
// service) are never boilerplate however often they repeat: a letterhead
// printed on every page is still the letterhead.

var (
	reFaxLine = rxfilter.MustCompile(`(?i)(\bfax\b.*\b(from|to|page|received|sent)\b|\b(received|sent|printed|print date|printed on|run date|faxed)\b[^a-z]{0,4}[:]?.{0,40}\d{1,2}:\d{2}|^\s*page\s+\d+\s+(of|/)\s+\d+\s*$|\bpage\s+\d+\s+of\s+\d+\b.{0,30}$|^\s*(from|to)\s*:.*\b(fax|\(\d{3}\))|\bp\.\s*\d+/\d+[\s\W_]*$|\b(?:pg|pq|pag|paq)\.?\s*[\dil|]+\s*/\s*[\dil|]+[\s\W_]*$|^\s*printed\b|^\s*confidential\b|\d{1,2}:\d{2}\s*(?:[ap]m)?\s*from\s*:)`)
	// reFaxTSID is a banner that prints the sender's station ID, the date
	// and time, a job number and the page count: "ACME IMAGING 5/30/24
	// 12:43 #4004 Pg 3/7"; OCR may read the g of "Pg" as a q, and a
	// page number's 1 as an i or an l ("Pg i/1").
	reFaxTSID  = rxfilter.MustCompile(`(?i)\d{1,2}:\d{2}.*\b(?:pg|pq|pag|paq|p)\.?\s*[\dil|]+\s*/\s*[\dil|]+[\s\W_]*$`)
	reFaxWords = rxfilter.MustCompile(`(?i)\bfax\b|\bfrom\s*:|\bto\s*:|\bp\.\s*\d+/\d+|\bpag(?:e|\.)\s*\d+\s*/\s*\d+`)
	// reBates is a production number: a short prefix and a zero-padded
	// number ("ABC000123", "SMITH 000045", "MR-0012"), alone on its line.
	reBates = lazyre.New(`^[A-Z][A-Z0-9&]{0,11}(?:[ _-][A-Z0-9]{1,8})?[ _-]?0\d{3,8}$`)
)

// noiseHints are words one of which every fax banner or footer holds.
var noiseHints = NewWordSet("fax", "page", "received", "sent", "print", "run date", "p.", "from", "to:", "confidential", "pg", "pq", "pag")

// isNoise reports whether a line is a fax banner, print stamp or page
// footer by its own words, and which.
func isNoise(t string) Boiler {
	if !strings.ContainsAny(t, "0123456789") {
		if hasFoldAt(t, 0, "printed") || hasFoldAt(t, 0, "confidential") {
			return PrintStamp
		}
		return BoilerNone
	}
	if bareTSID(t) {
		return FaxLine
	}
	if !noiseHints.In(t) || !reFaxLine.MatchString(t) {
		return BoilerNone
	}
	if reFaxWords.MatchString(t) && (indexFold(t, "fax") >= 0 || indexFold(t, "from") >= 0) || reFaxTSID.MatchString(t) {
		return FaxLine
	}
	return PrintStamp
}

// markStamps marks a page's fax lines and print stamps by their own
// words, and the run of fragments at the top of a page that two fax
// banners printed over each other leave ("Received:", "12:39;From:",
// "Page2 4ofof7 6"); then it numbers the page's other lines from the top.
func markStamps(d *Doc, p *Page) {
	lines := d.Lines[p.First:p.End]
	for i := range lines {
		lines[i].Boiler = isNoise(lines[i].Trim)
		if lines[i].Boiler == PrintStamp && labelsService(&lines[i]) {
			// "Date Collected 1/10/23 10:05   Date Received 1/11/23
			// 00:01": a laboratory's fields, not a stamp.
			lines[i].Boiler = BoilerNone
		}
	}
	// A browser prints the date and time it printed the page at its top
	// left: "3/16/25, 3:35 PM      Portal - Visit Summary".
	if len(lines) > 0 && lines[0].Boiler == BoilerNone && reBrowserStamp.MatchString(lines[0].Text) {
		lines[0].Boiler = PrintStamp
	}
	// Fragments of a banner: short lines at the top with fax words or
	// stamp digits, up to the first line that reads otherwise.
	// A stamp already known, or a scrap of digits with a word or two
	// ("10/16/2023 Ortho", "of 13  P.006/009"), goes on with the run.
	var run []int
	hits := 0
	for i := range lines {
		t := lines[i].Trim
		if len(t) > 40 {
			break
		}
		if lines[i].Boiler == BoilerNone {
			if reFaxFragment.MatchString(t) {
				hits++
			} else if HasLetters(t) && !bannerScrap(t) && !((hits > 0 || len(run) == 1) && stairStep(lines, run, i)) {
				break
			}
		}
		run = append(run, i)
	}
	if hits >= 2 {
		for _, i := range run {
			lines[i].Boiler = FaxLine
		}
	}
	// Two banners printed over each other and read by OCR leave a line of
	// debris at the very top.
	for i := range lines {
		if lines[i].Boiler != BoilerNone {
			continue
		}
		if garbled(lines[i].Trim) {
			lines[i].Boiler = FaxLine
		}
		break
	}
	top := 0
	for i := range lines {
		lines[i].Top = top
		if lines[i].Boiler == BoilerNone {
			top++
		}
	}
}

// stairStep reports whether line i goes on a staircase of banner
// fragments: a text layer that holds two banners printed over each other
// sets their words a few at a time on lines that each start right of the
// one above ("PM FROM:", "St. Harborview", "Luke's Regional"). A step
// holds three words at most and starts right of the run's last two lines,
// or right of its only line: the staircase may open with one scrap of the
// first banner's date and time ("6/10/24 2:59") and go on with a word of
// the sender's name that no fax word marks.
func stairStep(lines []Line, run []int, i int) bool {
	if len(run) == 0 || len(strings.Fields(lines[i].Trim)) > 3 {
		return false
	}
	b, c := indent(lines[run[len(run)-1]].Text), indent(lines[i].Text)
	if len(run) == 1 {
		return b > 0 && b < c && reClock.MatchString(lines[run[0]].Trim)
	}
	a := indent(lines[run[len(run)-2]].Text)
	return a < b && b < c
}

// indent is the width of the white space that opens s.
func indent(s string) int { return len(s) - len(strings.TrimLeft(s, " \t")) }

// bannerScrap reports whether t could be a piece of a fax banner torn by
// another printed over it: short, with digits, and at most two words.
func bannerScrap(t string) bool {
	if len(t) > 24 || !strings.ContainsAny(t, "0123456789") {
		return false
	}
	words := 0
	for _, w := range strings.Fields(t) {
		if HasLetters(w) {
			words++
		}
	}
	return words <= 2
}

// reClock is a time of day.
var reClock = lazyre.New(`\b\d{1,2}:\d{2}\b`)

// reBrowserStamp opens a browser's print header: a short date, a comma, a
// time of day.
var reBrowserStamp = lazyre.New(`^\s*\d{1,2}/\d{1,2}/\d{2,4},\s+\d{1,2}:\d{2}\s?[AaPp][Mm]\b`)

// labelsService reports whether a line labels one of its dates as a date
// of service.
func labelsService(l *Line) bool {
	for _, m := range FindDates(l.Text) {
		if LabelBefore(l, m, nil) == ServiceLabel {
			return true
		}
	}
	return false
}

// garbled reports whether a line is OCR debris: five tokens or more, at
// least two with digits, and a third or more that no printed word
// looks like (letters and digits mixed, capitals inside lower case,
// punctuation inside a word).
func garbled(t string) bool {
	toks := strings.Fields(t)
	if len(toks) < 5 {
		return false
	}
	junk, digits := 0, 0
	for _, w := range toks {
		hasD, hasL, inner, caps := false, false, false, 0
		for i := 0; i < len(w); i++ {
			c := w[i]
			switch {
			case isDigitByte(c):
				hasD = true
			case isLetterByte(c):
				hasL = true
				if c >= 'A' && c <= 'Z' && i > 0 && w[i-1] >= 'a' && w[i-1] <= 'z' {
					caps++
				}
			case i > 0 && i < len(w)-1 && c != '\'' && c != '-' && c != '/' && c != '.' && c != ',' && c != ':' && c != '&':
				inner = true
			}
		}
		if hasD {
			digits++
		}
		if hasD && hasL || inner || caps > 0 || len(w) > 3 && w[0] >= 'A' && w[0] <= 'Z' && w[1] >= 'A' && w[1] <= 'Z' && w[2] >= 'a' && w[2] <= 'z' {
			junk++
		}
	}
	return digits >= 2 && 3*junk >= len(toks)
}

// reFaxFragment is a piece of a fax banner.
var reFaxFragment = lazyre.New(`(?i)^[\W\d]*(?:received|from|to|page|pg|fax|sent)\b|(?:received|from|page|pg)\s*:|\d{1,2}:\d{2}\s*;|\(\d{3}\)\s*\d{3}-\d{4}\s*;|ofof`)

// maskKey is a line reduced for comparing across pages: digits become
// '#', runs of white space one space, letters lower case.
func maskKey(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			if b.Len() == 0 || !strings.HasSuffix(b.String(), "#") {
				b.WriteByte('#')
			}
			space = false
			continue
		case c == ' ' || c == '\t':
			if !space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = true
			continue
		case c >= 'A' && c <= 'Z':
			c += 'a' - 'A'
		}
		b.WriteByte(c)
		space = false
	}
	return strings.TrimSpace(b.String())
}

// zone is how many non-empty lines at the top and bottom of a page a
// running header or footer may stand in.
const zone = 2

// markRepeated marks running headers, footers and Bates stamps. A line
// counts when it is in the top or bottom zone of its page, not counting
// fax lines and stamps already marked.
func markRepeated(d *Doc) {
	type seen struct {
		pages int
		last  int // the last page counted
	}
	counts := map[string]*seen{}
	keys := make([]string, len(d.Lines))
	count := func(i int, zoneMark byte) {
		l := &d.Lines[i]
		if l.Boiler == BoilerNone && reBates.MatchString(l.Trim) {
			l.Boiler = BatesStamp
			return
		}
		if !repeatable(l, zoneMark == 'b') {
			return
		}
		k := maskKey(l.Trim)
		if len(k) < 6 {
			return
		}
		k = string(zoneMark) + k
		keys[i] = k
		s := counts[k]
		if s == nil {
			s = &seen{last: -1}
			counts[k] = s
		}
		if s.last != l.Page {
			s.pages++
			s.last = l.Page
		}
	}
	for pi := range d.Pages {
		top, bottom := edgeLines(d, &d.Pages[pi])
		for _, i := range top {
			count(i, 't')
		}
		for _, i := range bottom {
			count(i, 'b')
		}
	}
	// An EHR's page header names the practice beside the patient's
	// identifiers: it is one on a single page too.
	for pi := range d.Pages {
		p := &d.Pages[pi]
		for i := p.First; i < p.End; i++ {
			l := &d.Lines[i]
			if l.Boiler != BoilerNone {
				continue
			}
			if keys[i] != "" && repeatable(l, false) && headerShaped(l.Trim, d.Patient) {
				l.Boiler, l.Header = RunningHeader, true
			}
			break
		}
	}
	for i, k := range keys {
		if k == "" || counts[k].pages < 2 {
			continue
		}
		l := &d.Lines[i]
		if l.Boiler != BoilerNone {
			continue // a fax line or stamp keeps its own kind
		}
		if k[0] == 't' {
			l.Boiler = RunningHeader
		} else {
			l.Boiler = RunningFooter
		}
		l.Header = true
	}
}

// edgeLines returns the indexes of the lines in the top and bottom zones of
// a page. Fax lines and stamps take no place in a zone: a running header
// sits under the fax banner.
func edgeLines(d *Doc, p *Page) (top, bottom []int) {
	n := 0
	end := p.First
	for i := p.First; i < p.End && n < zone; i++ {
		top = append(top, i)
		end = i + 1
		if d.Lines[i].Boiler == BoilerNone {
			n++
		}
	}
	n = 0
	for i := p.End - 1; i >= end && n < zone; i-- {
		bottom = append(bottom, i)
		if d.Lines[i].Boiler == BoilerNone {
			n++
		}
	}
	return top, bottom
}

// repeatable reports whether a line may be a running header or footer:
// it carries none of a record's own structure, is no list item, and
// reads as boilerplate does. Text copied forward from note to note (the
// same diagnosis or plan line at the foot of two pages) stays text.
func repeatable(l *Line, bottom bool) bool {
	if l.Title != "" || l.Letterhead != "" || l.Heading != NoHeading || l.HasService {
		return false
	}
	t := l.Trim
	if t[0] == '-' || t[0] == '*' || strings.HasPrefix(t, "•") || strings.HasPrefix(t, "·") {
		return false
	}
	// A table row (a visit, a bill line) opens with a date or a number, or
	// carries an amount.
	if isDigitByte(t[0]) || moneyCount(t) > 0 {
		return false
	}
	// A diagnosis with its ICD-10-CM code ("Cervicalgia (M54.2)") is the
	// record's: two records of one matter list the same problem last on
	// their pages, and no running footer prints a diagnosis code.
	if reDxCode.MatchString(t) && strings.Count(t, " ") >= 1 {
		return false
	}
	signal := strings.ContainsAny(t, "0123456789") || reFooterWords.MatchString(t) || NamesFacility(t)
	if reSentenceEnd.MatchString(t) && strings.Count(t, " ") >= 3 || bottom {
		return signal
	}
	return true
}

// reDxCode is a dotted ICD-10-CM code.
var reDxCode = lazyre.New(`\b[A-TV-Z][0-9][0-9AB]\.[0-9A-Z]{1,4}\b`)

var reFooterWords = lazyre.New(`(?i)confidential|privileged|disclos|\bpage\b|printed|\bcopy\b|\brecords?\b|continued|signed|dictated|transcribed|\bprinted\b|\bmrn\b|\bdob\b|\bacc(?:oun)?t\b|patient:|name:`)

// headerShaped reports whether a line reads as an EHR's page header:
// three parts or more between separators, one of them the patient's
// identifiers (DOB, MRN, the name printed LAST, FIRST) and one a
// provider's name.
func headerShaped(s, patient string) bool {
	parts := splitHeader(s)
	if len(parts) < 3 {
		return false
	}
	ids := 0
	for _, p := range parts {
		if PatientLine(p) || reSurnameFirst.MatchString(strings.TrimSpace(p)) || samePerson(p, patient) {
			ids++
		}
	}
	return ids >= 1 && headerName(s, patient) != ""
}
