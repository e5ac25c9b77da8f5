package demand

import (
	"strings"

	"github.com/medchron/medchron/internal/lazyre"
	"github.com/medchron/medchron/internal/rxfilter"
)

// recordSentences splits record text into its sentences and list items,
// cleaned for quoting: numbering ("1.", "2)") is dropped, and text a
// field may carry from a page's furniture (a "Field: value" header run,
// an ellipsis where the extractor stopped) is not returned.
func recordSentences(text string) []string {
	text = clean(text)
	text = listNumber.ReplaceAllString(text, "\n")
	var out []string
	for _, part := range strings.Split(text, "\n") {
		for _, s := range splitSentences(part) {
			s = strings.TrimSpace(strings.TrimLeft(s, "-•*=+@ "))
			if s == "" || strings.HasSuffix(s, "…") || headerRun.MatchString(s) || codeFirst.MatchString(s) {
				continue
			}
			out = append(out, strings.TrimRight(s, " .;,:"))
		}
	}
	return out
}

// codeFirst is a sentence that opens with a diagnosis code list ("M54.2,
// S13.4XXD P …"): a coding line, not prose.
var codeFirst = lazyre.New(`^[A-Z][0-9]{2}(\.[0-9A-Z]{1,4})?[,;]`)

// listNumber is the "1. " or "2) " of a numbered list inside a field.
var listNumber = lazyre.New(`(?:^|\s)\d{1,2}[.)]\s+`)

// headerRun is two or more "Label: value" pairs in a row: a page header
// or demographics block, not a clinical sentence.
var headerRun = rxfilter.MustCompile(`(?i)\b(patient name|date of birth|dob|account|mrn|dos|sex|clinician|referring provider)\s*#?:`)

// splitSentences splits at ". " followed by a capital letter, except
// after abbreviations and initials.
func splitSentences(s string) []string {
	var out []string
	start := 0
	for i := 0; i+2 < len(s); i++ {
		if s[i] != '.' || s[i+1] != ' ' {
			continue
		}
		if c := s[i+2]; c < 'A' || c > 'Z' {
			continue
		}
		if keepPeriod(s[start:i]) {
			continue
		}
		out = append(out, s[start:i])
		start = i + 2
	}
	return append(out, s[start:])
}

// words counts the words of s.
func wordCount(s string) int { return len(strings.Fields(s)) }

// brief returns the first sentence of text of at most max words; a
// longer one is cut at its last clause break (";", ",") within max words,
// never inside a clause. ok is false when no such cut exists.
func brief(text string, max int) (string, bool) {
	ss := recordSentences(text)
	if len(ss) == 0 {
		return "", false
	}
	return clause(ss[0], max)
}

// clause shortens one sentence to at most max words at a clause break.
func clause(s string, max int) (string, bool) {
	fs := strings.Fields(s)
	if len(fs) <= max {
		return s, true
	}
	for i := max - 1; i >= 3; i-- {
		if strings.HasSuffix(fs[i], ";") || strings.HasSuffix(fs[i], ",") {
			return strings.TrimRight(strings.Join(fs[:i+1], " "), ";,"), true
		}
	}
	return "", false
}

// matching returns the sentences of text that re matches, each at most
// max words (longer ones are cut at a clause or skipped).
func matching(re *lazyre.Regexp, text string, max int) []string {
	var out []string
	for _, s := range recordSentences(text) {
		if !re.MatchString(s) {
			continue
		}
		if c, ok := clause(s, max); ok && re.MatchString(c) {
			out = append(out, c)
		}
	}
	return out
}

// quoted puts record words in quotation marks.
func quoted(s string) string { return "“" + s + "”" }
