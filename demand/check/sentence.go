package check

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/medchron/medchron/extract/dates"
	"github.com/medchron/medchron/internal/lazyre"
	"github.com/medchron/medchron/internal/textutil"
)

// Check splits text into sentences and checks each one.
func (k *Checker) Check(text string) Report {
	r := Report{Sentences: []Sentence{}}
	for _, u := range splitText(text, k.isCite) {
		s := k.check(text, u.start, u.end, u.heading, nil)
		r.Sentences = append(r.Sentences, s)
	}
	return r
}

// CheckSentence checks text as one sentence citing the given entry ids
// (besides those its bracketed citations name). Offsets are in text.
func (k *Checker) CheckSentence(text string, cited []string) Sentence {
	return k.check(text, 0, len(text), "", cited)
}

// sentenceCtx is what one sentence's checks share.
type sentenceCtx struct {
	text       string // the whole text; offsets index it
	start, end int
	body       string   // text[start:end] with brackets blanked
	providers  []string // provider ids named in the body, or whose clinicians are
	named      []string // provider ids named in the body by name
	clinicians []string // provider ids of the clinicians named in the body
	heading    []string // provider ids named by the heading above
	cited      []string // entry ids cited
}

func (k *Checker) check(text string, start, end int, heading string, cited []string) Sentence {
	s := Sentence{Start: start, End: end, Text: text[start:end]}
	cx := &sentenceCtx{text: text, start: start, end: end}
	var fs []Finding
	cx.body, cx.cited, fs = k.brackets(text, start, end)
	s.Findings = append(s.Findings, fs...)
	for _, id := range cited {
		if k.entries[id] == nil {
			s.Findings = append(s.Findings, Finding{Kind: KindCitation, Text: id, Start: start, End: start,
				Reason: "cites entry " + id + ", which is not in the chronology"})
			continue
		}
		if !slices.Contains(cx.cited, id) {
			cx.cited = append(cx.cited, id)
		}
	}
	s.Cited = cx.cited
	fs, cx.named, cx.clinicians = k.providerFindings(cx.body, start)
	s.Findings = append(s.Findings, fs...)
	cx.providers = slices.Clone(cx.named)
	for _, p := range cx.clinicians {
		if !slices.Contains(cx.providers, p) {
			cx.providers = append(cx.providers, p)
		}
	}
	if heading != "" {
		_, cx.heading, _ = k.providerFindings(heading, 0)
	}
	s.Findings = append(s.Findings, k.amounts(cx)...)
	s.Findings = append(s.Findings, k.dates(cx)...)
	s.Findings = append(s.Findings, k.diagnoses(cx)...)
	s.Findings = append(s.Findings, k.visitCounts(cx)...)
	slices.SortStableFunc(s.Findings, func(a, b Finding) int { return a.Start - b.Start })
	return s
}

var amountRE = lazyre.New(`\$\s?(\d{1,3}(?:,\d{3})+|\d+)(\.\d{1,2})?`)

// amounts checks every dollar amount of the sentence against the ledger.
func (k *Checker) amounts(cx *sentenceCtx) []Finding {
	var out []Finding
	for _, m := range amountRE.FindAllStringSubmatchIndex(cx.body, -1) {
		raw := cx.body[m[0]:m[1]]
		whole, _ := strconv.ParseInt(strings.ReplaceAll(cx.body[m[2]:m[3]], ",", ""), 10, 64)
		c := whole * 100
		if m[4] >= 0 {
			frac := cx.body[m[4]+1 : m[5]]
			if len(frac) == 1 {
				frac += "0"
			}
			f, _ := strconv.ParseInt(frac, 10, 64)
			c += f
		}
		f := Finding{Kind: KindAmount, Text: raw, Start: cx.start + m[0], End: cx.start + m[1]}
		var other string
		if c == 0 {
			f.OK, f.Basis = true, "no amount recorded"
		}
		for _, fg := range k.figures {
			if f.OK {
				break
			}
			if fg.cents != c {
				continue
			}
			if k.figureOf(fg, cx.providers) {
				f.OK, f.Basis = true, fg.label
				break
			}
			if other == "" {
				other = fg.label
			}
		}
		switch {
		case f.OK:
		case other != "":
			f.Reason = fmt.Sprintf("%s is the %s, not a figure of the provider the sentence names", textutil.Money(c), other)
		default:
			f.Reason = fmt.Sprintf("%s matches no bill line, visit, provider total, printed total, kind total or grand total", textutil.Money(c))
		}
		out = append(out, f)
	}
	return out
}

// figureOf reports whether a figure may be stated in a sentence naming
// providers: a matter-wide figure always, a provider's or a kind's only
// for that provider or a provider of that kind.
func (k *Checker) figureOf(fg figure, providers []string) bool {
	switch {
	case len(providers) == 0:
		return true
	case fg.providerID != "":
		return slices.Contains(providers, fg.providerID)
	case fg.kind != "":
		return slices.ContainsFunc(providers, func(p string) bool { return k.provKind[p] == fg.kind })
	}
	return true
}

// dates checks every date of the sentence against the entries, bills and
// incident.
func (k *Checker) dates(cx *sentenceCtx) []Finding {
	var out []Finding
	for _, m := range dates.FindAll(cx.body) {
		f := Finding{Kind: KindDate, Text: m.Raw, Start: cx.start + m.Start, End: cx.start + m.End}
		f.OK, f.Basis, f.Reason = k.date(cx, m.Date)
		out = append(out, f)
	}
	return out
}

func (k *Checker) date(cx *sentenceCtx, d dates.Date) (bool, string, string) {
	if d == k.c.Matter.DateOfIncident {
		return true, "date of incident", ""
	}
	for _, nd := range k.opt.Dates {
		if nd.Date == d {
			return true, "attorney input: " + nd.Label, ""
		}
	}
	var onDate []string // provider ids with an entry or bill on d
	var entryIDs []string
	for _, e := range k.c.Entries {
		if e.Date == d || e.EndDate == d {
			onDate = append(onDate, e.ProviderID)
			entryIDs = append(entryIDs, e.ID)
		}
	}
	for _, b := range k.c.Bills {
		if b.Date == d {
			onDate = append(onDate, b.ProviderID)
		}
	}
	if k.opt.CitedOnly && len(cx.cited) > 0 && len(entryIDs) > 0 {
		for _, id := range entryIDs {
			if slices.Contains(cx.cited, id) {
				return true, "date of cited entry " + id, ""
			}
		}
		if !k.printedInCited(cx, d) {
			return false, "", fmt.Sprintf("%s is the date of entry %s, which the sentence does not cite", d, strings.Join(entryIDs, ", "))
		}
	}
	names := cx.providers
	if len(onDate) > 0 && (len(names) == 0 || overlaps(names, onDate)) {
		return true, "date of an entry or bill of " + k.name(onDate[0], ""), ""
	}
	if k.printedInCited(cx, d) {
		return true, "printed in a cited record", ""
	}
	if len(onDate) > 0 {
		return false, "", fmt.Sprintf("no visit or bill of %s is on %s (the records show %s then)",
			k.name(names[0], ""), d, k.name(onDate[0], ""))
	}
	return false, "", fmt.Sprintf("no entry, bill or date of incident is on %s", d)
}

func overlaps(a, b []string) bool {
	for _, x := range a {
		if slices.Contains(b, x) {
			return true
		}
	}
	return false
}

// printedInCited reports whether d is printed in a quote or field of an
// entry the sentence cites.
func (k *Checker) printedInCited(cx *sentenceCtx, d dates.Date) bool {
	for _, id := range cx.cited {
		e := k.entries[id]
		if e == nil {
			continue
		}
		texts := []string{e.Complaints, e.Findings, e.Assessment, e.Plan, e.Summary, e.WorkStatus}
		for _, c := range e.Citations {
			texts = append(texts, c.Quote)
		}
		for _, t := range texts {
			for _, m := range dates.FindAll(t) {
				if m.Date == d {
					return true
				}
			}
		}
	}
	return false
}
