package pipeline

import (
	"errors"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/medchron/medchron/extract"
	"github.com/medchron/medchron/store"
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

func TestUserError(t *testing.T) {
	d := store.Document{Document: extract.Document{ID: "doc-0123456789abcdef"}}
	for in, want := range map[string]string{
		"doc-0123456789abcdef.pdf page 3: image: PDF is damaged":                                   "page 3: image: PDF is damaged",
		"doc-0123456789abcdef.tif: is cut off":                                                     "is cut off",
		"doc-0123456789abcdef: extract: llm extract doc-0123456789abcdef: HTTP 503":                "extract: llm extract doc-0123456789abcdef: HTTP 503",
		"page 4: ocr: timed out":                                                                   "page 4: ocr: timed out",
		"page 1: doc-0123456789abcdef.pdf page 1: an image on it is declared 100000x100000 pixels": "page 1: an image on it is declared 100000x100000 pixels",
	} {
		if got := userError(d, errors.New(in)); got != want {
			t.Errorf("userError(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestSafeTextScrubsRecordText(t *testing.T) {
	record := "Patient: Zebulon Quixote\nChief complaint: neck pain after motor vehicle collision\nMRN 88412093"
	for in, want := range map[string]string{
		"HTTP 400: the prompt contained: neck pain after motor vehicle collision (too long)": "HTTP 400: the prompt contained: [record text] (too long)",
		"cannot parse answer for Zebulon, MRN 88412093":                                      "cannot parse answer for [record text]",
		"extract: request timed out":                                                         "extract: request timed out",
		"bell\a and escape\x1b[2J":                                                           "bell and escape [2J",
	} {
		if got := SafeText(in, record); got != want {
			t.Errorf("SafeText(%q) = %q, want %q", in, got, want)
		}
	}
	long := strings.Repeat("x", 1000)
	if got := SafeText(long); len(got) > MaxErrorText {
		t.Errorf("SafeText kept %d bytes, want at most %d", len(got), MaxErrorText)
	}
}
