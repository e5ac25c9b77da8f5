package rules

import (
	"strings"

	"github.com/medchron/medchron/extract/layout"
	"github.com/medchron/medchron/internal/lazyre"
	"github.com/medchron/medchron/internal/textutil"
)

// OCR damage to ICD-10-CM codes. Scanned records print codes that
// Tesseract misreads in a few known ways: a letter read as a look-alike
// digit or symbol (S as 5, $ or §, E as £, I as 1, l or |, Z as 2 or 7, B as 8, O as 0),
// a digit read as a letter (5 as S, 0 as O, 1 as I or l), one glyph read
// twice ("S$13", "MS50", "4XxXD"), the placeholder X in lower case, and
// the point read as a comma or colon or followed by a space. The repairs
// below undo exactly these, and only on a token shaped like a code in a
// diagnosis context; the result must be a valid ICD-10-CM pattern and,
// when a code book is loaded, a code in it.

// reLooseICD finds tokens that may be damaged codes: three to six
// code-like characters, then optionally a point (or what OCR made of it)
// and up to six more.
var reLooseICD = lazyre.New(`(?:§|£|[$'‘’|!A-Za-z0-9])[$'‘’|!A-Za-z0-9]{2,5}(?:(?:[.,:;]{1,2} ?| [.,] ?)[0-9A-Za-z|!]{1,6})?`)

// ocrCode is a code read from a damaged token.
type ocrCode struct {
	code  string // dotted form
	skip  int    // bytes of leading junk (a quote mark) before the code
	subs  int    // look-alike characters replaced
	risky bool   // the token could be a number: a digit or bar read for the first letter, or a bare category
	digit bool   // the category keeps a character OCR printed as a digit
	pound bool   // the E was read as a pound sign: a code only in a diagnosis context, as "£78.50" is money
}

// Look-alike maps per position: the first character must be a letter, the
// second a digit, the third a digit or A/B, the rest digits or letters.
var (
	firstLetter = map[byte]byte{'$': 'S', '5': 'S', '1': 'I', 'l': 'I', '|': 'I', '!': 'I', '0': 'O', '2': 'Z', '7': 'Z', '8': 'B',
		's': 'S', 'o': 'O', 'z': 'Z', 'c': 'C', 'v': 'V', 'w': 'W', 'x': 'X'}
	secondDigit = map[byte]byte{'O': '0', 'o': '0', 'I': '1', 'l': '1', '|': '1', 'i': '1', '!': '1',
		'S': '5', 's': '5', '$': '5', 'Z': '2', 'z': '2', 'B': '8'}
	thirdChar = map[byte]byte{'a': 'A', 'b': 'B', 'O': '0', 'o': '0', 'I': '1', 'l': '1', '|': '1', 'i': '1', '!': '1',
		'S': '5', 's': '5', '$': '5', 'Z': '2', 'z': '2'}
	extChar = map[byte]byte{'O': '0', 'o': '0', 'l': '1', '|': '1', '!': '1', 'i': '1'}
)

// doubled holds pairs that are one glyph read twice: "S$13" is S13 and
// "MS50" is M50.
var doubled = map[string]byte{"S$": 'S', "$S": 'S', "S5": '5', "5S": '5', "O0": '0', "0O": '0',
	"I1": '1', "1I": '1', "l1": '1', "1l": '1', "Z2": '2', "2Z": '2', "B8": '8', "8B": '8'}

// letterCategories are the categories whose third character is a letter.
var letterCategories = map[string]bool{"C4A": true, "C7A": true, "C7B": true, "D3A": true, "I5A": true, "M1A": true, "O9A": true, "Z3A": true}

// parseOCRCode reads an ICD-10-CM code from a token OCR may have damaged.
// It fails when the token cannot be a code or is one undamaged (the strict
// patterns read those). At most two characters may be replaced (three
// when all are O read for 0: see onlyOs).
func parseOCRCode(tok string) (ocrCode, bool) {
	var r ocrCode
	for _, q := range []string{"'", "‘", "’", "`"} {
		if strings.HasPrefix(tok, q) {
			r.skip = len(q)
			tok = tok[len(q):]
			break
		}
	}
	if rest, ok := strings.CutPrefix(tok, "§"); ok {
		tok = "$" + rest // S read as a section sign, as it is as a dollar sign
	}
	if rest, ok := strings.CutPrefix(tok, "£"); ok {
		tok, r.pound = "E"+rest, true // E read as a pound sign
		r.subs++
	}
	head, ext := tok, ""
	if i := strings.IndexAny(tok, ".,:; "); i >= 0 {
		head, ext = tok[:i], strings.TrimLeft(tok[i:], ".,:; ")
		if !codeSep(head, tok[i:len(tok)-len(ext)], ext) {
			return r, false
		}
	} else if len(head) != 3 {
		return r, false // undamaged undotted codes are read strictly
	}
	if len(head) == 4 {
		if c, ok := doubled[head[:2]]; ok && c == 'S' {
			head = "S" + head[2:]
		} else if c, ok := doubled[head[1:3]]; ok {
			head = head[:1] + string(c) + head[3:]
		}
	}
	if len(head) != 3 || len(ext) > 6 {
		return r, false
	}
	// A code keeps some digits as digits: "SOB" and "ISO" are words.
	r.digit = isDigitByte(head[1]) || isDigitByte(head[2])
	if !r.digit && len(strings.Map(keepDigits, ext)) < 2 {
		return r, false
	}
	b := []byte(head)
	first := b[0]
	for i, m := range []map[byte]byte{firstLetter, secondDigit, thirdChar} {
		if c, ok := m[b[i]]; ok {
			if !(b[i] >= 'a' && b[i] <= 'z' && b[i]-'a'+'A' == c) {
				r.subs++ // a look-alike, not just the lower case
			}
			b[i] = c
		}
	}
	cat := string(b)
	if b[0] < 'A' || b[0] > 'Z' || !isDigitByte(b[1]) || !isDigitByte(b[2]) && !letterCategories[cat] {
		return r, false
	}
	if b[0] == 'U' && cat != "U07" && cat != "U09" {
		return r, false // U is reserved but for COVID-19 codes
	}
	e, n, ok := repairExt(ext)
	r.subs += n
	if !ok || r.subs > 2 && !onlyOs(tok, r.subs, e) {
		return r, false
	}
	r.code = cat
	if e != "" {
		r.code += "." + e
	}
	if !r.pound && (r.code == tok || ext == "" && r.code == head) {
		return r, false
	}
	if (first == '$' || first == '5') && !layout.HasLetters(e) {
		return r, false // "$93.00" is money: S codes print a seventh character
	}
	r.risky = ext == "" || strings.IndexByte("0127 8|!l", first) >= 0 && !layout.HasLetters(e)
	return r, true
}

// onlyOs reports whether a code's subs replacements, three at most,
// were all O read for 0 after the first letter, in a code whose extension
// keeps letters ("SO6.OXOD" for S06.0X0D): OCR reads a font's zeros as
// O throughout a code, and no word is shaped so.
func onlyOs(tok string, subs int, ext string) bool {
	return subs == 3 && strings.Count(tok[1:], "O")+strings.Count(tok[1:], "o") == subs && layout.HasLetters(ext)
}

// codeSep reports whether sep, between a category and ext, is what OCR
// makes of a code's point: a point or comma, one with a colon ("S13:.4")
// or a comma before or after it ("M54,.2", "V43.,52XA"),
// one with a space after or before it ("M50. 220"), or a colon alone
// ("H81:399", and "M54:12", which no clock reads). The characters
// after a point begin with a digit or the placeholder X; after a comma or
// a space, with a digit ("M54,2"), or the comma separates a list; after
// a comma and a space, a code's tail with its placeholder ("S16, 1XXA").
func codeSep(head, sep, ext string) bool {
	if ext == "" || strings.IndexByte("0123456789Xx", ext[0]) < 0 && extChar[ext[0]] == 0 {
		return false
	}
	switch strings.TrimSpace(sep) {
	case ".", ":.", ".:", ";.", ".;", ",.":
		return !strings.Contains(sep, " ") || isDigitByte(ext[0])
	case ".,":
		// A comma after the point, before a code's tail of two
		// characters or more ("V43.,52XA"); "B12.,4" is a list.
		return sep == ".," && len(ext) >= 2
	case ":":
		// A colon alone before two digits is a time of day ("T10:30"),
		// when what is before it can be an hour: "M54:12" is no time.
		return sep == ":" && !(len(ext) == 2 && isDigitByte(ext[0]) && isDigitByte(ext[1]) && hourLike(head))
	case ",":
		// A comma and a space separate a list ("M54, 2"), unless what
		// follows is a code's tail with its placeholder X: a digit, X,
		// then the seventh character ("S16, 1XXA").
		return sep == "," && isDigitByte(ext[0]) || sep == ", " && reXTail.MatchString(ext)
	}
	return false
}

// hourLike reports whether a code's category as OCR read it ends on an
// hour of the day, 0 to 24, which a clock time could be ("T10" of
// "T10:30").
func hourLike(head string) bool {
	if len(head) < 2 || !isDigitByte(head[len(head)-1]) || !isDigitByte(head[len(head)-2]) {
		return true
	}
	return (head[len(head)-2]-'0')*10+head[len(head)-1]-'0' <= 24
}

// reXTail is the part after the point of a code that prints the
// placeholder X before its seventh character: "1XXA", "4XXD", "0X0D".
var reXTail = lazyre.New(`^[0-9][0-9Xx]?[Xx][A-Za-z]$|^[0-9][Xx][0-9][A-Za-z]$`)

// repairExt repairs the characters after the point: look-alikes of
// digits, lower-case letters, and a run of placeholder X read once too
// often ("4XxXD" has five characters where a code has at most four). It
// returns the repaired text and the number of look-alikes replaced.
func repairExt(ext string) (string, int, bool) {
	b := []byte(ext)
	n := 0
	for i, c := range b {
		if d, ok := extChar[c]; ok {
			b[i] = d
			n++
		} else if c >= 'a' && c <= 'z' {
			b[i] = c - 'a' + 'A'
		}
		if !isDigitByte(b[i]) && (b[i] < 'A' || b[i] > 'Z') {
			return "", 0, false
		}
	}
	s := string(b)
	if len(s) == 5 && strings.Contains(s, "XX") && s[len(s)-1] != 'X' {
		s = strings.Replace(s, "XX", "X", 1)
		n++
	}
	return s, n, len(s) <= 4
}

// ocrCodesIn returns the damaged codes on a line. Outside a diagnosis
// context (ctx) only a token with a point, at most one look-alike and a
// digit in its category counts. A token that could be a number (risky:
// "110" for I10) counts only in context, where a coded diagnosis list
// prints its code, and when the note prints other codes (coded). With a
// code book, every repaired code must be in it, and a risky one must share
// a word with the description printed beside it, unless it stands in a
// labelled comma list of codes.
func ocrCodesIn(s string, ctx, coded, listed bool, book CodeBook, taken func(a, b int) bool) []codeHit {
	var out []codeHit
	for p := 0; p < len(s); {
		m := reLooseICD.FindStringIndex(s[p:])
		if m == nil {
			break
		}
		a, b := p+m[0], p+m[1]
		p = b
		if i := sentenceBreak(s[a:b]); i >= 0 {
			if _, ok := parseOCRCode(s[a:b]); !ok {
				// Two items of a list ("R42, H81" of "R42, H81:399"), or
				// a word that ends a sentence and the code after it
				// ("suspected. MS0.120", "level; MS4.12"): the first
				// alone, then on from the second.
				b, p = a+i, a+i+2
			}
		}
		if a > 0 && (isAlnumByte(s[a-1]) || strings.IndexByte(".-/#", s[a-1]) >= 0) || b < len(s) && isAlnumByte(s[b]) {
			continue
		}
		if b+1 < len(s) && (s[b] == '-' || s[b] == '/') && isDigitByte(s[b+1]) {
			continue // a phone number or an id
		}
		r, ok := parseOCRCode(s[a:b])
		a += r.skip
		if taken(a, b) {
			continue
		}
		if !ok || book != nil && !inBook(book, r.code) {
			if h, ok := describedCode(s, a, b, ctx, book); ok {
				out = append(out, h)
			}
			continue
		}
		switch {
		case !ctx && (r.risky || r.subs > 1 || !r.digit || r.pound):
			continue
		case r.risky && !(ctx && coded && r.digit && (riskySlot(s, a, b) || listed && listSlot(s, a, b))):
			continue
		}
		h := codeHit{code: r.code, start: a, end: b}
		if book != nil {
			d, ok := book.Lookup(r.code)
			if !ok {
				continue
			}
			// A number after a diagnosis label and the codes of its comma
			// list has no description of its own to name.
			if r.risky && !reCodeListLead.MatchString(s[:a]) && !sharesWord(describe(line{text: s}, h), d) {
				continue
			}
			h.desc = d
		}
		out = append(out, h)
	}
	return out
}

// sentenceBreak returns where a comma, point, semicolon or colon and a
// space stand in a token reLooseICD found, or -1.
func sentenceBreak(tok string) int {
	for i := 0; i+1 < len(tok); i++ {
		if strings.IndexByte(",.;:", tok[i]) >= 0 && tok[i+1] == ' ' {
			return i
		}
	}
	return -1
}

func isAlnumByte(c byte) bool {
	return isDigitByte(c) || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

var (
	reSlotLead = lazyre.New(`(?i)^[\s_\-–•*·]*(?:\(?[0-9]{1,2}[.)]\s*)?(?:(?:dx|icd-? ?10(?:-cm)?|diagnos[ie]s|code)\s*[:#\-]?\s*)?$`)
	reDescWord = lazyre.New(`^[\s\-–:|]*[A-Z][a-z]{2,}`)
	// A diagnosis label (with a speck OCR set after its colon:
	// "ICD-10:.E78.5, 110", or a space in it: "ICD- 10") and one or more
	// codes, each before a comma.
	reCodeListLead = lazyre.New(`(?i)(?:dx|icd-? ?10(?:-cm)?|diagnos[ie]s(?: codes?)?|codes?)\s*[:#\-]?[.,'_]?\s*(?:(?:[A-TV-Z]|£)[0-9][0-9AB](?:\.[0-9A-Z]{1,4})?\s*[,;]\s*)+$`)
	reUnitWord     = lazyre.New(`^[\s\-–:|]*(?i:mg|mcg|ml|units?|minutes?|mins?|hours?|hrs?|days?|weeks?|lbs?|pounds?|degrees?|deg|times|tablets?|visits?|sessions?)\b`)
)

// closing closes a parenthesis or a square bracket.
var closing = map[byte]string{'(': ")", '[': "]"}

// listSlot reports whether s[a:b] opens an item of a list of codes, one
// a line (listed: the items beside it open with their codes), with a
// capitalised description after it: "110 Essential (primary)
// hypertension" between "E78.5 Hyperlipidemia" lines is I10, where a
// bare number opening a line elsewhere stays a number.
func listSlot(s string, a, b int) bool {
	rest := s[b:]
	return strings.TrimSpace(s[:a]) == "" && reDescWord.MatchString(rest) && !reUnitWord.MatchString(rest) &&
		!layout.LooksPhone(s) && !layout.LooksAddress(s)
}

// riskySlot reports whether s[a:b] stands where a coded diagnosis list
// prints its code: after a list number or a diagnosis label that opens the
// line, or opening the line itself when it is dotted, with a capitalised
// description after it, or in parentheses or
// square brackets after a description (and not before more digits, as a phone's area code), or
// after a diagnosis label and the codes of its comma list ("Diagnosis
// codes: E78.5, 110"). Phone and address lines have no such slot.
func riskySlot(s string, a, b int) bool {
	if layout.LooksPhone(s) || layout.LooksAddress(s) {
		return false
	}
	if reCodeListLead.MatchString(s[:a]) {
		rest := strings.TrimLeft(s[b:], " ")
		// A point and a space end the list ("110. Fasting: Yes"); a point
		// before a digit makes a decimal.
		point := strings.HasPrefix(rest, ".") && (len(rest) == 1 || rest[1] == ' ')
		return (rest == "" || point || !isDigitByte(rest[0]) && rest[0] != '.' && rest[0] != '/') && !reUnitWord.MatchString(rest)
	}
	if (strings.TrimSpace(s[:a]) != "" || strings.ContainsAny(s[a:b], ".,")) && reSlotLead.MatchString(s[:a]) {
		// After a list number or label, or opening the line when it is
		// dotted ("247.89 Encounter for ..."; a bare "110" opening a line
		// is a number).
		rest := s[b:]
		return reDescWord.MatchString(rest) && !reUnitWord.MatchString(rest)
	}
	if a > 0 && (s[a-1] == '(' || s[a-1] == '[') && strings.HasPrefix(strings.TrimLeft(s[b:], " "), closing[s[a-1]]) {
		after := strings.TrimLeft(strings.TrimLeft(s[b:], " ")[1:], " ")
		before := strings.TrimRight(s[:a-1], " ")
		return before != "" && isLetterByte(before[len(before)-1]) && (after == "" || !isDigitByte(after[0]) && after[0] != '-') &&
			!reUnitWord.MatchString(after)
	}
	return false
}

// weakWords are words of code-book descriptions too common to show that a
// printed description names the code.
var weakWords = map[string]bool{"other": true, "unspecified": true, "without": true, "region": true,
	"level": true, "initial": true, "subsequent": true, "encounter": true, "specified": true, "disorder": true}

// sharesWord reports whether a printed description and the code book's
// have a significant word in common; an empty printed one has none.
func sharesWord(printed, book string) bool {
	words := map[string]bool{}
	for _, w := range strings.FieldsFunc(strings.ToLower(book), notLetter) {
		if len(w) >= 4 && !weakWords[w] {
			words[w] = true
		}
	}
	for _, w := range strings.FieldsFunc(strings.ToLower(printed), notLetter) {
		if words[w] {
			return true
		}
	}
	return false
}

func notLetter(r rune) bool { return r < 'a' || r > 'z' }

func inBook(book CodeBook, code string) bool {
	_, ok := book.Lookup(code)
	return ok
}

// reCleanICD is a whole token printed as a well-formed code.
var reCleanICD = lazyre.New(`^[A-TV-Z][0-9][0-9AB](?:\.[0-9A-Z]{1,4})?$`)

// describedBook is a code book that finds codes by their description.
type describedBook interface {
	CodesDescribed(desc string) []string
}

// describedCode reads a token too damaged for the look-alike repairs
// ("MS50.2Z0") by the description printed beside it: when the code book
// has exactly one code with that description within two edits of the
// token, the token is that code. Only in a diagnosis context, where a list
// prints its code (first on the line or in parentheses).
func describedCode(s string, a, b int, ctx bool, book CodeBook) (codeHit, bool) {
	db, ok := book.(describedBook)
	if !ok || !ctx || !codeSlot(s, a, b) || reCleanICD.MatchString(s[a:b]) {
		return codeHit{}, false // a code printed whole is what the record says
	}
	tok := strings.ToUpper(strings.Map(func(r rune) rune {
		if r == '.' || r == ',' || r == ':' || r == ';' || r == ' ' {
			return -1
		}
		return r
	}, s[a:b]))
	if len(strings.Map(keepDigits, tok)) < 2 {
		return codeHit{}, false // a damaged code keeps some of its digits
	}
	h := codeHit{start: a, end: b}
	var pick string
	for _, c := range db.CodesDescribed(describe(line{text: s}, h)) {
		if textutil.EditDistance([]byte(tok), []byte(strings.ReplaceAll(c, ".", ""))) > 2 {
			continue
		}
		if pick != "" {
			return codeHit{}, false // two codes fit: the token does not say which
		}
		pick = c
	}
	if pick == "" {
		return codeHit{}, false
	}
	h.code = pick
	h.desc, _ = book.Lookup(pick)
	return h, true
}

// codeSlot reports whether s[a:b] stands where a diagnosis list prints its
// code: first on the line after a list number or label, or in
// parentheses.
func codeSlot(s string, a, b int) bool {
	return reSlotLead.MatchString(s[:a]) || a > 0 && s[a-1] == '(' && strings.HasPrefix(strings.TrimLeft(s[b:], " "), ")")
}

func keepDigits(r rune) rune {
	if r >= '0' && r <= '9' {
		return r
	}
	return -1
}
