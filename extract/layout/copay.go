package layout

import "strings"

// A visit log printed by a practice management system (a travel card, a
// routing slip history) may show, beside each visit's codes, the copay
// the front desk collected. A copay is what the patient paid at the
// visit, not what the visit was charged: such a log bills nothing.

// Column heads, in lower case: a column of what the patient paid at the
// visit, and the words of a column of what a visit was charged or is
// owed.
var (
	paidHeads = map[string]bool{"copay": true, "co-pay": true, "copayment": true, "co-payment": true,
		"copay collected": true, "collected": true, "pt paid": true, "paid": true, "amount paid": true}
	chargeWords = map[string]bool{"charge": true, "charges": true, "chg": true, "fee": true, "fees": true, "billed": true,
		"amount": true, "amt": true, "price": true, "total": true, "balance": true, "bal": true, "due": true, "cost": true,
		"rate": true}
)

// paidColumnOnly reports whether a line of column heads names a column of
// what the patient paid and none of what was charged or owed.
func paidColumnOnly(text string) bool {
	paid := false
	for _, c := range Cells(text) {
		cell := strings.ToLower(strings.Trim(text[c.Start:c.End], " :.$()"))
		if paidHeads[cell] {
			paid = true
			continue
		}
		for _, w := range strings.FieldsFunc(cell, func(r rune) bool { return !isAlnum(r) }) {
			if chargeWords[w] {
				return false
			}
		}
	}
	return paid
}
