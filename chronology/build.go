package chronology

import (
	"strings"
	"time"

	"github.com/medchron/medchron/extract"
)

// Source is one document of the matter with its pages and what an extractor
// found in it.
type Source struct {
	// Document has ID, File, SHA256 and Pages set by the caller;
	// PageSources and the Bates range are filled by Build.
	Document      Document
	Pages         []extract.Page // every page, in order
	Result        extract.Result
	Extractor     string // "rules" or "llm:<model>"
	PromptVersion string
}

// Options tune Build. The zero Options are the defaults.
type Options struct {
	// GapDays is the longest interval without treatment that is not a gap;
	// 30 when 0 (or the matter's GapDays when that is set).
	GapDays int
	// GeneratedAt is written as generated_at; the zero time omits it, which
	// golden tests rely on.
	GeneratedAt time.Time
	// BatesPrefix prefixes the Bates numbers, the matter's BatesPrefix or
	// "MC" when empty. Numbers run across the matter's documents in the
	// order given, zero-padded to six digits: MC000001.
	BatesPrefix string
	// KeepSenderBates keeps the numbers a sender stamped on a document's
	// pages (see Document.SenderBates); set too by the matter's
	// KeepSenderBates.
	KeepSenderBates bool
	// NearDuplicate is the Jaccard similarity of word 3-shingles at or above
	// which a page is a near duplicate of an earlier one; 0.9 when 0.
	NearDuplicate float64
}

// Defaults of Options.
const (
	DefaultGapDays       = 30
	DefaultBatesPrefix   = "MC"
	DefaultNearDuplicate = 0.9
)

// Build assembles the chronology of matter m from the extractors' results.
// It is deterministic: the same inputs give the same chronology, ids
// included, and it does not modify sources.
//
// In order, Build numbers the pages with Bates numbers; finds duplicate
// pages; merges printed provider names into providers (see
// NormalizeProvider); verifies every citation with extract.Grounded; merges
// encounters of the same provider on the same date into one entry;
// computes gaps, bills and specials (in integer cents); and raises flags.
//
// Gaps: over the entries that are not pre-incident, from the date of
// incident (or the first entry when there is none) to the last entry, every
// interval between consecutive treatment dates longer than GapDays is a Gap
// with days = to − from in calendar days (an entry with an end date covers
// through it). Exactly GapDays days is no gap; GapDays+1 is. Facts whose citations all lie on duplicate pages are
// dropped when the same fact is also found off the duplicate pages (the same
// provider and date for an encounter; the same provider, date, code and
// charge for a bill line), so nothing is counted twice; otherwise they are
// kept. A source whose document id repeats an earlier source's (the same
// file uploaded twice) is ignored. Encounters without any citation are
// dropped; encounters without a date become UndatedEntries, each with an
// "undated" flag. Facts cited only on pages the extractor classed
// administrative or blank create no entry, bill or provider; a fact that
// names no provider takes its page's section provider, else its document's
// own unknown provider (flagged unknown_provider).
func Build(m Matter, sources []Source, opt Options) Chronology {
	opt = opt.withDefaults(m)
	sources = uniqueSources(sources)
	m.GapDays = opt.GapDays
	if m.Client == "" {
		for _, s := range sources {
			if s.Result.Patient != "" {
				m.Client = s.Result.Patient
				break
			}
		}
	}
	px, docs := indexPages(sources, opt.BatesPrefix, opt.KeepSenderBates)
	classes := newClassIndex(sources)
	for i := range docs {
		docs[i].PageClasses = classes.pageClasses(&sources[i], docs[i].Pages)
	}
	days, senders, classed := otherDays(px, factDates(sources)), otherSenders(classes), otherClasses(classes)
	dupOf, dups := findDuplicates(px, opt.NearDuplicate, func(r pageRef) bool { return classes[r].Class == extract.PageBlank },
		func(a, b pageRef) bool { return senders(a, b) || classed(a, b) || days(a, b) })
	provs := newProviderIndex(collectMentions(sources, classes))
	px.prepareGrounding(sources)
	b := &builder{m: m, opt: opt, sources: sources, px: px, dupOf: dupOf, provs: provs, classes: classes}
	b.buildEntries()
	b.buildBills()
	entries := entryList(b.entries)

	c := Chronology{
		Schema:          SchemaVersion,
		Matter:          m,
		Documents:       docs,
		Entries:         entries,
		Gaps:            computeGaps(entries, m.DateOfIncident, opt.GapDays),
		Bills:           b.bills,
		Specials:        computeSpecials(b.bills),
		Duplicates:      dups,
		UndatedEntries:  entryList(b.undatedEntries),
		BillTotals:      b.totals,
		ClaimReferences: claimReferences(sources, classes, px),
	}
	if len(c.UndatedEntries) == 0 {
		c.UndatedEntries = nil
	}
	if !opt.GeneratedAt.IsZero() {
		c.GeneratedAt = opt.GeneratedAt.UTC().Format(time.RFC3339)
	}
	used := map[string]bool{}
	for _, e := range c.Entries {
		used[e.ProviderID] = true
	}
	for _, e := range c.UndatedEntries {
		used[e.ProviderID] = true
	}
	for _, bl := range c.Bills {
		used[bl.ProviderID] = true
	}
	for _, t := range c.BillTotals {
		used[t.ProviderID] = true
	}
	c.Providers = provs.providers(used)
	kinds := map[string]string{}
	for _, p := range c.Providers {
		kinds[p.ID] = p.Kind
	}
	c.Runs = computeRuns(c.Entries, kinds, opt.GapDays)
	c.Flags = append(b.flags(), copiedForwardFlags(c.Entries)...)
	c.Flags = append(c.Flags, b.incidentFlags(c.Entries, c.Providers)...)
	var u extract.Usage
	for _, s := range sources {
		u.PromptTokens += s.Result.Usage.PromptTokens
		u.CompletionTokens += s.Result.Usage.CompletionTokens
	}
	if u != (extract.Usage{}) {
		c.Usage = &u
	}
	if len(c.Duplicates) == 0 {
		c.Duplicates = nil
	}
	return c
}

// uniqueSources drops sources whose document id was already seen.
func uniqueSources(sources []Source) []Source {
	seen := map[string]bool{}
	out := make([]Source, 0, len(sources))
	for _, s := range sources {
		if seen[s.Document.ID] {
			continue
		}
		seen[s.Document.ID] = true
		out = append(out, s)
	}
	return out
}

func (o Options) withDefaults(m Matter) Options {
	if o.GapDays <= 0 {
		o.GapDays = m.GapDays
	}
	if o.GapDays <= 0 {
		o.GapDays = DefaultGapDays
	}
	if o.BatesPrefix == "" {
		o.BatesPrefix = m.BatesPrefix
	}
	if o.BatesPrefix == "" {
		o.BatesPrefix = DefaultBatesPrefix
	}
	o.KeepSenderBates = o.KeepSenderBates || m.KeepSenderBates
	if o.NearDuplicate <= 0 || o.NearDuplicate > 1 {
		o.NearDuplicate = DefaultNearDuplicate
	}
	return o
}

// builder carries the state shared by the steps of Build.
type builder struct {
	m       Matter
	opt     Options
	sources []Source
	px      *pageIndex
	dupOf   map[pageRef]pageRef
	provs   *providerIndex
	classes classIndex

	entries        []*entryWork
	undatedEntries []*entryWork
	bills          []Bill
	billWork       []*billWork
	lineAt         map[*billWork]position // where each line stands, see checkTotals
	badBills       []*billWork
	totals         []BillTotal
	totalFlag      []Flag
	chargeDays     map[string]bool // "provider ID|date" of charge lines, see billedStayEnd
}

// collectMentions lists the provider names of every fact that can create
// an entry, a bill or a total: facts cited only on administrative or blank
// pages name no provider.
func collectMentions(sources []Source, ci classIndex) []mention {
	var ms []mention
	for si := range sources {
		s := &sources[si]
		doc := s.Document.ID
		for _, e := range s.Result.Encounters {
			if !ci.noFacts(e.Citations, doc) {
				ms = append(ms, mention{name: ci.providerName(e.Provider, s, e.Citations), kind: e.ProviderKind,
					npi: validNPI(e.NPI), phone: phoneDigits(e.Phone), section: ci.section(s, e.Citations)})
			}
		}
		for _, bl := range s.Result.Bills {
			if !ci.noFacts(bl.Citations, doc) {
				ms = append(ms, mention{name: ci.providerName(bl.Provider, s, bl.Citations), section: ci.section(s, bl.Citations)})
			}
		}
		for _, t := range s.Result.BillTotals {
			if !ci.noFacts(t.Citations, doc) {
				ms = append(ms, mention{name: ci.providerName(t.Provider, s, t.Citations), section: ci.section(s, t.Citations)})
			}
		}
	}
	return ms
}

// provOf returns the provider a fact of s is filed under.
func (b *builder) provOf(s *Source, printed string, cs []extract.Citation) *providerCluster {
	return b.provs.lookup(b.classes.providerName(printed, s, cs))
}

// validNPI returns npi when it is ten digits, else "".
func validNPI(npi string) string {
	if len(npi) != 10 {
		return ""
	}
	for _, r := range npi {
		if r < '0' || r > '9' {
			return ""
		}
	}
	return npi
}

// phoneDigits returns the ten digits of a North American telephone
// number however it is printed ("(262) 555-0151", "1-262-555-0151"), or
// "" when it is none.
func phoneDigits(phone string) string {
	var b strings.Builder
	for _, r := range phone {
		if r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	d := b.String()
	if len(d) == 11 && d[0] == '1' {
		d = d[1:]
	}
	if len(d) != 10 {
		return ""
	}
	return d
}

// citations copies cs, fills a missing document id with doc, grounds each
// one and fills its Bates number. It returns the copies and those whose
// quote was not found.
func (b *builder) citations(cs []extract.Citation, doc string) (all, bad []extract.Citation) {
	all = make([]extract.Citation, 0, len(cs))
	for _, c := range cs {
		if c.DocumentID == "" {
			c.DocumentID = doc
		}
		if !b.px.ground(&c) {
			bad = append(bad, c)
		}
		all = append(all, c)
	}
	return all, bad
}

// onlyDuplicates reports whether every citation is on a duplicate page.
func (b *builder) onlyDuplicates(cs []extract.Citation) bool {
	for _, c := range cs {
		if _, dup := b.dupOf[pageRef{c.DocumentID, c.Page}]; !dup {
			return false
		}
	}
	return len(cs) > 0
}
