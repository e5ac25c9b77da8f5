package rules

import (
	"math"
	"strings"

	"github.com/medchron/medchron/extract"
	"github.com/medchron/medchron/extract/layout"
	"github.com/medchron/medchron/internal/lazyre"
)

// A claim's status: a row's status is no part of its description, and a
// claim reversed, voided, cancelled or rejected bills nothing, nor does
// the claim a reversal's credit cancels.

// reNoClaim is a claim's status that bills nothing: reversed (returned to
// stock), voided, cancelled or rejected.
var reNoClaim = lazyre.New(`(?i)\b(?:reversed|reversal|rev|void(?:ed)?|cancell?ed|rejected|rtnd|rts|returned)\b`)

// reNoClaimCell is such a status printed in capitals in a cell of its own,
// on a table with no status column.
var reNoClaimCell = lazyre.New(`^(?:REVERSED|REVERSAL|VOID|VOIDED|CANCELL?ED|REJECTED)$`)

// reNotDispensed is a pharmacy's word for a fill never dispensed: an
// automatic refill returned to stock (RTS) because the patient never
// picked it up. Its claim is reversed; it bills nothing, whatever status
// the row prints.
var reNotDispensed = lazyre.New(`(?i)\b(?:RTS|returned\s+to\s+stock|return(?:ed)?\s+to\s+shelf|not\s+picked\s+up|never\s+picked\s+up)\b`)

// billedNothing reports whether a bill row is a claim that bills nothing:
// its words say the fill was never dispensed (returned to stock), or its status cell (or a cell of its own with a status in capitals: no
// "NO SHOW - CANCELLED APPT" fee) says it was reversed, voided, cancelled
// or rejected.
func billedNothing(r billRow) bool {
	if reNotDispensed.MatchString(r.text) {
		return true
	}
	if r.status != "" {
		return reNoClaim.MatchString(r.status)
	}
	for _, c := range layout.Cells(r.text) {
		if reNoClaimCell.MatchString(r.text[c.Start:c.End]) {
			return true
		}
	}
	return false
}

// readStatus takes the words a row prints under its header's status
// column ("PAID", "REVERSED", "REV - RTS"): the claim's status, no part of
// its description. Where OCR moved the row's words from under their
// captions, the status is the first word a claim's status is said with.
func (r *billRow) readStatus(toks []token, hs []tableHead, free func(token) bool, take func(a, b int)) {
	if !hasHead(hs, headStatus) {
		return
	}
	var words []string
	for _, t := range toks {
		if free(t) && layout.HasLetters(t.s) && headAt(hs, t.a, t.b) == headStatus {
			words = append(words, gluedStatus(t.s))
			take(t.a, t.b)
		}
	}
	for i := 0; len(words) == 0 && i < len(toks); i++ {
		if t := toks[i]; free(t) && reStatusWord.MatchString(strings.TrimFunc(gluedStatus(t.s), speck)) {
			words = append(words, gluedStatus(t.s))
			take(t.a, t.b)
		}
	}
	r.status = strings.Join(words, " ")
}

// gluedStatus returns the status word a token ends in when the text
// layer or OCR ran the cell before it into it ("daysReversed": the
// transaction's last word and the claim's status, their gap too narrow
// for a space), else the token itself.
func gluedStatus(s string) string {
	for i := len(s) - 1; i > 0; i-- {
		if s[i] >= 'A' && s[i] <= 'Z' && s[i-1] >= 'a' && s[i-1] <= 'z' {
			if reStatusWord.MatchString(s[i:]) {
				return s[i:]
			}
			break
		}
	}
	return s
}

// reStatusWord is a word a claim's status is printed with.
var reStatusWord = lazyre.New(`(?i)^(?:paid|reversed|reversal|rejected|denied|approved|accepted|pending|captured|processed|void|voided|cancell?ed|rts)$`)

// reversedItem returns the charge line a reversal row cancels: the row
// credits an amount ("-40.20") and the latest charge of that amount with
// the same code, or the same first word of its description, is the claim
// it reverses; -1 when the row credits nothing or cancels no line.
func reversedItem(items []extract.BillLine, r billRow) int {
	credit := 0.0
	for _, v := range r.amts {
		credit = min(credit, v)
	}
	if credit == 0 {
		return -1
	}
	first := func(s string) string {
		if f := strings.Fields(s); len(f) > 0 {
			return f[0]
		}
		return ""
	}
	for k := len(items) - 1; k >= 0; k-- {
		b := items[k]
		if b.Kind != extract.LineCharge || math.Abs(b.Charge+credit) >= 0.005 {
			continue
		}
		if r.code != "" && b.Code == r.code || r.code == "" && first(b.Description) == first(r.desc) {
			return k
		}
	}
	return -1
}

// speck reports whether r is no ASCII letter: a speck OCR glued to a word
// ("«PAID", "=PAID").
func speck(r rune) bool { return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') }
