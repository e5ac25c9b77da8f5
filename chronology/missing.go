package chronology

import (
	"fmt"
	"slices"
	"strings"

	"github.com/medchron/medchron/extract"
	"github.com/medchron/medchron/extract/dates"
	"github.com/medchron/medchron/internal/rxfilter"
	"github.com/medchron/medchron/internal/textutil"
)

// ask is one piece of evidence that a record should exist: an expected
// record an extractor found, or a referral or order of an entry.
type ask struct {
	kind     string // extract.Expect*, or "referral"/"order" of an entry
	what     string
	provider string           // who should hold the record, when printed
	date     dates.Date       // date of the asking record; zero when unknown
	from     *entryWork       // the entry that asks, when known
	source   *providerCluster // provider of the asking record, when known
	cit      extract.Citation // the quote that proves it
	want     []string         // care kinds asked for
	legacy   bool             // a referral or order listed on an encounter
}

// missingRecordFlags raises one missing_records flag per piece of evidence
// that no record of the matter fulfils: expected records first (each cites
// the page that proves it), then the referrals and orders of entries that
// no expected record already stands for. Expected records whose quote is
// not found on their page, or cited only on administrative or blank
// pages, raise nothing.
func (b *builder) missingRecordFlags() []Flag {
	asks := b.expectedAsks()
	asks = append(asks, b.entryAsks(asks)...)
	var fs []Flag
	seen := map[string]bool{}
	for _, a := range asks {
		k := a.kind + "|" + a.date.String() + "|" + textutil.FoldSpace(strings.ToLower(a.what)) + "|" + a.cit.DocumentID
		if a.kind == extract.ExpectEMS && !a.date.IsZero() {
			// One transport however many records tell of it (the
			// emergency record, the admission note, the discharge
			// summary), arriving late the evening before at the latest.
			k = a.kind + "|" + a.date.String()
			if seen[a.kind+"|"+a.date.AddDays(-1).String()] {
				continue
			}
		}
		if seen[k] || b.fulfilled(a) {
			continue
		}
		seen[k] = true
		f := Flag{Kind: FlagMissingRecords, Message: a.message(), Citations: []extract.Citation{a.cit}}
		if a.from != nil {
			f.EntryIDs = []string{a.from.ID}
		}
		fs = append(fs, f)
	}
	return fs
}

// expectedAsks collects the grounded expected records of every source.
func (b *builder) expectedAsks() []ask {
	var out []ask
	for si := range b.sources {
		s := &b.sources[si]
		for _, x := range s.Result.Expected {
			if b.classes.noFacts(x.Citations, s.Document.ID) {
				continue // a records request or an authorization lists records; it proves none missing
			}
			cits, bad := b.citations(x.Citations, s.Document.ID)
			if len(cits) == 0 || len(bad) == len(cits) {
				continue
			}
			cit := cits[0]
			if len(bad) > 0 {
				for _, c := range cits {
					if !slices.ContainsFunc(bad, func(o extract.Citation) bool { return sameCitation(o, c) }) {
						cit = c
						break
					}
				}
			}
			a := ask{kind: x.Kind, what: textutil.FoldSpace(x.What), provider: textutil.FoldSpace(x.Provider), cit: cit}
			if x.Date.Valid() {
				a.date = x.Date
			}
			a.from = b.entryOnPage(pageRef{cit.DocumentID, cit.Page}, a.date, cit.Quote)
			if a.from != nil {
				a.source = a.from.prov
				if a.date.IsZero() {
					a.date = a.from.Date
				}
			}
			if a.source == nil && x.Source != "" {
				a.source = b.provs.find(x.Source)
			}
			a.want = wantedFor(a.kind, a.what)
			out = append(out, a)
		}
	}
	return out
}

// entryAsks lists the referrals and orders of dated entries, except those
// an expected record of the same date already asks for the same care.
func (b *builder) entryAsks(expected []ask) []ask {
	var out []ask
	for _, e := range b.entries {
		for _, list := range []struct {
			kind  string
			items []string
		}{{"referral", e.referrals}, {"order", e.orders}} {
			for _, what := range list.items {
				want := wanted(what)
				if len(want) == 0 {
					continue // a medication, advice: no record to expect
				}
				if slices.ContainsFunc(expected, func(x ask) bool {
					return x.date == e.Date && (strings.EqualFold(x.what, what) || slices.Equal(x.want, want))
				}) {
					continue
				}
				var re *rxfilter.Regexp
				for _, c := range careKinds {
					if c.name == want[0] {
						re = c.words
					}
				}
				out = append(out, ask{kind: list.kind, what: what, date: e.Date, from: e, source: e.prov,
					cit: citing(e.Citations, re), want: want, legacy: true})
			}
		}
	}
	return out
}

// entryOnPage returns the entry a quote on page ref belongs to: the one
// dated d when d is set and one is; else, of the entries citing the page,
// the one with a quote nearest before it (a page holding two notes: the
// quote belongs to the note it follows, though both cite a header above
// them); else the first.
func (b *builder) entryOnPage(ref pageRef, d dates.Date, quote string) *entryWork {
	cands := b.entriesCiting(ref)
	if len(cands) == 0 {
		return b.entryContinuedOn(ref)
	}
	if !d.IsZero() {
		for _, e := range cands {
			if e.Date == d {
				return e
			}
		}
	}
	text := ""
	if info := b.px.byRef[ref]; info != nil && info.page != nil {
		text = info.page.Text
	}
	at := offsetIn(text, quote)
	best, bestAt := cands[0], -1
	for _, e := range cands {
		for _, c := range e.Citations {
			if c.DocumentID == ref.doc && c.Page == ref.page {
				if o := offsetIn(text, c.Quote); at >= 0 && o >= 0 && o <= at && o > bestAt {
					best, bestAt = e, o
				}
			}
		}
	}
	return best
}

// entriesCiting returns the dated and undated entries citing page ref.
func (b *builder) entriesCiting(ref pageRef) []*entryWork {
	var out []*entryWork
	for _, list := range [][]*entryWork{b.entries, b.undatedEntries} {
		for _, e := range list {
			if slices.ContainsFunc(e.Citations, func(c extract.Citation) bool { return c.DocumentID == ref.doc && c.Page == ref.page }) {
				out = append(out, e)
			}
		}
	}
	return out
}

// continuedPages is how many pages back a page no entry cites is taken
// for the continuation of the note before it.
const continuedPages = 3

// entryContinuedOn returns the entry a page that no entry cites continues:
// of the entries citing the nearest earlier page of the same document (at
// most continuedPages back, and no administrative or blank page between),
// the one whose quotes on that page begin last, the note running over onto
// the next page (an admission note's second page, where only its plan and
// signature are printed). Nil when there is none.
func (b *builder) entryContinuedOn(ref pageRef) *entryWork {
	for back := 1; back <= continuedPages && ref.page-back >= 1; back++ {
		prev := pageRef{ref.doc, ref.page - back}
		if cl := b.classes[prev].Class; cl == extract.PageAdmin || cl == extract.PageBlank {
			return nil
		}
		cands := b.entriesCiting(prev)
		if len(cands) == 0 {
			continue
		}
		text := ""
		if info := b.px.byRef[prev]; info != nil && info.page != nil {
			text = info.page.Text
		}
		best, bestAt := cands[0], -1
		for _, e := range cands {
			for _, c := range e.Citations {
				if c.DocumentID == prev.doc && c.Page == prev.page {
					if o := offsetIn(text, c.Quote); o > bestAt {
						best, bestAt = e, o
					}
				}
			}
		}
		return best
	}
	return nil
}

// offsetIn is the byte offset of quote in text, comparing case and spacing
// loosely; -1 when it is not found.
func offsetIn(text, quote string) int {
	if i := strings.Index(text, quote); i >= 0 || quote == "" {
		return i
	}
	q := strings.Fields(strings.ToLower(quote))
	if len(q) == 0 {
		return -1
	}
	lower := strings.ToLower(text)
	for i := strings.Index(lower, q[0]); i >= 0; {
		if strings.HasPrefix(textutil.FoldSpace(lower[i:min(len(lower), i+4*len(quote)+16)]), strings.Join(q, " ")) {
			return i
		}
		j := strings.Index(lower[i+1:], q[0])
		if j < 0 {
			break
		}
		i += j + 1
	}
	return -1
}

// wantedFor is the care kinds an expected record of a kind asks for.
func wantedFor(kind, what string) []string {
	want := wanted(what)
	switch kind {
	case extract.ExpectEMS:
		if !slices.Contains(want, "ambulance") {
			want = append(want, "ambulance")
		}
	case extract.ExpectImaging:
		if len(want) == 0 {
			want = []string{"imaging"}
		}
	}
	return want
}

// wanted is the care kinds a referral or order asks for; an order naming a
// modality (MRI, CT …) asks for that modality, not any imaging.
func wanted(ask string) []string {
	want := matches(careKinds, ask, nil)
	if slices.ContainsFunc(want, func(k string) bool { return slices.Contains(modalities, k) }) {
		want = slices.DeleteFunc(want, func(k string) bool { return k == "imaging" })
	}
	return want
}

// fulfilled reports whether a record of the matter answers a: an entry
// from the provider it names; else an entry of the care it asks for; else,
// for a follow-up naming no care, a later entry of the asking provider;
// else an entry sharing a distinctive word with what it asks for. Entries
// count from the asking date on (a follow-up: strictly after it; an EMS
// record: from the day before; a report not received: any date); undated
// entries count whatever the date, except for a follow-up. The asking entry counts only through its
// own procedures (an X-ray done during the visit).
func (b *builder) fulfilled(a ask) bool {
	if a.kind == extract.ExpectEMS && a.from != nil && slices.Contains(careOf(a.from), "ambulance") {
		return true // the ambulance's own run report tells of the transport
	}
	if a.from != nil && len(a.want) > 0 && a.kind != extract.ExpectFollowUp {
		var procs []string
		for _, p := range a.from.Procedures {
			procs = append(procs, p.Description, p.Code)
		}
		if provides(matches(careKinds, strings.Join(procs, " \n "), nil), a.want) {
			return true
		}
	}
	named := namedTokens(a.provider)
	words := distinctiveWords(a.what)
	for _, list := range [][]*entryWork{b.entries, b.undatedEntries} {
		for _, e := range list {
			if e == a.from || !a.inTime(e) {
				continue
			}
			switch {
			case len(named) > 0 && e.prov.names(named):
				return true
			case len(a.want) > 0:
				if provides(careOf(e), a.want) {
					return true
				}
			case a.kind == extract.ExpectFollowUp && len(named) == 0 && len(words) == 0:
				if a.source != nil && e.prov == a.source {
					return true
				}
			case len(words) > 0:
				if sharesWord(words, entryWords(e)) {
					return true
				}
			}
		}
	}
	// Evidence that says neither which care nor who (a bare "referral")
	// cannot be checked: it raises nothing, except a follow-up with the
	// asking provider, which was checked above.
	undecidable := len(a.want) == 0 && len(words) == 0 && len(named) == 0
	return undecidable && !(a.kind == extract.ExpectFollowUp && a.source != nil)
}

// inTime reports whether entry e comes late enough to answer a.
func (a ask) inTime(e *entryWork) bool {
	if e.undated {
		// A record without a date answers what it is, not a follow-up,
		// which must come later.
		return a.kind != extract.ExpectFollowUp
	}
	if a.date.IsZero() || a.kind == extract.ExpectReport {
		return true
	}
	if end, ok := a.stayEnd(); ok {
		// A consult asked for during a hospital stay is seen during the
		// stay, its note part of the hospital's record: an office visit
		// to the same specialty weeks after discharge is another record.
		return !e.Date.Before(a.date) && !e.Date.After(end)
	}
	switch a.kind {
	case extract.ExpectFollowUp:
		return e.Date.After(a.date)
	case extract.ExpectEMS:
		return !e.Date.Before(a.date.AddDays(-1))
	}
	return !e.Date.Before(a.date)
}

// staySpan is how long a consult asked for at admission may take when the
// stay's end is not known: consultants see an inpatient within days.
const staySpan = 7

// reInpatient says a visit type is an admission or inpatient stay.
var reInpatient = rxfilter.MustCompile(`(?i)\b(admission|admit(ted)?|inpatient|hospitali[sz]ation|history and physical|h&p)\b`)

// reConsult and reAfterStay tell a consult asked for during a stay from a
// referral for after it.
var (
	reConsult   = rxfilter.MustCompile(`(?i)\b(consult(s|ed|ation|ing)?|inpatient)\b`)
	reAfterStay = rxfilter.MustCompile(`(?i)\b(out-?patient|after discharge|(up)?on discharge|at discharge|follow[- ]?up|in \d+ (days?|weeks?|months?)|clinic)\b`)
)

// stayEnd returns the last day a referral or consult asked for during a
// hospital stay can be answered: the stay's end when a record of the stay
// prints it (one day's grace), else staySpan days after the asking date.
// ok is false when a is not asked for during a stay.
func (a ask) stayEnd() (dates.Date, bool) {
	e := a.from
	if e == nil || a.kind != extract.ExpectReferral && a.kind != "referral" {
		return dates.Date{}, false
	}
	if !e.EndDate.After(e.Date) && !reInpatient.MatchString(e.VisitType) {
		return dates.Date{}, false
	}
	// Referrals at discharge ("refer to physical therapy", "outpatient
	// neurosurgery consultation in two weeks") are for after the stay.
	asked := a.what + " \n " + a.cit.Quote
	if !reConsult.MatchString(asked) || reAfterStay.MatchString(asked) {
		return dates.Date{}, false
	}
	end := e.EndDate
	if !end.After(a.date) {
		end = a.date.AddDays(staySpan)
	}
	return end.AddDays(1), true
}

func provides(got, want []string) bool {
	anyModality := slices.Contains(got, "imaging") &&
		!slices.ContainsFunc(got, func(k string) bool { return slices.Contains(modalities, k) })
	for _, w := range want {
		if slices.Contains(got, w) || anyModality && slices.Contains(modalities, w) {
			return true
		}
	}
	return false
}

// message says what is missing and where the evidence is.
func (a ask) message() string {
	when, who := "on an undated page", ""
	if !a.date.IsZero() {
		when = "on " + a.date.String()
	}
	if a.source != nil {
		who = " (" + a.source.name + ")"
	}
	care := strings.Join(a.want, " or ")
	if care == "" {
		care = "matching"
	}
	what := a.what
	if what == "" {
		what = "care"
	}
	switch a.kind {
	case extract.ExpectEMS:
		return fmt.Sprintf("Ambulance or EMS transport %s%s (%s): no EMS or ambulance record was found.", when, who, what)
	case extract.ExpectFollowUp:
		if strings.HasPrefix(strings.ToLower(what), "follow-up ") {
			what = what[len("follow-up "):] // "follow-up visit", "follow-up with orthopedics"
		}
		return fmt.Sprintf("Follow-up %s scheduled %s%s: no later visit was found.", what, when, who)
	case extract.ExpectReport:
		return fmt.Sprintf("Report not received: %s, noted %s%s; the report is not in the records.", what, when, who)
	case extract.ExpectReferral:
		return fmt.Sprintf("Referral to %s %s%s: no later %s record was found.", what, when, who, care)
	}
	return fmt.Sprintf("Order for %s %s%s: no later %s record was found.", what, when, who, care)
}
