// Package rxfilter makes regular expressions that rarely match cheap on the
// texts they do not match. Before running the expression, a Regexp checks
// with plain substring search that the text holds the literal strings every
// match must contain, read from the expression's syntax tree (each literal
// of a sequence, those of one branch of an alternation); when they are not
// there, the expression cannot match and is not run. Results
// are always those of the regexp package: the check only ever skips work
// whose answer is "no match".
//
// The expression and its filter are made when first used (see
// internal/lazyre: the program's reader processes never use them).
//
// It depends on the standard library only, so any package may use it.
package rxfilter

import (
	"bytes"
	"regexp/syntax"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/medchron/medchron/internal/lazyre"
)

// maxLiterals bounds the literals of one filter: past it the filter would
// cost more than it saves, and the expression runs on every text.
const maxLiterals = 256

// Regexp is a regular expression with its literal filter, each made on
// first use. The methods of regexp.Regexp not redefined here run without
// the filter.
type Regexp struct {
	*lazyre.Regexp
	once sync.Once
	filt *filter // nil: every text may match
}

// MustCompile returns expr with its filter, both made when first used; the
// expression is compiled like regexp.MustCompile (lazyre.CompileAll checks
// it from a test).
func MustCompile(expr string) *Regexp { return &Regexp{Regexp: lazyre.New(expr)} }

// f returns the expression's filter, derived on first use.
func (r *Regexp) f() *filter {
	r.once.Do(func() { r.filt = newFilter(r.String()) })
	return r.filt
}

// MayMatch reports whether s holds one of the literals every match of the
// expression contains: false means the expression does not match s.
func (r *Regexp) MayMatch(s string) bool { return r.f().may(s) }

// Filtered reports whether the expression has a filter (whether MayMatch
// can ever be false).
func (r *Regexp) Filtered() bool { return r.f() != nil }

// MatchString is regexp.Regexp.MatchString.
func (r *Regexp) MatchString(s string) bool { return r.f().may(s) && r.Regexp.MatchString(s) }

// FindString is regexp.Regexp.FindString.
func (r *Regexp) FindString(s string) string {
	if !r.f().may(s) {
		return ""
	}
	return r.Regexp.FindString(s)
}

// FindStringIndex is regexp.Regexp.FindStringIndex.
func (r *Regexp) FindStringIndex(s string) []int {
	if !r.f().may(s) {
		return nil
	}
	return r.Regexp.FindStringIndex(s)
}

// FindStringSubmatch is regexp.Regexp.FindStringSubmatch.
func (r *Regexp) FindStringSubmatch(s string) []string {
	if !r.f().may(s) {
		return nil
	}
	return r.Regexp.FindStringSubmatch(s)
}

// FindStringSubmatchIndex is regexp.Regexp.FindStringSubmatchIndex.
func (r *Regexp) FindStringSubmatchIndex(s string) []int {
	if !r.f().may(s) {
		return nil
	}
	return r.Regexp.FindStringSubmatchIndex(s)
}

// FindAllString is regexp.Regexp.FindAllString.
func (r *Regexp) FindAllString(s string, n int) []string {
	if !r.f().may(s) {
		return nil
	}
	return r.Regexp.FindAllString(s, n)
}

// FindAllStringIndex is regexp.Regexp.FindAllStringIndex.
func (r *Regexp) FindAllStringIndex(s string, n int) [][]int {
	if !r.f().may(s) {
		return nil
	}
	return r.Regexp.FindAllStringIndex(s, n)
}

// FindAllStringSubmatch is regexp.Regexp.FindAllStringSubmatch.
func (r *Regexp) FindAllStringSubmatch(s string, n int) [][]string {
	if !r.f().may(s) {
		return nil
	}
	return r.Regexp.FindAllStringSubmatch(s, n)
}

// FindAllStringSubmatchIndex is regexp.Regexp.FindAllStringSubmatchIndex.
func (r *Regexp) FindAllStringSubmatchIndex(s string, n int) [][]int {
	if !r.f().may(s) {
		return nil
	}
	return r.Regexp.FindAllStringSubmatchIndex(s, n)
}

// ReplaceAllString is regexp.Regexp.ReplaceAllString.
func (r *Regexp) ReplaceAllString(src, repl string) string {
	if !r.f().may(src) {
		return src
	}
	return r.Regexp.ReplaceAllString(src, repl)
}

// ReplaceAllStringFunc is regexp.Regexp.ReplaceAllStringFunc.
func (r *Regexp) ReplaceAllStringFunc(src string, repl func(string) string) string {
	if !r.f().may(src) {
		return src
	}
	return r.Regexp.ReplaceAllStringFunc(src, repl)
}

// literal is one string a match may have to contain.
type literal struct {
	s string
	// fold: s is lower-case ASCII, compared without regard to ASCII case;
	// b is s as bytes.
	fold bool
	b    []byte
	// exotic are the non-ASCII runes that match a letter of s under
	// Unicode case folding (the Kelvin sign for k, the long s for s): a
	// text holding one may match without holding s.
	exotic []string
}

// filter is a condition on the literals a text holds that every text the
// expression matches meets: a literal (lit), all of and, or one of or.
type filter struct {
	lit     *literal
	and, or []*filter
	fold    bool // some literal of the tree is folded (set on the root)
}

// newFilter returns the filter of expr, or nil when it knows of no
// literal its matches need.
func newFilter(expr string) *filter {
	re, err := syntax.Parse(expr, syntax.Perl) // what regexp.Compile parses with
	if err != nil {
		return nil
	}
	f := required(re)
	if f == nil || f.size() > maxLiterals {
		return nil
	}
	f.fold = f.folds()
	return f
}

// required returns the condition every match of re meets, nil when it
// knows of none.
func required(re *syntax.Regexp) *filter {
	switch re.Op {
	case syntax.OpLiteral:
		return literalOf(re)
	case syntax.OpCapture, syntax.OpPlus:
		return required(re.Sub[0])
	case syntax.OpRepeat:
		if re.Min >= 1 {
			return required(re.Sub[0])
		}
	case syntax.OpConcat:
		// A match holds a match of every part.
		var all []*filter
		for _, sub := range re.Sub {
			if f := required(sub); f != nil {
				all = append(all, f)
			}
		}
		switch len(all) {
		case 0:
			return nil
		case 1:
			return all[0]
		}
		return &filter{and: all}
	case syntax.OpAlternate:
		// A match is a match of one branch.
		var alts []*filter
		for _, sub := range re.Sub {
			f := required(sub)
			if f == nil {
				return nil
			}
			alts = append(alts, f)
		}
		return &filter{or: alts}
	}
	return nil
}

// size counts the literals of f.
func (f *filter) size() int {
	if f.lit != nil {
		return 1
	}
	n := 0
	for _, g := range append(f.and, f.or...) {
		n += g.size()
	}
	return n
}

func (f *filter) folds() bool {
	if f.lit != nil {
		return f.lit.fold
	}
	for _, g := range append(f.and, f.or...) {
		if g.folds() {
			return true
		}
	}
	return false
}

// literalOf returns the literal of an OpLiteral node. A case-folded literal
// with a non-ASCII letter gives no filter: ASCII lower-casing cannot compare
// it.
func literalOf(re *syntax.Regexp) *filter {
	if len(re.Rune) == 0 {
		return nil
	}
	if re.Flags&syntax.FoldCase == 0 {
		return &filter{lit: &literal{s: string(re.Rune)}}
	}
	var b strings.Builder
	var exotic []string
	for _, r := range re.Rune {
		if r >= utf8.RuneSelf {
			return nil
		}
		for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
			if f >= utf8.RuneSelf {
				exotic = append(exotic, string(f))
			}
		}
		b.WriteByte(lowerASCII(byte(r)))
	}
	return &filter{lit: &literal{s: b.String(), b: []byte(b.String()), fold: true, exotic: exotic}}
}

// may reports whether s meets f (always true for a nil filter).
func (f *filter) may(s string) bool {
	if f == nil {
		return true
	}
	if !f.fold {
		return f.meets(s, nil)
	}
	if !hasUpperASCII(s) {
		// s is its own lower-cased copy (meets reads s when low is nil).
		return f.meets(s, nil)
	}
	// The ASCII lower-cased copy of a line or a note's head (most texts
	// are one) stays on the stack: a filter checked on every line
	// allocated a copy of each line with a capital. It is only read.
	var buf [1024]byte
	return f.meets(s, appendLowerASCII(buf[:0], s))
}

// hasUpperASCII reports whether s holds an ASCII capital.
func hasUpperASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if 'A' <= s[i] && s[i] <= 'Z' {
			return true
		}
	}
	return false
}

// meets evaluates f on s and its ASCII lower-cased copy low (nil when no
// literal of f is folded, or when s holds no capital).
func (f *filter) meets(s string, low []byte) bool {
	switch {
	case f.lit != nil:
		return f.lit.in(s, low)
	case f.and != nil:
		for _, g := range f.and {
			if !g.meets(s, low) {
				return false
			}
		}
		return true
	}
	for _, g := range f.or {
		if g.meets(s, low) {
			return true
		}
	}
	return false
}

// in reports whether s (lower-cased: low) may hold l.
func (l *literal) in(s string, low []byte) bool {
	if !l.fold {
		return strings.Contains(s, l.s)
	}
	if low == nil && strings.Contains(s, l.s) || low != nil && bytes.Contains(low, l.b) {
		return true
	}
	for _, e := range l.exotic {
		if strings.Contains(s, e) {
			return true
		}
	}
	return false
}

func lowerASCII(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// appendLowerASCII appends s to b with its ASCII letters lower-cased,
// every other byte as it is (so byte offsets and non-ASCII text are
// unchanged).
func appendLowerASCII(b []byte, s string) []byte {
	n := len(b)
	b = append(b, s...)
	for i := n; i < len(b); i++ {
		b[i] = lowerASCII(b[i])
	}
	return b
}
