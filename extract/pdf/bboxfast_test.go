package pdf

import (
	"bytes"
	"errors"
	"os/exec"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/medchron/medchron/internal/testutil"
)

// pdftotextBBox returns pdftotext -bbox-layout output for the PDF at path.
func pdftotextBBox(t *testing.T, path string) []byte {
	t.Helper()
	bin, err := tool("pdftotext")
	if err != nil {
		t.Skip(err)
	}
	out, err := exec.Command(bin, "-bbox-layout", "-enc", "UTF-8", path, "-").Output()
	if err != nil {
		t.Fatalf("%s: %v", filepath.Base(path), err)
	}
	return out
}

// TestBBoxFastAgrees reads pdftotext's real output for generated pages
// (text with the characters XML escapes, accents, a bill row, an empty
// page) and the repository's born-digital bundle with both parsers: the
// line reader must take all of it, and give what the XML decoder gives.
func TestBBoxFastAgrees(t *testing.T) {
	special := []string{
		`Smith & Jones <Ortho> "Clinic" it's`,
		"Résumé: naïve café — 5°, ½ tablet, “quoted” ‘text’",
		"a&amp;b &lt; literal entity text ]] > done",
	}
	paths := []string{
		buildPDF(t, pageSpec{lines: clinicLines, row: billRow}, pageSpec{lines: special}, pageSpec{}),
		filepath.Join(testutil.RepoRoot(t), "testdata", "bundles", "small", "born-digital.pdf"),
	}
	for _, path := range paths {
		out := pdftotextBBox(t, path)
		want, err := parseBBox(bytes.NewReader(out), MaxBBoxBytes)
		if err != nil {
			t.Fatal(err)
		}
		got, err := parseBBoxFast(bytes.NewReader(out), MaxBBoxBytes)
		if err != nil {
			t.Fatalf("%s: %v", filepath.Base(path), err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s: the line reader and the XML decoder disagree", filepath.Base(path))
		}
	}
}

// TestBBoxFastUnusual checks that output the line reader cannot vouch
// for is left to the XML decoder, and that what it reads matches it.
func TestBBoxFastUnusual(t *testing.T) {
	head := `<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd"><html xmlns="http://www.w3.org/1999/xhtml">
<head>
<title>Records &amp; more</title>
</head>
<body>
<doc>
  <page width="612.000000" height="792.000000">
`
	word := func(text string) string {
		return `          <word xMin="1.000000" yMin="2.500000" xMax="3.000000" yMax="4.000000">` + text + "</word>\n"
	}
	tail := "  </page>\n</doc>\n</body>\n</html>\n"
	tests := []struct {
		name    string
		doc     string
		unusual bool
	}{
		{"plain", strings.Replace(head, "Records &amp; more", "Records", 1) + word("Hello") + word("A&amp;B&lt;&gt;&quot;&apos;") + word("  ") + tail, false},
		{"entity in the title", head + word("x") + tail, true},
		{"other entity", strings.Replace(head, "Records &amp; more", "R", 1) + word("&nbsp;x") + tail, true},
		{"numeric reference", strings.Replace(head, "Records &amp; more", "R", 1) + word("&#65;") + tail, true},
		{"control character", strings.Replace(head, "Records &amp; more", "R", 1) + word("a\x01b") + tail, true},
		{"carriage return", strings.Replace(head, "Records &amp; more", "R", 1) + word("a\rb") + tail, true},
		{"invalid UTF-8", strings.Replace(head, "Records &amp; more", "R", 1) + word("a\xffb") + tail, true},
		{"not a number", strings.Replace(head, "Records &amp; more", "R", 1) + strings.Replace(word("x"), "1.000000", "nan", 1) + tail, true},
		{"cut short", strings.Replace(head, "Records &amp; more", "R", 1) + word("x"), true},
		{"after the end", strings.Replace(head, "Records &amp; more", "R", 1) + word("x") + tail + "<p>\n", true},
		{"unknown element", strings.Replace(head, "Records &amp; more", "R", 1) + "<span>x</span>\n" + tail, true},
	}
	for _, tt := range tests {
		got, err := parseBBoxFast(strings.NewReader(tt.doc), MaxBBoxBytes)
		if tt.unusual {
			if !errors.Is(err, errUnusual) {
				t.Errorf("%s: err = %v, want errUnusual", tt.name, err)
			}
			continue
		}
		want, werr := parseBBox(strings.NewReader(tt.doc), MaxBBoxBytes)
		if err != nil || werr != nil || !reflect.DeepEqual(got, want) {
			t.Errorf("%s: got %+v, %v; the XML decoder gives %+v, %v", tt.name, got, err, want, werr)
		}
	}
	if _, err := parseBBoxFast(strings.NewReader(strings.Repeat("<flow>\n", 100)), 50); !errors.Is(err, errTooBig) {
		t.Errorf("past the limit: err = %v, want errTooBig", err)
	}
}
