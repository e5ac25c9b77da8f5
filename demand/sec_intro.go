package demand

import (
	"fmt"
	"strings"

	"github.com/medchron/medchron/extract/claimref"
	"github.com/medchron/medchron/internal/lazyre"
	"github.com/medchron/medchron/internal/textutil"
)

// introduction writes the addressee, the Re: block and the opening
// paragraph, which differs by variant.
func (l *letter) introduction() Section {
	w := l.writer()
	in := l.in
	var b strings.Builder
	fmt.Fprintf(&b, "%s\n\n%s\n\n", orPlaceholder(in.Adjuster, "the adjuster's name"), orPlaceholder(in.Carrier, "the insurance carrier"+l.printedHint(claimref.KindPayer)))
	b.WriteString("Re:\n\n")
	claimant := l.client
	if claimant == "our client" {
		claimant = placeholderFor("the claimant's name")
	}
	insuredLabel := "Your insured"
	if in.variant() == VariantUMUIM {
		insuredLabel = "Your insured (our client)"
	}
	rows := [][2]string{
		{"Claimant", claimant},
		{insuredLabel, orPlaceholder(in.Insured, "the insured's name")},
		{"Claim number", orPlaceholder(in.ClaimNumber, "the claim number"+l.printedHint(claimref.KindClaimNumber))},
		{"Date of loss", l.incident()},
	}
	if in.variant() != VariantBodilyInjury {
		rows = append(rows, [2]string{"Policy limits", amountOr(in.PolicyLimits, "the policy limits")})
	}
	for _, r := range rows {
		fmt.Fprintf(&b, "- %s: %s\n", r[0], r[1])
	}
	fmt.Fprintf(&b, "\nDear %s:\n\n", orPlaceholder(in.Adjuster, "the adjuster's name"))
	switch in.variant() {
	case VariantUMUIM:
		fmt.Fprintf(&b, "This firm represents %s, your insured, in a claim for uninsured/underinsured motorist benefits for the injuries sustained on %s. ", claimant, l.incident())
	case VariantPolicyLimits:
		fmt.Fprintf(&b, "This firm represents %s for the injuries sustained on %s. This letter is a time-limited offer to settle %s's claim against your insured within the limits of your insured's policy, on the terms set out at the end of this letter. ", claimant, l.incident(), claimant)
	default:
		fmt.Fprintf(&b, "This firm represents %s for the injuries sustained on %s, for which your insured is responsible. ", claimant, l.incident())
	}
	b.WriteString("Below we set out the injuries, the medical treatment, the losses they caused and our demand. Each statement taken from the medical records is followed by the exhibit and the Bates page where the records show it; the exhibits are listed at the end.")
	return w.section(KeyIntroduction, "Introduction", b.String())
}

// amountOr formats an entered amount, or a placeholder.
func amountOr(v *float64, what string) string {
	if v == nil {
		return placeholderFor(what)
	}
	return textutil.Dollars(*v)
}

// mechanismWords find how the incident happened in ER, EMS and first-visit
// histories.
var mechanismWords = lazyre.New(`(?i)\b(rear[- ]?ended|struck|hit by|collision|mvc|mva|motor vehicle|t-?boned|broadsided|head[- ]on|side[- ]?swiped|rolled over|rollover|airbags?|restrained|unrestrained|seat ?belt(ed)?|windshield|window|steering wheel|dashboard|fell|slipped|tripped)\b`)

// emergency reports whether an entry is an emergency or ambulance record.
var emergency = lazyre.New(`(?i)\b(emergency|ed|er|ems|ambulance|paramedic|trauma|urgent care)\b`)

// facts writes the liability facts: how the incident happened, as the
// first records describe it, the first care, and the attorney's account
// of fault.
func (l *letter) facts() Section {
	w := l.writer()
	var b strings.Builder
	fmt.Fprintf(&b, "On %s, %s was injured in the incident that gives rise to this claim.", l.incident(), l.client)
	if e, said, ok := l.mechanism(); ok {
		fmt.Fprintf(&b, " The %s record of %s describes it: %s.%s", clean(e.Provider), longDate(e.Date), quoted(said), w.cite(e, said))
	}
	if len(l.used) > 0 {
		first := l.used[0]
		where := clean(first.Provider)
		if vt := strings.ToLower(clean(first.VisitType)); vt != "" {
			where += " (" + vt + ")"
		}
		b.WriteString(" " + w.fact(first, fmt.Sprintf("%s first received care at %s on %s%s", l.client, where, longDate(first.Date), l.daysAfter(first))))
	}
	b.WriteString("\n\n")
	if t := strings.TrimSpace(l.in.Liability); t != "" {
		b.WriteString(t)
	} else {
		b.WriteString("[Attorney to add how the insured caused the incident: police report, witnesses, citations issued.]")
	}
	return w.section(KeyFacts, "Facts and Liability", b.String())
}

// mechanism finds the first post-incident record sentences that say how
// the incident happened, preferring emergency and ambulance records.
func (l *letter) mechanism() (usedEntry, string, bool) {
	for pass := 0; pass < 2; pass++ {
		for _, e := range l.used {
			if pass == 0 && !emergency.MatchString(e.VisitType+" "+e.Provider) {
				continue
			}
			for _, f := range []string{e.Complaints, e.Summary, e.Findings, e.Assessment} {
				if ss := matching(mechanismWords, f, 40); len(ss) > 0 {
					return e, ss[0], true
				}
			}
		}
	}
	return usedEntry{}, "", false
}
