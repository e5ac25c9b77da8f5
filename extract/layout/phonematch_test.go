package layout

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// TestPhoneMatchIsRePhone: phoneMatch, the phone expression read part by
// part, answers as the whole expression rePhone on lines built at random
// from the pieces of phone numbers and of bill rows, and on a few written
// out.
func TestPhoneMatchIsRePhone(t *testing.T) {
	lines := []string{
		"(555) 123-4567", "(555)123.4567", "(555) 123 4567", "(55) 123-4567", "555-123-4567", "555.123.4567", "a555-123-4567",
		"555-123-45678", "1555-123-4567", "555-123-4567_", "Tel: 555", "PHONE (5", "ph.5", "phone5", "telephone: 1", "Fax 8",
		"fax: x", "graph 5", "01/02/2024 97110 Therapeutic exercise 2 units 120.00", "Acct 1234567 Bal 55.00", "é555-123-4567",
		"",
	}
	pieces := []string{"1", "12", "123", "1234", "555", "0", "(", ")", " ", "  ", "\t", "-", ".", ":", "/", "_", "tel", "TEL",
		"phone", "Ph", "fax", "FAX", "telephone", "x", "a", "é", "\u212A", "\xff", "Service"}
	r := rand.New(rand.NewPCG(3, 4))
	for range 50000 {
		var b strings.Builder
		for n := r.IntN(12); n >= 0; n-- {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		lines = append(lines, b.String())
	}
	for _, s := range lines {
		if got, want := phoneMatch(s), rePhone.MatchString(s); got != want {
			t.Errorf("phoneMatch(%q) = %v, rePhone says %v", s, got, want)
		}
	}
}

func BenchmarkLooksPhone(b *testing.B) {
	lines := []string{
		"01/02/2024 97110 Therapeutic exercise 2 units 120.00", "01/02/2024 97140 Manual therapy 1 unit 65.00 Paid 01/20/2024",
		"Lakeside Physical Therapy 1200 Main Street Springfield IL 62701", "Phone: (217) 555-0142  Fax: 217-555-0143",
		"Account 00412345 Statement date 02/01/2024 Balance due 1,240.00",
	}
	b.ReportAllocs()
	for b.Loop() {
		for _, l := range lines {
			LooksPhone(l)
		}
	}
}
