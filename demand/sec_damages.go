package demand

import (
	"fmt"
	"math"
	"strings"
	"time"

	"github.com/medchron/medchron/internal/lazyre"
)

// lifeArea is an area of daily life and the words that find the records'
// account of it.
type lifeArea struct {
	name  string
	words *lazyre.Regexp
}

var lifeAreas = []lifeArea{
	{"Sleep", lazyre.New(`(?i)\b(sleep\w*|insomnia|awake(ned|ns)?|wak(es|ing) (up )?(at night|from|with)|nights? (a|per) week)\b`)},
	{"Driving", lazyre.New(`(?i)\b(driv(e|es|ing)|commut\w*|car rides?)\b`)},
	{"Work", lazyre.New(`(?i)\b(shifts?|at work|workday|work duties|job duties|lifting at work|off work|missed work|modified duty|light duty)\b`)},
	{"Household", lazyre.New(`(?i)\b(housework|household|chores|cleaning|laundry|cooking|vacuum\w*|groceries|dishes|yard|carry(ing)? (her|his|the) (child|children|son|daughter|baby|grand\w+))\b`)},
	{"Self-care", lazyre.New(`(?i)\b(dressing|bathing|showering|grooming|reaching overhead|putting on)\b`)},
	{"Recreation and family", lazyre.New(`(?i)\b(gym|running|jogging|walks?|walking|hik\w*|golf|garden\w*|sports?|play(ing)? with|hobb\w*|church|social|vacation|dancing|swimming|bik(e|ing)|fishing)\b`)},
}

// harmful are phrases an adjuster reads as activity inconsistent with
// the injury; the damages section does not quote them.
var harmful = lazyre.New(`(?i)\b(yard work|double shift|long shift|overtime|lifting weights|work(ed|ing)? out|helped (a friend )?move|moving (boxes|furniture)|played|vacation|trip to)\b`)

// scoreOnly is a sentence that is no more than a pain rating.
var scoreOnly = lazyre.New(`(?i)^(pain|nprs|vas)?\W*\d+(\.\d)?\s*/\s*10\b`)

// painAndSuffering writes the non-economic damages: what the records say
// the injuries did to sleep, driving, work, the household, self-care and
// recreation, the course of treatment, and the client's own account.
func (l *letter) painAndSuffering() Section {
	w := l.writer()
	var b strings.Builder
	n := 0
	quotedAlready := map[string]bool{}
	for _, area := range lifeAreas {
		first, last, fe, le, ok := l.lifeEffect(area)
		if !ok || quotedAlready[first] {
			continue
		}
		quotedAlready[first], quotedAlready[last] = true, true
		if n == 0 {
			fmt.Fprintf(&b, "The records describe how the injuries changed %s's daily life:\n\n", l.client)
		}
		fmt.Fprintf(&b, "- %s: %s (%s, %s).%s", area.name, quoted(first), clean(fe.Provider), longDate(fe.Date), w.cite(fe, first))
		if le.ID != fe.ID && !strings.EqualFold(last, first) {
			fmt.Fprintf(&b, " On %s: %s.%s", longDate(le.Date), quoted(last), w.cite(le, last))
		}
		b.WriteString("\n")
		n++
	}
	if n == 0 {
		b.WriteString("The records used for this draft do not describe the effect of the injuries on daily life.\n")
	}
	if k := len(l.used); k > 1 {
		first, last := l.used[0], l.used[k-1]
		days := first.Date.DaysUntil(last.Date)
		fmt.Fprintf(&b, "\n%s treated for %d months, from %s to %s, with %d visits to %d providers.\n",
			sentenceCase(l.client), int(math.Round(float64(days)/30.44)), longDate(first.Date), longDate(last.Date), k, len(l.byProvider()))
	}
	if t := strings.TrimSpace(l.in.Impact); t != "" {
		b.WriteString("\n" + t + "\n")
	}
	return w.section(KeyPainSuffering, "Pain, Suffering and Loss of Enjoyment of Life", b.String())
}

// lifeEffect finds the first and the last record sentences about one
// area of daily life; goals and bare pain ratings are not effects.
func (l *letter) lifeEffect(area lifeArea) (first, last string, fe, le usedEntry, ok bool) {
	for _, e := range l.used {
		for _, f := range []string{e.Complaints} {
			for _, s := range matching(area.words, f, 25) {
				if goalWords.MatchString(s) || scoreOnly.MatchString(s) || harmful.MatchString(s) {
					continue
				}
				if !ok {
					first, fe, ok = s, e, true
				}
				last, le = s, e
				break
			}
		}
	}
	return first, last, fe, le, ok
}

// demandSection writes the damages summary, the demand (or the
// policy-limits offer and its terms) and the response deadline.
func (l *letter) demandSection() Section {
	w := l.writer()
	var b strings.Builder
	in := l.in
	total := l.c.Specials.TotalCharges
	b.WriteString("| Damages | Amount |\n| --- | ---: |\n")
	fmt.Fprintf(&b, "| Medical specials | %s |\n", money(l.c.Specials.TotalCharges))
	if v, ok := l.wageLoss(); ok {
		fmt.Fprintf(&b, "| Lost wages | %s |\n", money(v))
		total += v
	}
	if in.FutureCareCost != nil && *in.FutureCareCost > 0 {
		fmt.Fprintf(&b, "| Future care (estimate) | %s |\n", money(*in.FutureCareCost))
		total += *in.FutureCareCost
	}
	fmt.Fprintf(&b, "| Economic damages | %s |\n\n", money(math.Round(total*100)/100))
	deadline := placeholderFor("the response deadline")
	if d, err := time.Parse("2006-01-02", in.Deadline); err == nil {
		deadline = d.Format("January 2, 2006")
	}
	switch in.variant() {
	case VariantPolicyLimits:
		fmt.Fprintf(&b, "Given the injuries and losses set out above, %s offers to settle all claims against your insured for the bodily-injury limits of the policy, %s. ", l.client, amountOr(in.PolicyLimits, "the policy limits"))
		fmt.Fprintf(&b, "This offer is open until 5:00 p.m. on %s and is withdrawn without further notice if it is not accepted by then. To accept it, within that time:\n\n", deadline)
		b.WriteString("- confirm the acceptance in writing;\n- disclose in writing every policy of insurance that covers your insured for this loss, with its limits;\n- deliver payment of the limits, payable to this firm's trust account on behalf of the claimant.\n\n")
		b.WriteString("On timely acceptance, the claimant will sign a release of your insured only, without indemnity, and will resolve the liens set out above from the settlement.\n\n")
	case VariantUMUIM:
		fmt.Fprintf(&b, "In light of the injuries and losses set out above, %s demands %s under the uninsured/underinsured motorist coverage of the policy, whose limits are %s. ", l.client, amountOr(in.DemandAmount, "the demand amount"), amountOr(in.PolicyLimits, "the policy limits"))
		fmt.Fprintf(&b, "Please respond by %s.\n\n", deadline)
	default:
		fmt.Fprintf(&b, "In light of the injuries and losses set out above, %s demands %s in full settlement of the claim against your insured. ", l.client, amountOr(in.DemandAmount, "the demand amount"))
		fmt.Fprintf(&b, "Please respond by %s.\n\n", deadline)
	}
	sig := strings.TrimSpace(in.Signature)
	if sig == "" {
		sig = placeholderFor("the firm and signature")
	}
	b.WriteString("Sincerely,\n\n" + sig)
	return w.section(KeyDemand, "Demand", b.String())
}

// exhibitsSection lists the exhibits with their Bates ranges.
func (l *letter) exhibitsSection() Section {
	w := l.writer()
	var b strings.Builder
	lines := l.ex.lines()
	if len(lines) == 0 {
		b.WriteString("[Paralegal to assemble the exhibits: no records are cited yet.]")
	}
	for _, ln := range lines {
		b.WriteString("- " + ln + "\n")
	}
	return w.section(KeyExhibits, "Exhibits", b.String())
}
