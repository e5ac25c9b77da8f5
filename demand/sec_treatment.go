package demand

import (
	"fmt"
	"strings"

	"github.com/medchron/medchron/extract"
)

// treatment writes one short narrative per provider: dates and number of
// visits, the first visit, the key events (procedures, studies), the pain
// trend and where care ended. Never one paragraph per visit.
func (l *letter) treatment() Section {
	w := l.writer()
	var b strings.Builder
	groups := l.byProvider()
	if len(groups) == 0 {
		b.WriteString("[Paralegal to review the chronology entries: none can be used in this draft yet.]")
	}
	for _, es := range groups {
		fmt.Fprintf(&b, "### %s\n\n%s\n\n", clean(es[0].Provider), l.providerNarrative(w, es))
	}
	return w.section(KeyTreatment, "Treatment", b.String())
}

// providerNarrative is the paragraph on one provider's care.
func (l *letter) providerNarrative(w *writer, es []usedEntry) string {
	first, last := es[0], es[len(es)-1]
	var parts []string
	kind := strings.ToLower(clean(first.VisitType))
	switch {
	case len(es) == 1 && kind != "":
		parts = append(parts, w.fact(first, fmt.Sprintf("%s was seen once, on %s, for %s%s", l.client, longDate(first.Date), withArticle(kind), clinicianOf(first))))
	case len(es) == 1:
		parts = append(parts, w.fact(first, fmt.Sprintf("%s was seen once, on %s%s", l.client, longDate(first.Date), clinicianOf(first))))
	default:
		what := "visits"
		if kind != "" && !countable(kind) {
			what = kind + " visits"
		}
		parts = append(parts, w.fact(first, fmt.Sprintf("%s attended %d %s from %s to %s%s", l.client, len(es), what, longDate(first.Date), longDate(last.Date), clinicianOf(first))))
	}
	if c, ok := brief(first.Complaints, 22); ok && !imagingVisit.MatchString(first.VisitType) {
		parts = append(parts, w.fact(first, "At the first visit the records note "+quoted(c)))
	}
	if ev := l.keyEvent(w, es); ev != "" {
		parts = append(parts, ev)
	}
	if t := painTrend(w, es); t != "" {
		parts = append(parts, t)
	}
	if len(es) > 1 || first.Plan != "" {
		if o := outcome(w, last); o != "" {
			parts = append(parts, o)
		}
	}
	return strings.Join(parts, " ")
}

func clinicianOf(e usedEntry) string {
	if c := clean(e.Clinician); c != "" {
		return ", under the care of " + c
	}
	return ""
}

func withArticle(kind string) string {
	if countable(kind) {
		return article(kind) + " " + kind
	}
	return kind
}

// keyEvent names the procedures performed (with their dates) or, for an
// imaging provider, the studies.
func (l *letter) keyEvent(w *writer, es []usedEntry) string {
	type proc struct {
		name  string
		dates []string
		e     usedEntry
	}
	var procs []*proc
	at := map[string]*proc{}
	for _, e := range es {
		for _, p := range e.Procedures {
			if isTherapyCode(p.Code) {
				continue
			}
			name := codedPhrases([]extract.Coded{p})
			if at[name] == nil {
				at[name] = &proc{name: name, e: e}
				procs = append(procs, at[name])
			}
			at[name].dates = append(at[name].dates, longDate(e.Date))
		}
	}
	if len(procs) == 0 {
		return ""
	}
	if len(procs) > 3 {
		procs = procs[:3]
	}
	var items []string
	for _, p := range procs {
		items = append(items, p.name+" on "+listJoin(uniq(p.dates)))
	}
	return w.fact(procs[0].e, "Procedures performed: "+strings.Join(items, "; "))
}

// isTherapyCode reports whether a CPT code is a routine therapy or
// office-visit code (97xxx, 98xxx, 99xxx): listed on every visit, not an
// event.
func isTherapyCode(code string) bool {
	return strings.HasPrefix(code, "97") || strings.HasPrefix(code, "98") || strings.HasPrefix(code, "99")
}

func uniq(ss []string) []string {
	var out []string
	for _, s := range ss {
		if len(out) == 0 || out[len(out)-1] != s {
			out = append(out, s)
		}
	}
	return out
}

// painTrend states the first and last pain ratings of a run of visits.
func painTrend(w *writer, es []usedEntry) string {
	var first, last *usedEntry
	for i := range es {
		if es[i].PainScore == nil {
			continue
		}
		if first == nil {
			first = &es[i]
		}
		last = &es[i]
	}
	if first == nil || first == last {
		return ""
	}
	a, z := scoreText(*first.PainScore), scoreText(*last.PainScore)
	verb := "went from"
	switch {
	case *last.PainScore < *first.PainScore:
		verb = "fell from"
	case *last.PainScore > *first.PainScore:
		verb = "rose from"
	}
	return sentence(fmt.Sprintf("Pain ratings %s %s on %s to %s on %s", verb, a, longDate(first.Date), z, longDate(last.Date))) + w.cite(*last, "pain "+z)
}

// outcome states where a provider's care ended: the last visit's work
// status or plan.
func outcome(w *writer, last usedEntry) string {
	if p, ok := brief(last.Plan, 22); ok {
		return w.fact(last, "At the last visit, on "+longDate(last.Date)+", the plan was "+quoted(p))
	}
	if a, ok := brief(last.Assessment, 22); ok {
		return w.fact(last, "At the last visit, on "+longDate(last.Date)+", the assessment was "+quoted(a))
	}
	return ""
}
