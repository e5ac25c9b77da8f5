package check

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// unit is a span of the text checked as one sentence, with the heading it
// stands under.
type unit struct {
	start, end int
	heading    string
}

// splitText cuts Markdown text into sentences: a heading, a table row and
// each sentence of a paragraph or bullet is one unit. Table separator rows
// and blank lines are left out.
func splitText(text string, isCite citeFunc) []unit {
	var out []unit
	heading := ""
	paraStart, paraEnd := -1, -1
	flush := func() {
		if paraStart >= 0 {
			for _, s := range splitSentences(text, paraStart, paraEnd, isCite) {
				out = append(out, unit{start: s[0], end: s[1], heading: heading})
			}
		}
		paraStart, paraEnd = -1, -1
	}
	for pos := 0; pos < len(text); {
		nl := strings.IndexByte(text[pos:], '\n')
		lineEnd := len(text)
		if nl >= 0 {
			lineEnd = pos + nl
		}
		a, b := trimSpan(text, pos, lineEnd)
		line := text[a:b]
		switch {
		case a == b:
			flush()
		case strings.HasPrefix(line, "#"):
			flush()
			heading = strings.TrimSpace(strings.TrimLeft(line, "#"))
			out = append(out, unit{start: a, end: b, heading: heading})
		case strings.HasPrefix(line, "|"):
			flush()
			if !separatorRow(line) {
				out = append(out, unit{start: a, end: b, heading: heading})
			}
		case bullet(line):
			flush()
			paraStart, paraEnd = a, b
		default:
			if paraStart < 0 {
				paraStart = a
			}
			paraEnd = b
		}
		pos = lineEnd + 1
	}
	flush()
	return out
}

func trimSpan(text string, a, b int) (int, int) {
	for a < b && unicode.IsSpace(rune(text[a])) {
		a++
	}
	for b > a && unicode.IsSpace(rune(text[b-1])) {
		b--
	}
	return a, b
}

func separatorRow(line string) bool {
	return strings.Trim(line, "|-: \t") == ""
}

func bullet(line string) bool {
	if strings.HasPrefix(line, "- ") || strings.HasPrefix(line, "* ") {
		return true
	}
	i := 0
	for i < len(line) && line[i] >= '0' && line[i] <= '9' {
		i++
	}
	return i > 0 && i < 3 && strings.HasPrefix(line[i:], ". ")
}

// citeFunc reports whether the content of a group opened by open ('[' or
// '(') is a record citation.
type citeFunc func(open byte, content string) bool

// splitSentences cuts text[a:b] into sentences. A sentence ends at ., ! or
// ? (after any closing quote) followed by space and a capital, a digit, a
// quote or a bracket, unless the period ends an abbreviation, an initial or
// a list number; citations right after the end belong to the sentence, and
// so do bracketed marks right after them ("[not yet reviewed]"). Brackets
// and parentheses are never cut.
func splitSentences(text string, a, b int, isCite citeFunc) [][2]int {
	var out [][2]int
	start := a
	depth := 0
	for i := a; i < b; i++ {
		c := text[i]
		switch c {
		case '[', '(':
			depth++
			continue
		case ']', ')':
			if depth > 0 {
				depth--
			}
			continue
		case '.', '!', '?':
		default:
			continue
		}
		if depth > 0 {
			continue
		}
		j := i + 1
		for j < b {
			r, n := utf8.DecodeRuneInString(text[j:])
			if r != '"' && r != '”' && r != '’' && r != '\'' {
				break
			}
			j += n
		}
		k := skipSpace(text, j, b)
		if k == j || k >= b {
			continue
		}
		next, _ := utf8.DecodeRuneInString(text[k:])
		_, cited := groupAt(text, k, b, isCite)
		// A period ends an abbreviation rather than the sentence, unless a
		// citation follows it.
		if c == '.' && !periodEnds(text, start, i) && !cited {
			continue
		}
		if !(unicode.IsUpper(next) || unicode.IsDigit(next) || next == '[' || next == '(' || next == '“' || next == '"') {
			continue
		}
		end := j
		// Citations after the end, and marks after them, belong to the
		// sentence.
		for afterCite := false; k < b; {
			e, isC := groupAt(text, k, b, isCite)
			if e < 0 || !(isC || (afterCite && text[k] == '[' && !strings.Contains(text[end:k], "\n"))) {
				break
			}
			afterCite = afterCite || isC
			end = e
			k = skipSpace(text, end, b)
		}
		out = append(out, [2]int{start, end})
		start = k
		i = k - 1
	}
	if s, e := trimSpan(text, start, b); s < e {
		out = append(out, [2]int{s, e})
	}
	return out
}

func skipSpace(text string, k, b int) int {
	for k < b && unicode.IsSpace(rune(text[k])) {
		k++
	}
	return k
}

// groupAt returns the end of the bracket or parenthesis group opening at
// text[k] (-1 when none opens there) and whether it is a citation.
func groupAt(text string, k, b int, isCite citeFunc) (int, bool) {
	if k >= b || (text[k] != '[' && text[k] != '(') {
		return -1, false
	}
	closer := byte(']')
	if text[k] == '(' {
		closer = ')'
	}
	close := strings.IndexByte(text[k:b], closer)
	if close < 0 {
		return -1, false
	}
	return k + close + 1, isCite(text[k], text[k+1:k+close])
}

// periodEnds reports whether the period at text[i] can end a sentence: it
// does not close an abbreviation, an initial or a list number ("1.").
func periodEnds(text string, start, i int) bool {
	w := i
	for w > start && !unicode.IsSpace(rune(text[w-1])) && text[w-1] != '(' {
		w--
	}
	word := strings.ToLower(strings.TrimLeft(text[w:i], "(“\"'"))
	if word == "" {
		return true
	}
	if abbreviations[word] || utf8.RuneCountInString(word) == 1 {
		return false
	}
	if len(word) <= 2 && strings.Trim(word, "0123456789") == "" {
		return false
	}
	return true
}

var abbreviations = map[string]bool{"dr": true, "mr": true, "mrs": true, "ms": true, "st": true, "vs": true,
	"approx": true, "pt": true, "e.g": true, "i.e": true, "no": true, "jr": true, "sr": true, "p": true, "pp": true,
	"mt": true, "ft": true, "inc": true, "co": true, "corp": true, "dept": true, "etc": true, "ex": true}
