package realdocs

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/medchron/medchron/chronology"
	"github.com/medchron/medchron/extract"
	"github.com/medchron/medchron/extract/dates"
)

// PageLookup returns the stored page of a document, false when there is none.
type PageLookup func(documentID string, page int) (extract.Page, bool)

// Result is how one rendering of a labelled document scored. The
// booleans are meaningful only for the kind of document they name.
type Result struct {
	ID        string
	Rendering string
	Class     string
	// Record is false for a document that is not a medical record.
	Record  bool
	Dated   bool // the label has dates of service
	Undated bool // the label says none is printed
	// Skipped says why the rendering was not run ("" when it was).
	Skipped string
	// Err is why the rendering could not be processed.
	Err error

	Entries        int // chronology entries
	Bills          int // bill lines
	DateRight      bool
	Invented       int // entries on a day that is no labelled date of service
	ProvRight      bool
	UndatedFlagged bool // an undated entry or flag, and no invented date
	// NonRecordClean is true when a non-record produced no entry or bill.
	NonRecordClean bool
	NegatedDx      int // diagnoses holding a labelled negated finding
	OffPage        int // grounded quotes not on the page they cite
	Quotes         int // grounded quotes checked
	// Got lists the entries as "date provider" (date "undated") for the
	// report; Missing the labelled dates no entry carries.
	Got     []string
	Missing []string
}

// Score compares the chronology of one rendering of t with its label.
// The chronology must hold that document alone. Its entries are the dated
// ones and the undated ones (Chronology.UndatedEntries): a record that
// prints no date of service is still an entry, with its provider.
func Score(t Truth, rendering string, c chronology.Chronology, page PageLookup) Result {
	r := Result{ID: t.ID, Rendering: rendering, Class: t.Class, Record: t.Class != ClassNotRecord,
		Dated: len(t.Dates) > 0, Undated: t.Undated, Bills: len(c.Bills)}
	all := c.AllEntries()
	r.Entries = len(all)
	byDay := map[dates.Date]bool{}
	for _, e := range all {
		day := "undated"
		if !e.Date.IsZero() {
			day = e.Date.String()
			byDay[e.Date] = true
			if !t.serviceDay(e.Date) {
				r.Invented++
			}
		}
		r.Got = append(r.Got, day+" "+providerLabel(e.Provider))
	}
	if r.Dated {
		r.DateRight = true
		for _, d := range t.Dates {
			if !byDay[d.Date] {
				r.DateRight = false
				r.Missing = append(r.Missing, d.Date.String())
			}
		}
	}
	if r.Undated {
		r.UndatedFlagged = r.Invented == 0 && (hasUndatedEntry(c) || hasFlag(c, chronology.FlagUndated))
	}
	if r.Record {
		r.ProvRight = len(all) > 0
		for _, e := range all {
			if !t.providerMatches(e.Provider) {
				r.ProvRight = false
			}
		}
	} else {
		r.NonRecordClean = len(all) == 0 && len(c.Bills) == 0
	}
	r.NegatedDx = negatedDiagnoses(t.Negated, c)
	r.Quotes, r.OffPage = offPage(c, page)
	return r
}

// serviceDay reports whether an entry on day d fits the label: a date of
// service, a day inside a labelled stay, or an acceptable date.
func (t Truth) serviceDay(d dates.Date) bool {
	for _, s := range t.Dates {
		if d == s.Date || (!s.End.IsZero() && !d.Before(s.Date) && !d.After(s.End)) {
			return true
		}
	}
	for _, a := range t.Acceptable {
		if d == a {
			return true
		}
	}
	return false
}

// unknownKeys are the normalised names that mean no provider was found.
var unknownKeys = map[string]bool{
	chronology.NormalizeProvider(""):                 true,
	chronology.NormalizeProvider("Unknown provider"): true,
}

// IsUnknownProvider reports whether an entry's provider says none was found.
func IsUnknownProvider(name string) bool { return unknownKeys[chronology.NormalizeProvider(name)] }

// providerMatches reports whether an entry's provider is the labelled one:
// the same normalised name as the label or an alias, or unknown when the
// label has none.
func (t Truth) providerMatches(name string) bool {
	if t.Provider == "" {
		return IsUnknownProvider(name)
	}
	if IsUnknownProvider(name) {
		return false
	}
	key := chronology.NormalizeProvider(name)
	for _, p := range append([]string{t.Provider}, t.ProviderAliases...) {
		if chronology.NormalizeProvider(p) == key {
			return true
		}
	}
	return false
}

func providerLabel(name string) string {
	if IsUnknownProvider(name) {
		return "(unknown provider)"
	}
	return fmt.Sprintf("%q", name)
}

func hasUndatedEntry(c chronology.Chronology) bool {
	for _, e := range c.AllEntries() {
		if e.Date.IsZero() {
			return true
		}
	}
	return false
}

func hasFlag(c chronology.Chronology, kind string) bool {
	for _, f := range c.Flags {
		if f.Kind == kind {
			return true
		}
	}
	return false
}

// negatedDiagnoses counts entry diagnoses that name a negated finding,
// matched case-insensitively from the start of a word ("fever" matches
// "Fever" and "fevers", not "afebrile").
func negatedDiagnoses(negated []string, c chronology.Chronology) int {
	if len(negated) == 0 {
		return 0
	}
	res := make([]*regexp.Regexp, len(negated))
	for i, n := range negated {
		res[i] = regexp.MustCompile(`(?i)\b` + regexp.QuoteMeta(strings.TrimSpace(n)))
	}
	n := 0
	for _, e := range c.AllEntries() {
		for _, d := range e.Diagnoses {
			for _, re := range res {
				if re.MatchString(d.Description) {
					n++
					break
				}
			}
		}
	}
	return n
}

// offPage checks the quotes of grounded entries and bills against the
// pages they cite and returns how many were checked and how many are not
// on their page (or cite a page the store does not hold).
func offPage(c chronology.Chronology, page PageLookup) (checked, off int) {
	check := func(cs []extract.Citation) {
		for _, ct := range cs {
			checked++
			p, ok := page(ct.DocumentID, ct.Page)
			if !ok || !extract.Grounded(ct.Quote, p) {
				off++
			}
		}
	}
	for _, e := range c.AllEntries() {
		if e.Grounded {
			check(e.Citations)
		}
	}
	for _, b := range c.Bills {
		if b.Grounded {
			check(b.Citations)
		}
	}
	return checked, off
}
