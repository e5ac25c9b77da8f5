package layout

import (
	"strings"

	"github.com/medchron/medchron/internal/lazyre"
	"github.com/medchron/medchron/internal/textutil"
)

// Timestamp tables: a radiology information system (or a laboratory's, or
// an EHR's order history) prints when each step of a study happened as a
// row under captions ("Exam  Accession  Ordered  Performed  Read"), each
// stamp a date and a time. The study was ordered before it was done (days
// before, for a study booked ahead) and read or signed after it, perhaps
// the next day: only the stamp under the caption of when the study was
// done is the date of service.

var (
	// reDoneCaption captions the column of when a study was done.
	reDoneCaption = lazyre.New(`(?i)^(?:(?:date|exam|study|scan|test)\s+)?(?:performed|perf\.?|done|completed|acquired)(?:\s+(?:date|on|at|time|date/time|dt))?$|^(?:exam(?:ination)?|study|scan|test|service)\s+(?:date|date/time|dt)$|^date\s+of\s+(?:exam(?:ination)?|study|service)$|^dos$`)
	// reStepCaption captions the column of another step of a study: its
	// order, booking, reading, dictation, signature, result or print.
	reStepCaption = lazyre.New(`(?i)^(?:date\s+)?(?:ordered|order|requested|request|scheduled|sched\.?|booked|read|reported|report|dictated|dict\.?|transcribed|signed|verified|finali[sz]ed|final|resulted|result|received|approved|printed|prelim(?:inary)?)(?:\s+(?:date|on|at|time|date/time|dt))?$`)
)

// The one-word captions of a timestamp table, for OCR's misreadings of
// them ("Perfonned", "Peiformed", "Orderad").
var (
	doneWords = []string{"performed", "completed", "acquired"}
	stepWords = []string{"ordered", "requested", "scheduled", "reported", "dictated", "transcribed", "verified",
		"finalized", "resulted", "received", "approved", "printed"}
)

// misreadCaption reports whether a cell is one word of seven letters or
// more that OCR's misreading of a letter or two makes of one of words:
// one letter off, two for a word of nine letters or more.
func misreadCaption(cell string, words []string) bool {
	if len(cell) < 7 || strings.ContainsAny(cell, " \t") {
		return false
	}
	low := strings.ToLower(cell)
	for _, w := range words {
		d := textutil.EditDistance([]byte(low), []byte(w))
		if d <= 1 || d == 2 && len(w) >= 9 {
			return true
		}
	}
	return false
}

// stampCaptions reads a header row as the captions of a timestamp table:
// the start of every caption that heads a column of stamps, in order, and
// which of them is the study's own (done). ok when the row heads one
// column of the study's own stamp and one of another step's at least.
func stampCaptions(text string) (starts []int, done int, ok bool) {
	text = BlankSpecks(text)
	cs := Cells(text)
	if len(cs) < 3 {
		return nil, 0, false
	}
	done = -1
	for _, c := range cs {
		cell := strings.TrimRight(strings.TrimSpace(text[c.Start:c.End]), ":")
		switch {
		case reDoneCaption.MatchString(cell) || misreadCaption(cell, doneWords):
			if done >= 0 {
				return nil, 0, false // two columns of the study's own stamp: no reading
			}
			done = len(starts)
		case reStepCaption.MatchString(cell) || misreadCaption(cell, stepWords):
		default:
			continue
		}
		starts = append(starts, c.Start)
	}
	return starts, done, done >= 0 && len(starts) >= 2
}

// stampUnder returns which date of a row stands under the caption of the
// study's own stamp: with as many dates as the row's captions of stamps,
// the one of the same rank (OCR shifts a row's cells from under their
// captions, never past one another); else the date that starts nearest
// that caption and nearer it than any other stamp's caption.
func stampUnder(starts []int, done int, ds []int) (int, bool) {
	if len(ds) == len(starts) {
		return done, true
	}
	best, bestGap := -1, 1<<30
	for k, s := range ds {
		near, gap := -1, 1<<30
		for j, c := range starts {
			if g := max(s-c, c-s); g < gap {
				near, gap = j, g
			}
		}
		if near == done && gap <= 6 && gap < bestGap {
			best, bestGap = k, gap
		}
	}
	return best, best >= 0
}

// markStampColumns labels as a date of service the stamp a timestamp
// table prints under the caption of when the study was done: on the row
// right under the captions (a long name of the study may wrap onto a line
// or two of its own above its stamps), and the rows after it while they
// print the same date (a study done in parts, a second view) — a later
// row of another day is another study (a prior one listed for
// comparison), left alone. The other stamps of the row (ordered, read,
// signed) are no labels of its visit. It runs after the pages are
// classified.
func markStampColumns(d *Doc) {
	for i := 0; i+1 < len(d.Lines); i++ {
		head := &d.Lines[i]
		if head.Noise() || len(head.Dates) > 0 {
			continue
		}
		starts, done, ok := stampCaptions(head.Text)
		if !ok {
			continue
		}
		var first *Line
		wrapped := 0 // lines of a first cell wrapped above its row's stamps
		for j := i + 1; j < len(d.Lines) && d.Lines[j].Page == head.Page; j++ {
			l := &d.Lines[j]
			if first == nil && !l.Noise() && len(l.Dates) == 0 && len(Cells(l.Text)) == 1 && wrapped < 2 {
				wrapped++
				continue
			}
			if l.Noise() || len(l.Dates) == 0 {
				break
			}
			at := make([]int, len(l.Dates))
			for k, m := range l.Dates {
				at[k] = m.Start
			}
			k, ok := stampUnder(starts, done, at)
			if !ok || first != nil && l.Dates[k].Date != first.Service {
				break
			}
			l.Service, l.HasService = l.Dates[k].Date, true
			if first == nil {
				first = l
			}
		}
	}
}
