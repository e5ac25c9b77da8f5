package llmdraft

import (
	"fmt"
	"slices"
	"strings"

	"github.com/medchron/medchron/chronology"
	"github.com/medchron/medchron/demand/check"
	"github.com/medchron/medchron/internal/textutil"
)

// validator checks the model's sentences against what it was sent.
type validator struct {
	c        chronology.Chronology
	eligible []chronology.Entry
	k        *check.Checker
	cite     func(chronology.Entry) string
}

// sentence validates one answered sentence, renders its citations and
// checks it.
func (v validator) sentence(a answerSentence) Sentence {
	s := Sentence{Text: strings.TrimSpace(a.Text), Entries: a.Entries}
	if strings.ContainsAny(s.Text, "[]") {
		s.Problems = append(s.Problems, "the text holds brackets of its own")
	}
	if len(a.Entries) == 0 {
		s.Problems = append(s.Problems, "cites no entry")
	}
	var known []string
	var cites []string
	for _, id := range a.Entries {
		i := slices.IndexFunc(v.eligible, func(e chronology.Entry) bool { return e.ID == id })
		if i < 0 {
			if slices.ContainsFunc(v.c.Entries, func(e chronology.Entry) bool { return e.ID == id }) ||
				slices.ContainsFunc(v.c.UndatedEntries, func(e chronology.Entry) bool { return e.ID == id }) {
				s.Problems = append(s.Problems, fmt.Sprintf("cites entry %s, which the draft may not use", id))
			} else {
				s.Problems = append(s.Problems, fmt.Sprintf("cites entry %s, which is not in the chronology", id))
			}
			continue
		}
		if slices.Contains(known, id) {
			continue
		}
		known = append(known, id)
		if c := v.render(v.eligible[i]); c != "" && !slices.Contains(cites, c) {
			cites = append(cites, c)
		}
	}
	s.Rendered = sentenceText(s.Text)
	if len(cites) > 0 {
		s.Rendered += " " + strings.Join(cites, " ")
	}
	s.Check = v.k.CheckSentence(s.Rendered, known)
	return s
}

// render formats an entry's citation.
func (v validator) render(e chronology.Entry) string {
	if v.cite != nil {
		return v.cite(e)
	}
	return Citation(v.c, e)
}

// Citation renders the first citation of e as the rebuilt demand letter
// renders a page without an exhibit number: "(MC000003)", or "(file
// p. N)" when the page has no Bates number (the document id stands in for
// a missing file name). Request.Cite replaces it with the letter's own
// "(Ex. N, …)" form.
func Citation(c chronology.Chronology, e chronology.Entry) string {
	if len(e.Citations) == 0 {
		return ""
	}
	ct := e.Citations[0]
	if ct.Bates != "" {
		return "(" + clean(ct.Bates) + ")"
	}
	ref := ct.DocumentID
	for _, d := range c.Documents {
		if d.ID == ct.DocumentID && d.File != "" {
			ref = d.File
		}
	}
	return fmt.Sprintf("(%s p. %d)", clean(ref), ct.Page)
}

// clean keeps a name on one line without brackets or table pipes.
func clean(s string) string {
	s = textutil.FoldSpace(s)
	s = strings.NewReplacer("[", "(", "]", ")", "|", "/").Replace(s)
	return strings.TrimRight(s, " .;,:")
}

// sentenceText ends text with a period unless it ends a sentence already.
func sentenceText(t string) string {
	if strings.HasSuffix(t, ".") || strings.HasSuffix(t, "?") || strings.HasSuffix(t, "!") ||
		strings.HasSuffix(t, ".”") || strings.HasSuffix(t, ".\"") {
		return t
	}
	return t + "."
}
