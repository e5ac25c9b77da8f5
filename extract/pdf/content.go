package pdf

import (
	"strconv"
)

// matrix is a PDF transformation matrix [a b c d e f].
type matrix [6]float64

var identity = matrix{1, 0, 0, 1, 0, 0}

// mul returns m × n (apply m, then n), as the cm operator needs: the new
// CTM is cm × CTM.
func (m matrix) mul(n matrix) matrix {
	return matrix{
		m[0]*n[0] + m[1]*n[2], m[0]*n[1] + m[1]*n[3],
		m[2]*n[0] + m[3]*n[2], m[2]*n[1] + m[3]*n[3],
		m[4]*n[0] + m[5]*n[2] + n[4], m[4]*n[1] + m[5]*n[3] + n[5],
	}
}

// placement is what a page's content stream draws, as far as deciding
// whether the page is just one scanned image.
type placement struct {
	name    string   // XObject drawn by the last Do
	names   []string // XObjects drawn, in order, at most maxDraws
	ctm     matrix   // transformation in effect at that Do
	draws   int      // Do operators seen
	text    bool     // text is shown (Bates stamps, invisible OCR text)
	painted bool     // paths, shadings or inline images are painted
	inline  bool     // an inline image (BI) is drawn
	colored bool     // a fill colour other than black is set
}

// Limits for scanContent: a scanned page's stream is a few dozen bytes.
const (
	maxScanContent = 256 << 10
	maxInspect     = 8 << 20
	maxDraws       = 256
)

// scanContent walks a content stream, tracking the CTM through q, Q and cm,
// and notes each Do and whether anything else is painted. ok is false when
// the stream is longer than limit or too malformed to judge.
func scanContent(content []byte, limit int) (p placement, ok bool) {
	if len(content) > limit {
		return p, false
	}
	ctm := identity
	var stack []matrix
	var nums []float64
	var lastName string
	operands := 0
	lx := lexer{src: content}
	for {
		kind, tok := lx.next()
		switch kind {
		case tokEOF:
			return p, true
		case tokBad:
			return p, false
		case tokNumber:
			f, err := strconv.ParseFloat(string(tok), 64)
			if err != nil {
				return p, false
			}
			nums = append(nums, f)
			operands++
			continue
		case tokName:
			lastName = string(tok[1:])
			operands++
			continue
		case tokOther:
			operands++
			continue
		}
		// An operator.
		switch string(tok) {
		case "q":
			if len(stack) > 64 {
				return p, false
			}
			stack = append(stack, ctm)
		case "Q":
			if n := len(stack); n > 0 {
				ctm, stack = stack[n-1], stack[:n-1]
			}
		case "cm":
			if len(nums) != 6 || operands != 6 {
				return p, false
			}
			ctm = matrix(nums).mul(ctm)
		case "Do":
			p.draws++
			p.name, p.ctm = lastName, ctm
			if len(p.names) < maxDraws {
				p.names = append(p.names, lastName)
			}
		case "Tj", "TJ", "'", "\"":
			p.text = true
		case "f", "F", "f*", "B", "B*", "b", "b*", "S", "s", "sh":
			p.painted = true
		case "g", "rg", "k":
			for i, v := range nums {
				black := v == 0 || string(tok) == "k" && i == 3 && v == 1
				if !black {
					p.colored = true
				}
			}
		case "sc", "scn", "cs", "SC", "SCN", "CS":
			if tok[0] == 's' || tok[0] == 'c' {
				p.colored = true
			}
		case "BI":
			// Inline image data is binary and cannot be lexed; enough is known.
			p.painted, p.inline = true, true
			return p, true
		}
		nums, lastName, operands = nums[:0], "", 0
	}
}

type tokKind int

const (
	tokEOF tokKind = iota
	tokBad
	tokNumber
	tokName
	tokOther // strings, arrays, dictionaries, booleans: operands we skip
	tokOp
)

// lexer splits a content stream into operands and operators.
type lexer struct {
	src []byte
	pos int
}

func isSpace(c byte) bool {
	return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == 0
}

func isDelim(c byte) bool {
	return isSpace(c) || c == '(' || c == ')' || c == '<' || c == '>' || c == '[' || c == ']' ||
		c == '{' || c == '}' || c == '/' || c == '%'
}

func (l *lexer) next() (tokKind, []byte) {
	for l.pos < len(l.src) {
		c := l.src[l.pos]
		if isSpace(c) {
			l.pos++
			continue
		}
		if c == '%' {
			for l.pos < len(l.src) && l.src[l.pos] != '\n' && l.src[l.pos] != '\r' {
				l.pos++
			}
			continue
		}
		break
	}
	if l.pos >= len(l.src) {
		return tokEOF, nil
	}
	start := l.pos
	switch c := l.src[l.pos]; {
	case c == '(':
		return l.skipString()
	case c == '<' && l.pos+1 < len(l.src) && l.src[l.pos+1] == '<',
		c == '>' && l.pos+1 < len(l.src) && l.src[l.pos+1] == '>',
		c == '[', c == ']':
		// Dictionary and array brackets: their contents lex as operands.
		if c == '[' || c == ']' {
			l.pos++
		} else {
			l.pos += 2
		}
		return tokOther, l.src[start:l.pos]
	case c == '<':
		for l.pos < len(l.src) && l.src[l.pos] != '>' {
			l.pos++
		}
		if l.pos >= len(l.src) {
			return tokBad, nil
		}
		l.pos++
		return tokOther, l.src[start:l.pos]
	case c == '/':
		l.pos++
		for l.pos < len(l.src) && !isDelim(l.src[l.pos]) {
			l.pos++
		}
		return tokName, l.src[start:l.pos]
	case c == ')' || c == '>' || c == '{' || c == '}':
		return tokBad, nil
	}
	for l.pos < len(l.src) && !isDelim(l.src[l.pos]) {
		l.pos++
	}
	tok := l.src[start:l.pos]
	if c := tok[0]; c == '+' || c == '-' || c == '.' || c >= '0' && c <= '9' {
		return tokNumber, tok
	}
	if s := string(tok); s == "true" || s == "false" || s == "null" {
		return tokOther, tok
	}
	return tokOp, tok
}

// skipString skips a literal string with nested parentheses and escapes.
func (l *lexer) skipString() (tokKind, []byte) {
	start, depth := l.pos, 0
	for l.pos < len(l.src) {
		switch l.src[l.pos] {
		case '\\':
			l.pos++
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				l.pos++
				return tokOther, l.src[start:l.pos]
			}
		}
		l.pos++
	}
	return tokBad, nil
}
