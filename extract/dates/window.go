package dates

import "strings"

// Window kinds: which patterns to try in a window.
const (
	kindNumeric = iota
	kindMonth
	kindCompact
)

// window is a byte range of a text that may hold a date of one kind.
type window struct{ a, b, kind int }

// windows returns the byte ranges of text that may hold a date: around
// numeric separators between digit-like characters, around month names and
// around 8- and 6-digit runs. Scanning only these keeps FindAll fast.
func windows(text string) []window {
	var ws []window
	last := [3]int{-1, -1, -1} // index in ws of the last window of each kind
	add := func(a, b, kind int) {
		a, b = max(0, a), min(len(text), b)
		if i := last[kind]; i >= 0 && a <= ws[i].b {
			ws[i].b = max(ws[i].b, b)
			return
		}
		last[kind] = len(ws)
		ws = append(ws, window{a, b, kind})
	}
	for i := 0; i < len(text); i++ {
		c := text[i]
		switch {
		case c == '/' || c == '-' || c == '.':
			// A numeric date has two like separators close together.
			if j := strings.IndexByte(text[i+1:min(len(text), i+8)], c); j >= 0 && monthOrDay(text[i+1:i+1+j]) && nearDigit(text, i) {
				add(i-7, i+j+16, kindNumeric)
			}
		case c == ',':
			// A dotted date whose first dot OCR read as a comma (10,03.2024).
			if j := strings.IndexByte(text[i+1:min(len(text), i+8)], '.'); j >= 0 && monthOrDay(text[i+1:i+1+j]) && nearDigit(text, i) {
				add(i-7, i+j+16, kindNumeric)
			}
		case isLetter(c):
			j := i
			for j < len(text) && isLetter(text[j]) {
				j++
			}
			if j-i >= 3 && j-i <= 9 && month(text[i:i+3]) != 0 && digitIn(text, i-6, j+6) {
				add(i-14, j+22, kindMonth)
			}
			i = j - 1
		case c == '0' && i+2 < len(text) && (text[i+1] == 'c' || text[i+1] == 'C'):
			add(i-14, i+30, kindMonth) // 0ct for Oct
		case isDigit(c):
			j := i
			for j < len(text) && isDigit(text[j]) {
				j++
			}
			if j-i == 8 || j-i == 6 {
				add(i-2, j+2, kindCompact)
			}
			i = j - 1
		}
	}
	return ws
}

// monthOrDay reports whether s, the text between two separators, is one
// or two digit-like characters with at most a few spaces around them.
func monthOrDay(s string) bool {
	n := 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == ' ' || c == '\t':
		case isDigit(c) || strings.IndexByte("OoIl|@SBZ", c) >= 0:
			n++
		default:
			return false
		}
	}
	return n == 1 || n == 2
}

// digitIn reports whether text[a:b] (clamped) holds a real digit.
func digitIn(text string, a, b int) bool {
	for k := max(0, a); k < min(len(text), b); k++ {
		if isDigit(text[k]) {
			return true
		}
	}
	return false
}

// nearDigit reports whether a real digit lies within three bytes of text[i]
// on either side.
func nearDigit(text string, i int) bool {
	for j := max(0, i-3); j < min(len(text), i+4); j++ {
		if isDigit(text[j]) {
			return true
		}
	}
	return false
}
