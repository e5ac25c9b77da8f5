package check

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/medchron/medchron/chronology"
	"github.com/medchron/medchron/internal/lazyre"
)

var numberWords = map[string]int{"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
	"eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
	"sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
	"fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}

// visitRE finds "12 visits", "twelve physical therapy sessions", "25 PT
// visits": a number, up to three words, and a noun of visits.
var visitRE = lazyre.New(`(?i)\b(\d{1,3}|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)\s+((?:[a-z][a-z/-]*\s+){0,3}?)(visits?|sessions?|appointments?|encounters?|treatments?)\b`)

// notCounted are words between the number and the noun that make the count
// a plan or a rate rather than visits that took place.
var notCounted = set("more", "additional", "further", "remaining", "planned", "authorized", "scheduled",
	"recommended", "future", "per", "a", "each", "of", "to", "missed", "cancelled", "canceled", "weekly", "for",
	"the", "in", "at", "on", "with", "by", "from", "and", "or", "between", "that", "since", "after", "before",
	"days", "weeks", "months", "years", "hours", "minutes")

// kindWords name a kind of provider in a count ("physical therapy visits").
var kindWords = map[string]string{"physical": "physical_therapy", "pt": "physical_therapy", "therapy": "physical_therapy",
	"chiropractic": "chiropractic", "chiro": "chiropractic", "orthopedic": "orthopedics", "orthopaedic": "orthopedics",
	"pain": "pain_management", "emergency": "emergency", "er": "emergency", "primary": "primary_care", "imaging": "radiology"}

func parseCount(s string) (int, bool) {
	s = strings.ToLower(s)
	if n, err := strconv.Atoi(s); err == nil {
		return n, true
	}
	total := 0
	for _, p := range strings.FieldsFunc(s, func(r rune) bool { return r == '-' || r == ' ' }) {
		v, ok := numberWords[p]
		if !ok {
			return 0, false
		}
		total += v
	}
	return total, total > 0
}

// visitCounts checks each visit count against the entries of the provider
// the sentence (or the heading above it) names, of the kind of provider
// the count names, or of the matter.
func (k *Checker) visitCounts(cx *sentenceCtx) []Finding {
	var out []Finding
	for _, m := range visitRE.FindAllStringSubmatchIndex(cx.body, -1) {
		if m[0] > 0 && strings.ContainsRune(".,$/:", rune(cx.body[m[0]-1])) {
			continue // the cents of an amount, a ratio, a time
		}
		between := strings.Fields(strings.ToLower(cx.body[m[4]:m[5]]))
		if slices.ContainsFunc(between, func(w string) bool { return notCounted[w] }) || rate(cx.body[m[1]:]) {
			continue
		}
		n, ok := parseCount(cx.body[m[2]:m[3]])
		if !ok {
			continue
		}
		f := Finding{Kind: KindVisitCount, Text: cx.body[m[0]:m[1]], Start: cx.start + m[0], End: cx.start + m[1]}
		scope, what := k.countScope(cx, between)
		f.OK, f.Basis, f.Reason = k.count(n, scope, what)
		out = append(out, f)
	}
	return out
}

// rate reports whether the text after a count makes it a frequency ("2
// visits per week").
func rate(after string) bool {
	a := strings.ToLower(strings.TrimSpace(after))
	for _, p := range []string{"per ", "a week", "a month", "each week", "weekly", "/week", "/wk", "a day"} {
		if strings.HasPrefix(a, p) {
			return true
		}
	}
	return false
}

// countScope returns the test an entry must pass to be counted, and what
// it counts.
func (k *Checker) countScope(cx *sentenceCtx, between []string) (func(chronology.Entry) bool, string) {
	// A provider named in the sentence, else the heading's, else the
	// provider of a clinician named.
	provs := cx.named
	if len(provs) == 0 {
		provs = cx.heading
	}
	if len(provs) == 0 {
		provs = cx.clinicians
	}
	if len(provs) > 0 {
		names := make([]string, len(provs))
		for i, p := range provs {
			names[i] = k.name(p, "")
		}
		return func(e chronology.Entry) bool { return slices.Contains(provs, e.ProviderID) }, strings.Join(names, " and ")
	}
	for _, w := range between {
		if kind, ok := kindWords[w]; ok {
			return func(e chronology.Entry) bool {
				return k.provKind[e.ProviderID] == kind || strings.Contains(strings.ToLower(e.VisitType), strings.ReplaceAll(kind, "_", " "))
			}, strings.ReplaceAll(kind, "_", " ") + " providers"
		}
	}
	return func(chronology.Entry) bool { return true }, "the matter"
}

// count compares n with the entries in scope: all dated entries, those
// after the incident, and (with an eligibility policy) the eligible ones.
func (k *Checker) count(n int, in func(chronology.Entry) bool, what string) (bool, string, string) {
	var all, post, elig, eligPost int
	for _, e := range k.c.Entries {
		if !in(e) {
			continue
		}
		all++
		if !e.PreIncident {
			post++
		}
		if k.opt.Eligible != nil && k.opt.Eligible(e) {
			elig++
			if !e.PreIncident {
				eligPost++
			}
		}
	}
	bases := []struct {
		n    int
		what string
	}{{all, "entries"}, {post, "entries after the incident"}}
	if k.opt.Eligible != nil {
		bases = append(bases, struct {
			n    int
			what string
		}{elig, "eligible entries"}, struct {
			n    int
			what string
		}{eligPost, "eligible entries after the incident"})
	}
	for _, b := range bases {
		if b.n == n {
			return true, fmt.Sprintf("%d %s of %s", n, b.what, what), ""
		}
	}
	return false, "", fmt.Sprintf("the chronology has %d entries of %s (%d after the incident), not %d", all, what, post, n)
}
