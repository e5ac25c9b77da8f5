package report

import (
	"fmt"
	"math"
	"strings"

	"github.com/medchron/medchron/chronology"
	"github.com/medchron/medchron/extract"
)

// docIndex maps document IDs to documents, to name a citation's file.
type docIndex map[string]chronology.Document

func indexDocs(c chronology.Chronology) docIndex {
	m := make(docIndex, len(c.Documents))
	for _, d := range c.Documents {
		m[d.ID] = d
	}
	return m
}

// file returns the file name of a document, or its ID when unknown.
func (ix docIndex) file(id string) string {
	if d, ok := ix[id]; ok && d.File != "" {
		return d.File
	}
	return id
}

// CitationLabel formats a citation as "file p.N (Bates)", or "file p.N" when
// the page has no Bates number. file is the document's file name.
func CitationLabel(file string, c extract.Citation) string {
	s := fmt.Sprintf("%s p.%d", file, c.Page)
	if c.Bates != "" {
		s += " (" + c.Bates + ")"
	}
	return s
}

// citations lists the pages cited, each page once, as "file p.N (Bates); …".
func (ix docIndex) citations(cs []extract.Citation) string {
	parts := make([]string, 0, len(cs))
	seen := make(map[string]bool, len(cs))
	for _, c := range cs {
		l := CitationLabel(ix.file(c.DocumentID), c)
		if !seen[l] {
			seen[l] = true
			parts = append(parts, l)
		}
	}
	return strings.Join(parts, "; ")
}

// codedList formats codes as "CODE description; …".
func codedList(cs []extract.Coded) string {
	parts := make([]string, 0, len(cs))
	for _, c := range cs {
		s := strings.TrimSpace(c.Code + " " + c.Description)
		parts = append(parts, s)
	}
	return strings.Join(parts, "; ")
}

// score formats a pain score without a needless ".0".
func score(p *float64) string {
	if p == nil {
		return ""
	}
	return trimFloat(*p)
}

func trimFloat(v float64) string {
	if v == math.Trunc(v) {
		return fmt.Sprintf("%.0f", v)
	}
	return fmt.Sprintf("%g", v)
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

// reviewOf returns the entry's review state, "unreviewed" when unset.
func reviewOf(e chronology.Entry) string {
	if e.Review == "" {
		return chronology.ReviewUnreviewed
	}
	return e.Review
}

// summaryOf returns the entry's summary, or a short one built from its parts.
func summaryOf(e chronology.Entry) string {
	if e.Summary != "" {
		return e.Summary
	}
	var parts []string
	for _, s := range []string{e.Complaints, e.Findings, e.Assessment, e.Plan} {
		if s != "" {
			parts = append(parts, s)
		}
	}
	return strings.Join(parts, "; ")
}

// billKind names a bill line's kind, "charge" when unset; an EOB line says
// so.
func billKind(b chronology.Bill) string {
	k := b.Kind
	if k == "" {
		k = chronology.BillCharge
	}
	if b.EOB {
		k += " (EOB)"
	}
	return k
}

// reconciled says how a printed total compared with its lines.
func reconciled(t chronology.BillTotal) string {
	switch {
	case t.Reconciled == nil && t.Kind == chronology.TotalBalance:
		return "not compared (balance)"
	case t.Reconciled == nil:
		return "no lines to compare"
	case *t.Reconciled:
		return "yes"
	}
	return "no: differs"
}

// codeWithModifiers prints a code with its modifiers, "99284-25-59".
func codeWithModifiers(b chronology.Bill) string {
	s := b.Code
	for _, m := range b.Modifiers {
		s += "-" + m
	}
	return s
}
