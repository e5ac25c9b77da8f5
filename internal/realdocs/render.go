package realdocs

import (
	"bytes"
	"fmt"
	"strings"
	"time"

	"github.com/go-pdf/fpdf"

	"github.com/medchron/medchron/internal/lazyre"
)

// renderTime is the fixed creation date of rendered PDFs, so that the same
// text always gives the same bytes.
var renderTime = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)

// heading is a line opening with an upper-case section heading.
var heading = lazyre.New(`^[A-Z][A-Z0-9 /&(),'-]{2,}:`)

// MTSamplesLines restores the line breaks of an MTSamples transcription
// and puts a blank line before each section heading, as the shared
// rendered PDFs lay them out. The scrape turned line breaks into commas:
// a comma followed directly by text (not a space or a comma, and not a
// digit after a digit as in "1,500") is a break, unless it follows a colon
// ("PLAN:,1. Rest" stays one line).
func MTSamplesLines(transcription string) []string {
	var b strings.Builder
	afterColon := false
	isDigit := func(c byte) bool { return c >= '0' && c <= '9' }
	for i := 0; i < len(transcription); i++ {
		c := transcription[i]
		if c == ',' && i > 0 && i+1 < len(transcription) && !afterColon {
			next, prev := transcription[i+1], transcription[i-1]
			if !strings.ContainsRune(" \t\r\n,", rune(next)) && !(isDigit(next) && isDigit(prev)) {
				b.WriteByte('\n')
				continue
			}
		}
		b.WriteByte(c)
		if c != ' ' && c != '\t' {
			afterColon = c == ':'
		}
	}
	var out []string
	for _, l := range strings.Split(b.String(), "\n") {
		l = strings.TrimSpace(l)
		if l == "" {
			continue
		}
		if heading.MatchString(l) && len(out) > 0 {
			out = append(out, "")
		}
		out = append(out, l)
	}
	return out
}

// RenderMTSamples lays out an MTSamples note as a born-digital PDF: the
// sample name as its title, then the transcription with its line breaks
// restored.
func RenderMTSamples(sampleName, transcription string) ([]byte, error) {
	return layout(sampleName, MTSamplesLines(transcription))
}

// RenderNote lays out a plain-text note as a born-digital PDF, under a
// letterhead line when one is given. Lines are kept as they are.
func RenderNote(letterhead, text string) ([]byte, error) {
	return layout(letterhead, strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n"))
}

// layout writes a Letter-size PDF with title (bold, centred, when not "")
// and lines, deterministically.
func layout(title string, lines []string) ([]byte, error) {
	n := len(title)
	for _, l := range lines {
		n += len(l)
	}
	if n > maxSourceBytes {
		return nil, fmt.Errorf("render: %d bytes of text is too long", n)
	}
	doc := fpdf.New("P", "pt", "Letter", "")
	doc.SetCatalogSort(true)
	doc.SetCreationDate(renderTime)
	doc.SetModificationDate(renderTime)
	doc.SetCompression(true)
	doc.SetMargins(54, 54, 54)
	doc.SetAutoPageBreak(true, 54)
	tr := doc.UnicodeTranslatorFromDescriptor("") // cp1252, as Helvetica is encoded
	doc.AddPage()
	if title != "" {
		doc.SetFont("Helvetica", "B", 13)
		doc.MultiCell(0, 18, tr(title), "", "C", false)
		doc.Ln(8)
	}
	doc.SetFont("Helvetica", "", 10.5)
	for _, l := range lines {
		if strings.TrimSpace(l) == "" {
			doc.Ln(8)
			continue
		}
		doc.MultiCell(0, 13, tr(l), "", "L", false)
	}
	var buf bytes.Buffer
	if err := doc.Output(&buf); err != nil {
		return nil, fmt.Errorf("render: %w", err)
	}
	return buf.Bytes(), nil
}
