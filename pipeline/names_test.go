package pipeline

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

func TestCleanName(t *testing.T) {
	cases := []struct{ in, want string }{
		{"records.pdf", "records.pdf"},
		{"../../etc/passwd", "passwd"},
		{`C:\Users\smith\ER visit.pdf`, "ER visit.pdf"},
		{"bell\a\x1b[31mred\x1b[0m.pdf", "bell[31mred[0m.pdf"},
		{"evil\u202Efdp.exe", "evilfdp.exe"},
		{"  tabs\tand\nlines .pdf  ", "tabs and lines .pdf"},
		{"\xff\xfe.pdf", "pdf"},
		{"", "upload.pdf"},
		{"...", "upload.pdf"},
		{"/", "upload.pdf"},
		{"\x00\x01", "upload.pdf"},
		{strings.Repeat("é", 300) + ".pdf", strings.Repeat("é", 98) + ".pdf"},
	}
	for _, c := range cases {
		if got := CleanName(c.in); got != c.want {
			t.Errorf("CleanName(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// FuzzCleanName holds CleanName's promises on any input: valid UTF-8, no
// control or format characters, no folder, bounded, never empty, stable.
func FuzzCleanName(f *testing.F) {
	for _, s := range []string{"records.pdf", "../x", "a\x1bb", "\u202e", "a\\b/c", strings.Repeat("x", 500)} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		got := CleanName(in)
		if got == "" || len(got) > MaxNameBytes || !utf8.ValidString(got) {
			t.Fatalf("CleanName(%q) = %q", in, got)
		}
		if strings.ContainsAny(got, "/\\") {
			t.Fatalf("CleanName(%q) = %q keeps a folder", in, got)
		}
		for _, r := range got {
			if unicode.IsControl(r) || unicode.Is(unicode.Cf, r) {
				t.Fatalf("CleanName(%q) = %q keeps %U", in, got, r)
			}
		}
		if again := CleanName(got); again != got {
			t.Fatalf("CleanName is not stable: %q → %q → %q", in, got, again)
		}
	})
}
