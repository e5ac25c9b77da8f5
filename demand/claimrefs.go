package demand

import (
	"fmt"

	"github.com/medchron/medchron/extract/claimref"
)

// printedHint tells the attorney, inside a Re: block placeholder, what the
// records print for a field of kind (claimref.KindClaimNumber or
// KindPayer): " — the records print Claim # 22-48391-A (MC000012, on 4
// pages); confirm it is this claim's". It is "" when they print nothing.
// The value stays in the placeholder: a PIP or health insurer's claim is
// not the liability carrier's, so only the attorney moves it into the
// inputs.
func (l *letter) printedHint(kind string) string {
	var first *claimref.Reference
	others := 0
	for i, r := range l.c.ClaimReferences {
		switch {
		case r.Kind != kind || len(r.Citations) == 0:
		case first == nil:
			first = &l.c.ClaimReferences[i]
		default:
			others++
		}
	}
	if r := first; r != nil {
		where := l.ex.pageRef(r.Citations[0])
		if r.Pages > 1 {
			where += fmt.Sprintf(", on %d pages", r.Pages)
		}
		what := "this claim's"
		if kind == claimref.KindPayer {
			what = "the carrier of this claim"
		}
		also := ""
		switch {
		case others == 1:
			also = " and one other"
		case others > 1:
			also = fmt.Sprintf(" and %d others", others)
		}
		return fmt.Sprintf(" — the records print %s: %s (%s)%s; confirm it is %s", clean(r.Label), clean(r.Value), where, also, what)
	}
	return ""
}
