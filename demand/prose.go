package demand

import (
	"fmt"
	"math"
	"strings"
	"unicode"

	"github.com/medchron/medchron/extract"
	"github.com/medchron/medchron/extract/dates"
	"github.com/medchron/medchron/internal/textutil"
)

// sentence capitalises text and ends it with a period.
func sentence(text string) string {
	text = strings.TrimSpace(text)
	r := []rune(text)
	if len(r) == 0 {
		return ""
	}
	r[0] = unicode.ToUpper(r[0])
	text = string(r)
	if !strings.HasSuffix(text, ".") && !strings.HasSuffix(text, ".”") {
		text += "."
	}
	return text
}

// clean makes a name or short text fit inside a sentence: one line, no
// brackets (which would read as citations), no table pipes and no trailing
// punctuation.
func clean(s string) string {
	s = textutil.FoldSpace(s)
	s = strings.NewReplacer("[", "(", "]", ")", "|", "/").Replace(s)
	return strings.TrimRight(s, " .;,:")
}

// inline is clean for record text quoted inside one sentence: its own
// sentence breaks become semicolons (abbreviations and initials are kept)
// and a capitalised first word is lowered unless it is an acronym.
func inline(s string) string {
	s = clean(s)
	parts := strings.Split(s, ". ")
	var b strings.Builder
	for i, p := range parts {
		b.WriteString(p)
		if i == len(parts)-1 {
			break
		}
		if keepPeriod(p) {
			b.WriteString(". ")
		} else {
			b.WriteString("; ")
		}
	}
	return lowerFirst(b.String())
}

// keepPeriod reports whether the period after text ends an abbreviation or
// an initial rather than a sentence.
func keepPeriod(text string) bool {
	fs := strings.Fields(text)
	if len(fs) == 0 {
		return false
	}
	last := strings.ToLower(fs[len(fs)-1])
	return len([]rune(last)) == 1 || abbreviations[last]
}

var abbreviations = map[string]bool{"dr": true, "mr": true, "mrs": true, "ms": true, "st": true, "vs": true,
	"approx": true, "pt": true, "e.g": true, "i.e": true, "no": true, "jr": true, "sr": true}

func lowerFirst(s string) string {
	r := []rune(s)
	if len(r) >= 2 && unicode.IsUpper(r[0]) && unicode.IsLower(r[1]) {
		r[0] = unicode.ToLower(r[0])
	}
	return string(r)
}

// citeFor picks the entry citation whose quote shares the most words with
// text; ties and no overlap go to the first citation, which carries the
// date of service.
func citeFor(cs []extract.Citation, text string) extract.Citation {
	if len(cs) == 0 {
		return extract.Citation{}
	}
	want := words(text)
	best, bestScore := 0, 0
	for i, c := range cs {
		n := 0
		for w := range words(c.Quote) {
			if want[w] {
				n++
			}
		}
		if n > bestScore {
			best, bestScore = i, n
		}
	}
	return cs[best]
}

func words(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '/'
	}) {
		if len([]rune(w)) >= 2 && !stopWords[w] {
			m[w] = true
		}
	}
	return m
}

var stopWords = map[string]bool{"the": true, "and": true, "of": true, "to": true, "at": true, "on": true, "was": true, "with": true, "for": true, "in": true}

// longDate formats d as "March 14, 2023".
func longDate(d dates.Date) string {
	if d.IsZero() {
		return "an unknown date"
	}
	return d.Time().Format("January 2, 2006")
}

// shortDate formats d as "03/14/2023".
func shortDate(d dates.Date) string {
	if d.IsZero() {
		return ""
	}
	return d.Time().Format("01/02/2006")
}

// article returns "a" or "an" for the word that follows.
func article(next string) string {
	if next != "" && strings.ContainsRune("aeiouAEIOU", rune(next[0])) {
		return "an"
	}
	return "a"
}

// listJoin joins items as "a", "a and b" or "a, b and c".
func listJoin(items []string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + " and " + items[len(items)-1]
}

// codedPhrases lists codes as "description (CODE); …".
func codedPhrases(cs []extract.Coded) string {
	out := make([]string, 0, len(cs))
	for _, c := range cs {
		s := lowerFirst(clean(c.Description))
		if c.Code != "" {
			s += " (" + clean(c.Code) + ")"
		}
		out = append(out, s)
	}
	return strings.Join(out, "; ")
}

func scoreText(v float64) string {
	if v == math.Trunc(v) {
		return fmt.Sprintf("%.0f/10", v)
	}
	return fmt.Sprintf("%g/10", v)
}

// tableCell escapes a Markdown table cell.
func tableCell(s string) string {
	return strings.ReplaceAll(textutil.FoldSpace(s), "|", `\|`)
}

func codedMatch(cs []extract.Coded) string {
	var b strings.Builder
	for _, c := range cs {
		b.WriteString(c.Code + " " + c.Description + " ")
	}
	return b.String()
}

// countable reports whether a visit type takes an article ("a follow-up")
// rather than reading as a kind of care ("physical therapy", "imaging").
func countable(vt string) bool {
	fs := strings.Fields(vt)
	if len(fs) == 0 {
		return false
	}
	switch fs[len(fs)-1] {
	case "visit", "consultation", "consult", "follow-up", "followup", "evaluation", "exam", "examination",
		"procedure", "surgery", "appointment", "admission", "session", "injection", "encounter":
		return true
	}
	return false
}
