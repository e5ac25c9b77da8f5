package textutil

import "testing"

func TestFoldSpace(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"":                "",
		"   ":             "",
		"a":               "a",
		" a \n\t b  c ":   "a b c",
		"St\u00a0Mary's ": "St Mary's",
	} {
		if got := FoldSpace(in); got != want {
			t.Errorf("FoldSpace(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestMoney(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		cents         int64
		grouped, want string
	}{
		{0, "0.00", "$0.00"},
		{5, "0.05", "$0.05"},
		{100, "1.00", "$1.00"},
		{123456, "1,234.56", "$1,234.56"},
		{100000000, "1,000,000.00", "$1,000,000.00"},
		{-500, "5.00", "-$5.00"},
		{-123456789, "1,234,567.89", "-$1,234,567.89"},
	} {
		if got := Grouped(tc.cents); got != tc.grouped {
			t.Errorf("Grouped(%d) = %q, want %q", tc.cents, got, tc.grouped)
		}
		if got := Money(tc.cents); got != tc.want {
			t.Errorf("Money(%d) = %q, want %q", tc.cents, got, tc.want)
		}
	}
}

func TestDollars(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		v    float64
		want string
	}{
		{0, "$0.00"},
		{12345.678, "$12,345.68"},
		{0.125, "$0.13"},
		{-5, "-$5.00"},
		{-0.004, "$0.00"},
		{999.995, "$1,000.00"},
	} {
		if got := Dollars(tc.v); got != tc.want {
			t.Errorf("Dollars(%v) = %q, want %q", tc.v, got, tc.want)
		}
	}
}

func TestEditDistance(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		a, b        string
		runes, byts int
	}{
		{"", "", 0, 0},
		{"", "abc", 3, 3},
		{"kitten", "sitting", 3, 3},
		{"S134XXA", "S134XXA", 0, 0},
		{"S13A", "S134", 1, 1},
		{"café", "cafe", 1, 2}, // é is one rune, two bytes
	} {
		if got := EditDistance([]rune(tc.a), []rune(tc.b)); got != tc.runes {
			t.Errorf("EditDistance(runes %q, %q) = %d, want %d", tc.a, tc.b, got, tc.runes)
		}
		if got := EditDistance([]byte(tc.a), []byte(tc.b)); got != tc.byts {
			t.Errorf("EditDistance(bytes %q, %q) = %d, want %d", tc.a, tc.b, got, tc.byts)
		}
	}
}
