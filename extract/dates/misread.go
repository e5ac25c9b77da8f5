package dates

// OCR on faxes and copies takes some digits for others: closed and open
// loops (0, 6, 8, 9, 3, 5) and strokes (1, 7).
var confusable = map[[2]byte]bool{}

func init() {
	for _, p := range []string{"08", "06", "09", "17", "38", "35", "39", "56", "58", "68", "89"} {
		confusable[[2]byte{p[0], p[1]}] = true
		confusable[[2]byte{p[1], p[0]}] = true
	}
}

// Confusable reports whether OCR takes digit a for digit b on a fax or a
// copy ("5" for "8").
func Confusable(a, b byte) bool { return confusable[[2]byte{a, b}] }

// OneDigitReadings returns the dates raw, a date as OCR read it
// ("08/22/2023"), may be with one of its digits taken for another it looks
// like: "05/22/2023", "06/22/2023", "03/22/2023" ... Each reading is a date
// Parse reads; raw's own reading is not among them.
func OneDigitReadings(raw string) []Date {
	var out []Date
	own, _ := Parse(raw)
	b := []byte(raw)
	for i, c := range b {
		if !isDigit(c) {
			continue
		}
		for d := byte('0'); d <= '9'; d++ {
			if !confusable[[2]byte{c, d}] {
				continue
			}
			b[i] = d
			if dt, ok := Parse(string(b)); ok && dt != own {
				out = append(out, dt)
			}
		}
		b[i] = c
	}
	return out
}

// LostDigitReadings returns the dates raw, a date as OCR read it
// ("1/17/23"), may be with one digit of a one-digit month or day lost:
// a digit put back before or after it ("11/17/23", "10/17/23",
// "12/17/23"). Each reading is a date Parse reads; raw's own reading is
// not among them, and no reading adds a digit to the year (a two-digit
// year grown to three is no date).
func LostDigitReadings(raw string) []Date {
	var out []Date
	own, _ := Parse(raw)
	seen := map[Date]bool{own: true}
	for i := 0; i <= len(raw); i++ {
		// Only next to a digit: a digit lost inside a run of them.
		if !(i > 0 && isDigit(raw[i-1]) || i < len(raw) && isDigit(raw[i])) {
			continue
		}
		for d := byte('0'); d <= '9'; d++ {
			s := raw[:i] + string(d) + raw[i:]
			if dt, ok := Parse(s); ok && !seen[dt] && dt.Year == own.Year {
				seen[dt] = true
				out = append(out, dt)
			}
		}
	}
	return out
}
