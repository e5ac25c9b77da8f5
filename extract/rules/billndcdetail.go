package rules

import (
	"strings"

	"github.com/medchron/medchron/internal/lazyre"
)

// A practice's statement prints under each drug's row an uncharged detail
// line, as a claim's supplemental drug information: the NDC (5-4-2, or
// the 11 digits after the N4 qualifier), the quantity in the package's
// unit after its qualifier ("ML1.00", "UN2"), the lot, its expiry and
// where the drug was given. It is no charge, and its quantity no units.

// reNDCDetail opens a line with an NDC's label (OCR reads it "NOC",
// "N0C", "NDG") and the code's first segment, or prints the N4 qualifier
// run into the code's 11 digits.
var reNDCDetail = lazyre.New(`^\W*N[DO0][CG]\b[\s#:.]*\d{4,5}\s?-|\bN4\s*\d{11}\b`)

// reNDCQuantity is a quantity after its unit qualifier, just before an
// amount's position: "ML", "UN", "GR", "F2", "ME".
var reNDCQuantity = lazyre.New(`(?:ML|UN|GR|F2|ME)\s?$`)

// ndcDetail reports whether a bill line is a drug's NDC detail line: it
// prints an NDC so, and every amount on it is a package quantity after
// its unit qualifier (the line charges nothing).
func ndcDetail(l line) bool {
	s := l.text
	if !reNDCDetail.MatchString(strings.TrimSpace(s)) {
		return false
	}
	_, pos := amountsIn(s)
	for _, p := range pos {
		if !reNDCQuantity.MatchString(s[:p[0]]) {
			return false
		}
	}
	return true
}
