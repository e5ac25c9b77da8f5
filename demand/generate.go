package demand

import (
	"slices"
	"time"

	"github.com/medchron/medchron/chronology"
	"github.com/medchron/medchron/extract"
	"github.com/medchron/medchron/internal/lazyre"
)

// Options adjust a generated draft.
type Options struct {
	// Now is recorded as the draft's GeneratedAt; zero means time.Now().
	Now time.Time
	// Inputs are the attorney's inputs; an empty field leaves a bracketed
	// placeholder where the letter needs it.
	Inputs Inputs
}

// Generate drafts the demand letter for c from the entries Eligible
// allows (the others are listed in Draft.Excluded) and the chronology's
// specials, with the attorney's inputs. Pre-incident entries appear only
// in the prior history. Every section starts as a draft; a section that
// states facts nobody reviewed lists them in Unreviewed and marks each
// with UnreviewedMark.
func Generate(c chronology.Chronology, opt Options) Draft {
	now := opt.Now
	if now.IsZero() {
		now = time.Now()
	}
	l := newLetter(c, opt.Inputs)
	d := Draft{Matter: c.Matter, GeneratedAt: now.UTC(), Excluded: l.excluded, Inputs: opt.Inputs}
	d.Sections = append(d.Sections, l.introduction(), l.facts(), l.injuries(), l.treatment(), l.causation(), l.gaps(), l.futureCare())
	if l.hasWages() {
		d.Sections = append(d.Sections, l.lostWages())
	}
	d.Sections = append(d.Sections, l.specials(), l.painAndSuffering(), l.demandSection(), l.exhibitsSection())
	if d.Excluded == nil {
		d.Excluded = []Exclusion{}
	}
	return d
}

var blankLines = lazyre.New(`\n{3,}`)

func dedupeCites(cs []extract.Citation) []extract.Citation {
	out := []extract.Citation{}
	for _, c := range cs {
		if !slices.Contains(out, c) {
			out = append(out, c)
		}
	}
	return out
}
