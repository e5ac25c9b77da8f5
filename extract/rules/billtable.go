package rules

import (
	"slices"
	"strings"

	"github.com/medchron/medchron/extract/layout"
	"github.com/medchron/medchron/internal/lazyre"
)

// A bill's table, read by what the captions of its header row mean: beside
// the amount columns (billHeader), the columns that hold each row's date,
// procedure code, revenue code and description, the numbers that are no
// code (an Rx number, an NDC, a claim or reference number, a days supply)
// and a claim's status. A layout no family of bills was written for is
// read by the words real bills caption their columns with: a date under
// the date column is read however compactly it prints ("120623"), a
// procedure code is read wherever a code column stands (whatever the page
// was taken for), an Rx number never is one, and a claim's status is no
// part of its description.

// Kinds of a table's columns besides the amounts.
const (
	headDate   = "date"
	headCode   = "code"
	headRev    = "rev"
	headID     = "id" // numbers that are no code and no amount
	headStatus = "status"
	headDesc   = "desc"
	headMoney  = "money" // an amount or units column (billHeader reads which)
	headProv   = "prov"  // the provider that billed the row (a funder's or lienholder's statement of several)
	headClin   = "clin"  // the clinician who rendered the row (a physician group's statement)
)

// tableHead is one column caption of a bill's header row.
type tableHead struct {
	kind string
	a, b int
	// posted marks a date column of when the row was entered ("Trans
	// Date", "Post Date"), not of the service it bills.
	posted bool
	// bought marks a date column of when a funder bought the charge
	// ("Purchased", "Funded on"): never the service's.
	bought bool
}

// reBoughtDate captions a date column of when a funder bought the charge.
var reBoughtDate = lazyre.New(`(?i)^(?:purchased|purchase\s+date|date\s+(?:purchased|funded)|funded\s+(?:on|date))`)

// rePostedDate captions a date column of the row's entry, not its service.
var rePostedDate = lazyre.New(`(?i)^(?:trans|post|entry|bill)`)

// reTableHead is the vocabulary of bill column captions, one group per
// kind, longer captions first.
var reTableHead = lazyre.New(`(?i)\b(?:` +
	`(?P<rev>rev(?:enue)?\.?\s*(?:code|cd)|revenue|rev\.?)|` +
	`(?P<prov>(?:billing\s+|servicing\s+|rendering\s+)?provider(?:\s+name)?|facility(?:\s+name)?)|` +
	`(?P<clin>(?:rendering\s+|attending\s+|treating\s+)?(?:physician|clinician|doctor))|` +
	`(?P<date>purchased|purchase\s+date|date\s+(?:purchased|funded)|funded\s+(?:on|date)|dates?\s+of\s+service|service\s+dates?|svc\s+date|serv\s+date|fill(?:ed)?\s+date|date\s+(?:filled|dispensed|of\s+fill)|dispensed|` +
	`(?:svc|serv(?:ice)?)\s+(?:from|thru|through|to)\b|dos\s*(?:from|thru|through|to)\b|trans(?:action)?\s+date|post(?:ing)?\s+date|posted|from\s+date|dos|date(?:\(s\))?)|` +
	`(?P<code>cpt\s*/\s*hcpcs|hcpcs\s*/\s*cpt|cpt(?:\s+code)?|hcpcs|proc(?:edure)?\s+code|service\s+code|svc\s+code|proc\.?|code)|` +
	`(?P<id>rx\s*(?:#|no\.?|number)?|prescription\s*(?:#|no\.?|number)|ndc(?:\s*#)?|claim\s*(?:#|no\.?|number|id)|ref(?:erence)?\s*(?:#|no\.?)?|` +
	`invoice\s*(?:#|no\.?)|npi|auth(?:orization)?\s*#?|days?'?\s+supply|ds)|` +
	`(?P<status>(?:claim\s+)?status|claim)|` +
	`(?P<desc>description|drug(?:\s+name)?|medication|services?|item|product)` +
	`)(?:$|[^A-Za-z])`)

// reMoneyHead are the captions of amount columns that only a row already
// known for a table's header is read with: alone they are too common
// words ("Total", "Plan", "Member") to make a header of a line.
var reMoneyHead = lazyre.New(`(?i)\b(?:total\s+(?:cost|billed|amount|price)|gross\s+(?:cost|amount|charges?)|line\s+total|total|cost|gross|submitted|amt|chgs?|` +
	`plan\s+(?:paid|pays|pd)|plan|member\s+(?:paid|pays|pd|cost)|member|patient\s+(?:pay|paid|pays)|pt\s+(?:pay|paid)|` +
	`ins(?:urance)?\s+(?:paid|pays|pd)|you\s+owe|(?:pt|patient)\s+(?:due|resp(?:onsibility)?|bal(?:ance)?))\b`)

// tableHeads reads every column caption of a header row with its span: a
// caption alone in its cell spans the cell.
func tableHeads(s string) []tableHead {
	var out []tableHead
	cells := layout.Cells(s)
	names := reTableHead.SubexpNames()
	for _, m := range reTableHead.FindAllStringSubmatchIndex(s, -1) {
		for g := 1; g < len(names); g++ {
			if m[2*g] < 0 {
				continue
			}
			if names[g] == headStatus && !statusCaption(s, cells, m[2*g], m[2*g+1]) {
				break
			}
			bought := names[g] == headDate && reBoughtDate.MatchString(s[m[2*g]:])
			out = append(out, tableHead{kind: names[g], a: m[2*g], b: m[2*g+1], bought: bought,
				posted: names[g] == headDate && (bought || rePostedDate.MatchString(s[m[2*g]:]) || statusDated(s[:m[2*g]]))})
			break
		}
	}
	for _, m := range moneyHeads(s) {
		out = append(out, tableHead{kind: headMoney, a: m[0], b: m[1]})
	}
	slices.SortFunc(out, func(x, y tableHead) int { return x.a - y.a })
	for i, h := range out {
		for _, c := range cells {
			if c.Start <= h.a && h.b <= c.End && headsIn(out, c) == 1 {
				out[i].a, out[i].b = c.Start, c.End
			}
		}
	}
	return out
}

// statusCaption reports whether the status caption at s[a:b] captions a
// status column: "Status", "Claim Status", or "Claim" alone in its cell
// (but for specks of OCR),
// as a pharmacy's transaction history captions each claim's "Paid" or
// "Reversed" (a "Claim Amount" or "Claim Date" is no status).
func statusCaption(s string, cells []layout.Cell, a, b int) bool {
	if !strings.EqualFold(s[a:b], "claim") {
		return true
	}
	for _, c := range cells {
		if c.Start <= a && b <= c.End {
			return strings.TrimFunc(s[c.Start:c.End], speck) == s[a:b] // "- Claim": a speck OCR put before it
		}
	}
	return false
}

// headsIn counts the captions that stand in cell c.
func headsIn(hs []tableHead, c layout.Cell) int {
	n := 0
	for _, h := range hs {
		if c.Start <= h.a && h.b <= c.End {
			n++
		}
	}
	return n
}

// moneyHeads returns the spans of the amount captions of a row, by both
// vocabularies, a caption of one inside a longer one of the other left
// out.
func moneyHeads(s string) [][]int {
	ms := reColWords.FindAllStringIndex(s, -1)
	for _, m := range reMoneyHead.FindAllStringIndex(s, -1) {
		inside := false
		for i, o := range ms {
			if o[0] <= m[0] && m[1] <= o[1] {
				inside = true
			} else if m[0] <= o[0] && o[1] <= m[1] {
				ms[i], inside = m, true
			}
		}
		if !inside {
			ms = append(ms, m)
		}
	}
	slices.SortFunc(ms, func(x, y []int) int { return x[0] - y[0] })
	return qualified(s, slices.CompactFunc(ms, slices.Equal[[]int]))
}

// reAmountWord qualifies the caption before it ("Billed Amt", "Charge
// Amount"): the two are one column's caption.
var reAmountWord = lazyre.New(`(?i)^(?:amt|amount)$`)

// qualified joins a caption and the "Amt" or "Amount" printed after it,
// one space apart, into one caption.
func qualified(s string, ms [][]int) [][]int {
	var out [][]int
	for _, m := range ms {
		if n := len(out); n > 0 && m[0] == out[n-1][1]+1 && s[out[n-1][1]] == ' ' && reAmountWord.MatchString(s[m[0]:m[1]]) {
			out[n-1] = []int{out[n-1][0], m[1]}
			continue
		}
		out = append(out, m)
	}
	return out
}

// wideHeader returns the amount captions of a row that heads a bill's
// table by what its columns mean, though it prints fewer than two of the
// usual amount captions ("Fill date  Rx #  Drug  NDC  Qty  Status  Total
// Plan  Member"): no digits, an amount caption, and captions of two more
// kinds of column among date, code, revenue code, description and status.
// It returns nil for any other row.
func wideHeader(s string) [][]int {
	if strings.ContainsAny(s, "0123456789") {
		return nil
	}
	kinds := map[string]bool{}
	for _, h := range tableHeads(s) {
		if h.kind != headMoney && h.kind != headID && h.kind != headProv && h.kind != headClin {
			kinds[h.kind] = true
		}
	}
	ms := moneyHeads(s)
	if len(kinds) < 2 || len(ms) == 0 {
		return nil
	}
	return ms
}

// readClinician takes the words a row prints under its header's
// clinician column ("Physician": who rendered the service, as a physician
// group's statement names its hospitalist or anesthesiologist on every
// row): no part of what the row bills. Only a row that bills a code names
// one: a payment's words under the caption are its payer's name.
func (r *billRow) readClinician(toks []token, hs []tableHead, free func(token) bool, take func(a, b int)) {
	if !hasHead(hs, headClin) || r.code == "" && r.rev == "" {
		return
	}
	for _, t := range toks {
		if free(t) && layout.HasLetters(t.s) && headAt(hs, t.a, t.b) == headClin {
			take(t.a, t.b)
		}
	}
}

// headAt returns the kind of the caption nearest the span [a, b) of a row
// (none when the nearest stands more than a few characters away).
func headAt(hs []tableHead, a, b int) string {
	best, dist := "", 1<<30
	for _, h := range hs {
		d := max(0, h.a-b) + max(0, a-h.b)
		if d < dist {
			best, dist = h.kind, d
		}
	}
	if dist > 6 {
		return ""
	}
	return best
}

// firstHead returns the kind of a header row's first column, or "".
func firstHead(hs []tableHead) string {
	if len(hs) == 0 {
		return ""
	}
	return hs[0].kind
}

// boughtHead reports whether a row's date at a..b stands in the column of
// when a funder bought the charge: the header captions one, and the
// caption nearest the date (of any column: OCR may misread the date of
// service's, "bos" for DOS) is it, or the date stands right of an amount
// column's caption (the header's captions and the row's cells do not line
// up on a scan: the date of service stands left of the amounts).
func boughtHead(hs []tableHead, a, b int) bool {
	if !slices.ContainsFunc(hs, func(h tableHead) bool { return h.bought }) {
		return false
	}
	best, dist := tableHead{}, 1<<30
	for _, h := range hs {
		if h.kind == headMoney && h.a <= a {
			return true
		}
		if d := max(0, h.a-b) + max(0, a-h.b); d < dist {
			best, dist = h, d
		}
	}
	return best.bought
}

// hasHead reports whether the header names a column of the kind.
func hasHead(hs []tableHead, kind string) bool {
	for _, h := range hs {
		if h.kind == kind {
			return true
		}
	}
	return false
}

// payerShare reports whether an amount caption is what a plan or the
// patient paid of a claim ("Plan", "Member paid", "Patient pay", "Ins
// pays"): a payment column.
func payerShare(caption string) bool {
	for _, p := range []string{"plan", "member", "patient pa", "pt pa", "ins"} {
		if strings.HasPrefix(caption, p) {
			return true
		}
	}
	return false
}

// lineTotal reports whether a caption names each row's own total ("Total",
// "Total cost", "Line total"), not a total row.
func lineTotal(caption string) bool {
	return caption == "total" || caption == "total cost" || caption == "line total"
}

// patientOwes reports whether an amount caption is what the patient still
// owes ("Pt Due", "Patient Resp", "Pt Balance"): a balance column.
func patientOwes(caption string) bool {
	for _, p := range []string{"pt ", "patient "} {
		if rest, ok := strings.CutPrefix(caption, p); ok && (strings.HasPrefix(rest, "due") || strings.HasPrefix(rest, "resp") || strings.HasPrefix(rest, "bal")) {
			return true
		}
	}
	return false
}

// leftOfColumns reports whether every amount of a row ends before the
// first amount column begins: OCR set the row's cells apart from the
// header's, so only their order maps them to its captions.
func leftOfColumns(r billRow, money []billCol) bool {
	n := len(r.aspans)
	return n > 0 && len(money) > 0 && r.column(r.aspans[n-1]).b < money[0].a-2
}

// codeUnderColumn reads the procedure code a row prints under its header's
// code column however OCR marred it, when no code reads as printed: a
// speck glued before it ("=J2270", "»97110") or a digit or two before its
// five ("872040" is 72040). On a dentist's bill (dental) four digits
// there are a CDT code whose D OCR lost ("9944" for D9944), whatever OCR
// made of the row's date.
func (r *billRow) codeUnderColumn(toks []token, hs []tableHead, free func(token) bool, take func(a, b int), dental bool) {
	if !hasHead(hs, headCode) {
		return
	}
	for _, t := range toks {
		if !free(t) || headAt(hs, t.a, t.b) != headCode {
			continue
		}
		v := strings.Trim(t.s, "=»«|:;,.'\"“”‘’`~-")
		code, mods, ok := splitCode(v)
		if w := twiceReadCode.Replace(v); !ok && w != v {
			// A glyph OCR read twice, as the digit and as the letter it
			// looks like: "704S50-26" is 70450-26.
			code, mods, ok = splitCode(w)
		}
		if !ok && (len(v) == 6 || len(v) == 7) && allDigits(v) {
			code, mods, ok = splitGlued(v[len(v)-5:])
		}
		if !ok {
			// A HCPCS code whose digits OCR read as look-alike letters:
			// "AQ130", "T2OO3".
			code, ok = ocrProcCode(v)
		}
		if !ok && dental && len(v) == 4 && allDigits(v) {
			code, ok = "D"+v, true
		}
		if !ok && r.letterless == "" && len(v) == 4 && allDigits(v) && !isRevenueCode(v) && !r.date.IsZero() {
			// Four digits under the code column: a HCPCS code whose letter
			// OCR lost ("3301" for J3301), however many cells (a
			// transaction type, "CHG") stand between it and the date.
			r.letterless = v
			continue
		}
		if !ok || isRevenueCode(code) {
			continue
		}
		r.code, r.mods, r.cspan = code, mods, span{t.a, t.b}
		take(t.a, t.b)
		return
	}
}

// blankDateCell reports whether row s leaves the date column of the
// table's heads hs blank: the column of the service's date comes first and
// the row's first word stands past its caption, or (as OCR sets a line
// from its first word, its indent lost) opens with a word of letters
// where a date prints digits.
func blankDateCell(s string, hs []tableHead) bool {
	if len(hs) == 0 || hs[0].kind != headDate || hs[0].posted || hs[0].bought {
		return false
	}
	indent := len(s) - len(strings.TrimLeft(s, " "))
	if indent >= hs[0].b && strings.TrimSpace(s) != "" {
		return true
	}
	first := strings.TrimLeft(s, " .,;:'\"“”‘’`~_-|*")
	n := 0
	for n < len(first) && (first[n] >= 'a' && first[n] <= 'z' || first[n] >= 'A' && first[n] <= 'Z') {
		n++
	}
	return n >= 3 && (n == len(first) || first[n] == ' ')
}

// underCaptions returns what each amount of row r is when the row prints
// more amounts than the header has money columns it knows, each caption in
// a column of its own: the amounts nearest those columns, one each, are
// theirs, and an amount clearly farther from all of them stands under a
// caption no bill reader knows (a transport's base rate before its miles
// and the trip's charge): none of them. Nil unless one amount stands under
// the charge column.
func underCaptions(r billRow, money []billCol) []string {
	if len(r.amts) <= len(money) || len(money) == 0 {
		return nil
	}
	for _, c := range money {
		if !c.spaced {
			return nil
		}
	}
	type near struct{ amt, col, dist int }
	ns := make([]near, len(r.aspans))
	for i, at := range r.aspans {
		sp := r.column(at)
		ns[i] = near{i, -1, 1 << 30}
		for k, c := range money {
			// Right-aligned numbers end under or near the end of their column.
			if d := abs(sp.b-c.b) + max(0, c.a-sp.b) + max(0, sp.a-c.b); d < ns[i].dist {
				ns[i].col, ns[i].dist = k, d
			}
		}
	}
	slices.SortStableFunc(ns, func(x, y near) int { return x.dist - y.dist })
	out := make([]string, len(r.amts))
	for i := range out {
		out[i] = "other"
	}
	taken := map[int]bool{}
	worst := 0
	for _, n := range ns[:len(money)] {
		if taken[n.col] || n.dist > 12 {
			return nil
		}
		taken[n.col], worst = true, max(worst, n.dist)
		out[n.amt] = money[n.col].kind
	}
	if ns[len(money)].dist < worst+8 {
		return nil // no amount stands clearly apart from the columns
	}
	if !slices.Contains(out, "charge") {
		return nil
	}
	return out
}

// chargeAfterDate makes the charge of a UB-04 service line's amount read
// as a rate that stands right of the line's service date: the form prints
// its rate (box 44, an accommodation's) before the date (box 45) and its
// charges after it, wherever OCR set the captions above the lines.
func chargeAfterDate(r billRow, kinds []string) {
	if r.date.IsZero() || r.dspan.b == 0 {
		return
	}
	for i, sp := range r.aspans {
		if kinds[i] == "rate" && sp.a >= r.dspan.b {
			kinds[i] = "charge"
		}
	}
}
