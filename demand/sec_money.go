package demand

import (
	"fmt"
	"math"
	"strings"

	"github.com/medchron/medchron/chronology"
	"github.com/medchron/medchron/internal/lazyre"
	"github.com/medchron/medchron/internal/textutil"
)

func money(v float64) string { return textutil.Dollars(v) }

// goalWords mark a therapy goal, never a work status.
var goalWords = lazyre.New(`(?i)\b(goals?|will be able|to return to|able to return)\b`)

// occupationWords find the client's job in a history.
var occupationWords = lazyre.New(`(?i)\b(?:works?|working|employed|job|duty|duties) as an? ([a-z][a-z /-]{2,40}?)(?:[.,;]| at | for |$)`)

// workFacts returns the used entries whose work status the records state,
// goals left out.
func (l *letter) workFacts() []usedEntry {
	var out []usedEntry
	for _, e := range l.used {
		if ws := clean(e.WorkStatus); ws != "" && !goalWords.MatchString(ws) {
			out = append(out, e)
		}
	}
	return out
}

// Occupation returns the client's occupation as the records print it
// ("works as a forklift operator", "full duty as a retail store manager"),
// for pre-filling the attorney's inputs; empty when none says.
func Occupation(c chronology.Chronology) string {
	for _, e := range c.Entries {
		for _, f := range []string{e.Complaints, e.Summary, e.WorkStatus} {
			if m := occupationWords.FindStringSubmatch(f); m != nil {
				return strings.TrimSpace(m[1])
			}
		}
	}
	return ""
}

// hasWages reports whether the letter has a lost-wages section.
func (l *letter) hasWages() bool {
	return len(l.workFacts()) > 0 || l.in.DailyWage != nil || l.in.DaysMissed != nil || l.in.Employer != ""
}

// wageLoss is the lost wages the inputs give, and whether they give it.
func (l *letter) wageLoss() (float64, bool) {
	if l.in.DailyWage == nil || l.in.DaysMissed == nil {
		return 0, false
	}
	return math.Round(*l.in.DailyWage*float64(*l.in.DaysMissed)*100) / 100, true
}

// lostWages writes the work-status facts of the records and the wage
// loss from the attorney's inputs.
func (l *letter) lostWages() Section {
	w := l.writer()
	var b strings.Builder
	occ := clean(l.in.Occupation)
	if occ == "" {
		occ = Occupation(l.c)
	}
	switch {
	case occ != "" && l.in.Employer != "":
		fmt.Fprintf(&b, "%s works as %s %s for %s.", sentenceCase(l.client), article(occ), occ, clean(l.in.Employer))
	case occ != "":
		fmt.Fprintf(&b, "%s works as %s %s.", sentenceCase(l.client), article(occ), occ)
	case l.in.Employer != "":
		fmt.Fprintf(&b, "%s works for %s.", sentenceCase(l.client), clean(l.in.Employer))
	}
	if ws := l.workFacts(); len(ws) > 0 {
		b.WriteString(" The records state the work restrictions:\n\n")
		for _, run := range byProviderRuns(ws) {
			first, last := run[0], run[len(run)-1]
			if len(run) == 1 {
				fmt.Fprintf(&b, "- %s, %s: %s.%s\n", longDate(first.Date), clean(first.Provider), quoted(inline(first.WorkStatus)), w.cite(first, first.WorkStatus))
				continue
			}
			fmt.Fprintf(&b, "- %s, %d visits from %s to %s: first %s%s; last %s.%s\n", clean(first.Provider), len(run), longDate(first.Date), longDate(last.Date),
				quoted(inline(first.WorkStatus)), w.cite(first, first.WorkStatus), quoted(inline(last.WorkStatus)), w.cite(last, last.WorkStatus))
		}
	}
	b.WriteString("\n")
	offDays := 0
	if ps := l.offWorkPeriods(); len(ps) > 0 {
		var parts []string
		for _, p := range ps {
			offDays += p.days()
			cite := w.cite(p.start, p.start.WorkStatus)
			switch {
			case p.endOwn:
				// The end is the record's own words ("until 04/03/2023",
				// "3 days"): quoted, never a date the letter computed.
				if p.end.ID != p.start.ID {
					cite += w.cite(p.end, p.end.WorkStatus)
				}
				parts = append(parts, fmt.Sprintf("from %s, %s%s", longDate(p.from), quoted(inline(p.end.WorkStatus)), cite))
			default:
				parts = append(parts, fmt.Sprintf("from %s%s to %s, the next record of work (%s)%s",
					longDate(p.from), cite, longDate(p.to), quoted(inline(p.end.WorkStatus)), w.cite(p.end, p.end.WorkStatus)))
			}
		}
		fmt.Fprintf(&b, "The records place %s off work for %d days: %s.\n\n", l.client, offDays, strings.Join(parts, "; "))
	}
	switch v, ok := l.wageLoss(); {
	case ok:
		fmt.Fprintf(&b, "%s missed %d days of work at a daily wage of %s, a wage loss of %s.", sentenceCase(l.client), *l.in.DaysMissed, money(*l.in.DailyWage), money(v))
	case offDays > 0:
		fmt.Fprintf(&b, "[Attorney to insert the days of work missed (the records show at least %d) and the daily wage.]", offDays)
	default:
		b.WriteString("[Attorney to insert the days of work missed and the daily wage.]")
	}
	return w.section(KeyLostWages, "Lost Wages", b.String())
}

// specials writes the medical specials per provider from the
// chronology's specials (billed, adjustments, paid, balance), the
// collateral payments, liens and out-of-pocket costs from the inputs.
func (l *letter) specials() Section {
	w := l.writer()
	var b strings.Builder
	sp := l.c.Specials
	firstBill := map[string]chronology.Bill{}
	for _, bl := range l.c.Bills {
		if _, ok := firstBill[bl.ProviderID]; !ok && bl.Grounded && len(bl.Citations) > 0 {
			firstBill[bl.ProviderID] = bl
		}
	}
	b.WriteString("| Provider | Dates of service | Billed | Adjustments | Paid | Balance | Bill |\n| --- | --- | ---: | ---: | ---: | ---: | --- |\n")
	var adj, paid float64
	for _, p := range sp.ByProvider {
		dates := shortDate(p.FirstDate)
		if p.LastDate != p.FirstDate && !p.LastDate.IsZero() {
			dates += " – " + shortDate(p.LastDate)
		}
		a, pd := deref(p.Adjustments), deref(p.Paid)
		adj, paid = adj+a, paid+pd
		ref := ""
		if bl, ok := firstBill[p.ProviderID]; ok {
			ref = strings.Trim(strings.TrimSpace(w.citeBill(bl)), "()")
		}
		fmt.Fprintf(&b, "| %s | %s | %s | %s | %s | %s | %s |\n", tableCell(clean(p.Provider)), dates, money(p.Charges), money(a), money(pd), money(balance(p.Charges, a, pd)), tableCell(ref))
	}
	fmt.Fprintf(&b, "| Total | | %s | %s | %s | %s | |\n\n", money(sp.TotalCharges), money(adj), money(paid), money(balance(sp.TotalCharges, adj, paid)))
	fmt.Fprintf(&b, "The medical expenses total %s, as the itemized bills show.", money(sp.TotalCharges))
	if u := deref(sp.UngroundedCharges); u > 0 {
		fmt.Fprintf(&b, " [Paralegal to check bill lines of %s whose quotes were not found on their pages; they are not included above.]", money(u))
	}
	b.WriteString("\n\n")
	in := l.in
	var pay []string
	if in.PIP != nil {
		pay = append(pay, "personal injury protection (PIP) "+money(*in.PIP))
	}
	if in.MedPay != nil {
		pay = append(pay, "medical payments coverage (MedPay) "+money(*in.MedPay))
	}
	if in.OutOfPocket != nil {
		pay = append(pay, "paid out of pocket by "+l.client+" "+money(*in.OutOfPocket))
	}
	if len(pay) > 0 {
		b.WriteString("Of these expenses, the following were paid: " + strings.Join(pay, "; ") + ".\n\n")
	}
	if in.LiensEntered || len(in.Liens) > 0 {
		if len(in.Liens) == 0 {
			b.WriteString("No lien has been asserted against the recovery.\n")
		} else {
			b.WriteString("Liens asserted against the recovery:\n\n")
			for _, ln := range in.Liens {
				fmt.Fprintf(&b, "- %s: %s\n", clean(ln.Holder), money(ln.Amount))
			}
		}
	}
	if in.PIP == nil || in.MedPay == nil || in.OutOfPocket == nil || !(in.LiensEntered || len(in.Liens) > 0) {
		b.WriteString("\n[Attorney to confirm PIP and MedPay payments, out-of-pocket costs and liens.]\n")
	}
	return w.section(KeySpecials, "Medical Specials", b.String())
}

func deref(v *float64) float64 {
	if v == nil {
		return 0
	}
	return *v
}

// balance is what is left of a charge after adjustments and payments.
func balance(charges, adj, paid float64) float64 {
	return math.Round((charges-adj-paid)*100) / 100
}

// byProviderRuns groups entries by provider, in order of first entry.
func byProviderRuns(es []usedEntry) [][]usedEntry {
	at := map[string]int{}
	var out [][]usedEntry
	for _, e := range es {
		k := providerKey(e.ProviderID, e.Provider)
		i, ok := at[k]
		if !ok {
			i = len(out)
			at[k] = i
			out = append(out, nil)
		}
		out[i] = append(out[i], e)
	}
	return out
}
