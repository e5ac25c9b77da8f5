package rules

import (
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/medchron/medchron/extract"
	"github.com/medchron/medchron/extract/dates"
	"github.com/medchron/medchron/extract/layout"
)

var (
	reAmount     = regexp.MustCompile(`\(?-?(?:\$\s?)?\d{1,3}(?:,\d{3})*[.,]\d{2}\)?-?|\(?-?(?:\$\s?)?\d{4,7}[.,]\d{2}\)?-?`)
	reRevCode    = regexp.MustCompile(`\b0[1-9]\d{2}\b`)
	reSpeckHCPCS = regexp.MustCompile(`(?:^|\s)[a-z|]([A-V]\d{4})\b`)
	reBillCPT    = regexp.MustCompile(`\b(\d{4}[0-9T]|[A-V]\d{4})(?:[- ]?(\d{2}|[A-Z]{2}|[A-Z]\d))?\b`)
	reTotalLine  = regexp.MustCompile(`(?i)\b(total charges?|total billed|grand total|statement total|account total|total amount|total)\b`)
	reNotItem    = regexp.MustCompile(`(?i)\b(total|subtotal|balance due|amount due|balance forward|previous balance|prior balance|payments?|paid|adjustments?|write[- ]?offs?|insurance (?:paid|payment|adj)|copay received|patient responsibility|please pay|pay this amount|credit|refund|amount enclosed|ins pmt|pt pmt|pmt|pymt|remittance|eob|check #|chk #|deductible applied|coinsurance)\b`)
	reColWords   = regexp.MustCompile(`(?i)\b(charges?|billed|amount|fee|adj(?:ustments?|\.)?|allowed|paid|payments?|ins(?:urance)? paid|balance|bal|patient resp)\b`)
	reQty        = regexp.MustCompile(`^\d{1,3}(?:\.0+)?$`)
	reNotCharge  = regexp.MustCompile(`(?i)payment|paid|adjust|due|balance`)
)

// dateSpan is a date found on a line.
type dateSpan = dates.Match

// amountsIn returns the money amounts printed on a line with their
// positions, skipping numbers that belong to dates.
func amountsIn(s string) (vals []float64, pos [][2]int) {
	s = colonDecimal(s)
	if !moneyShaped(s) {
		return nil, nil
	}
	for _, m := range reAmount.FindAllStringIndex(s, -1) {
		a, b := m[0], m[1]
		// A dot right after an amount is OCR's speck ("98.00."), unless a
		// digit follows it.
		trailingDot := b < len(s) && s[b] == '.' && (b+1 == len(s) || !isDigitByte(s[b+1]))
		if b < len(s) && !trailingDot && (isDigitByte(s[b]) || s[b] == '.' || s[b] == '/' || s[b] == '%') {
			continue
		}
		if a > 0 && (isDigitByte(s[a-1]) || s[a-1] == '.' || s[a-1] == '/' || s[a-1] == '-' && a > 1 && isDigitByte(s[a-2])) {
			continue
		}
		if v, ok := parseAmount(s[a:b]); ok {
			vals = append(vals, v)
			pos = append(pos, [2]int{a, b})
		}
	}
	return vals, pos
}

var reColonDecimal = regexp.MustCompile(`\b(\d{2,3}):(\d{2})\b`)

// colonDecimal repairs an amount whose decimal point OCR read as a colon
// ("98:00"), when the number cannot be a time of day (25 and over). The
// result has the same length as s, so positions stay valid.
func colonDecimal(s string) string {
	if !strings.Contains(s, ":") {
		return s
	}
	return reColonDecimal.ReplaceAllStringFunc(s, func(m string) string {
		if h, _ := strconv.Atoi(m[:len(m)-3]); h >= 25 {
			return m[:len(m)-3] + "." + m[len(m)-2:]
		}
		return m
	})
}

// moneyShaped reports whether s has a digit, a point or comma, and two
// digits, as every amount does.
func moneyShaped(s string) bool {
	for i := 1; i+2 < len(s); i++ {
		if (s[i] == '.' || s[i] == ',') && isDigitByte(s[i-1]) && isDigitByte(s[i+1]) && isDigitByte(s[i+2]) {
			return true
		}
	}
	return false
}

var amountCleaner = strings.NewReplacer("(", "", ")", "", "$", "", ",", "", "-", "", " ", "")

// parseAmount reads $1,234.56, 1234.56, (45.00) or -45.00.
func parseAmount(s string) (float64, bool) {
	t := strings.TrimSpace(s)
	neg := strings.HasPrefix(t, "(") && strings.HasSuffix(t, ")") || strings.Contains(t, "-")
	// OCR may print the decimal point as a comma: 1,715,00.
	if n := len(t); n > 3 && t[n-3] == ',' {
		t = t[:n-3] + "." + t[n-2:]
	} else if n > 4 && t[n-4] == ',' && t[n-1] == ')' {
		t = t[:n-4] + "." + t[n-3:]
	}
	t = amountCleaner.Replace(t)
	v, err := strconv.ParseFloat(t, 64)
	if err != nil {
		return 0, false
	}
	if neg {
		v = -v
	}
	return v, true
}

// billCode returns the procedure or revenue code printed on a bill line.
func billCode(s string, amts [][2]int) (string, [2]int, bool) {
	inAmt := func(a int) bool {
		for _, p := range amts {
			if a >= p[0] && a < p[1] {
				return true
			}
		}
		return false
	}
	for _, m := range reBillCPT.FindAllStringSubmatchIndex(s, -1) {
		if inAmt(m[0]) || m[0] > 0 && (s[m[0]-1] == '/' || s[m[0]-1] == '$') || m[1] < len(s) && s[m[1]] == '/' {
			continue
		}
		return s[m[2]:m[3]], [2]int{m[0], m[1]}, true
	}
	// A speck OCR read as a letter may cling to an HCPCS code: "jJ1885".
	for _, m := range reSpeckHCPCS.FindAllStringSubmatchIndex(s, -1) {
		if !inAmt(m[2]) {
			return s[m[2]:m[3]], [2]int{m[2] - 1, m[3]}, true
		}
	}
	for _, m := range reRevCode.FindAllStringIndex(s, -1) {
		if inAmt(m[0]) || m[0] > 0 && s[m[0]-1] == '/' || m[1] < len(s) && s[m[1]] == '/' {
			continue
		}
		return s[m[0]:m[1]], [2]int{m[0], m[1]}, true
	}
	return "", [2]int{}, false
}

// isBillLine reports whether a line looks like a billed line item.
func isBillLine(l line) bool {
	if !strings.ContainsAny(l.text, ".,") || l.noise {
		return false
	}
	_, pos := amountsIn(l.text)
	if len(pos) == 0 {
		return false
	}
	_, _, code := billCode(l.text, pos)
	return code && hasDate(l.text) && !reNotItem.MatchString(l.text)
}

// countBillLines counts bill-like lines, to tell a bill from a note.
func countBillLines(ls []line) int {
	n := 0
	for _, l := range ls {
		if isBillLine(l) {
			n++
		}
	}
	return n
}

// columns maps amount columns of a bill table to their meaning, from the
// header row: "charge", "adjustment", "paid", "balance".
type columns []string

func headerColumns(s string) columns {
	ms := reColWords.FindAllStringIndex(s, -1)
	if len(ms) < 2 {
		return nil
	}
	var cols columns
	for _, m := range ms {
		w := strings.ToLower(s[m[0]:m[1]])
		k := ""
		switch {
		case strings.HasPrefix(w, "adj") || w == "allowed":
			k = "adjustment"
		case strings.Contains(w, "paid") || strings.HasPrefix(w, "payment"):
			k = "paid"
		case strings.HasPrefix(w, "bal") || w == "patient resp":
			k = "balance"
		default:
			k = "charge"
		}
		if w == "allowed" {
			k = "allowed"
		}
		if len(cols) == 0 || cols[len(cols)-1] != k {
			cols = append(cols, k)
		}
	}
	return cols
}

// bills reads the line items and totals of a bill note.
func (n *note) bills(doc, provider string) ([]extract.BillLine, []extract.BillTotal) {
	var items []extract.BillLine
	var totals []extract.BillTotal
	var cols columns
	var pending []pendingDate // items whose date cell OCR damaged
	last := -1                // index in items of the last line item, for continuations
	for i, l := range n.lines {
		if l.noise {
			continue
		}
		vals, pos := amountsIn(l.text)
		if len(vals) == 0 {
			if c := headerColumns(l.text); len(c) >= 2 && !hasDate(l.text) {
				cols = c
				last = -1
			} else if last >= 0 && i > 0 && n.lines[i-1].page == l.page && !hasDate(l.text) && len(l.trim) < 80 && layout.HasLetters(l.trim) && !reNotItem.MatchString(l.text) {
				items[last].Description = clip(items[last].Description+" "+l.trim, 160)
			} else {
				last = -1
			}
			continue
		}
		if reNotItem.MatchString(l.text) {
			last = -1
			if m := reTotalLine.FindStringIndex(l.text); m != nil && !strings.Contains(strings.ToLower(l.text), "sub") && !reNotCharge.MatchString(l.text[:pos[0][0]]) {
				totals = append(totals, extract.BillTotal{Provider: provider, Total: vals[0], Citations: []extract.Citation{l.cite(doc, l.quoteAll())}})
			}
			continue
		}
		code, cpos, hasCode := billCode(l.text, pos)
		ds := lineDates(l)
		if !hasCode && len(ds) == 0 {
			continue
		}
		b := extract.BillLine{Provider: provider, Code: code, Citations: []extract.Citation{l.cite(doc, l.quoteAll())}}
		if len(ds) > 0 {
			b.Date = ds[0].Date
		} else if cands, span := slashCandidates(l.text); hasCode && len(cands) > 0 && span[1] <= cpos[0] {
			pending = append(pending, pendingDate{item: len(items), cands: cands, span: span, text: l.text, code: cpos, amts: pos})
		}
		assignAmounts(&b, vals, cols)
		b.Description = billDescription(l.text, ds, cpos, pos)
		items = append(items, b)
		last = len(items) - 1
	}
	fillSlashDates(items, pending)
	return items, totals
}

// assignAmounts puts a line's amounts into charge, adjustment, paid and
// balance by the header columns, or by count when there is no header.
func assignAmounts(b *extract.BillLine, vals []float64, cols columns) {
	f := func(v float64) *float64 { return &v }
	if len(cols) == 0 || len(cols) < len(vals) {
		switch len(vals) {
		case 1:
			cols = columns{"charge"}
		case 2:
			cols = columns{"charge", "balance"}
		case 3:
			cols = columns{"charge", "paid", "balance"}
		default:
			cols = columns{"charge", "adjustment", "paid", "balance"}
		}
	}
	for i, v := range vals {
		if i >= len(cols) {
			break
		}
		switch cols[i] {
		case "charge":
			if b.Charge == 0 {
				b.Charge = v
			}
		case "adjustment":
			b.Adjustment = f(v)
		case "paid":
			b.Paid = f(v)
		case "balance":
			b.Balance = f(v)
		}
	}
}

// billDescription is the line without its date, code, amounts and units.
func billDescription(s string, ds []dateSpan, code [2]int, amts [][2]int) string {
	type span struct{ a, b int }
	var cut []span
	for _, d := range ds {
		cut = append(cut, span{d.Start, d.End})
	}
	if code[1] > 0 {
		cut = append(cut, span{code[0], code[1]})
	}
	for _, p := range amts {
		cut = append(cut, span{p[0], p[1]})
	}
	// A revenue code printed beside the procedure code is not description.
	if m := reRevCode.FindStringIndex(s); m != nil && strings.TrimSpace(s[:m[0]]) == "" {
		cut = append(cut, span{m[0], m[1]})
	}
	sort.Slice(cut, func(i, j int) bool { return cut[i].a < cut[j].a })
	var b strings.Builder
	at := 0
	for _, c := range cut {
		if c.a > at {
			b.WriteString(s[at:c.a])
		}
		b.WriteString("    ")
		at = max(at, c.b)
	}
	if at < len(s) {
		b.WriteString(s[at:])
	}
	rest := b.String()
	var parts []string
	for _, c := range layout.Cells(rest) {
		p := rest[c.Start:c.End]
		if reQty.MatchString(p) {
			continue // a units or quantity column
		}
		parts = append(parts, p)
	}
	d := strings.Trim(fold(strings.Join(parts, " ")), " -|:")
	return clip(d, 160)
}
