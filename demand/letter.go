package demand

import (
	"fmt"
	"math"
	"sort"

	"github.com/medchron/medchron/chronology"
	"github.com/medchron/medchron/extract"
	"github.com/medchron/medchron/internal/textutil"
)

// letter is the data the section templates fill in. Sentences that state a
// fact from the records already carry their bracketed citation.
type letter struct {
	Client, ClientName, MatterID, MatterName string
	Incident, Recipient, Firm                string
	DemandPlaceholder                        string

	Mechanism, FirstCare string
	Prior                string
	Providers            []providerBlock

	Specials              []specialRow
	Total, Paid           string
	UnverifiedBills       int
	Pain, Work, Gaps      []string
	Duration              string
	GapDays               int
	EntryCount, UsedCount int
	PriorCount            int
	UnverifiedCount       int
	RejectedCount         int
	ExcludedLines         []string

	ct                                citer
	excluded                          []Exclusion
	used, prior                       []chronology.Entry
	factCites, priorCites, treatCites []extract.Citation
	billCites, painCites              []extract.Citation
}

type providerBlock struct {
	Name       string
	Paragraphs []string
}

type specialRow struct{ Provider, Dates, Charges, Ref string }

func newLetter(c chronology.Chronology, opt Options) *letter {
	l := &letter{
		ct: newCiter(c), MatterID: c.Matter.ID, MatterName: c.Matter.Name,
		Client: "our client", ClientName: "[Attorney to insert client name]",
		Incident:          "[Attorney to insert date of incident]",
		Recipient:         "[Attorney to insert recipient]",
		Firm:              "[Attorney to insert firm and signature]",
		DemandPlaceholder: DemandPlaceholder, GapDays: c.Matter.GapDays, EntryCount: len(c.Entries),
	}
	if c.Matter.Client != "" {
		l.Client, l.ClientName = clean(c.Matter.Client), clean(c.Matter.Client)
	}
	if !c.Matter.DateOfIncident.IsZero() {
		l.Incident = longDate(c.Matter.DateOfIncident)
	}
	if opt.Recipient != "" {
		l.Recipient = clean(opt.Recipient)
	}
	if opt.Firm != "" {
		l.Firm = clean(opt.Firm)
	}
	if l.GapDays == 0 {
		l.GapDays = 30
	}
	l.sortEntries(c)
	l.facts(c)
	l.priorHistory()
	l.treatment()
	l.specials(c)
	l.painAndSuffering(c)
	return l
}

// sortEntries splits the entries into used, prior and excluded, in date
// order.
func (l *letter) sortEntries(c chronology.Chronology) {
	entries := append([]chronology.Entry(nil), c.Entries...)
	sort.SliceStable(entries, func(i, j int) bool { return entries[i].Date.Before(entries[j].Date) })
	for _, e := range entries {
		switch {
		case !usable(e):
			reason := ReasonUnverified
			if e.Review == chronology.ReviewRejected {
				reason = ReasonRejected
				l.RejectedCount++
			} else {
				l.UnverifiedCount++
			}
			x := Exclusion{EntryID: e.ID, Date: e.Date.String(), Provider: e.Provider, Reason: reason}
			l.excluded = append(l.excluded, x)
			l.ExcludedLines = append(l.ExcludedLines, fmt.Sprintf("%s, %s (entry %s): %s", longDate(e.Date), clean(e.Provider), e.ID, reason))
		case e.PreIncident:
			l.prior = append(l.prior, e)
		default:
			l.used = append(l.used, e)
		}
	}
	l.PriorCount = len(l.prior)
	l.UsedCount = len(l.used) + len(l.prior)
}

// facts writes the mechanism (from the first post-incident entry with
// complaints) and the first care after the incident.
func (l *letter) facts(c chronology.Chronology) {
	if len(l.used) == 0 {
		return
	}
	first := l.used[0]
	for _, e := range l.used {
		if e.Complaints == "" {
			continue
		}
		s := sentenceList{ct: l.ct, provider: e.Provider}
		s.add(fmt.Sprintf("The %s record of %s describes the incident and complaints as “%s”", clean(e.Provider), longDate(e.Date), inline(e.Complaints)),
			citeFor(e.Citations, e.Complaints))
		l.Mechanism = s.paragraph()
		l.factCites = append(l.factCites, s.cites...)
		break
	}
	when := ""
	if doi := c.Matter.DateOfIncident; !doi.IsZero() && !first.Date.IsZero() {
		switch n := doi.DaysUntil(first.Date); {
		case n == 0:
			when = ", the day of the incident"
		case n == 1:
			when = ", the day after the incident"
		case n > 1:
			when = fmt.Sprintf(", %d days after the incident", n)
		}
	}
	s := sentenceList{ct: l.ct, provider: first.Provider}
	s.add(fmt.Sprintf("%s first received care at %s on %s%s", l.Client, clean(first.Provider), longDate(first.Date), when), citeFor(first.Citations, ""))
	l.FirstCare = s.paragraph()
	l.factCites = append(l.factCites, s.cites...)
}

// priorHistory writes one neutral paragraph on the pre-incident entries.
func (l *letter) priorHistory() {
	if len(l.prior) == 0 {
		return
	}
	var paras []string
	for _, e := range l.prior {
		s := sentenceList{ct: l.ct, provider: e.Provider}
		s.add(visitSentence(l.Client, e), citeFor(e.Citations, ""))
		if e.Complaints != "" {
			s.add("The records note "+inline(e.Complaints), citeFor(e.Citations, e.Complaints))
		}
		if e.Assessment != "" {
			s.add("The assessment was "+inline(e.Assessment), citeFor(e.Citations, e.Assessment))
		}
		paras = append(paras, s.paragraph())
		l.priorCites = append(l.priorCites, s.cites...)
	}
	l.Prior = joinSpace(paras)
}

// treatment writes one paragraph per entry, grouped by provider in order of
// each provider's first visit.
func (l *letter) treatment() {
	at := map[string]int{}
	for _, e := range l.used {
		key := e.ProviderID + "\x00" + e.Provider
		i, ok := at[key]
		if !ok {
			i = len(l.Providers)
			at[key] = i
			l.Providers = append(l.Providers, providerBlock{Name: clean(e.Provider)})
		}
		p, cites := entryParagraph(l.ct, l.Client, e)
		l.Providers[i].Paragraphs = append(l.Providers[i].Paragraphs, p)
		l.treatCites = append(l.treatCites, cites...)
	}
}

// specials fills the table from the chronology's specials, never from any
// other figure, with the first bill citation of each provider.
func (l *letter) specials(c chronology.Chronology) {
	firstBill := map[string]chronology.Bill{}
	for _, b := range c.Bills {
		if _, ok := firstBill[b.ProviderID]; !ok && len(b.Citations) > 0 {
			firstBill[b.ProviderID] = b
		}
		if !b.Grounded {
			l.UnverifiedBills++
		}
	}
	for _, p := range c.Specials.ByProvider {
		row := specialRow{Provider: tableCell(clean(p.Provider)), Charges: textutil.Dollars(p.Charges), Dates: shortDate(p.FirstDate)}
		if p.LastDate != p.FirstDate && !p.LastDate.IsZero() {
			row.Dates += " – " + shortDate(p.LastDate)
		}
		if b, ok := firstBill[p.ProviderID]; ok {
			row.Ref = tableCell(l.ct.format(b.Provider, b.Citations[0]))
			l.billCites = append(l.billCites, b.Citations[0])
		}
		l.Specials = append(l.Specials, row)
	}
	l.Total = textutil.Dollars(c.Specials.TotalCharges)
	if c.Specials.TotalPaid != nil {
		l.Paid = textutil.Dollars(*c.Specials.TotalPaid)
	}
}

// painAndSuffering lists pain scores and work status over time, the
// duration of treatment and the gaps, stated neutrally.
func (l *letter) painAndSuffering(c chronology.Chronology) {
	for _, e := range l.used {
		s := sentenceList{ct: l.ct, provider: e.Provider}
		if e.PainScore != nil {
			text := fmt.Sprintf("Pain %s", scoreText(*e.PainScore))
			s.add(fmt.Sprintf("%s, %s: pain rated %s", longDate(e.Date), clean(e.Provider), scoreText(*e.PainScore)), citeFor(e.Citations, text))
			l.Pain = append(l.Pain, s.sentences[len(s.sentences)-1])
		}
		if e.WorkStatus != "" {
			s.add(fmt.Sprintf("%s, %s: work status %s", longDate(e.Date), clean(e.Provider), inline(e.WorkStatus)), citeFor(e.Citations, e.WorkStatus))
			l.Work = append(l.Work, s.sentences[len(s.sentences)-1])
		}
		l.painCites = append(l.painCites, s.cites...)
	}
	if n := len(l.used); n > 0 {
		first, last := l.used[0], l.used[n-1]
		s := sentenceList{ct: l.ct, provider: first.Provider}
		s.add(fmt.Sprintf("Treatment began on %s at %s", longDate(first.Date), clean(first.Provider)), citeFor(first.Citations, ""))
		s.provider = last.Provider
		s.add(fmt.Sprintf("The last recorded treatment was on %s at %s", longDate(last.Date), clean(last.Provider)), citeFor(last.Citations, ""))
		days := first.Date.DaysUntil(last.Date)
		l.Duration = s.paragraph() + fmt.Sprintf(" Over these %d days (about %d months), the verified records show %d visits with %d providers.",
			days, int(math.Round(float64(days)/30.44)), n, len(l.Providers))
		l.painCites = append(l.painCites, s.cites...)
	}
	for _, g := range c.Gaps {
		l.Gaps = append(l.Gaps, fmt.Sprintf("From %s to %s, an interval of %d days, the records show no treatment.", longDate(g.From), longDate(g.To), g.Days))
	}
}

func joinSpace(ss []string) string {
	out := ""
	for i, s := range ss {
		if i > 0 {
			out += " "
		}
		out += s
	}
	return out
}
