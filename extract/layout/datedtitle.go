package layout

import (
	"strings"

	"github.com/medchron/medchron/extract/dates"
	"github.com/medchron/medchron/internal/lazyre"
)

// reHeadingClock is the time a dated heading prints after its date: "09:40",
// "9:40 AM", "0940".
var reHeadingClock = lazyre.New(`^[ ,@]{1,3}(?:\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp]\.?[Mm]\.?)?|[0-2]\d[0-5]\d(?:\s*hrs)?)\b`)

// datedTitle reads a note heading that opens with its date: hospital
// progress notes, nursing notes and consults printed one after another
// under one banner are each headed "12/07/2023 09:40 Progress Note -
// Desmond Winslow, DO". It returns the title and the date, which is that
// note's date of service (the admission date on the banner is not). The
// date, its time and the title stand in one column: a table row that
// prints a date and then, a column away, a service is no heading. The
// title names a note: a dated study ("26-Dec-2023 MRI CERVICAL SPINE")
// is an item of a list of studies reviewed.
func datedTitle(l *Line) (string, dates.Match, bool) {
	if len(l.Dates) == 0 || l.Noise() {
		return "", dates.Match{}, false
	}
	m := l.Dates[0]
	// OCR may read a speck before the heading (". 12/07/2023 09:40").
	lead := len(l.Text) - len(strings.TrimLeft(l.Text, " \t.,_-*~|'`•·"))
	if m.Start != lead {
		return "", dates.Match{}, false
	}
	rest := l.Text[m.End:]
	if c := reHeadingClock.FindStringIndex(rest); c != nil {
		rest = strings.TrimLeft(rest[c[1]:], ".,;'") // OCR's speck after the time ("13:37.")
	}
	if !strings.HasPrefix(rest, " ") || strings.HasPrefix(rest, "   ") || strings.HasPrefix(rest, "\t") {
		return "", dates.Match{}, false
	}
	t := titleRaw(&Line{Text: strings.TrimLeft(rest, " ")})
	if !namesNote(t) {
		return "", dates.Match{}, false
	}
	return t, m, true
}

// dateAboveTitles dates a note heading printed under its date: a
// hospital's daily notes, one after another under one banner, each open
// with the day alone on its line ("== 09-29-2024 ==", "12/07/2023
// 09:40") and the note's title under it. That date is the note's date
// of service.
func dateAboveTitles(d *Doc) {
	for i := range d.Lines {
		l := &d.Lines[i]
		prev := d.Prev(i)
		if l.Title == "" || l.HasService || prev == nil || prev.HasService || prev.Title != "" {
			continue
		}
		if m, ok := dateAlone(prev); ok {
			prev.Service, prev.HasService = m.Date, true
		}
	}
}

// dateAlone returns the date a line prints alone, perhaps with its time and
// rules or stars around it.
func dateAlone(l *Line) (dates.Match, bool) {
	if len(l.Dates) != 1 || l.Noise() {
		return dates.Match{}, false
	}
	m := l.Dates[0]
	rest := l.Text[m.End:]
	if c := reHeadingClock.FindStringIndex(rest); c != nil {
		rest = rest[c[1]:]
	}
	if strings.Trim(l.Text[:m.Start]+rest, " \t=*-_#~:|") != "" {
		return dates.Match{}, false
	}
	return m, true
}

// noteKinds end the title of a clinician's note.
var noteKinds = map[string]bool{"note": true, "notes": true, "consult": true, "consultation": true, "h&p": true,
	"physical": true, "summary": true, "evaluation": true, "visit": true}

// namesNote reports whether a title names a clinician's note rather than a
// study or a bill: its last word is a kind of note.
func namesNote(t string) bool {
	f := strings.Fields(t)
	return len(f) > 0 && noteKinds[strings.ToLower(f[len(f)-1])]
}
