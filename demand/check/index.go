package check

import (
	"fmt"
	"math"
	"strings"

	"github.com/medchron/medchron/chronology"
	"github.com/medchron/medchron/extract"
	"github.com/medchron/medchron/extract/dates"
	"github.com/medchron/medchron/internal/textutil"
)

// Checker compares texts with one chronology. It is safe for concurrent
// use once made.
type Checker struct {
	c        chronology.Chronology
	opt      Options
	entries  map[string]*chronology.Entry // every entry, dated and undated, by id
	all      []chronology.Entry           // every entry, dated then undated
	provName map[string]string            // provider id → canonical name
	provKind map[string]string            // provider id → kind
	names    []providerName               // every printed name of every provider
	figures  []figure
	pages    map[string]pageRefs // citation key → entries and bills citing it
	codes    map[string][]string // normalised ICD-10 code → entry ids
	support  []entryText         // per entry, the stems of its diagnostic text
}

// providerName is one way a provider is printed, with its comparison key.
type providerName struct {
	id, name string
	key      []string // chronology.NormalizeProvider tokens
}

// figure is an amount of the ledger or an attorney input.
type figure struct {
	cents      int64
	providerID string // "" when matter-wide
	kind       string // the provider kind of a kind total
	label      string
}

type pageRefs struct {
	entries []string
	bills   int
}

type entryText struct {
	id    string
	stems map[string]bool
}

// New indexes c for checking. c is not modified.
func New(c chronology.Chronology, opt Options) *Checker {
	k := &Checker{c: c, opt: opt, entries: map[string]*chronology.Entry{}, provName: map[string]string{},
		provKind: map[string]string{}, pages: map[string]pageRefs{}, codes: map[string][]string{}}
	for _, p := range c.Providers {
		k.provName[p.ID] = p.Name
		k.provKind[p.ID] = p.Kind
		k.addName(p.ID, p.Name)
		for _, a := range p.Aliases {
			k.addName(p.ID, a)
		}
	}
	k.all = c.AllEntries()
	for i := range k.all {
		e := &k.all[i]
		k.entries[e.ID] = e
		k.addName(e.ProviderID, e.Provider)
		for _, ct := range e.Citations {
			k.addPage(ct, e.ID)
		}
		for _, d := range e.Diagnoses {
			if code := normCode(d.Code); code != "" {
				k.codes[code] = append(k.codes[code], e.ID)
			}
		}
		for _, m := range codeRE.FindAllString(e.Assessment, -1) {
			k.codes[normCode(m)] = append(k.codes[normCode(m)], e.ID)
		}
		k.support = append(k.support, entryText{id: e.ID, stems: diagnosticStems(e)})
	}
	for _, b := range c.Bills {
		k.addName(b.ProviderID, b.Provider)
		for _, ct := range b.Citations {
			k.addPage(ct, "")
		}
	}
	k.indexFigures()
	return k
}

func (k *Checker) addName(id, name string) {
	if strings.TrimSpace(name) == "" || id == "" {
		return
	}
	key := strings.Fields(chronology.NormalizeProvider(name))
	for _, n := range k.names {
		if n.id == id && strings.EqualFold(n.name, name) {
			return
		}
	}
	k.names = append(k.names, providerName{id: id, name: name, key: key})
}

// citation keys: a Bates number names a page; a file or document id with a
// page number does too.
func batesKey(b string) string { return "bates:" + strings.ToUpper(strings.TrimSpace(b)) }
func fileKey(ref string, page int) string {
	return fmt.Sprintf("ref:%s#%d", strings.TrimSpace(ref), page)
}

func (k *Checker) addPage(ct extract.Citation, entryID string) {
	keys := []string{fileKey(ct.DocumentID, ct.Page)}
	if ct.Bates != "" {
		keys = append(keys, batesKey(ct.Bates))
	}
	for _, d := range k.c.Documents {
		if d.ID == ct.DocumentID && d.File != "" {
			keys = append(keys, fileKey(d.File, ct.Page))
		}
	}
	for _, key := range keys {
		r := k.pages[key]
		if entryID == "" {
			r.bills++
		} else if !contains(r.entries, entryID) {
			r.entries = append(r.entries, entryID)
		}
		k.pages[key] = r
	}
}

func contains(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}

func cents(v float64) int64 { return int64(math.Round(math.Abs(v) * 100)) }

func abs64(v int64) int64 {
	if v < 0 {
		return -v
	}
	return v
}

// indexFigures lists every amount the text may state: bill lines, a
// provider's charges on one date, provider totals, printed totals, kind
// totals, the grand total and the attorney's inputs.
func (k *Checker) indexFigures() {
	add := func(v float64, prov, label string) {
		k.figures = append(k.figures, figure{cents: cents(v), providerID: prov, label: label})
	}
	type day struct {
		prov string
		d    dates.Date
	}
	visit := map[day]int64{}
	var dayOrder []day
	kindCharges := map[string]int64{}
	for _, b := range k.c.Bills {
		name := k.name(b.ProviderID, b.Provider)
		when := ""
		if !b.Date.IsZero() {
			when = " of " + b.Date.String()
		}
		if b.Charge != 0 {
			add(b.Charge, b.ProviderID, "bill line"+when+" of "+name)
			if !b.EOB && (b.Kind == chronology.BillCharge || b.Kind == "") && !b.Date.IsZero() {
				d := day{b.ProviderID, b.Date}
				if _, ok := visit[d]; !ok {
					dayOrder = append(dayOrder, d)
				}
				visit[d] += cents(b.Charge)
			}
		}
		for _, v := range []struct {
			p    *float64
			what string
		}{{b.Paid, "payment"}, {b.Adjustment, "adjustment"}, {b.Balance, "balance"}} {
			if v.p != nil && *v.p != 0 {
				add(*v.p, b.ProviderID, v.what+" line"+when+" of "+name)
			}
		}
	}
	for _, d := range dayOrder {
		k.figures = append(k.figures, figure{cents: visit[d], providerID: d.prov,
			label: "charges of " + d.d.String() + " of " + k.name(d.prov, "")})
	}
	sp := k.c.Specials
	var balance int64
	for _, p := range sp.ByProvider {
		name := k.name(p.ProviderID, p.Provider)
		add(p.Charges, p.ProviderID, "charges of "+name)
		kindCharges[k.provKind[p.ProviderID]] += cents(p.Charges)
		bal := cents(p.Charges)
		if p.Paid != nil {
			add(*p.Paid, p.ProviderID, "payments of "+name)
			bal -= cents(*p.Paid)
		}
		if p.Adjustments != nil {
			add(*p.Adjustments, p.ProviderID, "adjustments of "+name)
			bal -= cents(*p.Adjustments)
		}
		// A balance below zero (adjustments over the charges) is stated
		// with its sign, which the amount finder does not read.
		k.figures = append(k.figures, figure{cents: abs64(bal), providerID: p.ProviderID, label: "balance of " + name})
		balance += bal
	}
	for _, t := range k.c.BillTotals {
		add(t.Total, t.ProviderID, "printed "+t.Kind+" total of "+k.name(t.ProviderID, t.Provider))
	}
	for kind, v := range kindCharges {
		if kind != "" {
			k.figures = append(k.figures, figure{cents: v, kind: kind, label: "charges of " + strings.ReplaceAll(kind, "_", " ") + " providers"})
		}
	}
	add(sp.TotalCharges, "", "total charges")
	if sp.TotalPaid != nil {
		add(*sp.TotalPaid, "", "total payments")
	}
	if sp.TotalAdjustments != nil {
		add(*sp.TotalAdjustments, "", "total adjustments")
	}
	if sp.UngroundedCharges != nil {
		add(*sp.UngroundedCharges, "", "charges of bill lines not yet grounded")
	}
	k.figures = append(k.figures, figure{cents: abs64(balance), label: "total balance"})
	for _, f := range k.opt.Amounts {
		add(f.Amount, "", "attorney input: "+f.Label)
	}
	k.addSums(cents(sp.TotalCharges))
}

// maxSummed bounds the attorney inputs combined into sums (2^n sums).
const maxSummed = 10

// addSums adds the total charges plus each combination of attorney
// inputs, and each combination of two inputs or more.
func (k *Checker) addSums(total int64) {
	in := k.opt.Amounts[:min(len(k.opt.Amounts), maxSummed)]
	for mask := 1; mask < 1<<len(in); mask++ {
		var sum int64
		var labels []string
		for i, f := range in {
			if mask&(1<<i) != 0 {
				sum += cents(f.Amount)
				labels = append(labels, f.Label)
			}
		}
		k.figures = append(k.figures, figure{cents: total + sum, label: "total charges plus " + strings.Join(labels, ", ")})
		if len(labels) > 1 {
			k.figures = append(k.figures, figure{cents: sum, label: "sum of " + strings.Join(labels, ", ")})
		}
	}
}

// name returns a provider's canonical name, or printed when unknown.
func (k *Checker) name(id, printed string) string {
	if n := k.provName[id]; n != "" {
		return n
	}
	return textutil.FoldSpace(printed)
}
