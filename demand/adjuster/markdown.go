package adjuster

import (
	"fmt"
	"io"
	"strings"

	"github.com/medchron/medchron/chronology"
	"github.com/medchron/medchron/extract"
	"github.com/medchron/medchron/internal/textutil"
)

// NoAnswer stands in the Markdown where the attorney has not answered.
const NoAnswer = "_Not answered yet._"

// Markdown writes the points as a numbered list for the attorney: each
// with its explanation, the pages it cites (provider, Bates or file, page
// and quote) and the attorney's answer. c names the documents and
// providers of the citations.
func Markdown(w io.Writer, c chronology.Chronology, points []Point) error {
	var b strings.Builder
	b.WriteString("## Adjuster's read\n\n")
	if len(points) == 0 {
		b.WriteString("The records show none of the points an adjuster usually attacks: no gap, delay, prior treatment, missed appointment, inconsistent pain report or harmful phrase.\n")
	}
	files := map[string]string{}
	for _, d := range c.Documents {
		files[d.ID] = d.File
	}
	for i, p := range points {
		fmt.Fprintf(&b, "### %d. %s\n\n", i+1, oneLine(p.Title))
		fmt.Fprintf(&b, "*%s*", strings.ReplaceAll(p.Kind, "_", " "))
		if !p.Date.IsZero() {
			fmt.Fprintf(&b, " · %s", longDate(p.Date))
		}
		b.WriteString("\n\n" + oneLine(p.Explanation) + "\n\n")
		for _, ct := range p.Citations {
			b.WriteString("- " + citeLine(ct, files) + "\n")
		}
		if len(p.Citations) > 0 {
			b.WriteString("\n")
		}
		answer := oneLine(p.Answer)
		if answer == "" {
			answer = NoAnswer
		}
		b.WriteString("**Attorney's answer:** " + answer + "\n\n")
	}
	_, err := io.WriteString(w, strings.TrimRight(b.String(), "\n")+"\n")
	return err
}

func citeLine(ct extract.Citation, files map[string]string) string {
	ref := ct.Bates
	if ref == "" {
		ref = files[ct.DocumentID]
	}
	if ref == "" {
		ref = ct.DocumentID
	}
	s := fmt.Sprintf("%s, p. %d", oneLine(ref), ct.Page)
	if q := oneLine(ct.Quote); q != "" {
		s += ": “" + clip(q, 160) + "”"
	}
	return s
}

// oneLine keeps text on one Markdown line.
func oneLine(s string) string { return textutil.FoldSpace(s) }
