package rules

import (
	"github.com/medchron/medchron/internal/lazyre"
)

var (
	// reSecondaryClaim is what a claim form to a second payer prints over
	// or in its boxes: a "secondary" banner, the coordination of benefits,
	// the primary payer's EOB attached (box 19) or what it paid.
	reSecondaryClaim = lazyre.New(`(?i)\bsecondary\s+claim\b|[*#]+\s*secondary\s*[*#]+|\bcob\b\W{0,4}secondary\b|\b(?:pri|prim|primary)\.?\s+(?:eob|pd|paid)\b|\battached\b.{0,16}\beob\b|\beob\b.{0,16}\battached\b`)
	// reResubmission is box 22's caption of a CMS-1500.
	reResubmission = lazyre.New(`(?i)\bresubmission\s*code\b`)
	// reResubmitted is box 22 filled in: the resubmission (claim
	// frequency) code, one digit, and the original claim's reference
	// number closing the line.
	reResubmitted = lazyre.New(`(?:^|\s)\d[_.,:;|-]{0,3}\s{1,16}[A-Z0-9][A-Z0-9-]{7,}\s*$`)
)

// rebilledPages returns the claim form pages that bill again what an
// earlier claim billed: a claim to a second payer (its banner, box 19's
// primary EOB or payment), or a replacement or void of a claim, whose box
// 22 prints the resubmission code and the original's reference number,
// on the caption's line or one of the two under it (OCR may read box 19's
// caption or value between them).
func rebilledPages(ls []line) map[int]bool {
	var out map[int]bool
	mark := func(page int) {
		if out == nil {
			out = map[int]bool{}
		}
		out[page] = true
	}
	for i, l := range ls {
		if reSecondaryClaim.MatchString(l.text) {
			mark(l.page)
			continue
		}
		if loc := reResubmission.FindStringIndex(l.text); loc != nil {
			filled := reResubmitted.MatchString(l.text[loc[1]:])
			for j := i + 1; j < len(ls) && j <= i+2 && ls[j].page == l.page && !filled; j++ {
				// (A service line, its cents in a cell of their own, ends
				// with its units and its rendering NPI: no box 22.)
				filled = reResubmitted.MatchString(ls[j].text) && !hasSplitCents(ls[j].text)
			}
			if filled {
				mark(l.page)
			}
		}
	}
	return out
}
