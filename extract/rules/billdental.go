package rules

import (
	"strings"

	"github.com/medchron/medchron/internal/lazyre"
)

// A dentist bills on the ADA Dental Claim Form, a claim form whose record
// of services prints, beside each procedure date, the area of the oral
// cavity, the tooth system, number and surface, then the procedure code:
// a CDT code, a D and four digits, whatever the service.

// reDentalWords are what a dental claim prints and no physician's claim
// does: its tooth columns, the missing teeth box, the dentist's boxes.
var reDentalWords = lazyre.New(`(?i)\b(?:tooth|teeth|dentist|dental claim)\b`)

// reDentalOffice are what a dental office's own statement or ledger
// prints where it need not say "tooth": the practice's name or its
// dentists' degrees, its tooth column cut short ("Tth/Area").
var reDentalOffice = lazyre.New(`(?i)\b(?:dental|dentistry|orthodont\w*|periodont\w*|endodont\w*|oral\s+(?:and|&)\s+maxillofacial|oral\s+surgery|d\.?d\.?s\.?|d\.?m\.?d\.?)\b|\btth\b|\btth\W?area`)

// dentalPages returns the pages of ls that print a dental claim's words,
// or, with office, a dental office's (reDentalOffice).
func dentalPages(ls []line, office bool) map[int]bool {
	var out map[int]bool
	for _, l := range ls {
		if reDentalWords.MatchString(l.text) || office && reDentalOffice.MatchString(l.text) {
			if out == nil {
				out = map[int]bool{}
			}
			out[l.page] = true
		}
	}
	return out
}

// cdtCode reads the CDT code in the code cell of a dental claim's row
// that OCR damaged: the D read as a lower-case letter ("p9944") or as a B
// or P ("BO170"), a speck read as a letter before or after the D
// ("bDo170.", "Dp9944"), digits read as their look-alike letters or twice
// ("DO1ISO"), or the D as a zero before four digits read as themselves
// ("09944"). The D, or two of the four digits, must be read as
// themselves; a tooth surface (MOD, DO, MODBL) is never one.
func cdtCode(tok string) (string, bool) {
	tok = strings.Trim(tok, ",;:().*\"'“”‘’`~°—–-©")
	switch {
	case len(tok) == 6 && isLower(tok[0]) && tok[1] == 'D':
		tok = tok[1:]
	case len(tok) == 6 && tok[0] == 'D' && isLower(tok[1]) && hcpcsDigit[rune(tok[1])] == 0:
		tok = tok[:1] + tok[2:]
	}
	if len(tok) == 5 && tok[0] == '0' {
		// The D read as a zero ("09944"): four digits after it, as
		// themselves.
		if allDigits(tok) {
			return "D" + tok[1:], true
		}
		return "", false
	}
	if len(tok) < 5 || tok[0] != 'D' && tok[0] != 'B' && tok[0] != 'P' && !isLower(tok[0]) {
		return "", false
	}
	rest, _, digits, ok := lookAlikeDigits(tok[1:])
	if !ok || len(rest) != 4 || digits < 2 && (tok[0] != 'D' || digits < 1) {
		return "", false
	}
	return "D" + rest, true
}

func isLower(c byte) bool { return c >= 'a' && c <= 'z' }
