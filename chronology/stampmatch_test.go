package chronology

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// TestStampMatchIsStampLine: stampMatch, the stamp expression read part
// by part, answers as the whole expression stampLine on lines built at
// random from the pieces of stamps and of ordinary record lines, and on a
// few written out.
func TestStampMatchIsStampLine(t *testing.T) {
	lines := []string{
		"12:30", "1:05PM", "9:5", "10:30_", "10:301", "call 555-1234", "55-1234", "555-123", "#123", "#12", "job #0042",
		"Page 2 of 7", "Pg 2/7", "pg2 / 7", "P.002/011", "p 1/1", "page3of", "From: clinic", "TO :", "Received", "RECEIVED BY",
		"fax", "FAX#", "faxed", "Printed 01/02/2024", "reprinted", "Date of Service: 01/02/2024", "Balance due 1,200.00",
		"", "–", "Ke\u212Avin", "\u0130received", "toronto:", "photo:", "sleep 7/10",
	}
	pieces := []string{"1", "12", "123", "2024", "0", ":", "-", "/", "#", ".", " ", "  ", "\t", "_", "p", "P", "g", "G",
		"page", "Pg", "PAGE", "pa", "of", "OF", "from", "FROM", "to", "To", "received", "RECEIVED", "fax", "Fax", "printed",
		"x", "Service", "Date", "é", "\u212A", "\u017F", "\xff", "ab", "Z"}
	r := rand.New(rand.NewPCG(1, 2))
	for range 50000 {
		var b strings.Builder
		for n := r.IntN(9); n >= 0; n-- {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		lines = append(lines, b.String())
	}
	for _, line := range lines {
		l := strings.ToLower(line)
		keyword := strings.Contains(l, "received") || strings.Contains(l, "fax") || strings.Contains(l, "printed")
		if got, want := stampMatch(line, keyword), stampLine.MatchString(line); got != want {
			t.Errorf("stampMatch(%q) = %v, stampLine says %v", line, got, want)
		}
	}
}

func BenchmarkWithoutStamps(b *testing.B) {
	page := strings.Repeat("Date of Service: 01/02/2024   Provider: Lakeside Physical Therapy\n"+
		"97110 Therapeutic exercise 2 units 120.00\nPatient reports pain 4/10 with lifting; tolerated well.\n"+
		"Fax: 555-123-4567   Printed 01/05/2024 10:31   Page 2 of 7\n", 10)
	b.ReportAllocs()
	for b.Loop() {
		withoutStamps(page)
	}
}
