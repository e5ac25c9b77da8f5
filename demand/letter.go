package demand

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/medchron/medchron/chronology"
	"github.com/medchron/medchron/demand/adjuster"
	"github.com/medchron/medchron/extract"
)

// usedEntry is an entry the draft may state, with its basis (Eligible).
type usedEntry struct {
	chronology.Entry
	basis Basis
}

// letter is what every section is built from: the chronology, the
// attorney's inputs, the entries split by Eligible and the exhibits.
type letter struct {
	c        chronology.Chronology
	in       Inputs
	client   string // the client's name, or "our client"
	used     []usedEntry
	prior    []usedEntry
	excluded []Exclusion
	ex       *exhibits
	// answered is the adjuster's read with the attorney's answers, read
	// on first use (only when the inputs hold answers).
	answered []adjuster.Point
}

func newLetter(c chronology.Chronology, in Inputs) *letter {
	l := &letter{c: c, in: in, client: "our client"}
	if n := clean(c.Matter.Client); n != "" {
		l.client = n
	}
	entries := append([]chronology.Entry(nil), c.Entries...)
	sort.SliceStable(entries, func(i, j int) bool { return entries[i].Date.Before(entries[j].Date) })
	for _, e := range entries {
		basis, reason := Eligible(e)
		switch {
		case basis == "":
			l.excluded = append(l.excluded, Exclusion{EntryID: e.ID, Date: e.Date.String(), Provider: e.Provider, Reason: reason})
		case e.PreIncident:
			l.prior = append(l.prior, usedEntry{e, basis})
		default:
			l.used = append(l.used, usedEntry{e, basis})
		}
	}
	l.ex = newExhibits(c, append(append([]usedEntry(nil), l.used...), l.prior...))
	return l
}

// writer builds one section: its sentences with their citations, the
// pages cited and the unreviewed entries stated.
type writer struct {
	l          *letter
	cites      []extract.Citation
	unreviewed []string
}

func (l *letter) writer() *writer { return &writer{l: l} }

// cite returns the citation of e's page that best supports text,
// formatted " (Ex. N, BATES)", followed by UnreviewedMark when nobody has
// reviewed e; it records both for the section.
func (w *writer) cite(e usedEntry, text string) string {
	if len(e.Citations) == 0 {
		return ""
	}
	c := citeFor(e.Citations, text)
	w.cites = append(w.cites, c)
	s := " " + w.l.ex.cite(e.ProviderID, e.Provider, c)
	if e.basis != BasisReviewed {
		if !slices.Contains(w.unreviewed, e.ID) {
			w.unreviewed = append(w.unreviewed, e.ID)
		}
		s += " " + UnreviewedMark
	}
	return s
}

// citeBill returns the citation of a bill's page.
func (w *writer) citeBill(b chronology.Bill) string {
	if len(b.Citations) == 0 {
		return ""
	}
	w.cites = append(w.cites, b.Citations[0])
	return " " + w.l.ex.cite(b.ProviderID, b.Provider, b.Citations[0])
}

// fact is "Text. (Ex. N, BATES)": a sentence and its citation.
func (w *writer) fact(e usedEntry, text string) string {
	return sentence(text) + w.cite(e, text)
}

// section returns the section built.
func (w *writer) section(key, title, body string) Section {
	u := append([]string(nil), w.unreviewed...)
	sort.Strings(u)
	if len(u) == 0 {
		u = nil
	}
	return Section{Key: key, Title: title, Body: tidy(body), Citations: dedupeCites(w.cites), Unreviewed: u, Status: StatusDraft}
}

// tidy trims trailing spaces and collapses runs of blank lines.
func tidy(s string) string {
	lines := strings.Split(s, "\n")
	for i, ln := range lines {
		lines[i] = strings.TrimRight(ln, " \t")
	}
	return strings.TrimSpace(blankLines.ReplaceAllString(strings.Join(lines, "\n"), "\n\n"))
}

// byProvider groups the used entries by provider in order of first visit.
func (l *letter) byProvider() [][]usedEntry { return byProviderRuns(l.used) }

// placeholderFor is a bracketed placeholder for the attorney.
func placeholderFor(what string) string { return "[Attorney to insert " + what + "]" }

// orPlaceholder returns s cleaned, or the placeholder for what.
func orPlaceholder(s, what string) string {
	if c := clean(s); c != "" {
		return c
	}
	return placeholderFor(what)
}

// incident is the date of loss in words, or a placeholder.
func (l *letter) incident() string {
	if l.c.Matter.DateOfIncident.IsZero() {
		return placeholderFor("the date of loss")
	}
	return longDate(l.c.Matter.DateOfIncident)
}

// daysAfter says how long after the incident d was: ", the day of the
// collision", ", 3 days after the collision" or "".
func (l *letter) daysAfter(e usedEntry) string {
	doi := l.c.Matter.DateOfIncident
	if doi.IsZero() || e.Date.IsZero() {
		return ""
	}
	switch n := doi.DaysUntil(e.Date); {
	case n == 0:
		return ", the day of the incident"
	case n == 1:
		return ", the day after the incident"
	case n > 1:
		return fmt.Sprintf(", %d days after the incident", n)
	}
	return ""
}
