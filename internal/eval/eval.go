package eval

import (
	"fmt"
	"io"
	"math"
	"slices"
	"sort"
	"strings"

	"github.com/medchron/medchron/chronology"
	"github.com/medchron/medchron/extract"
	"github.com/medchron/medchron/internal/fixture"
)

// Score counts matches of one field.
type Score struct {
	Field         string
	TP, FP, FN    int
	Missed, Extra []string // a few examples, for debugging
}

// Precision is TP / (TP + FP), 1 when nothing was found and nothing expected.
func (s Score) Precision() float64 { return ratio(s.TP, s.TP+s.FP) }

// Recall is TP / (TP + FN).
func (s Score) Recall() float64 { return ratio(s.TP, s.TP+s.FN) }

// F1 is the harmonic mean of precision and recall.
func (s Score) F1() float64 {
	p, r := s.Precision(), s.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

// Report is the scores of one chronology against one truth.
type Report struct {
	Scores []Score
	// SpecialsTotal and TruthTotal are the charges found and expected.
	SpecialsTotal, TruthTotal float64
	// GroundedShare is the share of entries whose citations are all grounded.
	GroundedShare float64
	// Entries and GroundedEntries count the chronology's entries, all and
	// verified, so that reports can be summed (see Total).
	Entries, GroundedEntries int
	// Grounding is the re-check of grounded quotes against their pages,
	// filled by the caller with CheckGrounding (Compare has no pages).
	Grounding Grounding
}

// Field returns the score of the named field.
func (r Report) Field(name string) Score {
	for _, s := range r.Scores {
		if s.Field == name {
			return s
		}
	}
	return Score{Field: name}
}

// providerMatcher maps printed provider names to truth providers.
type providerMatcher map[string]string // normalised key → canonical truth name

func newProviderMatcher(t fixture.Truth) providerMatcher {
	m := providerMatcher{}
	for _, p := range t.Providers {
		m[chronology.NormalizeProvider(p.Name)] = p.Name
		for _, a := range p.Aliases {
			m[chronology.NormalizeProvider(a)] = p.Name
		}
	}
	return m
}

// truthName returns the truth provider that an entry's provider (canonical
// name and aliases) stands for, or "" when none.
func (pm providerMatcher) truthName(c chronology.Chronology, providerID, name string) string {
	if n, ok := pm[chronology.NormalizeProvider(name)]; ok {
		return n
	}
	for _, p := range c.Providers {
		if p.ID != providerID {
			continue
		}
		for _, a := range p.Aliases {
			if n, ok := pm[chronology.NormalizeProvider(a)]; ok {
				return n
			}
		}
	}
	return ""
}

// Compare scores c against t.
func Compare(c chronology.Chronology, t fixture.Truth) Report {
	pm := newProviderMatcher(t)
	var r Report

	// Encounters: date + provider.
	want := map[string]bool{}
	wantPages := map[string][]int{}
	wantPre := map[string]bool{}
	wantVisit := map[string]string{}
	for _, e := range t.Encounters {
		if e.Undated {
			continue // scored as undated entries below
		}
		k := e.Date.String() + " " + e.Provider
		want[k] = true
		wantPages[k] = append(wantPages[k], e.Pages...)
		wantPre[k] = e.PreIncident
		wantVisit[k] = strings.ToLower(e.VisitType)
	}
	visitOK, visitAll := 0, 0
	got := map[string]bool{}
	citeOK, citeAll, preTP, preFP, preFN := 0, 0, 0, 0, 0
	pagesTP, pagesFP, pagesFN := 0, 0, 0
	grounded := 0
	for _, e := range c.Entries {
		if e.Grounded {
			grounded++
		}
		k := e.Date.String() + " " + pm.truthName(c, e.ProviderID, e.Provider)
		if got[k] {
			continue
		}
		got[k] = true
		if !want[k] {
			continue
		}
		citeAll++
		visitAll++
		if strings.EqualFold(e.VisitType, wantVisit[k]) {
			visitOK++
		}
		if len(e.Citations) > 0 && containsInt(wantPages[k], e.Citations[0].Page) {
			citeOK++
		}
		pagesTP, pagesFP, pagesFN = scorePages(e.Citations, wantPages[k], pagesTP, pagesFP, pagesFN)
		switch {
		case e.PreIncident && wantPre[k]:
			preTP++
		case e.PreIncident:
			preFP++
		case wantPre[k]:
			preFN++
		}
	}
	r.Scores = append(r.Scores, setScore("encounters", want, got))
	r.Scores = append(r.Scores, undatedEntries(c, t, pm))
	r.Scores = append(r.Scores, Score{Field: "pre_incident", TP: preTP, FP: preFP, FN: preFN})
	r.Scores = append(r.Scores, Score{Field: "citation_pages", TP: citeOK, FP: citeAll - citeOK, FN: citeAll - citeOK})
	r.Scores = append(r.Scores, Score{Field: "visit_type", TP: visitOK, FP: visitAll - visitOK, FN: visitAll - visitOK})
	r.Scores = append(r.Scores, Score{Field: "encounter_pages", TP: pagesTP, FP: pagesFP, FN: pagesFN})
	r.GroundedShare = ratio(grounded, len(c.Entries))
	r.Entries, r.GroundedEntries = len(c.Entries), grounded

	// Providers: one chronology provider per true provider; a true provider
	// split in two counts the second as a false positive.
	wantN, gotN := map[string]int{}, map[string]int{}
	for _, p := range t.Providers {
		wantN[p.Name] = 1
	}
	for _, p := range c.Providers {
		n := pm.truthName(c, p.ID, p.Name)
		if n == "" {
			n = "?" + p.Name
		}
		gotN[n]++
	}
	r.Scores = append(r.Scores, multisetScore("providers", wantN, gotN))

	// Diagnoses: date + ICD-10 code.
	want, got = map[string]bool{}, map[string]bool{}
	for _, e := range t.Encounters {
		for _, d := range e.Diagnoses {
			want[e.Date.String()+" "+d] = true
		}
	}
	for _, e := range c.Entries {
		for _, d := range e.Diagnoses {
			if d.Code != "" {
				got[e.Date.String()+" "+strings.ToUpper(d.Code)] = true
			}
		}
	}
	r.Scores = append(r.Scores, setScore("icd10", want, got))

	// Bill lines: date + code + charge, counted as a multiset.
	wantN, gotN = map[string]int{}, map[string]int{}
	for _, b := range t.Bills {
		wantN[billKey(b.Date.String(), b.Code, b.Charge)]++
		r.TruthTotal += b.Charge
	}
	for _, b := range c.Bills {
		if b.Kind == chronology.BillPayment || b.Kind == chronology.BillAdjustment {
			continue // payment and adjustment rows are never billed lines
		}
		gotN[billKey(b.Date.String(), b.Code, b.Charge)]++
	}
	r.Scores = append(r.Scores, multisetScore("bill_lines", wantN, gotN))
	r.SpecialsTotal = c.Specials.TotalCharges
	r.TruthTotal = math.Round(t.Specials.Total*100) / 100

	// Specials by provider, exact to the cent.
	want, got = map[string]bool{}, map[string]bool{}
	for p, v := range t.Specials.ByProvider {
		want[fmt.Sprintf("%s %.2f", p, v)] = true
	}
	for _, s := range c.Specials.ByProvider {
		got[fmt.Sprintf("%s %.2f", pm.truthName(c, s.ProviderID, s.Provider), s.Charges)] = true
	}
	r.Scores = append(r.Scores, setScore("specials_by_provider", want, got))

	// Gaps: from + to.
	want, got = map[string]bool{}, map[string]bool{}
	for _, g := range t.Gaps {
		want[g.From.String()+" "+g.To.String()] = true
	}
	for _, g := range c.Gaps {
		got[g.From.String()+" "+g.To.String()] = true
	}
	r.Scores = append(r.Scores, setScore("gaps", want, got))

	// Duplicate pages.
	want, got = map[string]bool{}, map[string]bool{}
	for _, d := range t.Duplicates {
		want[fmt.Sprintf("%d=%d", d.Page, d.DuplicateOf)] = true
	}
	for _, d := range c.Duplicates {
		got[fmt.Sprintf("%d=%d", d.Page, d.DuplicateOf.Page)] = true
	}
	r.Scores = append(r.Scores, setScore("duplicates", want, got))
	return r
}

// undatedEntries scores the chronology's undated entries against the
// truth's records without a date of service: an entry matches a record
// when it names the record's provider and cites one of its pages.
func undatedEntries(c chronology.Chronology, t fixture.Truth, pm providerMatcher) Score {
	want, got := map[string]bool{}, map[string]bool{}
	var recs []fixture.Encounter
	for _, e := range t.Encounters {
		if e.Undated {
			recs = append(recs, e)
			want[undatedKey(e.Provider, e.Pages)] = true
		}
	}
	for _, e := range c.UndatedEntries {
		name := pm.truthName(c, e.ProviderID, e.Provider)
		var pages []int
		for _, ct := range e.Citations {
			pages = append(pages, ct.Page)
		}
		k := undatedKey(name, pages)
		for _, r := range recs {
			if r.Provider == name && slices.ContainsFunc(pages, func(p int) bool { return containsInt(r.Pages, p) }) {
				k = undatedKey(r.Provider, r.Pages)
				break
			}
		}
		got[k] = true
	}
	return setScore("undated_entries", want, got)
}

func undatedKey(provider string, pages []int) string {
	first := 0
	if len(pages) > 0 {
		first = slices.Min(pages)
	}
	return fmt.Sprintf("undated %s p%d", provider, first)
}

func billKey(date, code string, charge float64) string {
	return fmt.Sprintf("%s %s %.2f", date, strings.ToUpper(strings.TrimSpace(code)), charge)
}

func setScore(field string, want, got map[string]bool) Score {
	s := Score{Field: field}
	for k := range got {
		if want[k] {
			s.TP++
		} else {
			s.FP++
			s.Extra = append(s.Extra, k)
		}
	}
	for k := range want {
		if !got[k] {
			s.FN++
			s.Missed = append(s.Missed, k)
		}
	}
	sort.Strings(s.Missed)
	sort.Strings(s.Extra)
	return s
}

func multisetScore(field string, want, got map[string]int) Score {
	s := Score{Field: field}
	for k, n := range got {
		tp := min(n, want[k])
		s.TP += tp
		s.FP += n - tp
		if n > tp {
			s.Extra = append(s.Extra, k)
		}
	}
	for k, n := range want {
		if g := got[k]; g < n {
			s.FN += n - g
			s.Missed = append(s.Missed, k)
		}
	}
	sort.Strings(s.Missed)
	sort.Strings(s.Extra)
	return s
}

func containsInt(s []int, v int) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

// Write prints the report as a Markdown table.
func (r Report) Write(w io.Writer) {
	fmt.Fprintln(w, "| field | precision | recall | F1 | TP | FP | FN |")
	fmt.Fprintln(w, "|---|---|---|---|---|---|---|")
	for _, s := range r.Scores {
		fmt.Fprintf(w, "| %s | %.3f | %.3f | %.3f | %d | %d | %d |\n", s.Field, s.Precision(), s.Recall(), s.F1(), s.TP, s.FP, s.FN)
	}
	fmt.Fprintf(w, "\nspecials total: found $%.2f, truth $%.2f; grounded entries: %.1f%%\n", r.SpecialsTotal, r.TruthTotal, 100*r.GroundedShare)
	if r.Grounding.Checked > 0 {
		fmt.Fprintf(w, "grounded quotes not on their page: %d of %d\n", r.Grounding.NotOnPage, r.Grounding.Checked)
	}
}

// scorePages adds to the counts of an encounter's pages: the distinct
// pages its citations name against the pages its record runs over in the
// truth (every page of a multi-page record should be cited).
func scorePages(cs []extract.Citation, want []int, tp, fp, fn int) (int, int, int) {
	cited := map[int]bool{}
	for _, c := range cs {
		cited[c.Page] = true
	}
	for p := range cited {
		if containsInt(want, p) {
			tp++
		} else {
			fp++
		}
	}
	seen := map[int]bool{}
	for _, p := range want {
		if !cited[p] && !seen[p] {
			fn++
		}
		seen[p] = true
	}
	return tp, fp, fn
}
