package layout

import "github.com/medchron/medchron/internal/lazyre"

// OCR of a narrow table often loses the gap between two amounts: "32.00"
// and "1,339.00" come out as "32.001,339.00". The second amount starts
// right after the first one's two cents.

// reAmountHead is an amount that opens the text: digits (with thousands
// commas, or four to seven without), a point and two cents, then no digit.
var reAmountHead = lazyre.New(`^(?:\d{1,3}(?:,\d{3})*|\d{4,7})\.\d{2}(?:[^\d.,/%]|$)`)

// reGluedHead is an amount glued to another as OCR prints it, its
// thousands separator perhaps a semicolon after a space ("2 ,037.00",
// "2;549.00").
var reGluedHead = lazyre.New(`^(?:\d{1,3}(?:\s?[,;]\d{3})*|\d{4,7})\.\d{2}(?:[^\d.,/%]|$)`)

// GluedAt reports whether an amount starts at s[k:] glued to the cents of
// another: s[k-3] is a point, s[k-2:k] two digits, and s[k:] opens with a
// whole amount.
func GluedAt(s string, k int) bool {
	if !(k >= 4 && k < len(s) && s[k-3] == '.' && isDigitByte(s[k-4]) && isDigitByte(s[k-2]) && isDigitByte(s[k-1]) &&
		isDigitByte(s[k]) && reGluedHead.MatchString(s[k:])) {
		return false
	}
	// The first amount must be one: not the tail of a dotted number such
	// as an OID ("1.3.6.4.1.2835.12"), a version or an IP address.
	i := k - 4
	for i >= 0 && (isDigitByte(s[i]) || s[i] == ',') {
		i--
	}
	return i < 0 || s[i] != '.' && s[i] != '/'
}

// AmountHead reports whether s opens with a whole amount ("1,339.00").
func AmountHead(s string) bool { return reAmountHead.MatchString(s) }
