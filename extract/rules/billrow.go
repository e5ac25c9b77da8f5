package rules

import (
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/medchron/medchron/extract/dates"
	"github.com/medchron/medchron/extract/layout"
	"github.com/medchron/medchron/internal/lazyre"
	"github.com/medchron/medchron/internal/textutil"
)

// A bill row is read token by token, the same way for every bill family:
// dates, a revenue code, a CPT/HCPCS code with its modifiers, units,
// amounts, and the description that is left. Claim forms (UB-04,
// CMS-1500) add what forms print: dates as MM DD YY cells or MMDDYY
// runs, and cents in their own cell ("250 00" is 250.00). Pharmacy
// printouts print no procedure code: their Rx numbers, NDCs, quantities
// and days supply are never read as one.

// span is a byte range of a row.
type span struct{ a, b int }

// billRow is what one line of a bill holds.
type billRow struct {
	text     string // the row as read, which the spans index
	date, to dates.Date
	dspan    span // where the (first) date is
	toEnd    int  // where a claim form's To date cell ends, when read
	// dcell is where a date cell OCR damaged past reading opens the row
	// ("1216/23"): the row's other cells follow it, and bills dates the
	// row from it (slashCandidates).
	dcell  span
	rev    string
	code   string
	cspan  span // where the code and its modifiers are
	mods   []string
	units  float64
	amts   []float64
	aspans []span
	desc   string
	status string // what the row prints under a status column
	prov   string // the provider's name a row opens with, under a provider column
	pspan  span   // where it is
	// letterless holds the four digits of a HCPCS code whose letter OCR
	// lost, printed in the code cell after the row's date ("3301" for
	// J3301); letterFor gives it its letter when the row reads no other code.
	letterless string
	// leadCands are the readings of a ledger row's date of service OCR
	// damaged in the cells it ran together with the posting date and the
	// code (readGluedLead): the rows around it settle it.
	leadCands []dates.Date
	// yearless says the date was read as a month and day without a year
	// under a date column (compactDate).
	yearless bool
}

// token is a run of non-space bytes of a row.
type token struct {
	s    string
	a, b int
}

// tokens splits s at spaces and bars (a form's cell borders).
func tokens(s string) []token {
	var out []token
	i := 0
	for i < len(s) {
		for i < len(s) && (s[i] == ' ' || s[i] == '\t' || s[i] == '|') {
			i++
		}
		j := i
		for j < len(s) && s[j] != ' ' && s[j] != '\t' && s[j] != '|' {
			j++
		}
		if j > i {
			out = append(out, token{s[i:j], i, j})
		}
		i = j
	}
	return out
}

// rowOpts say how to read a bill's rows: form enables the claim-form
// cells, pharmacy disables procedure codes (unless the header names a
// code column), drug says the row bills a drug (a claim form's
// supplemental NDC line stands above it), dental that the claim or the
// ledger is a dentist's (its codes are CDT codes), cols are the header's amount
// columns and heads all its captions, near the day the rows above or the
// bill's headings date (the year of a date printed without one).
type rowOpts struct {
	form, pharmacy, drug, dental bool
	cols                         []billCol
	heads                        []tableHead
	near                         dates.Date
}

// parseBillRow reads a bill line.
func parseBillRow(l line, o rowOpts) billRow {
	form, pharmacy, cols := o.form, o.pharmacy, o.cols
	s := mendPoints(l.text)
	if form {
		s = cleanFormRow(s)
	}
	r := billRow{text: s}
	used := make([]bool, len(s)+1)
	take := func(a, b int) {
		for i := a; i < b; i++ {
			used[i] = true
		}
	}
	free := func(t token) bool { return !used[t.a] && !used[t.b-1] }
	toks := tokens(s)
	if form {
		// A claim form's row opens with its From and To dates in cells.
		r.formDates(toks, take)
	}
	if !form {
		r.gluedDateCell(s, toks, free, take, o.drug)
	}
	if !form && len(toks) > 0 && r.date.IsZero() {
		r.colonDate(toks[0], take)
		if r.date.IsZero() {
			r.letterDate(toks[0], take)
		}
		if r.date.IsZero() {
			r.gluedNumberDate(s, pharmacy, take)
		}
	}
	for _, m := range lineDates(l) {
		if m.End > len(s) || used[m.Start] || used[m.End-1] {
			continue
		}
		if form && !strings.ContainsAny(m.Raw, "/-abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ") {
			continue // numbers OCR ran together, not a date a form prints
		}
		if r.date.IsZero() {
			r.date, r.dspan = m.Date, span{m.Start, m.End}
		} else if r.to.IsZero() {
			r.to = m.Date
		}
		take(m.Start, m.End)
	}
	if !form && (r.date.IsZero() || r.code == "" && len(toks) > 0 && r.dspan.a == toks[0].a) {
		// OCR ran the row's date, posting date and code together (or the
		// posting date and the code after a date it kept apart).
		if g, ok := readGluedLead(s); ok && r.date.IsZero() {
			r.date, r.dspan, r.code, r.cspan, r.leadCands = g.d, span{0, g.end}, g.code, span{0, g.end}, g.cands
			take(0, g.end)
		} else if ok && g.d == r.date && !g.posted.IsZero() {
			// Only the code glued to the posting date ("12/26/202497110"):
			// the dates stay as read.
			for _, t := range toks[1:] {
				if t.b <= g.end && len(t.s) > len(g.code)+3 && strings.HasSuffix(t.s, g.code) {
					r.code, r.cspan = g.code, span{t.b - len(g.code), t.b}
					take(t.a, t.b)
					break
				}
			}
		}
	}
	if !form && r.date.IsZero() {
		if d, at, end, ok := gluedMonthDate(s); ok {
			r.date, r.dspan = d, at
			take(at.a, end)
		}
	}
	if !form && r.date.IsZero() {
		if d, at, ok := monthLetterDate(s); ok && !used[at.a] && !used[at.b-1] {
			r.date, r.dspan = d, at
			take(at.a, at.b)
		}
	}
	if !form && r.date.IsZero() {
		r.compactDate(toks, o.heads, o.near, take)
	}
	if !form {
		r.serviceDate(lineDates(l), o.heads)
		r.compactService(toks, o.heads, take)
	}
	if !form && firstHead(o.heads) == headProv {
		// A statement that lists several providers' charges (a funder's,
		// a lienholder's) opens each row with the name of the provider
		// that billed it: the row's provider, no part of what it bills.
		// (Its cell ends before a number OCR set close after it.)
		if cs := layout.InkedCells(s); len(cs) > 1 {
			a, b := cs[0].Start, cs[0].End
			for _, t := range toks {
				if t.a >= a && t.a < b && strings.ContainsAny(t.s, "0123456789$") {
					b = t.a
					break
				}
			}
			b = a + len(strings.TrimRight(s[a:b], " .,;:'\"*_~|>-"))
			if t := s[a:b]; layout.HasLetters(t) && !slices.Contains(used[:b], true) {
				r.prov, r.pspan = t, span{a, b}
				take(a, b)
			}
		}
	}
	if !form && !r.date.IsZero() && boughtHead(o.heads, r.dspan.a, r.dspan.b) {
		// The day a funder bought the charge, read for want of the date
		// of service OCR damaged: no date of the service (its bytes stay
		// taken, out of the description).
		r.date, r.to, r.dspan = dates.Date{}, dates.Date{}, span{}
	}
	if !form && r.date.IsZero() {
		r.damagedDateCell(r.afterProvider(s))
	}
	_, found := amountsIn(s)
	var pos [][2]int
	for _, p := range found {
		if !used[p[0]] && !used[p[1]-1] {
			pos = append(pos, p)
			take(p[0], p[1])
		}
	}
	splitAt := map[int]string{} // amounts a form split: their cents, or "glued"
	// A revenue code opens a facility bill's line, or follows its date
	// (and the provider's name a row opens with, taken above).
	for _, t := range toks {
		if !free(t) || !hasAlnum(t.s) || t.b <= r.dcell.b {
			continue // the date, a speck before the code ("» 0270")
		}
		if v := strings.Trim(t.s, "\"'‘’`,.;:"); isRevenueCode(v) {
			r.rev = v
			take(t.a, t.b)
		} else if form && lostZeroRevenue(toks, t) {
			r.rev = "0" + v
			take(t.a, t.b)
		} else if len(v) > 4 && isRevenueCode(v[:4]) && (!isAlnumByte(v[4]) || len(v) == 5 && v[1] != '0' && v[1] != '1' && isDigitByte(v[4])) && hasHead(o.heads, headRev) {
			// Under a revenue column, specks OCR glued after the code
			// ("0272~—C«;"), or read as a digit after it ("02506": no
			// procedure code of five digits opens with 02 to 09), are no
			// part of it.
			r.rev = v[:4]
			take(t.a, t.b)
		}
		break
	}
	if (!pharmacy || hasHead(o.heads, headCode)) && r.code == "" {
		// No number under a column of numbers that are no code (an Rx
		// number, an NDC, a claim number) is a code.
		// Nor is a date cell OCR damaged, whatever caption it stands
		// nearest.
		codeFree := func(t token) bool {
			return free(t) && headAt(o.heads, t.a, t.b) != headID && !(r.dcell.b > 0 && t.a < r.dcell.b && t.b > r.dcell.a)
		}
		r.readCode(s, toks, codeFree, take, o)
		if r.code == "" && !form {
			r.codeUnderColumn(toks, o.heads, codeFree, take, o.dental)
			if c, ok := cdtCode(r.code); o.dental && ok && r.code[0] != 'D' {
				r.code = c // a dentist's code under its column is a CDT code: "09944" is D9944
			}
		}
	}
	r.readStatus(toks, o.heads, free, take)
	r.readClinician(toks, o.heads, free, take)
	if form {
		// Cents in their own cell, after the code: "250 00", on a service
		// row, after a dollar sign, or under an amount column. Pairs are
		// read from the right, so that units before an amount stay units
		// ("1  79 12"); dollars never open with a zero ("40 00 10" is 40.00
		// and one unit read as 10).
		// A row that opens with its From and To date cells is a service
		// row too, whatever OCR made of its code ("a" for 97110).
		service := (r.code != "" || r.rev != "" || r.letterless != "" || !r.to.IsZero()) && !r.date.IsZero()
		for i := len(toks) - 1; i > 0; i-- {
			a, b := toks[i-1], toks[i]
			cents := zeroLike(b.s)
			if !free(a) || !free(b) || a.a < r.cspan.b || len(cents) != 2 || !allDigits(cents) || !amountDigits(a.s) ||
				len(a.s) > 1 && a.s[0] == '0' {
				continue
			}
			dollar := i >= 2 && toks[i-2].s == "$" || strings.HasPrefix(a.s, "$")
			if !dollar && !service && !underMoney(cols, a.a, b.b) {
				continue
			}
			pos = append(pos, [2]int{a.a, b.b})
			splitAt[a.a] = cents
			take(a.a, b.b)
			i--
		}
		// A service row whose amount lost its point: "8100" is 81.00.
		if len(pos) == 0 && (r.code != "" || r.rev != "") && !r.date.IsZero() {
			for _, t := range toks {
				if free(t) && t.a > r.cspan.b && len(t.s) >= 3 && len(t.s) <= 7 && allDigits(t.s) && (strings.HasSuffix(t.s, "00") || underMoney(cols, t.a, t.b)) {
					pos = append(pos, [2]int{t.a, t.b})
					splitAt[t.a] = "glued"
					take(t.a, t.b)
					break
				}
			}
		}
	}
	sortSpans(pos)
	for _, p := range pos {
		raw := s[p[0]:p[1]]
		switch c := splitAt[p[0]]; c {
		case "":
		case "glued":
			raw = raw[:len(raw)-2] + "." + raw[len(raw)-2:]
		default:
			raw = strings.TrimSpace(raw[:strings.LastIndexAny(raw, " |")]) + "." + c
		}
		if v, ok := parseAmount(raw); ok {
			r.amts = append(r.amts, v)
			r.aspans = append(r.aspans, span{p[0], p[1]})
		}
	}
	r.readUnits(s, toks, free, take, unitsColumn(cols))
	r.desc = rowDescription(s, used, form)
	return r
}

// formJunk are characters OCR strews over a scanned form's cells.
const formJunk = "«»“”‘’\"°~—_=¢¥©®™*#@^"

// cleanFormRow blanks what OCR strews over a claim form's row (quotes,
// dashes, degree signs) and the stray points, commas, colons and
// semicolons after numbers ("11.", "23,", "00:") and before them
// (".120"), keeping every byte where it was.
func cleanFormRow(s string) string {
	b := []byte(s)
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if strings.ContainsRune(formJunk, r) {
			for k := i; k < i+n; k++ {
				b[k] = ' '
			}
		} else if (r == '.' || r == ',' || r == ':' || r == ';') && i > 0 && isDigitByte(s[i-1]) && (i+1 == len(s) || s[i+1] == ' ') {
			b[i] = ' '
		} else if r == '-' && (i+1 == len(s) || s[i+1] == ' ') && dateRunBefore(s, i) {
			b[i] = ' ' // a speck after a date cell ("092824-"); a tax ID's "40- 3049179" keeps its dash
		} else if (r == '.' || r == ',' || r == '-') && (i == 0 || s[i-1] == ' ') && i+1 < len(s) && isDigitByte(s[i+1]) {
			b[i] = ' ' // a speck before a number (".120 00"), or a border ("-120 00"): a claim bills no credit
		} else if r == '-' && i >= 4 && i+1 < len(s) && isDigitByte(s[i+1]) && isDigitByte(s[i-1]) && isDigitByte(s[i-2]) && s[i-3] == ' ' && isDigitByte(s[i-4]) {
			b[i] = ' ' // a dash between a cents cell and the units ("12,035 00-1")
		}
		i += n
	}
	// A speck after the last amount's cents read as a third digit of them
	// ("31.277" at the row's end): an amount prints two.
	if t := strings.TrimRight(s, " "); reThreeCents.MatchString(t) {
		b[len(t)-1] = ' '
	}
	return string(b)
}

// reThreeCents is a row ending in an amount with three digits after its
// point ("31.277"), alone in its cell.
var reThreeCents = lazyre.New(`(?:^|\s)(?:\d{1,3}(?:,\d{3})+|\d+)\.\d{3}$`)

// dateRunBefore reports whether s holds six or eight digits (MMDDYY,
// MMDDCCYY) right before byte i, after a space or at the start.
func dateRunBefore(s string, i int) bool {
	j := i
	for j > 0 && isDigitByte(s[j-1]) {
		j--
	}
	return (i-j == 6 || i-j == 8) && (j == 0 || s[j-1] == ' ')
}

// zeroLike reads OCR's look-alikes of a cents cell of zeros ("GO", "OO").
func zeroLike(s string) string {
	if len(s) != 2 || strings.Trim(s, "0OoGDQ") != "" {
		return s
	}
	return "00"
}

// underMoney reports whether the span [a, b) stands under an amount column
// of the header, give or take the few characters OCR shifts a column by.
func underMoney(cols []billCol, a, b int) bool {
	for _, c := range cols {
		if c.kind != "units" && b >= c.a-8 && a <= c.b+8 {
			return true
		}
	}
	return false
}

// formDigits turns the letters OCR reads for digits in a form's date cells
// back into digits.
var formDigits = strings.NewReplacer("O", "0", "o", "0", "D", "0", "l", "1", "I", "1")

// formDates reads the dates a claim form opens a row with: MM DD YY cells
// (From and To; OCR may read a cell border as ':' or '|'), MMDDYY or
// MMDDCCYY runs, or both dates run together.
func (r *billRow) formDates(toks []token, take func(a, b int)) {
	set := func(d dates.Date, a, b int) {
		if r.date.IsZero() {
			r.date, r.dspan = d, span{a, b}
		} else if r.to.IsZero() {
			r.to, r.toEnd = d, b
		}
		take(a, b)
	}
	// The digit groups of the first tokens, split at cell borders.
	type group struct {
		s     string
		a, b  int
		first bool // the first group of its token: cells of a date begin there
	}
	var gs []group
	for _, t := range toks[:dateWindow(toks)] {
		a := t.a
		for n, part := range strings.FieldsFunc(t.s, formBorder) {
			k := strings.Index(t.s[a-t.a:], part) + a
			digits := part
			if d := formDigits.Replace(part); d != part && strings.ContainsAny(part, "0123456789") && allDigits(d) {
				digits = d // "O1 29 24": a digit OCR read as its look-alike letter
			}
			gs = append(gs, group{digits, k, k + len(part), n == 0})
			a = k + len(part)
		}
	}
	for i := 0; i < len(gs); i++ {
		g := gs[i]
		if !allDigits(g.s) {
			if r.date.IsZero() {
				continue
			}
			break
		}
		switch {
		case i+2 < len(gs) && g.first && len(g.s) == 2 && len(gs[i+1].s) == 2 && (len(gs[i+2].s) == 2 || len(gs[i+2].s) == 4) &&
			allDigits(gs[i+1].s+gs[i+2].s):
			if d, ok := mdy(g.s, gs[i+1].s, gs[i+2].s); ok {
				set(d, g.a, gs[i+2].b)
				i += 2
				continue
			}
		case i+2 < len(gs) && g.first && len(g.s) == 3 && g.s[0] == '0' && len(gs[i+1].s) == 2 && (len(gs[i+2].s) == 2 || len(gs[i+2].s) == 4) &&
			allDigits(gs[i+1].s+gs[i+2].s):
			// "O05 27 24": the cell's left border read as an O before the
			// month (no month has three digits).
			if d, ok := mdy(g.s[1:], gs[i+1].s, gs[i+2].s); ok && recent(d) {
				set(d, g.a, gs[i+2].b)
				i += 2
				continue
			}
		case i+1 < len(gs) && g.first && len(g.s) == 2 && len(gs[i+1].s) == 5 && borderDigit(gs[i+1].s[2]) && allDigits(gs[i+1].s):
			// "05] 22123": the border between day and year read as a one.
			if d, ok := mdy(g.s, gs[i+1].s[:2], gs[i+1].s[3:]); ok && recent(d) {
				set(d, g.a, gs[i+1].b)
				i++
				continue
			}
		case i+1 < len(gs) && g.first && len(g.s) == 5 && borderDigit(g.s[2]) && len(gs[i+1].s) == 2 && allDigits(gs[i+1].s):
			// "05122|23": the border between month and day read as a one.
			if d, ok := mdy(g.s[:2], g.s[3:], gs[i+1].s); ok && recent(d) {
				set(d, g.a, gs[i+1].b)
				i++
				continue
			}
		case i+1 < len(gs) && g.first && !gs[i+1].first && (len(g.s) == 4 && len(gs[i+1].s) == 2 || len(g.s) == 2 && len(gs[i+1].s) == 4):
			// "0622/23", "06/2223": one border lost, the other read.
			ds := g.s + gs[i+1].s
			if d, ok := mdy(ds[:2], ds[2:4], ds[4:]); ok && recent(d) {
				set(d, g.a, gs[i+1].b)
				i++
				continue
			}
		case len(g.s) == 6 || len(g.s) == 8:
			if d, ok := mdy(g.s[:2], g.s[2:4], g.s[4:]); ok {
				set(d, g.a, g.b)
				continue
			}
			// "05119123", "06414123": both borders read as digits.
			if len(g.s) == 8 && borderDigit(g.s[2]) && borderDigit(g.s[5]) {
				if d, ok := mdy(g.s[:2], g.s[3:5], g.s[6:]); ok && recent(d) {
					set(d, g.a, g.b)
					continue
				}
			}
		case len(g.s) == 7:
			// "0515123": one border lost, the other read as a digit.
			if d, ok := oneBorderRead(g.s); ok {
				set(d, g.a, g.b)
				continue
			}
		case len(g.s) == 12:
			if d, ok := mdy(g.s[:2], g.s[2:4], g.s[4:6]); ok {
				set(d, g.a, g.a+6)
			}
			if d, ok := mdy(g.s[6:8], g.s[8:10], g.s[10:]); ok {
				set(d, g.a+6, g.b)
			}
			continue
		}
		if !r.date.IsZero() {
			break
		}
	}
}

// borderDigit reports whether c is a digit OCR reads for the border
// between a claim form's date cells: a one, or a four.
func borderDigit(c byte) bool { return c == '1' || c == '4' }

// oneBorderRead reads a claim form's date cell of seven digits, one border
// lost and the other read as a digit: "0515123" is 05 15 23 and "1010523"
// 10 05 23. Only a cell with one such reading, of a recent date, is read.
func oneBorderRead(s string) (dates.Date, bool) {
	var out []dates.Date
	if borderDigit(s[4]) {
		if d, ok := mdy(s[:2], s[2:4], s[5:]); ok && recent(d) {
			out = append(out, d)
		}
	}
	if borderDigit(s[2]) {
		if d, ok := mdy(s[:2], s[3:5], s[5:]); ok && recent(d) && !contains(out, d) {
			out = append(out, d)
		}
	}
	if len(out) != 1 {
		return dates.Date{}, false
	}
	return out[0], true
}

// dateWindow is how many of a form's row tokens may hold its dates: a
// claim's row opens with them (CMS-1500 box 24A), so the first eight; a
// facility's row, opened by its revenue code, prints its date of service
// after the description (UB-04 box 45), however many words that has, so
// all of them. Specks OCR read before the revenue code ("- 0424": the
// grid's left border) do not hide it.
func dateWindow(toks []token) int {
	first := 0
	for first < len(toks)-1 && !hasAlnum(toks[first].s) {
		first++
	}
	if len(toks) > 0 && (isRevenueCode(strings.Trim(toks[first].s, "\"'‘’`,.;:")) || lostZeroRevenue(toks, toks[first])) {
		return len(toks)
	}
	return min(len(toks), 8)
}

// lostZeroRevenue reports whether t, a claim form row's first token of
// letters or digits, is a revenue code OCR lost the leading zero of
// ("272" for 0272): three digits, the first no zero, before the
// description's first word. A CMS-1500's line opens with its dates.
func lostZeroRevenue(toks []token, t token) bool {
	v := strings.Trim(t.s, "\"'‘’`,.;:")
	if len(v) != 3 || !allDigits(v) || v[0] == '0' {
		return false
	}
	for k, u := range toks {
		if !hasAlnum(u.s) {
			continue
		}
		if u != t {
			return false // not the row's first
		}
		return k+1 < len(toks) && layout.HasLetters(toks[k+1].s) && !strings.ContainsAny(toks[k+1].s, "0123456789")
	}
	return false
}

// formBorder reports whether r is what OCR reads for the border between
// a claim form's date cells: a colon, a bar, a brace, bracket or
// parenthesis, a semicolon, a quote, a slash or a point.
func formBorder(r rune) bool { return strings.ContainsRune(":|/.{}[]();'‘’`!", r) }

// recent reports whether a date read back from cells OCR damaged is one
// a claim of today may bill: within the last twenty years ("05/31128"
// read as 05/31/28 is no service of 1928).
func recent(d dates.Date) bool { return !d.Before(today().AddDays(-20 * 366)) }

// mdy builds a date from month, day and a two- or four-digit year. The
// month comes first, as on every US bill: cells that only read as a date
// day first ("24 01 29") are no date.
func mdy(m, d, y string) (dates.Date, bool) {
	if mm, err := strconv.Atoi(m); err != nil || mm < 1 || mm > 12 {
		return dates.Date{}, false
	}
	if len(y) == 2 {
		y = "20" + y
		if y > strconv.Itoa(today().Year) {
			y = "19" + y[2:]
		}
	}
	return dates.Parse(m + "/" + d + "/" + y)
}

// today is the current date, for telling 19YY from 20YY.
func today() dates.Date { return layout.Today() }

// readCode finds the CPT/HCPCS code of a row and the modifiers printed
// with it ("97110GP", "72148-26", "99284 25", "97140 59 GP").
func (r *billRow) readCode(s string, toks []token, free func(token) bool, take func(a, b int), o rowOpts) {
	form := o.form
	for i, t := range toks {
		if !free(t) || r.dcell.b > 0 && t.a < r.dcell.b && t.b > r.dcell.a {
			continue // a date cell OCR damaged ("7127123" for 7/27/23, "“5124124" with a speck glued before it) holds no code
		}
		if strings.HasPrefix(t.s, "**") {
			continue // a masked card or account number ("VISA ***23130"): no code
		}
		start := t.a
		code, mods, ok := splitCode(t.s)
		if !ok && len(t.s) >= 6 && (t.s[0] >= 'a' && t.s[0] <= 'z' || t.s[0] == '|') {
			// A speck OCR read as a letter clings to the code: "jJ1885".
			code, mods, ok = splitCode(t.s[1:])
			start++
		} else if c := strings.TrimLeft(t.s, codeSpecks); !ok && c != t.s && len(c) >= 5 {
			// Or a dash, a point, a bracket or an underscore: "-97014",
			// "(97811", "_20610-RT"; before a dollar sign for an S too
			// ("“$0215").
			if code, mods, ok = splitCode(c); ok {
				start += len(t.s) - len(c)
			} else if len(c) == 5 && c[0] == '$' && allDigits(c[1:]) {
				code, mods, ok = splitCode("S" + c[1:])
				start += len(t.s) - len(c)
			}
		} else if !ok && len(t.s) == 5 && t.s[0] == '$' && allDigits(t.s[1:]) {
			// OCR read the S of a HCPCS code as a dollar sign: "$0215" is
			// S0215 (an amount prints its cents).
			code, mods, ok = splitCode("S" + t.s[1:])
		} else if !ok && len(t.s) >= 5 && hcpcsLower(t.s) {
			// A HCPCS code whose letter OCR read in lower case: "j3301".
			code, mods, ok = splitCode(strings.ToUpper(t.s[:1]) + t.s[1:])
		} else if !ok && len(t.s) == 5 && t.s[0] == 's' {
			// Its S and a look-alike digit in lower case: "so215".
			code, ok = ocrProcCode("S" + t.s[1:])
		}
		d := r.dspan
		if r.date.IsZero() {
			d = r.dcell
		} else if r.toEnd > d.b {
			d.b = r.toEnd // the code's cell follows the To date's
		}
		afterDate := d.b > 0 && d.b <= t.a && (strings.TrimSpace(s[d.b:t.a]) == "" || form && formCodeCell(s[d.b:t.a]) || datesOnlyBefore(toks[:i], d, free))
		if !ok && afterDate {
			// The cell right after the row's date holds its code, however
			// OCR misread it.
			if o.dental {
				code, ok = cdtCode(t.s)
			}
			if !ok {
				code, ok = ocrProcCode(t.s)
			}
			if head, mod, cut := strings.Cut(t.s, "-"); !ok && cut && isModifier(mod) {
				// A modifier glued with a dash: "A0Q425-SH".
				if code, ok = ocrProcCode(head); ok {
					mods = []string{mod}
				}
			}
			if c := strings.TrimRight(t.s, ",.;:'"); !ok && form && len(c) == 7 && allDigits(c) && posCodes[c[:2]] {
				// The place of service run into the code: "1229827,".
				code, ok = c[2:], true
				start += 2
			}
			if c := strings.TrimRight(t.s, ",.;:'"); !ok && form && len(c) == 6 && allDigits(c) && posHalf(c[0]) && !posCell(s[d.b:t.a]) {
				// The place of service run into the code, its two digits
				// read as one ("197110." for 11 97110): no place of service
				// stands in a cell of its own before it.
				if cc, _, glued := splitGlued(c[1:]); glued {
					code, ok = cc, true
					start++
				}
			}
		}
		if !ok && o.dental && !form {
			// A dental office's ledger prints the patient, the tooth and
			// the surface between the date and the code: a CDT code is
			// read wherever it stands.
			code, ok = cdtCode(t.s)
		}
		if c := strings.Trim(t.s, codeSpecks+"’:;"); !ok && afterDate && r.letterless == "" && len(c) == 4 && allDigits(c) && (!isRevenueCode(c) || form && r.rev == "") && !ndcLike(s, t) {
			// A professional claim prints no revenue code: "0283" is G0283.
			// The digits stay in the description; the modifiers after them
			// are read.
			r.letterless = c
			if end := r.readMods(s, toks, i, free, form); end > t.b {
				take(t.b, end)
			}
		}
		// An NDC's parts are joined by dashes; a speck before the code
		// ("-99214-25") is no part of one.
		ct := token{s: t.s[start-t.a:], a: start, b: t.b}
		if !ok || ndcLike(s, ct) && (start == t.a || strings.Count(ct.s, "-") >= 2 || ct.b < len(s) && s[ct.b] == '-') || taxIDTail(s, t) || checkNumber(s, t) ||
			r.date.IsZero() && zipCode(s, t) {
			continue
		}
		if o.dental && code[0] != 'D' {
			if c, cdt := cdtCode(code); cdt {
				code = c // a dental claim's code is a CDT code: "B0170" is D0170
			}
		}
		r.code, r.mods = code, mods
		// OCR reads the J of a drug's HCPCS code as 3, 1 or ]: a row that
		// bills a drug (a pharmacy revenue code, a dose, an NDC line above
		// it) keeps it.
		if c := t.s[start-t.a]; (c == '3' || c == '1' || c == ']' || c == 'I' || c == 'l') && (o.drug || jCode(s, r.rev)) {
			r.code = "J" + r.code[1:]
		}
		end := r.readMods(s, toks, i, free, form)
		r.code = supplyCode(r.code, r.mods)
		r.cspan = span{start, end}
		take(t.a, end)
		return
	}
}

// readMods reads the modifiers printed after the code in toks[i] and
// returns where they end.
func (r *billRow) readMods(s string, toks []token, i int, free func(token) bool, form bool) int {
	end := toks[i].b
	for j := i + 1; j < len(toks) && len(r.mods) < 4; j++ {
		n := toks[j]
		if m := strings.TrimLeft(n.s, codeSpecks); m != n.s && knownModifier[m] {
			n.s = m // a speck OCR put before a modifier ("-GP")
		}
		alone := j+1 == len(toks) || strings.HasPrefix(s[n.b:], "   ") || !layout.HasLetters(toks[j+1].s)
		if !free(n) || !isModifier(n.s) || !knownModifier[n.s] && !alone || form && !knownModifier[n.s] && pointerLetters(n.s) {
			break // a claim form's diagnosis pointer ("AB") follows the modifiers
		}
		r.mods = append(r.mods, n.s)
		end = n.b
	}
	return end
}

// reColonDateCell is a date cell with one of its two separators read by
// OCR as a colon, a semicolon or a comma ("01:10.2025", "01.17;2025"):
// submatches 1 and 2 are the separators.
var reColonDateCell = lazyre.New(`^\d{1,2}([:;,./-])\d{1,2}([:;,./-])\d{2}(?:\d{2})?$`)

// colonDate dates the row by its opening cell t when that is a date whose
// separator OCR read as a colon, a semicolon or a comma, the other one
// printed as the bill prints it.
func (r *billRow) colonDate(t token, take func(a, b int)) {
	m := reColonDateCell.FindStringSubmatch(t.s)
	if m == nil {
		return
	}
	odd, sep := m[1], m[2]
	if strings.Contains(":;,", sep) {
		odd, sep = sep, odd
	}
	if !strings.Contains(":;,", odd) || strings.Contains(":;,", sep) {
		return // no separator misread, or both
	}
	if d, ok := dates.Parse(strings.Replace(t.s, odd, sep, 1)); ok {
		r.date, r.dspan = d, span{t.a, t.b}
		take(t.a, t.b)
	}
}

// damagedDateCell keeps in dcell where the cell that opens a row is when
// it reads as a date only once OCR's damage to its slashes is undone
// (slashCandidates, fallbackCandidates). The cell stays free: a row left
// undated keeps it in its description.
func (r *billRow) damagedDateCell(s string) {
	ds, sp := slashCandidates(s)
	if len(ds) == 0 {
		ds, sp = fallbackCandidates(s)
	}
	if len(ds) == 0 {
		ds, sp = lostPartsBeforeCode(s)
	}
	if len(ds) > 0 {
		r.dcell = span{sp[0], sp[1]}
	}
}

// lostPartsBeforeCode returns lostPartsCandidates of the cell that opens
// s when the row's procedure code stands in the cell after it: a cell of
// digits before the code is the date OCR damaged, no code of its own. A
// row that opens with its code keeps it.
func lostPartsBeforeCode(s string) ([]dates.Date, [2]int) {
	ds, sp := lostPartsCandidates(s)
	if len(ds) == 0 {
		return nil, [2]int{}
	}
	for _, t := range tokens(s) {
		if t.a < sp[1] {
			continue
		}
		if _, _, ok := splitCode(strings.TrimRight(t.s, ".,;:")); ok {
			return ds, sp
		}
		break
	}
	return nil, [2]int{}
}

// hasAlnum reports whether s holds an ASCII letter or digit.
func hasAlnum(s string) bool {
	for i := 0; i < len(s); i++ {
		if isAlnumByte(s[i]) {
			return true
		}
	}
	return false
}

// datesOnlyBefore reports whether the tokens of a row from its date
// (at d) to a token are all taken, by the date and the dates after it (a
// ledger's posting date), with whatever speck OCR glued to them
// ("12/19/2023,") or strewed between them as tokens of their own ("5/19/23
// .  5/19/23", "* LO180"): the token stands in the cell after the dates.
func datesOnlyBefore(before []token, d span, free func(token) bool) bool {
	for _, t := range before {
		if t.b > d.a && free(t) && hasAlnum(t.s) {
			return false
		}
	}
	return true
}

// taxIDTail reports whether token t ends a federal tax ID (an EIN,
// "40-3049179") that OCR parted at its hyphen ("40- 3049179"): seven
// digits, with two digits and a hyphen before them. A code after a place
// of service OCR put a dash after ("11-   97164") is no such tail.
func taxIDTail(s string, t token) bool {
	p := strings.TrimRight(s[:t.a], " ")
	n := len(p)
	return len(t.s) == 7 && allDigits(t.s) && n >= 3 && p[n-1] == '-' && isDigitByte(p[n-2]) && isDigitByte(p[n-3]) && (n == 3 || !isDigitByte(p[n-4]))
}

// reStateBeforeZIP ends an address's city and state, as a statement's
// letterhead and remittance stub print them before the ZIP code
// ("Lancaster, PA ", "BAKERSFIELD CA "): a USPS state abbreviation after a
// comma or a word, then one or two spaces.
var reStateBeforeZIP = lazyre.New(`(?:,\s*|[A-Za-z.]\s+)(?:A[KLRZ]|C[AOT]|D[CE]|FL|GA|HI|I[ADLN]|K[SY]|LA|M[ADEINOST]|N[CDEHJMVY]|O[HKR]|PA|RI|S[CD]|T[NX]|UT|V[AT]|W[AIVY]|PR)\s{1,2}$`)

// zipCode reports whether token t of an undated row is the ZIP code of an
// address (five digits, or ZIP+4, after the city and state), no procedure
// code: a statement's stub prints the practice's address beside the
// amount due ("Lancaster, PA 17601      Amount due: $1,876.92").
func zipCode(s string, t token) bool {
	z := strings.TrimRight(t.s, ",.;")
	if len(z) == 10 && z[5] == '-' && allDigits(z[6:]) {
		z = z[:5]
	}
	return len(z) == 5 && allDigits(z) && reStateBeforeZIP.MatchString(s[:t.a])
}

// reCheckLabel ends the label of a check's number on a payment row: "CHK",
// "chk no.", or a check's number sign ("Check #", "CK#", "Check No."). A
// plain "check" is a service's word ("Wound check 99212").
var reCheckLabel = lazyre.New(`(?i)(?:\bchk\s*(?:#|no\.?|num(?:ber)?\.?)?|\b(?:check|cheque|ck)\s*(?:#|no\.|num(?:ber)?\.?))\s*[:#]?\s*$`)

// checkNumber reports whether token t is the number of the check that paid
// the row ("MEDPAY PAYMENT CHK 10442"), no procedure code.
func checkNumber(s string, t token) bool {
	return reCheckLabel.MatchString(s[:t.a])
}

// formCodeCell reports whether what a claim form's row prints between its
// From date and a token is its To date and place of service (box 24 B),
// however OCR read them ("052623  11", "05 26 23  ‘11", "052623  i"), or
// a dental claim's area, tooth and surface cells, with whatever specks OCR
// strewed over them: the token stands in the code's cell.
func formCodeCell(between string) bool {
	n := 0
	for _, f := range strings.Fields(between) {
		if len(f) > 8 {
			return false
		}
		if strings.IndexFunc(f, func(r rune) bool { return r < utf8.RuneSelf && isAlnumByte(byte(r)) }) >= 0 {
			n++ // what OCR strews between cells ("..}", ":") fills none
		}
	}
	return n <= 4
}

// codeSpecks are what OCR prints glued before a code: dashes, points,
// quotes and brackets.
const codeSpecks = "-—–.,(«'‘’“”_"

// HCPCS letters OCR reads as a symbol, and digits it reads as letters; a
// glyph read twice ("1l" for 1) is one.
var (
	hcpcsLetter = map[rune]byte{'£': 'E', '€': 'E'}
	hcpcsDigit  = map[rune]byte{'O': '0', 'o': '0', 'D': '0', 'l': '1', 'I': '1', '|': '1', 'i': '1', '!': '1', 'S': '5', 's': '5', 'B': '8', 'Z': '2', 'Q': '0'}
	twiceRead   = strings.NewReplacer("1l", "1", "l1", "1", "1I", "1", "I1", "1", "0O", "0", "O0", "0", "0Q", "0", "Q0", "0")
	// twiceReadCode adds, for a code cell a letter too long, a five or an
	// eight read as the digit and as its look-alike letter ("704S50" for
	// 70450). Where the letter stands for the digit alone ("A45S6" for
	// A4556) it is no pair: lookAlikeDigits keeps to twiceRead.
	twiceReadCode = strings.NewReplacer("1l", "1", "l1", "1", "1I", "1", "I1", "1", "0O", "0", "O0", "0", "0Q", "0", "Q0", "0", "5S", "5", "S5", "5", "8B", "8", "B8", "8")
)

// lookAlikeDigits reads s, the digits of a code after its letter, through
// OCR's look-alike letters (hcpcsDigit) and a glyph read twice
// (twiceRead): the digits, how many characters that took replacing, and
// how many were read as digits themselves. ok is false when a character is
// neither a digit nor a look-alike.
func lookAlikeDigits(s string) (out string, replaced, digits int, ok bool) {
	rest := twiceRead.Replace(s)
	if rest != s {
		replaced++
	}
	var b strings.Builder
	for _, c := range rest {
		switch d, ok := hcpcsDigit[c]; {
		case c >= '0' && c <= '9':
			b.WriteRune(c)
			digits++
		case ok:
			b.WriteByte(d)
			replaced++
		default:
			return "", 0, 0, false
		}
	}
	return b.String(), replaced, digits, true
}

// ocrProcCode reads a HCPCS code (a letter and four digits) from the token
// of a code cell that OCR damaged: "LO180", "£0730", "A4556°", "LO1l80",
// "3J1885".
// Only a token that becomes exactly one letter and four digits, with at
// least one character replaced or dropped, is read.
func ocrProcCode(tok string) (string, bool) {
	subs := 0
	if t := strings.Trim(tok, ",;:().*\"'“”‘’`~°—–-©"); t != tok {
		tok, subs = t, 1 // a speck beside the code
	}
	rs := []rune(tok)
	if len(rs) == 6 && rs[1] == 'J' && (rs[0] == '3' || rs[0] == '1') {
		rs, subs = rs[1:], subs+1 // the J read twice, as its look-alike and as itself: "3J1885"
	}
	if len(rs) < 5 || len(rs) > 6 {
		return "", false
	}
	var first byte
	switch c, ok := hcpcsLetter[rs[0]]; {
	case ok:
		first, subs = c, 1
	case rs[0] >= 'A' && rs[0] <= 'V':
		first = byte(rs[0])
	default:
		return "", false
	}
	rest, replaced, digits, ok := lookAlikeDigits(string(rs[1:]))
	if !ok {
		return "", false
	}
	subs += replaced
	code := string(first) + rest
	if len(code) != 5 || subs == 0 || digits < 2 {
		// A word of letters that look like digits ("Bills") is no code.
		return "", false
	}
	return code, true
}

// splitCode reads a CPT/HCPCS token with modifiers glued to it, without
// the specks OCR glued around it ("97012°", "72141-26_").
func splitCode(t string) (code string, mods []string, ok bool) {
	t = strings.Trim(t, ",;:().*\"'“”‘’`~°_")
	if len(t) > 7 && allDigits(t) {
		return "", nil, false // a chargemaster or account number
	}
	if code, mods, ok = splitGlued(t); ok || len(t) != 7 || !allDigits(t) || !posCodes[t[:2]] {
		return code, mods, ok // "9920325" is 99203 with modifier 25
	}
	// A place-of-service code OCR ran into the procedure code: "1198941".
	return splitGlued(t[2:])
}

// splitGlued reads a code with modifiers glued to it.
func splitGlued(t string) (code string, mods []string, ok bool) {
	if len(t) < 5 {
		return "", nil, false
	}
	c := t[:5]
	if !(allDigits(c[:4]) && (isDigitByte(c[4]) || c[4] == 'T') || c[0] >= 'A' && c[0] <= 'V' && allDigits(c[1:])) {
		return "", nil, false
	}
	// The dash before the first modifier as OCR may read it: a colon
	// ("A0427:SH"), or a dash and an equals sign ("99285-=25").
	rest := strings.TrimLeft(t[5:], "-:=")
	for len(rest) >= 2 && len(mods) < 4 {
		m := rest[:2]
		if !isModifier(m) {
			return "", nil, false
		}
		mods = append(mods, m)
		rest = strings.TrimLeft(rest[2:], "-:=")
	}
	if rest != "" {
		return "", nil, false
	}
	return c, mods, true
}

var reDrugDose = lazyre.New(`(?i)\b\d+(?:\.\d+)?\s*(?:mg|mcg|ml|units?)\b|\binj(?:ection)?\b`)

// jCode reports whether a row bills a drug: a pharmacy or drug revenue
// code (025x, 026x, 063x), or a dose or injection in its words.
func jCode(s, rev string) bool {
	return strings.HasPrefix(rev, "025") || strings.HasPrefix(rev, "026") || strings.HasPrefix(rev, "063") || reDrugDose.MatchString(s)
}

// posCell reports whether the cells between a row's date and its code
// hold a place of service of their own.
func posCell(between string) bool {
	for _, f := range strings.Fields(between) {
		if f = strings.Trim(f, codeSpecks+"’:;|"); len(f) <= 2 && f != "" && allDigits(f) {
			return true
		}
	}
	return false
}

// posHalf reports whether a digit opens a place of service.
func posHalf(c byte) bool {
	for p := range posCodes {
		if p[0] == c {
			return true
		}
	}
	return false
}

// posCodes are the places of service a claim form prints before the code.
var posCodes = map[string]bool{"11": true, "12": true, "19": true, "20": true, "21": true, "22": true, "23": true, "24": true,
	"31": true, "32": true, "41": true, "49": true, "50": true, "53": true, "57": true, "62": true, "65": true, "71": true,
	"72": true, "81": true, "99": true}

// knownModifier are modifiers bills often print, read even when a
// description follows them on the line without a wide gap.
var knownModifier = map[string]bool{"25": true, "26": true, "59": true, "GP": true, "GO": true, "GN": true, "TC": true,
	"LT": true, "RT": true, "XE": true, "XS": true, "XP": true, "XU": true, "KX": true, "GA": true, "GY": true, "GZ": true,
	"AT": true, "CQ": true, "CO": true, "JW": true, "JZ": true, "QW": true, "50": true, "51": true, "76": true, "91": true,
	"NU": true, "UE": true, "RR": true, "KH": true, "KI": true, "KJ": true, "MS": true, "BP": true, "BR": true, "BU": true}

// knownNumericModifier are the numeric CPT modifiers bills print.
var knownNumericModifier = map[string]bool{"22": true, "24": true, "25": true, "26": true, "50": true, "51": true, "52": true,
	"57": true, "59": true, "76": true, "77": true, "78": true, "79": true, "80": true, "91": true}

// pointerLetters reports whether s is made of diagnosis pointer letters
// (A–L), as a claim form's box 24E prints them.
func pointerLetters(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 'A' || s[i] > 'L' {
			return false
		}
	}
	return s != ""
}

// isModifier reports whether s is a CPT/HCPCS modifier: two capitals, a
// capital and a digit, or a known numeric modifier.
func isModifier(s string) bool {
	if len(s) != 2 {
		return false
	}
	if knownNumericModifier[s] {
		return true
	}
	return s[0] >= 'A' && s[0] <= 'Z' && (s[1] >= 'A' && s[1] <= 'Z' || isDigitByte(s[1]))
}

// hcpcsLower reports whether a token is a HCPCS code (a letter, four
// digits, perhaps its modifiers after a dash) whose letter OCR read in
// lower case.
func hcpcsLower(s string) bool {
	head, _, _ := strings.Cut(s, "-")
	return len(head) == 5 && s[0] >= 'a' && s[0] <= 'v' && allDigits(head[1:])
}

// ndcLike reports whether the token is part of an NDC (5-4-2, 4-4-2,
// 5-3-2) or a longer number, never a procedure code.
func ndcLike(s string, t token) bool {
	if t.b < len(s) && s[t.b] == '-' || t.a > 0 && s[t.a-1] == '-' {
		return true
	}
	return strings.Count(t.s, "-") >= 2
}

// readUnits finds the units of a row: a small whole number (or one with
// zero decimals) after the code or the date that stands in a column of its
// own, or just before or after the row's amounts; never one a unit word
// follows ("15 MIN", "600 mg").
func (r *billRow) readUnits(s string, toks []token, free func(token) bool, take func(a, b int), col span) {
	// With a units column in the header, the number under it (give or take
	// OCR's shift); else one standing alone or beside the amounts.
	if col.b > 0 && r.unitsIn(s, toks, free, take, col) {
		return
	}
	r.unitsIn(s, toks, free, take, span{})
}

// unitsIn takes the first units number of the row within col (anywhere
// when col is empty, then only a number in a cell of its own or beside an
// amount), and reports whether it found one.
func (r *billRow) unitsIn(s string, toks []token, free func(token) bool, take func(a, b int), col span) bool {
	for i, t := range toks {
		if !free(t) || t.a < max(r.cspan.b, r.dspan.b) {
			continue
		}
		if col.b > 0 && (t.b < col.a-8 || t.a > col.b+8) {
			continue
		}
		v := t.s
		if k := strings.Index(v, "."); k > 0 && strings.Trim(v[k+1:], "0") == "" {
			v = v[:k]
		}
		v = strings.TrimLeft(v, "'‘’`\"“”")
		if len(v) == 0 || len(v) > 3 || !allDigits(v) || v == "0" {
			continue
		}
		next := ""
		if i+1 < len(toks) {
			next = strings.ToLower(toks[i+1].s)
		}
		if reQtyUnit.MatchString(next) {
			continue
		}
		if col.b == 0 {
			cellAlone := (t.a < 3 || s[t.a-3:t.a] == "   ") && (t.b+3 > len(s) || s[t.b:t.b+3] == "   " || s[t.b] == '\t')
			nearAmount := i+1 < len(toks) && r.isAmountAt(toks[i+1].a) || i > 0 && r.isAmountEnd(toks[i-1].b)
			if !cellAlone && !nearAmount {
				continue
			}
		}
		n := 0
		for _, c := range v {
			n = n*10 + int(c-'0')
		}
		r.units = float64(n)
		take(t.a, t.b)
		return true
	}
	return false
}

var reQtyUnit = lazyre.New(`^(mg|mcg|g|ml|cc|min|mins|minutes?|hrs?|hours?|units?|views?|regions?|levels?|x|%|tabs?|caps?)\b`)

// isAmountAt and isAmountEnd report whether an amount of the row starts or
// ends at byte a.
func (r *billRow) isAmountAt(a int) bool {
	for _, sp := range r.aspans {
		if sp.a == a {
			return true
		}
	}
	return false
}

func (r *billRow) isAmountEnd(b int) bool {
	for _, sp := range r.aspans {
		if sp.b == b {
			return true
		}
	}
	return false
}

// rowDescription is what is left of a row once its dates, codes, units
// and amounts are taken: the words, with columns of numbers dropped. OCR's
// specks standing in cells of their own ("LABORATORY   .") are no words.
func rowDescription(s string, used []bool, form bool) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if used[i] {
			b.WriteString("    ")
			for i+1 < len(s) && used[i+1] {
				i++
			}
			continue
		}
		b.WriteByte(s[i])
	}
	rest := b.String()
	var parts []string
	for _, c := range layout.InkedCells(rest) {
		p := rest[c.Start:c.End]
		if form && !layout.HasLetters(p) || reQtyCell.MatchString(p) || reQtyLabel.MatchString(p) {
			continue // a form's numbered cells; a quantity column, or the label of the units taken
		}
		parts = append(parts, p)
	}
	return clip(strings.Trim(textutil.FoldSpace(strings.Join(parts, " ")), " -|:$#"), 160)
}

var (
	reQtyCell  = lazyre.New(`^\d{1,3}(?:\.0+)?$`)
	reQtyLabel = lazyre.New(`(?i)^(?:qty|quantity)\s*[:.#]?$`)
)

// isRevenueCode reports whether t is a four-digit revenue code (0001 is
// the total line).
func isRevenueCode(t string) bool {
	return len(t) == 4 && t[0] == '0' && allDigits(t)
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if !isDigitByte(s[i]) {
			return false
		}
	}
	return s != ""
}

// amountDigits reports whether s is the dollars of a split amount: digits,
// with thousands commas.
func amountDigits(s string) bool {
	if s == "" || len(s) > 9 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !isDigitByte(s[i]) && s[i] != ',' {
			return false
		}
	}
	return isDigitByte(s[0])
}

// sortSpans orders amount spans by position.
func sortSpans(p [][2]int) {
	for i := 1; i < len(p); i++ {
		for j := i; j > 0 && p[j][0] < p[j-1][0]; j-- {
			p[j], p[j-1] = p[j-1], p[j]
		}
	}
}

// A date cell OCR ran into the number cell beside it (an Rx number, an
// account or claim number): the column gap lost, "01/20/20246858320-1" is
// 01/20/2024 and Rx 6858320-1, "2024-03-186795503" is 2024-03-18; spaces
// OCR set inside the date ("01/27 /2024", "2025 -01- 30") may stay.
const (
	cellDate   = `(?:(\d{1,2}) ?[/-] ?(\d{1,2}) ?[/-] ?((?:19|20)\d\d)|((?:19|20)\d\d) ?- ?(\d{1,2}) ?- ?(\d\d))`
	cellNumber = `\d{3,}(?: ?- ?\d{1,2})?`
	cellSpecks = `[.,'‘’"_*»«—-]`
)

var (
	// reGluedNumberDate is such a cell opening a row.
	reGluedNumberDate = lazyre.New(`^\s*` + cellSpecks + `{0,4}\s*` + cellDate + cellNumber + `[.,;:'’]*(?:\s|$)`)
	// reGluedNumberCell is such a cell anywhere in a row: OCR may set a
	// row's opening cells after its others.
	reGluedNumberCell = lazyre.New(`(?:^|\s)` + cellSpecks + `{0,3}` + cellDate + cellNumber + `[.,;:'’]*(?:\s|$)`)
	// reLoneDateCell is a line of a date cell alone, perhaps with the
	// number cell beside it ("11-21-20246468779"): a row's opening cells,
	// which OCR read as a block of their own after the rest of the row.
	reLoneDateCell = lazyre.New(`^\s*` + cellSpecks + `{0,4}\s*` + cellDate + `(?:\s*` + cellNumber + `)?[\s.,;:'’]*$`)
)

// cellDateOf reads the date of a match of cellDate at group 1 of m, and
// the span of its digits.
func cellDateOf(s string, m []int) (dates.Date, span, bool) {
	if m[2] >= 0 {
		d, ok := mdy(s[m[2]:m[3]], s[m[4]:m[5]], s[m[6]:m[7]])
		return d, span{m[2], m[7]}, ok && recent(d)
	}
	d, ok := mdy(s[m[10]:m[11]], s[m[12]:m[13]], s[m[8]:m[9]])
	return d, span{m[8], m[13]}, ok && recent(d)
}

// loneDateCell reads the date of a line that is a row's date cell alone.
func loneDateCell(s string) (dates.Date, bool) {
	m := reLoneDateCell.FindStringSubmatchIndex(s)
	if m == nil {
		return dates.Date{}, false
	}
	d, _, ok := cellDateOf(s, m)
	return d, ok
}

// gluedNumberDate reads the date cell of a row that OCR glued to the
// number after it: the date a row opens with dates it (its other dates, a
// prescription's written date, are the row's later cells). A pharmacy's
// fill date and Rx number stay one block wherever OCR set them in the row.
func (r *billRow) gluedNumberDate(s string, anywhere bool, take func(a, b int)) {
	re := reGluedNumberDate
	if anywhere {
		re = reGluedNumberCell
	}
	m := re.FindStringSubmatchIndex(s)
	if m == nil {
		return
	}
	d, at, ok := cellDateOf(s, m)
	if !ok {
		return
	}
	r.date, r.dspan = d, at
	take(at.a, at.b)
}

// afterProvider is s with the provider's cell a row opens with blanked,
// and the specks OCR strewed after it (tokens of no letter or digit): the
// row's cells after it are read as the cells that open a row.
func (r *billRow) afterProvider(s string) string {
	if r.pspan.b == 0 || r.pspan.b > len(s) {
		return s
	}
	end := r.pspan.b
	for _, t := range tokens(s) {
		if t.a < end {
			continue
		}
		if hasAlnum(t.s) {
			break
		}
		end = t.b
	}
	return strings.Repeat(" ", end) + s[end:]
}
