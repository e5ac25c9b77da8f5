package chronology

import (
	"cmp"
	"slices"
	"strconv"
	"strings"

	"github.com/medchron/medchron/extract"
	"github.com/medchron/medchron/extract/dates"
	"github.com/medchron/medchron/internal/rxfilter"
	"github.com/medchron/medchron/internal/textutil"
)

// entryWork is an entry being built, with what Build needs besides the
// JSON fields.
type entryWork struct {
	Entry
	prov       *providerCluster
	kind       string // ProviderKind of the first encounter with one
	referrals  []string
	orders     []string
	bad        []extract.Citation // citations whose quote was not found
	dateQuoted bool               // a citation holds the date of service
	undated    bool
	care       []string // careOf, computed on first use
	careKnown  bool
}

// encounterWork is one extracted encounter with its grounded citations.
type encounterWork struct {
	enc      extract.Encounter
	cits     []extract.Citation
	bad      []extract.Citation
	src      *Source
	prov     *providerCluster
	onlyDups bool
}

// visitKey groups the encounters of one visit: a provider and a date, or
// for an undated record, a provider and the (original) page it starts on.
type visitKey struct {
	prov string
	date dates.Date
	page pageRef
}

// buildEntries merges the encounters of all sources into entries, and the
// undated ones into undated entries. Encounters cited only on
// administrative or blank pages create nothing.
func (b *builder) buildEntries() {
	var encs []*encounterWork
	for si := range b.sources {
		s := &b.sources[si]
		for _, e := range s.Result.Encounters {
			if b.classes.noFacts(e.Citations, s.Document.ID) {
				continue
			}
			cits, bad := b.citations(e.Citations, s.Document.ID)
			if len(cits) == 0 {
				continue
			}
			if !e.Date.Valid() {
				e.Date, e.EndDate = dates.Date{}, dates.Date{}
			}
			encs = append(encs, &encounterWork{enc: e, cits: cits, bad: bad, src: s,
				prov: b.provOf(s, e.Provider, e.Citations), onlyDups: b.onlyDuplicates(cits)})
		}
	}
	// Group members in page order so the first citation is the earliest.
	slices.SortStableFunc(encs, func(x, y *encounterWork) int {
		return b.px.less(pageRef{x.cits[0].DocumentID, x.cits[0].Page}, pageRef{y.cits[0].DocumentID, y.cits[0].Page})
	})
	groups := map[visitKey]*entryWork{}
	var order []visitKey
	cited := map[pageRef]bool{}                // pages an encounter of an original page cites
	for _, pass := range []bool{false, true} { // originals first, then duplicates
		for _, ew := range encs {
			if ew.onlyDups != pass {
				continue
			}
			if pass && b.copiesCited(ew.cits, cited) {
				// The copy's original holds its own visits: what differs on
				// the copy (a banner naming the office that faxed it on,
				// dated that day) is no visit.
				continue
			}
			if !pass {
				for _, c := range ew.cits {
					cited[pageRef{c.DocumentID, c.Page}] = true
				}
			}
			k := visitKey{prov: ew.prov.key, date: ew.enc.Date}
			if k.date.IsZero() {
				k.page = b.original(pageRef{ew.cits[0].DocumentID, ew.cits[0].Page})
			}
			g := groups[k]
			if g != nil && pass {
				continue // already found on the original pages
			}
			if g == nil {
				g = newEntryWork(ew)
				groups[k] = g
				order = append(order, k)
			}
			g.merge(ew)
		}
	}
	described := codeDescriptions(groups)
	for _, k := range order {
		g := groups[k]
		g.Diagnoses = fillDescriptions(g.Diagnoses, described)
		g.Procedures = fillDescriptions(g.Procedures, described)
		g.Grounded = len(g.bad) == 0
		first := g.Citations[0]
		if g.undated {
			g.ID = "ent-" + shortHash("undated", g.prov.key, first.DocumentID, strconv.Itoa(first.Page))
		} else {
			// The id stays that of the earliest page, whichever citation
			// holds the date, so that reviews keep their entry.
			g.ID = "ent-" + shortHash(g.Date.String(), g.prov.key, first.DocumentID, strconv.Itoa(first.Page))
			g.dateQuoted = dateFirst(g.Citations, g.Date)
			g.PreIncident = !b.m.DateOfIncident.IsZero() && g.Date.Before(b.m.DateOfIncident)
		}
		g.Summary = summarize(&g.Entry)
		if g.undated {
			b.undatedEntries = append(b.undatedEntries, g)
		} else {
			b.entries = append(b.entries, g)
		}
	}
	slices.SortFunc(b.entries, func(x, y *entryWork) int {
		return cmp.Or(x.Date.Compare(y.Date), cmp.Compare(x.Provider, y.Provider),
			b.px.less(pageRef{x.Citations[0].DocumentID, x.Citations[0].Page}, pageRef{y.Citations[0].DocumentID, y.Citations[0].Page}))
	})
	slices.SortFunc(b.undatedEntries, func(x, y *entryWork) int {
		return cmp.Or(b.px.less(pageRef{x.Citations[0].DocumentID, x.Citations[0].Page}, pageRef{y.Citations[0].DocumentID, y.Citations[0].Page}),
			cmp.Compare(x.Provider, y.Provider))
	})
}

// copiesCited reports whether a citation of cs is on a duplicate page
// whose original an encounter of an original page cites.
func (b *builder) copiesCited(cs []extract.Citation, cited map[pageRef]bool) bool {
	for _, c := range cs {
		if o, ok := b.dupOf[pageRef{c.DocumentID, c.Page}]; ok && cited[o] {
			return true
		}
	}
	return false
}

// original returns the page a duplicate page repeats, or ref itself.
func (b *builder) original(ref pageRef) pageRef {
	if o, ok := b.dupOf[ref]; ok {
		return o
	}
	return ref
}

// codeDescriptions maps each code to the longest description printed
// beside it anywhere in the matter: a daily note that lists "M54.2" alone
// gets the words an earlier note printed for it.
func codeDescriptions(groups map[visitKey]*entryWork) map[string]string {
	out := map[string]string{}
	for _, g := range groups {
		for _, list := range [][]extract.Coded{g.Diagnoses, g.Procedures} {
			for _, c := range list {
				d := strings.TrimSpace(c.Description)
				if c.Code == "" || d == "" || strings.EqualFold(d, c.Code) {
					continue
				}
				if k := strings.ToUpper(c.Code); len(d) > len(out[k]) {
					out[k] = d
				}
			}
		}
	}
	return out
}

// fillDescriptions gives codes printed without words the matter's words,
// in a copy (the extractor's result is never modified).
func fillDescriptions(cs []extract.Coded, described map[string]string) []extract.Coded {
	cs = slices.Clone(cs)
	for i, c := range cs {
		if c.Code == "" {
			continue
		}
		if d := strings.TrimSpace(c.Description); d == "" || strings.EqualFold(d, c.Code) {
			if w, ok := described[strings.ToUpper(c.Code)]; ok {
				cs[i].Description = w
			}
		}
	}
	return cs
}

func newEntryWork(ew *encounterWork) *entryWork {
	return &entryWork{
		Entry: Entry{
			Date: ew.enc.Date, ProviderID: ew.prov.id, Provider: ew.prov.name,
			Review: ReviewUnreviewed, Extractor: ew.src.Extractor, PromptVersion: ew.src.PromptVersion,
			Citations: []extract.Citation{},
		},
		prov: ew.prov, undated: ew.enc.Date.IsZero(),
	}
}

// merge adds an encounter of the same visit to g: lists are unioned, the
// richest (longest) text of each field is kept (the visit type as
// namesVisitBetter says), the first pain score wins.
func (g *entryWork) merge(ew *encounterWork) {
	e := ew.enc
	if e.EndDate.Valid() && e.EndDate.After(g.EndDate) && e.EndDate.After(g.Date) {
		g.EndDate = e.EndDate
	}
	for _, f := range []struct {
		dst *string
		src string
	}{
		{&g.Clinician, e.Clinician}, {&g.Complaints, e.Complaints},
		{&g.Findings, e.Findings}, {&g.Assessment, e.Assessment}, {&g.Plan, e.Plan},
		{&g.WorkStatus, e.WorkStatus},
	} {
		if s := strings.TrimSpace(f.src); len(s) > len(*f.dst) {
			*f.dst = s
		}
	}
	if t := strings.TrimSpace(e.VisitType); namesVisitBetter(t, g.VisitType) {
		g.VisitType = t
	}
	if g.kind == "" {
		g.kind = e.ProviderKind
	}
	if g.PainScore == nil && e.PainScore != nil && *e.PainScore >= 0 && *e.PainScore <= 10 {
		p := *e.PainScore
		g.PainScore = &p
	}
	g.Diagnoses = unionCoded(g.Diagnoses, e.Diagnoses)
	g.Procedures = unionCoded(g.Procedures, e.Procedures)
	g.Medications = unionStrings(g.Medications, e.Medications)
	g.referrals = unionStrings(g.referrals, e.Referrals)
	g.orders = unionStrings(g.orders, e.Orders)
	for _, c := range ew.cits {
		if !slices.ContainsFunc(g.Citations, func(x extract.Citation) bool { return sameCitation(x, c) }) {
			g.Citations = append(g.Citations, c)
		}
	}
	for _, c := range ew.bad {
		if !slices.ContainsFunc(g.bad, func(x extract.Citation) bool { return sameCitation(x, c) }) {
			g.bad = append(g.bad, c)
		}
	}
}

// reRoutineVisit matches a visit type that names only the day's routine
// care: the progress note of a stay's rounds, an office or follow-up visit.
var reRoutineVisit = rxfilter.MustCompile(`(?i)^(inpatient|progress|daily|office|follow[- ]?up|return|established)( patient)?( visit| note| rounds)?$|^rounds$`)

// namesVisitBetter reports whether visit type next names a visit better
// than cur, the type it has so far: a record of the same day that names
// what happened (a consultation, an admission) names the day better than
// the routine note written beside it, whatever their lengths; otherwise
// the longer, richer name wins.
func namesVisitBetter(next, cur string) bool {
	switch rn, rc := reRoutineVisit.MatchString(next), reRoutineVisit.MatchString(cur); {
	case next == "":
		return false
	case cur == "" || rc && !rn:
		return true
	case rn && !rc:
		return false
	}
	return len(next) > len(cur)
}

func sameCitation(a, b extract.Citation) bool {
	return a.DocumentID == b.DocumentID && a.Page == b.Page && textutil.FoldSpace(strings.ToLower(a.Quote)) == textutil.FoldSpace(strings.ToLower(b.Quote))
}

// codeKey identifies a diagnosis or procedure: its code without dots and
// spaces, else its description folded.
func codeKey(c extract.Coded) string {
	if code := strings.ToUpper(strings.NewReplacer(".", "", " ", "").Replace(c.Code)); code != "" {
		return "c:" + code
	}
	return "d:" + textutil.FoldSpace(strings.ToLower(c.Description))
}

func unionCoded(dst, src []extract.Coded) []extract.Coded {
	for _, c := range src {
		c.Code, c.Description = strings.TrimSpace(c.Code), strings.TrimSpace(c.Description)
		if c.Description == "" {
			if c.Code == "" {
				continue
			}
			c.Description = c.Code
		}
		k := codeKey(c)
		i := slices.IndexFunc(dst, func(x extract.Coded) bool { return codeKey(x) == k })
		switch {
		case i < 0:
			dst = append(dst, c)
		case len(c.Description) > len(dst[i].Description):
			dst[i].Description = c.Description
		}
	}
	return dst
}

func unionStrings(dst, src []string) []string {
	for _, s := range src {
		s = textutil.FoldSpace(s)
		if s != "" && !slices.ContainsFunc(dst, func(x string) bool { return strings.EqualFold(x, s) }) {
			dst = append(dst, s)
		}
	}
	return dst
}

// entryList returns the JSON form of entries.
func entryList(ws []*entryWork) []Entry {
	out := make([]Entry, 0, len(ws))
	for _, e := range ws {
		out = append(out, e.Entry)
	}
	return out
}
