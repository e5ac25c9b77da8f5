package demand

import (
	"bytes"
	"embed"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"text/template"
	"time"

	"github.com/medchron/medchron/chronology"
	"github.com/medchron/medchron/extract"
)

//go:embed templates/*.md.tmpl
var templateFS embed.FS

var templates = template.Must(template.New("demand").ParseFS(templateFS, "templates/*.md.tmpl"))

// Options adjust a generated draft.
type Options struct {
	// Now is recorded as the draft's GeneratedAt; zero means time.Now().
	Now time.Time
	// Recipient is who the letter is addressed to (an adjuster, a carrier);
	// empty leaves a placeholder.
	Recipient string
	// Firm signs the letter; empty leaves a placeholder.
	Firm string
}

// sectionSpec is one section Generate writes.
type sectionSpec struct {
	key, title string
	cites      func(*letter) []extract.Citation
	skip       func(*letter) bool
}

var sectionSpecs = []sectionSpec{
	{key: KeyIntroduction, title: "Introduction"},
	{key: KeyFacts, title: "Facts of the Incident", cites: func(l *letter) []extract.Citation { return l.factCites }},
	{key: KeyPriorHistory, title: "Prior History", cites: func(l *letter) []extract.Citation { return l.priorCites },
		skip: func(l *letter) bool { return l.Prior == "" }},
	{key: KeyTreatment, title: "Injuries and Treatment", cites: func(l *letter) []extract.Citation { return l.treatCites }},
	{key: KeySpecials, title: "Medical Specials", cites: func(l *letter) []extract.Citation { return l.billCites }},
	{key: KeyPainSuffering, title: "Pain and Suffering", cites: func(l *letter) []extract.Citation { return l.painCites }},
	{key: KeyDemand, title: "Demand"},
	{key: KeyExcluded, title: "Note on Records Not Used"},
}

// Generate drafts the demand letter for c. Only verified entries (Verified
// true and review not "rejected") are used; the others are listed in the
// last section and in Draft.Excluded. Pre-incident entries appear only in
// the neutral prior-history section. Every section starts as a draft.
func Generate(c chronology.Chronology, opt Options) Draft {
	now := opt.Now
	if now.IsZero() {
		now = time.Now()
	}
	l := newLetter(c, opt)
	d := Draft{Matter: c.Matter, GeneratedAt: now.UTC(), Excluded: l.excluded}
	for _, s := range sectionSpecs {
		if s.skip != nil && s.skip(l) {
			continue
		}
		var cites []extract.Citation
		if s.cites != nil {
			cites = dedupeCites(s.cites(l))
		}
		d.Sections = append(d.Sections, Section{
			Key: s.key, Title: s.title, Body: render(s.key, l), Citations: cites, Status: StatusDraft,
		})
	}
	return d
}

var blankLines = regexp.MustCompile(`\n{3,}`)

// render executes the section's template. The templates are embedded and
// fixed, and the data is plain strings, so an error is a programming error.
func render(key string, l *letter) string {
	var b bytes.Buffer
	if err := templates.ExecuteTemplate(&b, key+".md.tmpl", l); err != nil {
		panic(fmt.Sprintf("demand template %s: %v", key, err))
	}
	lines := strings.Split(b.String(), "\n")
	for i, ln := range lines {
		lines[i] = strings.TrimRight(ln, " \t")
	}
	return strings.TrimSpace(blankLines.ReplaceAllString(strings.Join(lines, "\n"), "\n\n"))
}

func dedupeCites(cs []extract.Citation) []extract.Citation {
	out := []extract.Citation{}
	for _, c := range cs {
		if !slices.Contains(out, c) {
			out = append(out, c)
		}
	}
	return out
}

// usable reports whether an entry may be used in the letter.
func usable(e chronology.Entry) bool {
	return e.Grounded && e.Review != chronology.ReviewRejected
}
