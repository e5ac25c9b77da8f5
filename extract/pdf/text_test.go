package pdf

import (
	"context"
	"errors"
	"fmt"
	"math"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/medchron/medchron/extract"
)

func TestTextLayer(t *testing.T) {
	path := buildPDF(t,
		pageSpec{lines: clinicLines, row: billRow},
		pageSpec{image: scanImage(t, 100, "PNG"), imageType: "PNG"},
		pageSpec{},
		pageSpec{image: scanImage(t, 100, "JPG"), imageType: "JPG", lines: []string{"SMITH-000123"}},
	)
	pages, err := TextLayer(context.Background(), path)
	if err != nil {
		t.Fatalf("TextLayer: %v", err)
	}
	if len(pages) != 4 {
		t.Fatalf("pages = %d, want 4", len(pages))
	}
	wantSource := []extract.PageSource{extract.SourceText, "", "", ""}
	for i, p := range pages {
		if p.Number != i+1 {
			t.Errorf("page %d numbered %d", i+1, p.Number)
		}
		if p.Source != wantSource[i] {
			t.Errorf("page %d source = %q, want %q", i+1, p.Source, wantSource[i])
		}
		if p.Width != pageW || p.Height != pageH {
			t.Errorf("page %d size %vx%v", i+1, p.Width, p.Height)
		}
	}

	text := pages[0]
	// Layout keeps the wide gaps of bill columns.
	if !regexp.MustCompile(`99213 {3,}Office visit {3,}\$150\.00`).MatchString(text.Text) {
		t.Errorf("layout spacing lost:\n%s", text.Text)
	}
	lines := strings.Split(text.Text, "\n")
	for _, w := range text.Words {
		if w.Line < 0 || w.Line >= len(lines) || !slices.Contains(strings.Fields(lines[w.Line]), w.Text) {
			t.Errorf("word %q has line %d, which does not hold it", w.Text, w.Line)
		}
	}
	// The date was drawn on the second line: baseline at y=86 pt from the top,
	// x from 72 pt; Helvetica 12 pt ascends about 9 pt above the baseline.
	date := findWord(text.Words, "03/14/2023")
	if date == nil {
		t.Fatalf("no word 03/14/2023 in %d words", len(text.Words))
	}
	if date.Box.X0 < 72 || date.Box.X0 > 200 || math.Abs(date.Box.Y1-86) > 4 || math.Abs(date.Box.Y0-77) > 4 {
		t.Errorf("date box %+v not where it was drawn (baseline y=86)", date.Box)
	}
	if !strings.Contains(lines[date.Line], "Date of service") {
		t.Errorf("date on line %d: %q", date.Line, lines[date.Line])
	}
	if got := findWord(pages[3].Words, "SMITH-000123"); got == nil {
		t.Errorf("Bates stamp missing from page 4 words")
	}
}

func findWord(words []extract.Word, text string) *extract.Word {
	for i := range words {
		if words[i].Text == text {
			return &words[i]
		}
	}
	return nil
}

func TestHasRealText(t *testing.T) {
	tests := []struct {
		name string
		text string
		want bool
	}{
		{"clinic note", strings.Join(clinicLines, "\n"), true},
		{"empty", "", false},
		{"whitespace", "  \n\n \t ", false},
		{"bates only", "\n\n                SMITH-000123\n", false},
		{"bates with prefix words", "ABC MED 0004512", false},
		{"page of", "Page 3 of 12", false},
		{"fax header", "FROM: Riverside Ortho FAX (555) 201-3344   03/14/2023 10:42   P. 3/12", false},
		{"fax header and bates", "03/14/2023 10:42 FAX 5552013344 PAGE 2\n\nSMITH-000124", false},
		{"short real text", "Neck pain.", false},
		{"twenty-five letters", "abcdefghij klmnopqrst uvwxy", true},
		{"letterhead with fax is real", "Riverside Orthopedics  Fax: 555-201-3344\nDiagnosis: cervical strain", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := HasRealText(tt.text); got != tt.want {
				t.Errorf("HasRealText(%q) = %v, want %v", tt.text, got, tt.want)
			}
		})
	}
}

func TestAssignLinesRepeatedWords(t *testing.T) {
	// Two lines with the same words: each word must take the line at its height.
	text := "pain  pain\n\npain"
	words := []extract.Word{
		{Text: "pain", Box: extract.Box{X0: 10, Y0: 100, X1: 30, Y1: 110}},
		{Text: "pain", Box: extract.Box{X0: 10, Y0: 10, X1: 30, Y1: 20}},
		{Text: "pain", Box: extract.Box{X0: 50, Y0: 10, X1: 70, Y1: 20}},
		{Text: "stray", Box: extract.Box{X0: 90, Y0: 101, X1: 99, Y1: 109}},
	}
	got := assignLines(text, words)
	want := map[float64]int{10: 0, 100: 2}
	for _, w := range got {
		if w.Line != want[w.Box.Y0] && !(w.Text == "stray" && w.Line == 2) {
			t.Errorf("word %q at y=%v got line %d", w.Text, w.Box.Y0, w.Line)
		}
	}
	if got[0].Box.X0 != 10 || got[1].Box.X0 != 50 || got[0].Line != 0 {
		t.Errorf("words not sorted by line then x: %+v", got)
	}
}

func TestTextLayerErrors(t *testing.T) {
	good := readFile(t, buildPDF(t, pageSpec{lines: clinicLines}))
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := dir + "/" + name
		if err := osWriteFile(p, data); err != nil {
			t.Fatal(err)
		}
		return p
	}
	tests := []struct {
		name string
		path string
		want error
	}{
		{"locked", write("locked.pdf", encrypt(t, good, "secret", "owner")), ErrEncrypted},
		{"garbage", write("garbage.pdf", []byte("%PDF-1.4\nnot really\n")), ErrCorrupt},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := TextLayer(context.Background(), tt.path)
			if !errors.Is(err, tt.want) || !strings.Contains(err.Error(), tt.name+".pdf") {
				t.Fatalf("err = %v, want %v naming the file", err, tt.want)
			}
		})
	}
	t.Run("owner password only opens", func(t *testing.T) {
		pages, err := TextLayer(context.Background(), write("owned.pdf", encrypt(t, good, "", "owner")))
		if err != nil || len(pages) != 1 || pages[0].Source != extract.SourceText {
			t.Fatalf("pages %d, err %v", len(pages), err)
		}
	})
	t.Run("no poppler", func(t *testing.T) {
		t.Setenv("PATH", t.TempDir())
		_, err := TextLayer(context.Background(), write("a.pdf", good))
		if !errors.Is(err, ErrNoPoppler) || !strings.Contains(err.Error(), "poppler-utils") {
			t.Fatalf("err = %v, want ErrNoPoppler telling to install poppler-utils", err)
		}
	})
	t.Run("cancelled", func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		if _, err := TextLayer(ctx, write("b.pdf", good)); !errors.Is(err, context.Canceled) {
			t.Fatalf("err = %v, want context.Canceled", err)
		}
	})
}

// Word boxes pdftotext wrote but that cannot be read say the file is
// damaged, and the pipeline gives it up without reading it again; a
// program that could not run may be tried again.
func TestToolErrVerdicts(t *testing.T) {
	ctx := context.Background()
	bad := toolErr(ctx, "a.pdf", "pdftotext", fmt.Errorf("%w: %v", errBadOutput, errors.New("XML syntax error on line 3")))
	var fe *FileError
	if !errors.As(bad, &fe) || !errors.Is(bad, ErrCorrupt) || !fe.Permanent() || !strings.Contains(bad.Error(), "a.pdf") || !strings.Contains(bad.Error(), "word boxes") {
		t.Errorf("unreadable output: %v, want a permanent ErrCorrupt naming the file", bad)
	}
	big := toolErr(ctx, "a.pdf", "pdftotext", errTooBig)
	if !errors.As(big, &fe) || !fe.Permanent() {
		t.Errorf("output past the limit: %v, want permanent", big)
	}
	other := toolErr(ctx, "a.pdf", "pdftotext", errors.New("fork/exec: resource temporarily unavailable"))
	if !errors.As(other, &fe) || fe.Permanent() {
		t.Errorf("a program that could not start: %v, want it tried again", other)
	}
}
