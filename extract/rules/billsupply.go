package rules

import (
	"strings"

	"github.com/medchron/medchron/extract"
)

// A medical equipment supplier's statement bills HCPCS level II codes
// with the modifiers of supplies (NU new, RR rental, KH/KI/KJ the rental
// month), and bills the same items month after month: OCR's damage to
// one row's code cell is undone by what the code's modifiers allow and by
// the code the same item prints on the statement's other rows.

// supplyModifier are the modifiers only medical equipment and supplies
// (HCPCS level II codes: A, B, E, K, L) are billed with: new, used, rental,
// the rental month, maintenance, the purchase option. A code printed with
// one is no CPT code.
var supplyModifier = map[string]bool{"NU": true, "UE": true, "RR": true, "KH": true, "KI": true, "KJ": true, "MS": true,
	"BP": true, "BR": true, "BU": true}

// supplyLetter are the HCPCS letters of equipment and supplies that OCR
// reads as the digit they look like: "10180" for L0180, "44556" for A4556,
// "80001" for B0001.
var supplyLetter = map[byte]byte{'1': 'L', '4': 'A', '8': 'B'}

// supplyCode gives a code OCR read with the letter of an equipment or
// supply code as a digit ("10180 NU") its letter, when a supply modifier
// follows it.
func supplyCode(code string, mods []string) string {
	if len(code) != 5 || !allDigits(code) || supplyLetter[code[0]] == 0 {
		return code
	}
	for _, m := range mods {
		if supplyModifier[m] {
			return string(supplyLetter[code[0]]) + code[1:]
		}
	}
	return code
}

// itemLetters keeps the upper-cased letters of a row's description without
// the modifiers it printed (read or left in the description): the item the
// row bills, the same in January's rental ("RR KH TENS") and February's
// ("RR KI TENS").
func itemLetters(desc string) string {
	var b strings.Builder
	for _, f := range strings.Fields(desc) {
		if knownModifier[strings.Trim(f, codeSpecks)] {
			continue
		}
		b.WriteString(letters(f))
	}
	return b.String()
}

// sameItem reports whether rows a and b bill the same item, by their
// descriptions: alike, but for a letter or two OCR glued to the end of
// one ("Mol" for "Mo 1", the rental month after the item's name).
func sameItem(a, b string) bool {
	x, y := itemLetters(a), itemLetters(b)
	if len(x) > len(y) {
		x, y = y, x
	}
	return x != "" && (x == y || len(x) >= 8 && len(y)-len(x) <= 2 && strings.HasPrefix(y, x))
}

// lostDigitCodes gives a row that read no code, its description opening
// with a HCPCS code OCR lost a digit of ("A456 ELECTRODES PER PAIR"), the
// code another row of the bill prints for the same item ("A4556
// ELECTRODES PER PAIR"), when the two differ by that digit only.
func lostDigitCodes(items []extract.BillLine) {
	for i := range items {
		a := &items[i]
		if a.Code != "" || a.Kind != extract.LineCharge {
			continue
		}
		first, rest, _ := strings.Cut(strings.TrimLeft(a.Description, codeSpecks+" *"), " ")
		first = strings.Trim(first, codeSpecks)
		if len(first) != 4 || first[0] < 'A' || first[0] > 'V' || !allDigits(first[1:]) {
			continue
		}
		for _, b := range items {
			if len(b.Code) == 5 && b.Code[0] == first[0] && allDigits(b.Code[1:]) && digitLost(b.Code, first) && sameItem(rest, b.Description) {
				a.Code, a.Description = b.Code, strings.TrimSpace(rest)
				break
			}
		}
	}
}

// digitLost reports whether short is long with one of its digits left out.
func digitLost(long, short string) bool {
	for i := 1; i < len(long); i++ {
		if long[:i]+long[i+1:] == short {
			return true
		}
	}
	return false
}
