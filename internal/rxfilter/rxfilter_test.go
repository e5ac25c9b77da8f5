package rxfilter

import (
	"math/rand/v2"
	"regexp"
	"slices"
	"strings"
	"testing"
)

var exprs = []string{
	`(?i)\b(?:(yard ?work)|(gardening)|(mow(?:ed|ing)? (?:the )?lawn)|(lift(?:ed|ing)? (?:heavy|weights?|boxes))|(\bama\b)|(ski(?:ed|ing))|(re-?injur(?:ed|y)))\b`,
	`(?i)work(?:ing|ed)? out`,
	`(?i)played|playing`,
	`Page \d+ of \d+`,
	`(?i)^(?:page|p\.?|pg\.?)?\s*\d{1,4}\s*(?:of|/)\s*\d{1,4}$`,
	`\d{3}-\d{4}`,
	`(?:ab)+c`,
	`x{2,}y`,
	`(?i)straße`,
	`(?i)kiss`,
	`a*`,
	`(?i)dr\.?\s+[a-z]+`,
}

// TestFilterAgrees checks, on random texts made of the expressions'
// letters, both cases, the Kelvin sign and the long s, that every method
// answers exactly as the regexp package does, and that MayMatch is false
// only where the expression does not match.
func TestFilterAgrees(t *testing.T) {
	alphabet := []string{"a", "b", "c", "d", "e", "g", "i", "k", "l", "m", "n", "o", "r", "s", "t", "u", "w", "x", "y",
		"A", "K", "S", "W", " ", "-", ".", "/", "1", "4", "\u212a", "\u017f", "ß", "é",
		"work", "WORKED out", "yard", "lawn", "mowed the ", "lifting ", "heavy", "ama", "AMA", "ſki", "\u212aIING", "reinjured",
		"played", "Page 3 of 4", "page 12 / 40", "555-1234", "ab", "abab", "xxy", "Dr. ", "kiss", "KIſſ", "Stra\u00dfe"}
	rng := rand.New(rand.NewPCG(1, 2))
	for _, expr := range exprs {
		re := regexp.MustCompile(expr)
		fr := MustCompile(expr)
		for i := 0; i < 3000; i++ {
			var b strings.Builder
			for n := rng.IntN(12); n > 0; n-- {
				b.WriteString(alphabet[rng.IntN(len(alphabet))])
			}
			s := b.String()
			if !fr.MayMatch(s) && re.MatchString(s) {
				t.Fatalf("%s: MayMatch(%q) is false but the expression matches", expr, s)
			}
			if got, want := fr.MatchString(s), re.MatchString(s); got != want {
				t.Fatalf("%s: MatchString(%q) = %v, want %v", expr, s, got, want)
			}
			if got, want := fr.FindAllStringSubmatchIndex(s, -1), re.FindAllStringSubmatchIndex(s, -1); !slices.EqualFunc(got, want, slices.Equal) {
				t.Fatalf("%s: FindAllStringSubmatchIndex(%q) = %v, want %v", expr, s, got, want)
			}
			if got, want := fr.FindStringSubmatch(s), re.FindStringSubmatch(s); !slices.Equal(got, want) {
				t.Fatalf("%s: FindStringSubmatch(%q) = %q, want %q", expr, s, got, want)
			}
			if got, want := fr.ReplaceAllString(s, "<$0>"), re.ReplaceAllString(s, "<$0>"); got != want {
				t.Fatalf("%s: ReplaceAllString(%q) = %q, want %q", expr, s, got, want)
			}
		}
	}
}

func TestFilterLiterals(t *testing.T) {
	tests := []struct {
		expr     string
		filtered bool
		skips    string // a text the filter rules out ("" when unfiltered)
	}{
		{`(?i)mow(?:ed|ing)? (?:the )?lawn`, true, "mowed the grass"},
		{`(?i)work(?:ing|ed)? out`, true, "stayed home"},
		{`(?i)\bama\b`, true, "patient left"},
		{`Page \d+`, true, "page 3"}, // case matters without (?i)
		{`(?:ab)+c`, true, "bcbc"},
		{`a*`, false, ""},
		{`\d+`, false, ""},
		{`(?i)café`, false, ""}, // a folded non-ASCII letter: no filter
		{`x|\d`, false, ""},     // one branch has no literal
	}
	for _, tt := range tests {
		r := MustCompile(tt.expr)
		if r.Filtered() != tt.filtered {
			t.Errorf("%s: Filtered() = %v, want %v", tt.expr, r.Filtered(), tt.filtered)
		}
		if tt.skips != "" && r.MayMatch(tt.skips) {
			t.Errorf("%s: MayMatch(%q) = true, want false", tt.expr, tt.skips)
		}
	}
}

func TestExoticFolds(t *testing.T) {
	r := MustCompile(`(?i)\bski\b`)
	for _, s := range []string{"SKI", "\u212aski", "s\u212ai", "\u017fki", "went ſ\u212aI"} {
		want := regexp.MustCompile(`(?i)\bski\b`).MatchString(s)
		if got := r.MatchString(s); got != want {
			t.Errorf("MatchString(%q) = %v, want %v", s, got, want)
		}
		if !r.MayMatch(s) {
			t.Errorf("MayMatch(%q) = false", s)
		}
	}
}

func BenchmarkPhrase(b *testing.B) {
	const expr = `(?i)\b(?:(yard ?work)|(gardening)|(mow(?:ed|ing)? (?:the )?lawn)|(lift(?:ed|ing)? (?:heavy|weights?|boxes))|(gym)|(golf(?:ing|ed)?)|(tennis)|(hik(?:e|ed|ing)))\b`
	text := strings.Repeat("Patient reports low back pain radiating to the left leg, worse with sitting. ", 4)
	for _, tc := range []struct {
		name string
		find func(string, int) [][]int
	}{{"regexp", regexp.MustCompile(expr).FindAllStringSubmatchIndex}, {"rxfilter", MustCompile(expr).FindAllStringSubmatchIndex}} {
		b.Run(tc.name, func(b *testing.B) {
			for b.Loop() {
				tc.find(text, -1)
			}
		})
	}
}

// TestFilterAllocates: checking a folded filter on a line with capitals
// allocates nothing (it lower-cased a copy of each such line on the heap),
// and the answer is that of the lower-cased text.
func TestFilterAllocates(t *testing.T) {
	r := MustCompile(`(?i)\bfunctional capacity evaluation\b|\bwork capacity\b`)
	line := "Patient Reports Low Back Pain, Worse With Sitting (Date Of Service 01/02/2024)"
	if n := testing.AllocsPerRun(100, func() { r.MatchString(line) }); n != 0 {
		t.Errorf("%v allocations a line", n)
	}
	if !r.MatchString("FUNCTIONAL CAPACITY EVALUATION") || !r.MatchString("Work Capacity testing") || r.MatchString("Work Capacit") {
		t.Error("wrong answer")
	}
	long := strings.Repeat("Patient Reports Pain. ", 100) + "WORK CAPACITY"
	if !r.MatchString(long) || r.MatchString(long[:len(long)-1]) {
		t.Error("wrong answer on a text longer than the stack buffer")
	}
}
