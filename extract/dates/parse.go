package dates

import (
	"sort"
	"strings"
	"time"

	"github.com/medchron/medchron/internal/lazyre"
)

// Match is one date found in a text: the Date, the byte offsets [Start, End)
// of the printed form in the text, and Raw, the printed form itself.
type Match struct {
	Date  Date
	Start int
	End   int
	Raw   string
}

// A digit as OCR may print it: O/o, Q and @ for 0, l/I/| for 1, S, $ and
// § for 5, B for 8, Z for 2.
const dg = `(?:[0-9OoQIl|@SBZ$]|§)`

// Horizontal space allowed around a separator ("03 /14/ 2024").
const sp = `[ \t]{0,2}`

var (
	// 03/14/2024, 3/14/24, 03-14-2024, 03.14.2024 (dots need a 4-digit year).
	reMDY = lazyre.New(`(` + dg + `{1,2})` + sp + `([/-])` + sp + `(` + dg + `{1,2})` + sp + `([/-])` + sp + `(` + dg + `{4}|` + dg + `{2})` +
		`|(` + dg + `{1,2})\.(` + dg + `{1,2})\.(` + dg + `{4})`)
	// 10,03.2024: a dotted date whose first dot a copier's OCR read as a
	// comma. Real digits and a four-digit year only (see commaDot).
	reCommaDot = lazyre.New(`([0-9]{1,2}),([0-9]{1,2})\.([0-9]{4})`)
	// 2024-03-14, 2024/03/14.
	reYMD = lazyre.New(`(` + dg + `{4})` + sp + `[/-]` + sp + `(` + dg + `{1,2})` + sp + `[/-]` + sp + `(` + dg + `{1,2})`)
	// March 14, 2024 / Mar. 14 2024 / Sept 10, 2012 / March 14th, 2024;
	// on a scan, punctuation OCR misread: a colon after the month
	// ("July:14, 2023"), a semicolon for the comma ("July 28; 2023"), a
	// speck after the comma read as a stop or a quote ("February 27,
	// .2025"), which scanMonth takes only before a four-digit year.
	reMonthFirst = lazyre.New(`(?i)\b(` + monthAlt + `)[.:]?[ \t]*(?:\r?\n[ \t]*)?(` + dg + `{1,2})(?:st|nd|rd|th)?(?:[ \t]*[,;][ \t]*(?:[.‘’][ \t]*)?(?:\r?\n[ \t]*)?|[ \t]*\r?\n[ \t]*|[ \t]+)(` + dg + `{4}|'?` + dg + `{2})`)
	// 14 March 2024 / 14-Mar-2024 / 14-Mar-24 / 14th of March, 2024.
	reDayFirst = lazyre.New(`(?i)(` + dg + `{1,2})(?:st|nd|rd|th)?(?:[ \t]+of)?(?:[ \t]*[-./][ \t]*|[ \t]+)(` + monthAlt + `)\.?(?:[ \t]*[-./,][ \t]*|[ \t]+)(` + dg + `{4}|` + dg + `{2})`)
	// 20240314 — only after a date label (see FindAll).
	reCompact = lazyre.New(`\b((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])\b`)
	// A label that makes a compact date believable.
	reCompactLabel = lazyre.New(`(?i)(date|dos|dob|d\.o\.s\.|visit|service|exam|admit|admission|discharge)[^\n]{0,6}$`)
)

const monthAlt = `jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|jut|aug(?:ust)?|sept?(?:ember)?|[o0]ct(?:ober)?|nov(?:ember)?|dec(?:ember)?`

var monthByPrefix = map[string]time.Month{
	"jan": time.January, "feb": time.February, "mar": time.March, "apr": time.April,
	"may": time.May, "jun": time.June, "jul": time.July, "jut": time.July, // OCR reads Jul's l as a t
	"aug": time.August,
	"sep": time.September, "oct": time.October, "0ct": time.October,
	"nov": time.November, "dec": time.December,
}

// now is the clock used for the two-digit-year pivot; tests may replace it.
var now = time.Now

// Parse parses s when the whole of s (ignoring surrounding spaces and
// punctuation) is one date in any supported format, including a bare
// YYYYMMDD.
func Parse(s string) (Date, bool) {
	t := strings.Trim(s, " \t\r\n,;:()[]")
	if t == "" {
		return Date{}, false
	}
	if m := reCompact.FindStringSubmatch(t); m != nil && len(m[0]) == len(t) {
		return build(atoi(m[1]), atoi(m[2]), atoi(m[3]))
	}
	ms := FindAll(t)
	if len(ms) != 1 || ms[0].Start != 0 || strings.TrimRight(t[ms[0].End:], ".") != "" {
		return Date{}, false
	}
	return ms[0].Date, true
}

// FindAll returns every date printed in text, in order of position, without
// overlaps. It repairs OCR confusions inside date-shaped tokens, allows
// spaces around separators, and rejects impossible dates (02/30), times and
// numbers glued to other digits.
func FindAll(text string) []Match {
	var out []Match
	for _, w := range windows(text) {
		out = scan(text, w, out)
	}
	return dedupe(out)
}

// locs runs re over text[a:b] and returns match locations in text offsets.
func locs(re *lazyre.Regexp, text string, a, b int) [][]int {
	ls := re.FindAllStringSubmatchIndex(text[a:b], -1)
	for _, l := range ls {
		for i := range l {
			if l[i] >= 0 {
				l[i] += a
			}
		}
	}
	return ls
}

// scan appends the dates found in window w of text to out.
func scan(text string, w window, out []Match) []Match {
	switch w.kind {
	case kindNumeric:
		return scanNumeric(text, w.a, w.b, out)
	case kindMonth:
		return scanMonth(text, w.a, w.b, out)
	}
	return scanCompact(text, w.a, w.b, out)
}

func scanNumeric(text string, a, b int, out []Match) []Match {
	for _, loc := range locs(reMDY, text, a, b) {
		var m, d, y string
		if loc[2] >= 0 {
			if text[loc[4]:loc[5]] != text[loc[8]:loc[9]] { // mixed separators: 03/14-2024
				continue
			}
			m, d, y = text[loc[2]:loc[3]], text[loc[6]:loc[7]], text[loc[10]:loc[11]]
		} else {
			m, d, y = text[loc[12]:loc[13]], text[loc[14]:loc[15]], text[loc[16]:loc[17]]
			if loc[0] > 0 && isLetter(text[loc[0]-1]) {
				continue
			}
		}
		if !plausibleToken(text[loc[0]:loc[1]]) || !numericBounds(text, loc[0], loc[1]) {
			continue
		}
		mm, dd, yy := atoi(fix(m)), atoi(fix(d)), fixYear(y)
		if mm > 12 && dd <= 12 { // day first, unambiguous
			mm, dd = dd, mm
		}
		if dt, ok := build(yy, mm, dd); ok {
			out = append(out, Match{dt, loc[0], loc[1], text[loc[0]:loc[1]]})
		}
	}
	for _, loc := range locs(reCommaDot, text, a, b) {
		if !commaDot(text, loc[0], loc[1]) {
			continue
		}
		mm, dd := atoi(text[loc[2]:loc[3]]), atoi(text[loc[4]:loc[5]])
		if mm > 12 && dd <= 12 {
			mm, dd = dd, mm
		}
		if dt, ok := build(atoi(text[loc[6]:loc[7]]), mm, dd); ok {
			out = append(out, Match{dt, loc[0], loc[1], text[loc[0]:loc[1]]})
		}
	}
	for _, loc := range locs(reYMD, text, a, b) {
		if !plausibleToken(text[loc[0]:loc[1]]) || !numericBounds(text, loc[0], loc[1]) {
			continue
		}
		if dt, ok := build(atoi(fix(text[loc[2]:loc[3]])), atoi(fix(text[loc[4]:loc[5]])), atoi(fix(text[loc[6]:loc[7]]))); ok {
			out = append(out, Match{dt, loc[0], loc[1], text[loc[0]:loc[1]]})
		}
	}
	return out
}

func scanMonth(text string, a, b int, out []Match) []Match {
	for _, loc := range locs(reMonthFirst, text, a, b) {
		if !wordBounds(text, loc[0], loc[1]) || !hasDigit(text[loc[4]:loc[5]]) || !realYear(text[loc[6]:loc[7]]) {
			continue
		}
		if strings.Contains(text[loc[0]:loc[1]], "\n") && len(strings.TrimPrefix(text[loc[6]:loc[7]], "'")) != 4 {
			continue
		}
		if (strings.ContainsAny(text[loc[0]:loc[1]], ":;") || strings.ContainsAny(text[loc[5]:loc[6]], ".‘’")) && loc[7]-loc[6] != 4 {
			// Misread punctuation ("June: 5 12", "May 5; 12 visits")
			// is a date only with a whole year.
			continue
		}
		mo := month(text[loc[2]:loc[3]])
		if dt, ok := build(fixYear(strings.TrimPrefix(text[loc[6]:loc[7]], "'")), int(mo), atoi(fix(text[loc[4]:loc[5]]))); ok {
			out = append(out, Match{dt, loc[0], loc[1], text[loc[0]:loc[1]]})
		}
	}
	for _, loc := range locs(reDayFirst, text, a, b) {
		if !wordBounds(text, loc[0], loc[1]) || !numericBounds(text, loc[0], loc[1]) && !afterGluedTime(text, loc[0], loc[1]) ||
			!hasDigit(text[loc[2]:loc[3]]) || !realYear(text[loc[6]:loc[7]]) || yearFollows(text, loc[7]) {
			continue
		}
		mo := month(text[loc[4]:loc[5]])
		if dt, ok := build(fixYear(text[loc[6]:loc[7]]), int(mo), atoi(fix(text[loc[2]:loc[3]]))); ok {
			out = append(out, Match{dt, loc[0], loc[1], text[loc[0]:loc[1]]})
		}
	}
	return out
}

func scanCompact(text string, a, b int, out []Match) []Match {
	for _, loc := range locs(reCompact, text, a, b) {
		lo := max(0, loc[0]-24)
		if !reCompactLabel.MatchString(strings.TrimRight(text[lo:loc[0]], " \t:#")) {
			continue
		}
		if dt, ok := build(atoi(text[loc[2]:loc[3]]), atoi(text[loc[4]:loc[5]]), atoi(text[loc[6]:loc[7]])); ok {
			out = append(out, Match{dt, loc[0], loc[1], text[loc[0]:loc[1]]})
		}
	}
	return compactShort(text, a, b, out)
}

// dedupe sorts matches by position and drops the shorter of overlapping ones.
func dedupe(ms []Match) []Match {
	if len(ms) < 2 {
		return ms
	}
	sort.Slice(ms, func(i, j int) bool {
		if ms[i].Start != ms[j].Start {
			return ms[i].Start < ms[j].Start
		}
		return ms[i].End > ms[j].End
	})
	out := ms[:1]
	for _, m := range ms[1:] {
		last := &out[len(out)-1]
		if m.Start < last.End {
			if m.End-m.Start > last.End-last.Start {
				*last = m
			}
			continue
		}
		out = append(out, m)
	}
	return out
}

// plausibleToken reports whether a numeric date token has enough real
// digits to be a date rather than a word with OCR look-alike letters.
func plausibleToken(tok string) bool {
	real, fake := 0, 0
	for i := 0; i < len(tok); i++ {
		c := tok[i]
		switch {
		case c >= '0' && c <= '9':
			real++
		case c == ' ' || c == '\t' || c == '/' || c == '-' || c == '.':
		default:
			fake++
		}
	}
	return real >= 3 && fake <= real
}

// numericBounds rejects a numeric date glued to other digits or separators
// (phone numbers, fractions, version strings, 10:14/2024).
// afterGluedTime reports whether a day-month-year date at [start, end)
// follows a 24-hour time of four digits OCR glued to it, the time cell
// of a table standing before the date cell ("140108-May-2023": 14:01 on
// 08-May-2023), with nothing but a space before the time, and the date's
// end clear.
func afterGluedTime(text string, start, end int) bool {
	if start < 4 || start > 4 && text[start-5] != ' ' && text[start-5] != '\t' || end < len(text) && isDigit(text[end]) {
		return false
	}
	t := text[start-4 : start]
	for i := range 4 {
		if !isDigit(t[i]) {
			return false
		}
	}
	return atoi(t[:2]) < 24 && atoi(t[2:]) < 60
}

func numericBounds(text string, start, end int) bool {
	if start > 0 {
		c := text[start-1]
		if isDigit(c) || c == '/' || (c == ':' || c == '.') && start > 1 && isDigit(text[start-2]) {
			return false
		}
		if c == '-' && start > 1 && isDigit(text[start-2]) && !slashPairBefore(text, start, end) {
			return false
		}
		if isLetter(c) && !isDigit(text[start]) {
			return false
		}
	}
	if end < len(text) {
		c := text[end]
		if isDigit(c) || c == ':' && end+1 < len(text) && isDigit(text[end+1]) {
			return false
		}
		if (c == '/' || c == '-' || c == '.') && end+1 < len(text) && isDigit(text[end+1]) && !(c == '-' && slashPairAfter(text, start, end)) {
			return false
		}
		if isLetter(c) && !isDigit(text[end-1]) {
			return false
		}
	}
	return true
}

// A slash date at the start or end of a text, for a from-through pair
// glued by its dash.
var (
	reSlashHead = lazyre.New(`^` + dg + `{1,2}/` + dg + `{1,2}/(?:` + dg + `{4}|` + dg + `{2})`)
	reSlashTail = lazyre.New(dg + `{1,2}/` + dg + `{1,2}/(?:` + dg + `{4}|` + dg + `{2})$`)
)

// slashPairAfter reports whether the slash date text[start:end] is the
// "from" of a from-through pair whose dash glues it to the "through"
// ("12/18/23-12/18/23", a claim's cells, a statement period), the
// through standing alone on its far side.
func slashPairAfter(text string, start, end int) bool {
	if !strings.Contains(text[start:end], "/") {
		return false
	}
	n := len(reSlashHead.FindString(text[end+1:]))
	return n > 0 && farEnd(text, end+1+n)
}

// slashPairBefore reports whether the slash date starting at start is
// the "through" of a dash-glued pair whose "from" stands alone on its
// far side.
func slashPairBefore(text string, start, end int) bool {
	if !strings.Contains(text[start:end], "/") {
		return false
	}
	n := len(reSlashTail.FindString(text[:start-1]))
	if n == 0 {
		return false
	}
	s := start - 1 - n
	return s == 0 || !isDigit(text[s-1]) && text[s-1] != '/' && !(text[s-1] == '-' && s > 1 && isDigit(text[s-2]))
}

// farEnd reports whether a date ending at end is not glued to a digit,
// a fraction or another date after it.
func farEnd(text string, end int) bool {
	if end >= len(text) {
		return true
	}
	c := text[end]
	return !isDigit(c) && !((c == '/' || c == '-' || c == '.' || c == ':') && end+1 < len(text) && isDigit(text[end+1]))
}

// commaDot reports whether "10,03.2024" at text[start:end] stands alone,
// so that its comma can be a dotted date's first dot misread. A number
// prints that way too: an amount ("$10,03.2024", "1,003.20" has three
// digits after its comma and no four-digit tail), a list of numbers
// ("4,10,03.2024") or a decimal run on ("2.10,03.2024"); none of those
// stands between spaces with no sign, digit or separator before it.
func commaDot(text string, start, end int) bool {
	if start > 0 {
		c := text[start-1]
		if isDigit(c) || isLetter(c) || strings.IndexByte(",.$/-:+#*=", c) >= 0 || c >= 0x80 {
			return false
		}
	}
	return farEnd(text, end) && !(end+1 < len(text) && text[end] == ',' && isDigit(text[end+1]))
}

// wordBounds rejects a month-name date inside a longer word.
func wordBounds(text string, start, end int) bool {
	if start > 0 && isLetter(text[start-1]) {
		return false
	}
	return end >= len(text) || !isDigit(text[end]) && !(isLetter(text[end]) && isDigit(text[end-1]) && !gluedWord(text, end)) ||
		gluedClock(text, end)
}

// reClockStart is a time of day: hours, a colon, minutes (OCR may set a
// space around the colon).
var reClockStart = lazyre.New(`^\d{1,2} ?: ?\d{2}\b`)

// gluedClock reports whether a time of day starts at i right after a
// four-digit year: OCR lost the space between them ("Nov 13, 20242:00
// PM"), and the date still ends there.
func gluedClock(text string, i int) bool {
	return i >= 4 && isDigit(text[i-1]) && isDigit(text[i-4]) && reClockStart.MatchString(text[i:])
}

// gluedWord reports whether a capitalised word starts at i right after a
// year's digit: a text layer ran the next cell into the date ("November
// 27, 2023Examiner: ..."), which still ends there.
func gluedWord(text string, i int) bool {
	return i+1 < len(text) && text[i] >= 'A' && text[i] <= 'Z' && text[i+1] >= 'a' && text[i+1] <= 'z'
}

// hasDigit reports whether s holds at least one real digit.
func hasDigit(s string) bool { return strings.ContainsAny(s, "0123456789") }

// realYear reports whether a year token has at least two real digits.
func realYear(s string) bool {
	n := 0
	for i := 0; i < len(s); i++ {
		if isDigit(s[i]) {
			n++
		}
	}
	return n >= 2
}

func isDigit(c byte) bool  { return c >= '0' && c <= '9' }
func isLetter(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' }

// fix maps OCR look-alike characters to digits and drops spaces.
func fix(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case 'O', 'o', 'Q', '@':
			b.WriteByte('0')
		case 'l', 'I', '|':
			b.WriteByte('1')
		case 'S', '$':
			b.WriteByte('5')
		case "§"[0]:
			if strings.HasPrefix(s[i:], "§") {
				b.WriteByte('5')
				i++
			} else {
				b.WriteByte(c)
			}
		case 'B':
			b.WriteByte('8')
		case 'Z':
			b.WriteByte('2')
		case ' ', '\t':
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// fixYear repairs and expands a year; two-digit years pivot on the current
// year plus one: 00..pivot are 20xx, the rest 19xx.
func fixYear(s string) int {
	s = fix(s)
	y := atoi(s)
	if len(s) == 2 && y >= 0 {
		pivot := (now().Year() + 1) % 100
		if y <= pivot {
			return 2000 + y
		}
		return 1900 + y
	}
	return y
}

func month(s string) time.Month {
	s = strings.ToLower(s)
	if len(s) < 3 {
		return 0
	}
	return monthByPrefix[s[:3]]
}

// atoi parses a short run of ASCII digits; -1 when s is not all digits.
func atoi(s string) int {
	if s == "" || len(s) > 9 {
		return -1
	}
	n := 0
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return -1
		}
		n = n*10 + int(s[i]-'0')
	}
	return n
}

// build returns the date when it is a real calendar date between 1900 and
// 2100.
func build(y, m, d int) (Date, bool) {
	if y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1 || d > 31 {
		return Date{}, false
	}
	dt := Date{y, time.Month(m), d}
	return dt, dt.Valid()
}
