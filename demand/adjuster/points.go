package adjuster

import (
	"fmt"
	"math"
	"strings"

	"github.com/medchron/medchron/chronology"
	"github.com/medchron/medchron/extract"
	"github.com/medchron/medchron/internal/rxfilter"
	"github.com/medchron/medchron/internal/textutil"
)

// reasonRE finds a reason for a gap in the visit that ends it.
var reasonRE = rxfilter.MustCompile(`(?i)[^.;\n]*\b(because|due to|authori[sz]ation|insurance|out of town|travel(?:l?ing|l?ed)?|childcare|child care|could not afford|transportation|absence|work schedule|waiting list|wait list|covid)\b[^.;\n]*`)

// gaps turns each gap of the chronology into a point citing the visits on
// both sides, with the reason the records give, if any.
func (r *reader) gaps() []Point {
	var out []Point
	for _, g := range r.c.Gaps {
		p := Point{Kind: KindGap, Date: g.From, Title: fmt.Sprintf("%d days without treatment", g.Days)}
		var before, after chronology.Entry
		var ok bool
		if before, ok = r.byID[g.AfterEntryID]; ok {
			p.EntryIDs = append(p.EntryIDs, before.ID)
			p.Citations = append(p.Citations, firstCite(before)...)
		}
		if after, ok = r.byID[g.BeforeEntryID]; ok {
			p.EntryIDs = append(p.EntryIDs, after.ID)
			p.Citations = append(p.Citations, firstCite(after)...)
		}
		from := "the incident"
		if before.ID != "" {
			from = "the visit to " + before.Provider
		}
		p.Explanation = fmt.Sprintf("The records show no treatment for %d days, from %s (%s) to %s. "+
			"An adjuster will argue that the injuries had resolved, or that the later care treats something else.",
			g.Days, longDate(g.From), from, longDate(g.To))
		if after.ID != "" {
			if reason, cite := findReason(after); reason != "" {
				p.Explanation += fmt.Sprintf(" The visit of %s at %s gives a reason: “%s”.", longDate(after.Date), after.Provider, reason)
				if cite != nil {
					p.Citations = append(p.Citations, *cite)
				}
			}
		}
		out = append(out, point(p, g.From.String()+g.To.String()))
	}
	return out
}

// findReason returns the clause of an entry that gives a reason for an
// absence, and a citation whose quote holds it.
func findReason(e chronology.Entry) (string, *extract.Citation) {
	for _, t := range texts(e) {
		m := reasonRE.FindString(t[1])
		if m == "" {
			continue
		}
		m = textutil.FoldSpace(m)
		for _, c := range e.Citations {
			if strings.Contains(textutil.FoldSpace(c.Quote), m) {
				return m, &c
			}
		}
		return m, nil
	}
	return "", nil
}

// delay is a point when the first treatment after the incident came more
// than DelayDays after it.
func (r *reader) delay() []Point {
	doi := r.c.Matter.DateOfIncident
	if doi.IsZero() {
		return nil
	}
	for _, e := range r.dated {
		if e.PreIncident || e.Date.Before(doi) {
			continue
		}
		days := doi.DaysUntil(e.Date)
		if days <= r.opt.DelayDays {
			return nil
		}
		p := Point{Kind: KindDelayedTreatment, Date: e.Date, EntryIDs: []string{e.ID}, Citations: firstCite(e),
			Title: fmt.Sprintf("First treatment %d days after the incident", days),
			Explanation: fmt.Sprintf("The incident was on %s; the first treatment the records show is on %s at %s, %d days later. "+
				"An adjuster will argue that the injury was minor, or that something in between caused it.",
				longDate(doi), longDate(e.Date), e.Provider, days)}
		return []Point{point(p, doi.String())}
	}
	return nil
}

// prior lists the entries before the incident, with the regions the
// chronology's pre-existing flag says were treated again after it.
func (r *reader) prior() []Point {
	flagMsg := map[string]string{}
	for _, f := range r.c.Flags {
		if f.Kind != chronology.FlagPreExisting {
			continue
		}
		for _, id := range f.EntryIDs {
			if flagMsg[id] == "" {
				flagMsg[id] = f.Message
			}
		}
	}
	var out []Point
	for _, e := range r.dated {
		if !e.PreIncident {
			continue
		}
		what := firstNonEmpty(e.Assessment, e.Complaints, e.Summary, e.VisitType)
		p := Point{Kind: KindPriorHistory, Date: e.Date, EntryIDs: []string{e.ID}, Citations: e.Citations,
			Title: "Treatment before the incident: " + e.Provider,
			Explanation: fmt.Sprintf("Before the incident, on %s, %s recorded “%s”. "+
				"An adjuster will argue that the condition pre-existed and was not caused by the incident.",
				longDate(e.Date), e.Provider, clip(what, 200))}
		if m := flagMsg[e.ID]; m != "" {
			p.Explanation += " " + m
		}
		out = append(out, point(p, ""))
	}
	return out
}

// missedRE finds a missed, cancelled or no-show appointment.
var missedRE = rxfilter.MustCompile(`(?i)\b(no[- ]show(?:ed)?|did not show|didn't show|did not keep|failed to (?:show|appear|attend|keep)|missed (?:her |his |the |an? |their )?(?:appointment|appt|visit|session)s?|(?:cancel+ed|canceled|rescheduled) (?:her |his |the |an? |their )?(?:appointment|appt|visit|session)s?|(?:appointment|appt|visit|session) (?:was |were )?(?:cancel+ed|canceled|missed)|dnka|late cancel+ation)\b`)

// missed lists the entries whose records mention a missed, cancelled or
// no-show appointment.
func (r *reader) missed() []Point {
	var out []Point
	for _, e := range append(append([]chronology.Entry(nil), r.dated...), r.undated...) {
		field, excerpt, cite, quoted := find(e, missedRE)
		if excerpt == "" {
			continue
		}
		p := Point{Kind: KindMissedAppointment, Date: e.Date, EntryIDs: []string{e.ID}, Citations: cite,
			Title: "Missed or cancelled appointment: " + e.Provider,
			Explanation: fmt.Sprintf("The record of %s at %s (%s) notes “%s”. "+
				"An adjuster will argue that the client did not need, or did not follow, the treatment.",
				longDate(e.Date), e.Provider, field, excerpt)}
		if !quoted {
			p.Explanation += unquoted
		}
		out = append(out, point(p, strings.ToLower(excerpt)))
	}
	return out
}

// pain finds abrupt changes between consecutive pain scores and
// contradicting scores of different providers on close dates.
func (r *reader) pain() []Point {
	var scored []chronology.Entry
	for _, e := range r.dated {
		if e.PainScore != nil && !e.PreIncident {
			scored = append(scored, e)
		}
	}
	var out []Point
	seen := map[string]bool{}
	for i := 1; i < len(scored); i++ {
		a, b := scored[i-1], scored[i]
		diff, days := *b.PainScore-*a.PainScore, a.Date.DaysUntil(b.Date)
		if math.Abs(diff) < r.opt.PainJump || days > r.opt.PainWindowDays {
			continue
		}
		dir := "rose"
		if diff < 0 {
			dir = "fell"
		}
		out = append(out, painPoint(a, b, fmt.Sprintf("Pain %s from %s to %s within %d days", dir, score(*a.PainScore), score(*b.PainScore), days),
			"An adjuster will question the reliability of the pain reports, or argue that the injury had resolved."))
		seen[a.ID+b.ID] = true
	}
	for i := range scored {
		for j := i + 1; j < len(scored); j++ {
			a, b := scored[i], scored[j]
			if a.Date.DaysUntil(b.Date) > r.opt.ContradictionDays {
				break
			}
			if a.ProviderID == b.ProviderID || seen[a.ID+b.ID] ||
				math.Abs(*a.PainScore-*b.PainScore) < r.opt.ContradictionPoints {
				continue
			}
			out = append(out, painPoint(a, b, fmt.Sprintf("Pain %s at %s and %s at %s within %d days", score(*a.PainScore), a.Provider,
				score(*b.PainScore), b.Provider, a.Date.DaysUntil(b.Date)),
				"An adjuster will argue that the reports contradict each other and that the higher one is exaggerated."))
		}
	}
	return out
}

func painPoint(a, b chronology.Entry, title, attack string) Point {
	p := Point{Kind: KindInconsistentPain, Date: a.Date, EntryIDs: []string{a.ID, b.ID},
		Citations: append(painCite(a), painCite(b)...), Title: title,
		Explanation: fmt.Sprintf("%s recorded pain %s on %s; %s recorded %s on %s. %s",
			a.Provider, score(*a.PainScore), longDate(a.Date), b.Provider, score(*b.PainScore), longDate(b.Date), attack)}
	return point(p, "")
}

// painCite returns the citation whose quote holds the pain score, else the
// entry's first.
func painCite(e chronology.Entry) []extract.Citation {
	for _, c := range e.Citations {
		q := strings.ToLower(c.Quote)
		if strings.Contains(q, "pain") || strings.Contains(q, "vas") || strings.Contains(q, "/10") {
			return []extract.Citation{c}
		}
	}
	return firstCite(e)
}

func score(v float64) string {
	if v == math.Trunc(v) {
		return fmt.Sprintf("%.0f/10", v)
	}
	return fmt.Sprintf("%g/10", v)
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s = textutil.FoldSpace(s); s != "" {
			return s
		}
	}
	return ""
}

// clip shortens s to at most n bytes at a word boundary.
func clip(s string, n int) string {
	s = textutil.FoldSpace(s)
	if len(s) <= n {
		return s
	}
	if i := strings.LastIndexByte(s[:n], ' '); i > 0 {
		return s[:i] + " …"
	}
	return s[:n] + "…"
}
