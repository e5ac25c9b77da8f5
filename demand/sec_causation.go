package demand

import (
	"fmt"
	"slices"
	"strings"

	"github.com/medchron/medchron/chronology"
	"github.com/medchron/medchron/demand/adjuster"
	"github.com/medchron/medchron/internal/lazyre"
)

// causalWords find a clinician relating the injuries to the incident.
var causalWords = lazyre.New(`(?i)(causally related|caus(ed|ation)|as a (direct )?result of|secondary to (the |a )?(mvc|mva|collision|motor vehicle|accident|fall)|related to (the |a )?(mvc|mva|collision|motor vehicle|accident|fall)|consistent with (the |a |her |his )?(mvc|mva|collision|motor vehicle|accident|mechanism|injur)|(after|following|since) (a |the )?(mvc|mva|motor vehicle|collision|accident|fall))`)

// resolvedWords find a prior complaint recorded as resolved.
var resolvedWords = lazyre.New(`(?i)\b(resolved|resolving|full(y)? recovered|no (further )?complaints?|asymptomatic|pain[- ]free|released from care)\b`)

// causation answers causation (first care after the incident and what
// the clinicians relate to it) and prior history (what was treated
// before, which body regions, whether it resolved).
func (l *letter) causation() Section {
	w := l.writer()
	var b strings.Builder
	b.WriteString("### Causation\n\n")
	if len(l.used) > 0 {
		first := l.used[0]
		b.WriteString(w.fact(first, fmt.Sprintf("%s sought care on %s%s", l.client, longDate(first.Date), l.daysAfter(first))) + " ")
	}
	said := map[string]bool{}
	n := 0
	for _, e := range l.used {
		if n == 3 {
			break
		}
		for _, f := range []string{e.Assessment, e.Plan, e.Complaints} {
			ss := matching(causalWords, f, 30)
			if len(ss) == 0 || said[strings.ToLower(ss[0])] {
				continue
			}
			said[strings.ToLower(ss[0])] = true
			fmt.Fprintf(&b, "The %s record of %s states %s.%s ", clean(e.Provider), longDate(e.Date), quoted(ss[0]), w.cite(e, ss[0]))
			n++
			break
		}
	}
	if n == 0 && len(l.used) > 0 {
		b.WriteString("Every provider above saw " + l.client + " for the injuries of the incident; none attributes them to another cause.")
	}
	b.WriteString("\n\n### Prior history\n\n")
	b.WriteString(l.priorHistory(w))
	l.writeAnswers(&b, "\n\n### Points raised by the records\n\n", func(kind string) bool {
		return kind != adjuster.KindGap && kind != adjuster.KindDelayedTreatment
	})
	return w.section(KeyCausation, "Causation and Prior History", b.String())
}

// priorHistory answers the prior-history question from the pre-incident
// entries: what was treated, whether it resolved, and which injured body
// regions were never treated before.
func (l *letter) priorHistory(w *writer) string {
	injured := l.injuredRegions()
	if len(l.prior) == 0 {
		if len(injured) == 0 {
			return "The records produced show no treatment before the incident."
		}
		return "The records produced show no treatment before the incident, and no earlier complaint of the " + listJoin(injured) + "."
	}
	var b strings.Builder
	priorRegions := map[string]bool{}
	for _, e := range l.prior {
		what, ok := brief(e.Complaints, 20)
		if !ok {
			what, ok = brief(e.Assessment, 20)
		}
		text := fmt.Sprintf("Before the incident, on %s, %s was seen at %s", longDate(e.Date), l.client, clean(e.Provider))
		if ok {
			text += " for " + quoted(what)
		}
		b.WriteString(w.fact(e, text) + " ")
		for _, r := range chronology.BodyRegions(strings.Join([]string{e.Complaints, e.Assessment}, " "), codesOf(e)) {
			priorRegions[r] = true
		}
		for _, f := range []string{e.Plan, e.Assessment, e.Findings, e.Summary} {
			if ss := matching(resolvedWords, f, 25); len(ss) > 0 {
				b.WriteString(w.fact(e, "The record notes "+quoted(ss[0])) + " ")
				break
			}
		}
	}
	lastPrior := l.prior[len(l.prior)-1]
	var same, fresh []string
	for _, r := range injured {
		if priorRegions[r] {
			same = append(same, r)
		} else {
			fresh = append(fresh, r)
		}
	}
	if len(same) > 0 && !l.c.Matter.DateOfIncident.IsZero() {
		days := lastPrior.Date.DaysUntil(l.c.Matter.DateOfIncident)
		fmt.Fprintf(&b, "The records show no treatment of the %s in the %d days between that visit and the incident. ", listJoin(same), days)
	}
	if len(fresh) > 0 {
		fmt.Fprintf(&b, "The records show no complaint of or treatment to the %s before the incident.", listJoin(fresh))
	}
	return strings.TrimSpace(b.String())
}

// injuredRegions are the body regions of the post-incident diagnoses.
func (l *letter) injuredRegions() []string {
	order, _ := l.diagnosesByRegion()
	return slices.DeleteFunc(slices.Clone(order), func(r string) bool { return r == regionOther })
}

func codesOf(e usedEntry) []string {
	var out []string
	for _, d := range e.Diagnoses {
		out = append(out, d.Code)
	}
	return out
}

// gapReason finds why care paused, where a record says so.
var gapReason = lazyre.New(`(?i)\b(holidays?|vacation|out of (town|state)|travel\w*|insurance|authori[sz]\w*|denied|approval|child ?care|transportation|no ride|work schedule|time off|cancel\w*|no[- ]show|missed|wait(ing)? list|referral|deductible|afford|covid|sick|ill(ness)?|family emergency|funeral|moved)\b`)

// gaps writes each interval without treatment, with the reason where the
// records around it give one.
func (l *letter) gaps() Section {
	w := l.writer()
	var b strings.Builder
	gapDays := l.c.Matter.GapDays
	if gapDays == 0 {
		gapDays = 30
	}
	gapAnswers := func(kind string) bool { return kind == adjuster.KindGap || kind == adjuster.KindDelayedTreatment }
	if len(l.c.Gaps) == 0 {
		fmt.Fprintf(&b, "The records show treatment without any interval longer than %d days.", gapDays)
		l.writeAnswers(&b, "\n\n", gapAnswers)
		return w.section(KeyGaps, "Gaps in Treatment", b.String())
	}
	for _, g := range l.c.Gaps {
		fmt.Fprintf(&b, "- From %s to %s, %d days, the records show no treatment.", longDate(g.From), longDate(g.To), g.Days)
		reason := false
		for _, e := range l.aroundGap(g) {
			for _, f := range []string{e.Complaints, e.Plan, e.Assessment} {
				if ss := matching(gapReason, f, 30); len(ss) > 0 {
					b.WriteString(" The " + clean(e.Provider) + " record of " + longDate(e.Date) + " gives the reason: " + quoted(ss[0]) + "." + w.cite(e, ss[0]))
					reason = true
					break
				}
			}
			if reason {
				break
			}
		}
		if !reason {
			b.WriteString(" The records do not give a reason for this interval.")
		}
		b.WriteString("\n")
	}
	l.writeAnswers(&b, "\n", gapAnswers)
	return w.section(KeyGaps, "Gaps in Treatment", b.String())
}

// aroundGap returns the entry before a gap and the entries of the 45 days
// after it, where a reason for the pause would be written.
func (l *letter) aroundGap(g chronology.Gap) []usedEntry {
	var out []usedEntry
	for _, e := range l.used {
		if e.ID == g.AfterEntryID || (!e.Date.Before(g.To) && g.To.DaysUntil(e.Date) <= 45) {
			out = append(out, e)
		}
	}
	return out
}

// ongoingWords find a plan of continued care.
var ongoingWords = lazyre.New(`(?i)\b(continue|follow[- ]?up|return|refer\w*|recommend\w*|schedul\w*|reassess\w*|home exercise)\b`)

// futureWords find plans and prognoses of further care.
var futureWords = lazyre.New(`(?i)\b(prognos\w*|future|may (require|need|benefit)|will (likely )?(require|need)|repeat (injection|esi|block)|surg(ical|ery|eon)|candidate|permanent\w*|maximum medical improvement|mmi|chronic|long[- ]term|lifetime|ongoing|radiofrequency|ablation|fusion|discectomy)\b`)

// futureCare writes the further care the records foresee, newest first,
// and the attorney's cost estimate.
func (l *letter) futureCare() Section {
	w := l.writer()
	var b strings.Builder
	said := map[string]bool{}
	n := 0
	for i := len(l.used) - 1; i >= 0 && n < 4; i-- {
		e := l.used[i]
		for _, f := range []string{e.Plan, e.Assessment, e.Findings} {
			ss := matching(futureWords, f, 30)
			if len(ss) == 0 || said[strings.ToLower(ss[0])] {
				continue
			}
			said[strings.ToLower(ss[0])] = true
			fmt.Fprintf(&b, "- %s, %s: %s.%s\n", longDate(e.Date), clean(e.Provider), quoted(ss[0]), w.cite(e, ss[0]))
			n++
			break
		}
	}
	if n == 0 {
		n = l.ongoingCare(w, &b)
	}
	if n == 0 {
		b.WriteString("The records used for this draft do not describe further care.\n")
	}
	if l.in.FutureCareCost != nil && *l.in.FutureCareCost > 0 {
		fmt.Fprintf(&b, "\nThe cost of this future care is estimated at %s.\n", money(*l.in.FutureCareCost))
	}
	return w.section(KeyFutureCare, "Future Care", b.String())
}

// ongoingCare writes the last plan of each provider still treating when
// the records end (a last visit within 45 days of the last treatment).
func (l *letter) ongoingCare(w *writer, b *strings.Builder) int {
	if len(l.used) == 0 {
		return 0
	}
	end := l.used[len(l.used)-1].Date
	n := 0
	for _, es := range l.byProvider() {
		last := es[len(es)-1]
		if last.Date.DaysUntil(end) > 45 {
			continue
		}
		if ss := matching(ongoingWords, last.Plan, 25); len(ss) > 0 {
			if n == 0 {
				fmt.Fprintf(b, "When the records end, %s was still in care:\n\n", l.client)
			}
			fmt.Fprintf(b, "- %s, %s: %s.%s\n", longDate(last.Date), clean(last.Provider), quoted(ss[0]), w.cite(last, ss[0]))
			n++
		}
	}
	return n
}

// writeAnswers writes, after heading, the attorney's answers to the
// adjuster's read whose point kind keep accepts, one paragraph each,
// in the order of the points. Points without an answer are not written:
// the letter states only what the attorney chose to answer.
func (l *letter) writeAnswers(b *strings.Builder, heading string, keep func(kind string) bool) {
	if len(l.in.Answers) == 0 {
		return
	}
	if l.answered == nil { // read once per letter: causation and gaps both ask
		l.answered, _ = adjuster.WithAnswers(adjuster.Read(l.c, adjuster.Options{}), l.in.Answers)
	}
	first := true
	for _, p := range l.answered {
		a := strings.TrimSpace(p.Answer)
		if a == "" || !keep(p.Kind) {
			continue
		}
		if first {
			b.WriteString(heading)
			first = false
		} else {
			b.WriteString("\n\n")
		}
		b.WriteString(a)
	}
}
