package demand

import (
	"strings"

	"github.com/medchron/medchron/chronology"
	"github.com/medchron/medchron/extract"
	"github.com/medchron/medchron/internal/textutil"
)

// visitSentence says when and where a visit took place, without a period.
func visitSentence(client string, e chronology.Entry) string {
	var b strings.Builder
	if !e.EndDate.IsZero() && e.EndDate.After(e.Date) {
		b.WriteString("From " + longDate(e.Date) + " to " + longDate(e.EndDate) + ", ")
	} else {
		b.WriteString("On " + longDate(e.Date) + ", ")
	}
	b.WriteString(client + " was seen at " + clean(e.Provider))
	if vt := strings.ToLower(clean(e.VisitType)); vt != "" {
		b.WriteString(" for ")
		if countable(vt) {
			b.WriteString(article(vt) + " ")
		}
		b.WriteString(vt)
	}
	if cl := clean(e.Clinician); cl != "" {
		b.WriteString(" with " + cl)
	}
	return b.String()
}

// entryParagraph states what the records show for one entry, one cited
// sentence per fact.
func entryParagraph(ct citer, client string, e chronology.Entry) (string, []extract.Citation) {
	s := sentenceList{ct: ct, provider: e.Provider}
	s.add(visitSentence(client, e), citeFor(e.Citations, ""))
	facts := []struct{ lead, text, match string }{
		{client + " reported ", inline(e.Complaints), e.Complaints},
		{"The records note ", inline(e.Findings), e.Findings},
		{"The assessment was ", inline(e.Assessment), e.Assessment},
		{plural(len(e.Diagnoses), "The diagnosis recorded was ", "Diagnoses recorded were "), codedPhrases(e.Diagnoses), codedMatch(e.Diagnoses)},
		{plural(len(e.Procedures), "The procedure recorded was ", "Procedures recorded were "), codedPhrases(e.Procedures), codedMatch(e.Procedures)},
		{plural(len(e.Medications), "The medication recorded was ", "Medications recorded were "), medList(e.Medications), strings.Join(e.Medications, " ")},
		{"The plan was ", inline(e.Plan), e.Plan},
	}
	if textutil.FoldSpace(e.Plan) == textutil.FoldSpace(e.Assessment) {
		facts[len(facts)-1].text = "" // one "Assessment and Plan" section: said once
	}
	n := 0
	for _, f := range facts {
		if f.text == "" {
			continue
		}
		s.add(f.lead+f.text, citeFor(e.Citations, f.match))
		n++
	}
	if e.PainScore != nil {
		p := scoreText(*e.PainScore)
		s.add("Pain was rated "+p, citeFor(e.Citations, "pain "+p))
		n++
	}
	if ws := inline(e.WorkStatus); ws != "" {
		s.add("Work status was recorded as "+ws, citeFor(e.Citations, e.WorkStatus))
		n++
	}
	if sum := inline(strings.TrimLeft(e.Summary, "-=+@ ")); n == 0 && sum != "" {
		s.add("The records summarise the visit as follows: "+sum, citeFor(e.Citations, e.Summary))
	}
	return s.paragraph(), s.cites
}

func medList(ms []string) string {
	out := make([]string, 0, len(ms))
	for _, m := range ms {
		if c := clean(m); c != "" {
			out = append(out, c)
		}
	}
	if len(out) > 2 {
		return strings.Join(out, "; ")
	}
	return listJoin(out)
}

func codedMatch(cs []extract.Coded) string {
	var b strings.Builder
	for _, c := range cs {
		b.WriteString(c.Code + " " + c.Description + " ")
	}
	return b.String()
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// countable reports whether a visit type takes an article ("a follow-up")
// rather than reading as a kind of care ("physical therapy", "imaging").
func countable(vt string) bool {
	fs := strings.Fields(vt)
	switch fs[len(fs)-1] {
	case "visit", "consultation", "consult", "follow-up", "followup", "evaluation", "exam", "examination",
		"procedure", "surgery", "appointment", "admission", "session", "injection", "encounter":
		return true
	}
	return false
}
