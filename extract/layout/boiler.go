package layout

import (
	"regexp"
	"strings"
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
	reFaxLine  = regexp.MustCompile(`(?i)(\bfax\b.*\b(from|to|page|received|sent)\b|\b(received|sent|printed|print date|printed on|run date|faxed)\b[^a-z]{0,4}[:]?.{0,40}\d{1,2}:\d{2}|^\s*page\s+\d+\s+(of|/)\s+\d+\s*$|\bpage\s+\d+\s+of\s+\d+\b.{0,30}$|^\s*(from|to)\s*:.*\b(fax|\(\d{3}\))|\bp\.\s*\d+/\d+\s*$|^\s*printed\b|^\s*confidential\b)`)
	reFaxWords = regexp.MustCompile(`(?i)\bfax\b|\bfrom\s*:|\bto\s*:|\bp\.\s*\d+/\d+|\bpag(?:e|\.)\s*\d+\s*/\s*\d+`)
	// reBates is a production number: a short prefix and a zero-padded
	// number ("ABC000123", "SMITH 000045", "MR-0012"), alone on its line.
	reBates = regexp.MustCompile(`^[A-Z][A-Z0-9&]{0,11}(?:[ _-][A-Z0-9]{1,8})?[ _-]?0\d{3,8}$`)
)

// noiseHints are words one of which every fax banner or footer holds.
var noiseHints = []string{"fax", "page", "received", "sent", "print", "run date", "p.", "from", "to:", "confidential"}

// isNoise reports whether a line is a fax banner, print stamp or page
// footer by its own words, and which.
func isNoise(t string) Boiler {
	low := strings.ToLower(t)
	if !strings.ContainsAny(t, "0123456789") {
		if strings.HasPrefix(low, "printed") || strings.HasPrefix(low, "confidential") {
			return PrintStamp
		}
		return BoilerNone
	}
	for _, k := range noiseHints {
		if strings.Contains(low, k) {
			if !reFaxLine.MatchString(t) {
				return BoilerNone
			}
			if reFaxWords.MatchString(t) && (strings.Contains(low, "fax") || strings.Contains(low, "from")) {
				return FaxLine
			}
			return PrintStamp
		}
	}
	return BoilerNone
}

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
	signal := strings.ContainsAny(t, "0123456789") || reFooterWords.MatchString(t) || NamesFacility(t)
	if reSentenceEnd.MatchString(t) && strings.Count(t, " ") >= 3 || bottom {
		return signal
	}
	return true
}

var reFooterWords = regexp.MustCompile(`(?i)confidential|privileged|disclos|\bpage\b|printed|\bcopy\b|\brecords?\b|continued|signed|dictated|transcribed|\bprinted\b|\bmrn\b|\bdob\b|\bacc(?:oun)?t\b|patient:|name:`)
