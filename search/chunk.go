package search

import (
	"strings"

	"github.com/medchron/medchron/chronology"
	"github.com/medchron/medchron/extract"
	"github.com/medchron/medchron/internal/textutil"
)

// MaxPageChars bounds the text of one page sent to an embedder, in runes:
// a page is embedded as one text, and the tail of a very long page (a
// dense lab table) adds little to its meaning.
const MaxPageChars = 8000

// PageText is the text embedded for a page: its text with white space
// collapsed, cut to MaxPageChars. It is "" for a page without text.
func PageText(p extract.Page) string {
	return truncateRunes(textutil.FoldSpace(p.Text), MaxPageChars)
}

// EntryText is the text embedded for a chronology entry: its date,
// provider, visit type, summary (or, without one, its complaints, findings,
// assessment and plan), diagnoses and procedures.
func EntryText(e chronology.Entry) string {
	parts := []string{e.Date.String(), e.Provider, e.VisitType}
	if e.Summary != "" {
		parts = append(parts, e.Summary)
	} else {
		parts = append(parts, e.Complaints, e.Findings, e.Assessment, e.Plan)
	}
	for _, list := range [][]extract.Coded{e.Diagnoses, e.Procedures} {
		for _, c := range list {
			parts = append(parts, strings.TrimSpace(c.Code+" "+c.Description))
		}
	}
	var b strings.Builder
	for _, p := range parts {
		if p = textutil.FoldSpace(p); p == "" {
			continue
		}
		if b.Len() > 0 {
			b.WriteString(" · ")
		}
		b.WriteString(p)
	}
	return truncateRunes(b.String(), MaxPageChars)
}
