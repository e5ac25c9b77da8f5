package oracle

import (
	"fmt"
	"slices"
	"strings"

	"github.com/medchron/medchron/extract"
	"github.com/medchron/medchron/extract/llm"
	"github.com/medchron/medchron/internal/fixture"
	"github.com/medchron/medchron/internal/lazyre"
)

// providerKinds are the provider kinds the answer schema allows.
var providerKinds = []string{"emergency", "hospital", "radiology", "orthopedics", "chiropractic", "physical_therapy",
	"primary_care", "pain_management", "neurology", "pharmacy", "ambulance", "billing", "other"}

// Answer is the truth's answer for the given pages: the facts the truth
// places on them, quoted from their text as given, and the facts it could
// not quote (left out). Facts are placed on their first page (an
// encounter's first page, a bill line's or a total's page, the page that
// proves a record missing).
func Answer(t fixture.Truth, pages []Page) (llm.Answer, []string) {
	a := llm.Answer{Pages: []llm.AnswerPage{}, Encounters: []llm.AnswerEncounter{}, BillLines: []llm.AnswerBillLine{},
		BillTotals: []llm.AnswerBillTotal{}, Expected: []llm.AnswerExpected{}}
	b := builder{t: t, kinds: map[string]string{}, aliases: map[string][]string{}}
	for _, p := range t.Providers {
		b.kinds[p.Name] = p.Kind
		b.aliases[p.Name] = append([]string{p.Name}, p.Aliases...)
	}
	for _, p := range pages {
		b.page(&a, p)
		if a.Patient == "" && t.Patient != "" && containsFold(p.Text, lastName(t.Patient)) {
			a.Patient = t.Patient
		}
	}
	return a, b.misses
}

type builder struct {
	t       fixture.Truth
	kinds   map[string]string
	aliases map[string][]string
	misses  []string
	used    map[string]int // how often each line of the page was quoted by a bill line or total
}

func (b *builder) miss(page int, format string, args ...any) {
	b.misses = append(b.misses, fmt.Sprintf("page %d: ", page)+fmt.Sprintf(format, args...))
}

// page adds the facts of one page to a.
func (b *builder) page(a *llm.Answer, p Page) {
	a.Pages = append(a.Pages, b.pageClass(p))
	b.used = map[string]int{}
	for _, e := range b.t.Encounters {
		if len(e.Pages) > 0 && e.Pages[0] == p.Number {
			if enc, ok := b.encounter(e, p); ok {
				a.Encounters = append(a.Encounters, enc)
			}
		}
	}
	for _, bl := range b.t.Bills {
		if bl.Page == p.Number {
			if l, ok := b.billLine(bl, p); ok {
				a.BillLines = append(a.BillLines, l)
			}
		}
	}
	for _, bt := range b.t.BillTotals {
		if bt.Page == p.Number {
			if tot, ok := b.total(bt, p); ok {
				a.BillTotals = append(a.BillTotals, tot)
			}
		}
	}
	for _, m := range b.t.MissingRecords {
		if m.Page == p.Number {
			if x, ok := b.expected(m, p); ok {
				a.Expected = append(a.Expected, x)
			}
		}
	}
}

// pageClass is the truth's class and section provider of the page, or, for
// bundles without page truth, the class its facts make it (a note's page,
// a bill, or other) under the provider printed there.
func (b *builder) pageClass(p Page) llm.AnswerPage {
	for _, pi := range b.t.PageInfo {
		if pi.Page == p.Number {
			// The section provider as the truth names it: what a layout
			// analysis of the whole document would decide, even where the
			// page itself prints another name of the practice.
			ap := llm.AnswerPage{Page: p.Number, Class: pi.Class, Provider: pi.Provider}
			if pi.Class == extract.PageBill {
				ap.BillKind = pi.BillKind
			}
			return ap
		}
	}
	n := p.Number
	for _, d := range b.t.Duplicates {
		if d.Page == n {
			n = d.DuplicateOf
		}
	}
	for _, e := range b.t.Encounters {
		if slices.Contains(e.Pages, n) {
			return llm.AnswerPage{Page: p.Number, Class: extract.PageClinical, Provider: b.printed(e.Provider, p.Text)}
		}
	}
	for _, bl := range b.t.Bills {
		if bl.Page == n {
			return llm.AnswerPage{Page: p.Number, Class: extract.PageBill, Provider: b.printed(bl.Provider, p.Text)}
		}
	}
	for _, bt := range b.t.BillTotals {
		if bt.Page == n {
			return llm.AnswerPage{Page: p.Number, Class: extract.PageBill, Provider: b.printed(bt.Provider, p.Text)}
		}
	}
	return llm.AnswerPage{Page: p.Number, Class: extract.PageOther}
}

// printed is the name a provider is printed under on the page: the
// longest of its canonical name and aliases found in the text, else the
// canonical name.
func (b *builder) printed(canonical, text string) string {
	best := ""
	for _, n := range b.aliases[canonical] {
		if len(n) > len(best) && containsFold(text, n) {
			best = n
		}
	}
	if best == "" {
		return canonical
	}
	return best
}

func (b *builder) encounter(e fixture.Encounter, p Page) (llm.AnswerEncounter, bool) {
	kind := b.kinds[e.Provider]
	if !slices.Contains(providerKinds, kind) {
		kind = "other"
	}
	enc := llm.AnswerEncounter{Undated: e.Undated, Provider: b.printed(e.Provider, p.Text), ProviderKind: kind,
		Clinician: e.Clinician, VisitType: e.VisitType, PainScore: e.PainScore,
		Diagnoses: []llm.AnswerCoded{}, Procedures: []llm.AnswerCoded{}, Medications: []string{},
		Referrals: []string{}, Orders: []string{}}
	var q string
	if e.Undated {
		q = firstLine(p.Text)
	} else {
		enc.Date = e.Date.String()
		if q = lineWith(p.Text, e.DateText); q == "" {
			q = lineWithDate(p.Text, e.Date)
		}
	}
	if q == "" {
		b.miss(p.Number, "encounter %s %s: no line holds its date", e.Date, e.Provider)
		return enc, false
	}
	enc.Citations = []llm.AnswerCitation{{Page: p.Number, Quote: q}}
	for _, d := range e.Diagnoses {
		l := lineWith(p.Text, d)
		enc.Diagnoses = append(enc.Diagnoses, llm.AnswerCoded{Code: d, Description: l})
		if l != "" && l != q {
			enc.Citations = append(enc.Citations, llm.AnswerCitation{Page: p.Number, Quote: l})
		}
	}
	return enc, true
}

func (b *builder) billLine(bl fixture.Bill, p Page) (llm.AnswerBillLine, bool) {
	l := llm.AnswerBillLine{Provider: b.printed(bl.Provider, p.Text), Kind: "charge", RevenueCode: bl.RevenueCode,
		Code: bl.Code, Modifiers: append([]string{}, bl.Modifiers...), Description: bl.Description, Charge: bl.Charge}
	if !bl.Date.IsZero() {
		l.Date = bl.Date.String()
	}
	if bl.Units > 0 {
		u := float64(bl.Units)
		l.Units = &u
	}
	var q string
	for _, key := range []string{bl.Code, bl.RevenueCode, bl.Description} {
		if key == "" {
			continue
		}
		if q = lineWithMoney(p.Text, b.used, bl.Charge, key); q != "" {
			break
		}
	}
	if q == "" {
		q = lineWithMoney(p.Text, b.used, bl.Charge)
	}
	if q == "" {
		b.miss(p.Number, "bill %s %.2f: no line holds its code and charge", bl.Code, bl.Charge)
		return l, false
	}
	b.used[q]++
	l.Citations = []llm.AnswerCitation{{Page: p.Number, Quote: q}}
	return l, true
}

// totalKinds maps the truth's kinds of totals to the answer's.
var totalKinds = map[string]string{"": "charges", extract.TotalPayments: "payments",
	extract.TotalAdjustments: "adjustments", extract.TotalBalance: "balance"}

// totalWords are words a total's line prints, by the answer's kind.
var totalWords = map[string][]string{"charges": {"total", "charges"}, "payments": {"payment", "paid"},
	"adjustments": {"adjust", "write"}, "balance": {"balance", "due"}}

func (b *builder) total(bt fixture.BillTotal, p Page) (llm.AnswerBillTotal, bool) {
	kind := totalKinds[bt.Kind]
	if kind == "" {
		kind = "charges"
	}
	t := llm.AnswerBillTotal{Provider: b.printed(bt.Provider, p.Text), Kind: kind, Total: bt.Total}
	q := ""
	for _, w := range totalWords[kind] {
		if q = lineWithMoney(p.Text, b.used, bt.Total, w); q != "" {
			break
		}
	}
	if q == "" {
		q = lineWithMoney(p.Text, b.used, bt.Total)
	}
	if q == "" {
		b.miss(p.Number, "%s total %.2f: no line holds it", kind, bt.Total)
		return t, false
	}
	b.used[q]++
	t.Citations = []llm.AnswerCitation{{Page: p.Number, Quote: q}}
	return t, true
}

func (b *builder) expected(m fixture.MissingRecord, p Page) (llm.AnswerExpected, bool) {
	x := llm.AnswerExpected{Kind: m.Kind, What: m.What}
	q := lineWith(p.Text, m.What)
	if q == "" {
		q = cueLine(p.Text, m.Kind)
	}
	if q == "" {
		q = lineWithMostWords(p.Text, m.What)
	}
	if q == "" {
		b.miss(p.Number, "missing %s record %q: no line says so", m.Kind, m.What)
		return x, false
	}
	x.Citations = []llm.AnswerCitation{{Page: p.Number, Quote: q}}
	return x, true
}

// cues are the words that show evidence of each kind of expected record.
var cues = map[string]*lazyre.Regexp{
	extract.ExpectEMS:      lazyre.New(`(?i)\b(ambulance|ems|paramedics?|medic unit|biba)\b`),
	extract.ExpectFollowUp: lazyre.New(`(?i)\b(return(ing)? (to|in)|follow[- ]?up (in|with|on)|re-?evaluat\w*|recheck|next (visit|appointment)|rtc)\b`),
	extract.ExpectReport:   lazyre.New(`(?i)\b(not (yet )?received|pending|awaiting|not available)\b`),
	extract.ExpectReferral: lazyre.New(`(?i)\b(refer(red|ral)?)\b`),
}

// cueLine returns the line that shows evidence of kind: for a follow-up
// the last such line of the page (the last note schedules the visit still
// to come), otherwise the first; "" when none does.
func cueLine(text, kind string) string {
	re := cues[kind]
	if re == nil {
		return ""
	}
	found := ""
	for _, l := range lines(text) {
		if re.MatchString(l) {
			if kind != extract.ExpectFollowUp {
				return l
			}
			found = l
		}
	}
	return found
}

func lastName(name string) string {
	f := strings.Fields(name)
	if len(f) == 0 {
		return name
	}
	return f[len(f)-1]
}
