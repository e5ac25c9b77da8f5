package rules

import (
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/medchron/medchron/extract"
	"github.com/medchron/medchron/extract/dates"
	"github.com/medchron/medchron/extract/layout"
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
)

// tableHead is one column caption of a bill's header row.
type tableHead struct {
	kind string
	a, b int
	// posted marks a date column of when the row was entered ("Trans
	// Date", "Post Date"), not of the service it bills.
	posted bool
}

// rePostedDate captions a date column of the row's entry, not its service.
var rePostedDate = regexp.MustCompile(`(?i)^(?:trans|post|entry|bill)`)

// reTableHead is the vocabulary of bill column captions, one group per
// kind, longer captions first.
var reTableHead = regexp.MustCompile(`(?i)\b(?:` +
	`(?P<rev>rev(?:enue)?\.?\s*(?:code|cd)|revenue|rev\.?)|` +
	`(?P<date>dates?\s+of\s+service|service\s+dates?|svc\s+date|serv\s+date|fill(?:ed)?\s+date|date\s+(?:filled|dispensed|of\s+fill)|dispensed|` +
	`trans(?:action)?\s+date|post(?:ing)?\s+date|posted|from\s+date|dos|date(?:\(s\))?)|` +
	`(?P<code>cpt\s*/\s*hcpcs|hcpcs\s*/\s*cpt|cpt(?:\s+code)?|hcpcs|proc(?:edure)?\s+code|service\s+code|svc\s+code|proc\.?|code)|` +
	`(?P<id>rx\s*(?:#|no\.?|number)?|prescription\s*(?:#|no\.?|number)|ndc(?:\s*#)?|claim\s*(?:#|no\.?|number|id)|ref(?:erence)?\s*(?:#|no\.?)?|` +
	`invoice\s*(?:#|no\.?)|npi|auth(?:orization)?\s*#?|days?'?\s+supply|ds)|` +
	`(?P<status>(?:claim\s+)?status)|` +
	`(?P<desc>description|drug(?:\s+name)?|medication|services?|item|product)` +
	`)(?:$|[^A-Za-z])`)

// reMoneyHead are the captions of amount columns that only a row already
// known for a table's header is read with: alone they are too common
// words ("Total", "Plan", "Member") to make a header of a line.
var reMoneyHead = regexp.MustCompile(`(?i)\b(?:total\s+(?:cost|billed|amount|price)|gross\s+(?:cost|amount|charges?)|line\s+total|total|cost|gross|submitted|amt|chgs?|` +
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
			out = append(out, tableHead{kind: names[g], a: m[2*g], b: m[2*g+1], posted: names[g] == headDate && rePostedDate.MatchString(s[m[2*g]:])})
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
	sortSpans2(ms)
	return qualified(s, dedupSpans(ms))
}

// reAmountWord qualifies the caption before it ("Billed Amt", "Charge
// Amount"): the two are one column's caption.
var reAmountWord = regexp.MustCompile(`(?i)^(?:amt|amount)$`)

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
		if h.kind != headMoney && h.kind != headID {
			kinds[h.kind] = true
		}
	}
	ms := moneyHeads(s)
	if len(kinds) < 2 || len(ms) == 0 {
		return nil
	}
	return ms
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

// hasHead reports whether the header names a column of the kind.
func hasHead(hs []tableHead, kind string) bool {
	for _, h := range hs {
		if h.kind == kind {
			return true
		}
	}
	return false
}

// reNoClaim is a claim's status that bills nothing: reversed (returned to
// stock), voided, cancelled or rejected.
var reNoClaim = regexp.MustCompile(`(?i)\b(?:reversed|reversal|rev|void(?:ed)?|cancell?ed|rejected|rtnd|rts|returned)\b`)

// reNoClaimCell is such a status printed in capitals in a cell of its own,
// on a table with no status column.
var reNoClaimCell = regexp.MustCompile(`^(?:REVERSED|REVERSAL|VOID|VOIDED|CANCELL?ED|REJECTED)$`)

// billedNothing reports whether a bill row is a claim that bills nothing:
// its status cell (or a cell of its own with a status in capitals: no
// "NO SHOW - CANCELLED APPT" fee) says it was reversed, voided, cancelled
// or rejected.
func billedNothing(r billRow) bool {
	if r.status != "" {
		return reNoClaim.MatchString(r.status)
	}
	for _, c := range layout.Cells(r.text) {
		if reNoClaimCell.MatchString(r.text[c.Start:c.End]) {
			return true
		}
	}
	return false
}

// sortSpans2 orders spans by position.
func sortSpans2(p [][]int) {
	for i := 1; i < len(p); i++ {
		for j := i; j > 0 && p[j][0] < p[j-1][0]; j-- {
			p[j], p[j-1] = p[j-1], p[j]
		}
	}
}

// dedupSpans drops repeated spans of a sorted list.
func dedupSpans(p [][]int) [][]int {
	var out [][]int
	for _, s := range p {
		if n := len(out); n > 0 && out[n-1][0] == s[0] && out[n-1][1] == s[1] {
			continue
		}
		out = append(out, s)
	}
	return out
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

// compactDate reads the date a row prints under its header's date column
// as a run of digits, MMDDYY or MMDDCCYY ("120623"), or without its year
// ("12/06"), which reads as no date anywhere else. A date without a year
// takes the year that puts it nearest the day near (the row above's, a
// heading's, the statement period's); none without such a day.
func (r *billRow) compactDate(toks []token, hs []tableHead, near dates.Date, take func(a, b int)) {
	if !hasHead(hs, headDate) {
		return
	}
	for _, t := range toks {
		v := strings.Trim(t.s, ".,:;*'")
		if headAt(hs, t.a, t.b) != headDate {
			continue
		}
		d, ok := dates.Date{}, false
		switch {
		case (len(v) == 6 || len(v) == 8) && allDigits(v):
			d, ok = mdy(v[:2], v[2:4], v[4:])
		case !near.IsZero():
			d, ok = yearless(v, near)
		}
		if ok {
			r.date, r.dspan = d, span{t.a, t.b}
			take(t.a, t.b)
			return
		}
	}
}

var reRowMonthDay = regexp.MustCompile(`^(\d{1,2})[/-](\d{1,2})$`)

// yearless reads a month and day ("12/06", "1-5") in the year, of near's
// and the years beside it, that puts it nearest near.
func yearless(v string, near dates.Date) (dates.Date, bool) {
	m := reRowMonthDay.FindStringSubmatch(v)
	if m == nil {
		return dates.Date{}, false
	}
	best, found := dates.Date{}, false
	for y := near.Year - 1; y <= near.Year+1; y++ {
		d, ok := mdy(m[1], m[2], strconv.Itoa(y))
		if ok && (!found || daysApart(d, near) < daysApart(best, near)) {
			best, found = d, true
		}
	}
	return best, found
}

// daysApart is the number of days between two dates.
func daysApart(a, b dates.Date) int { return abs(a.DaysUntil(b)) }

// nearDay is the day a bill's next row is read near: the last dated row's,
// else a heading's, the labelled date of service or the statement period's
// first day.
func nearDay(items []extract.BillLine, head, svc, period dates.Date) dates.Date {
	for i := len(items) - 1; i >= 0; i-- {
		if !items[i].Date.IsZero() {
			return items[i].Date
		}
	}
	for _, d := range []dates.Date{head, svc, period} {
		if !d.IsZero() {
			return d
		}
	}
	return dates.Date{}
}

// readStatus takes the words a row prints under its header's status
// column ("PAID", "REVERSED", "REV - RTS"): the claim's status, no part of
// its description. Where OCR moved the row's words from under their
// captions, the status is the first word a claim's status is said with.
func (r *billRow) readStatus(toks []token, hs []tableHead, free func(token) bool, take func(a, b int)) {
	if !hasHead(hs, headStatus) {
		return
	}
	var words []string
	for _, t := range toks {
		if free(t) && layout.HasLetters(t.s) && headAt(hs, t.a, t.b) == headStatus {
			words = append(words, t.s)
			take(t.a, t.b)
		}
	}
	for i := 0; len(words) == 0 && i < len(toks); i++ {
		if t := toks[i]; free(t) && reStatusWord.MatchString(strings.TrimFunc(t.s, speck)) {
			words = append(words, t.s)
			take(t.a, t.b)
		}
	}
	r.status = strings.Join(words, " ")
}

// reStatusWord is a word a claim's status is printed with.
var reStatusWord = regexp.MustCompile(`(?i)^(?:paid|reversed|reversal|rejected|denied|approved|accepted|pending|captured|processed|void|voided|cancell?ed|rts)$`)

// reNotServiceDay are words of a line whose date is no day of service of
// the rows below it: a statement's, a payment's or a birth date.
var reNotServiceDay = regexp.MustCompile(`(?i)\b(?:due|print(?:ed)?|statement|birth|dob|posted|payments?|paid|received|billed|as of)\b`)

// headingDay returns the date a heading over a table's rows prints (a line
// of no amount with one date and a few words: "Date of service: 04/09/2024",
// "04/09/2024 - Visit 2"): the day of every row under it that prints
// none, until the next such heading.
func headingDay(l line) (dates.Date, bool) {
	ds := lineDates(l)
	if len(ds) != 1 || ds[0].End > len(l.text) {
		return dates.Date{}, false
	}
	rest := l.text[:ds[0].Start] + " " + l.text[ds[0].End:]
	if len(strings.Fields(rest)) > 6 || reNotServiceDay.MatchString(rest) {
		return dates.Date{}, false
	}
	return ds[0].Date, true
}

// reversedItem returns the charge line a reversal row cancels: the row
// credits an amount ("-40.20") and the latest charge of that amount with
// the same code, or the same first word of its description, is the claim
// it reverses; -1 when the row credits nothing or cancels no line.
func reversedItem(items []extract.BillLine, r billRow) int {
	credit := 0.0
	for _, v := range r.amts {
		credit = min(credit, v)
	}
	if credit == 0 {
		return -1
	}
	first := func(s string) string {
		if f := strings.Fields(s); len(f) > 0 {
			return f[0]
		}
		return ""
	}
	for k := len(items) - 1; k >= 0; k-- {
		b := items[k]
		if b.Kind != extract.LineCharge || math.Abs(b.Charge+credit) >= 0.005 {
			continue
		}
		if r.code != "" && b.Code == r.code || r.code == "" && first(b.Description) == first(r.desc) {
			return k
		}
	}
	return -1
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
	return n > 0 && len(money) > 0 && r.aspans[n-1].b < money[0].a-2
}

// codeUnderColumn reads the procedure code a row prints under its header's
// code column however OCR marred it, when no code reads as printed: a
// speck glued before it ("=J2270", "»97110") or a digit or two before its
// five ("872040" is 72040).
func (r *billRow) codeUnderColumn(toks []token, hs []tableHead, free func(token) bool, take func(a, b int)) {
	if !hasHead(hs, headCode) {
		return
	}
	for _, t := range toks {
		if !free(t) || headAt(hs, t.a, t.b) != headCode {
			continue
		}
		v := strings.Trim(t.s, "=»«|:;,.'\"“”‘’`~-")
		code, mods, ok := splitCode(v)
		if !ok && (len(v) == 6 || len(v) == 7) && allDigits(v) {
			code, mods, ok = splitGlued(v[len(v)-5:])
		}
		if !ok || isRevenueCode(code) {
			continue
		}
		r.code, r.mods, r.cspan = code, mods, span{t.a, t.b}
		take(t.a, t.b)
		return
	}
}

// serviceDate prefers, of a row's two dates, the one under a date column
// of the service to the one under a column of when the row was posted
// ("Trans Date  Svc Date": a ledger posts a visit days after it).
func (r *billRow) serviceDate(ms []dates.Match, hs []tableHead) {
	var dh []tableHead
	for _, h := range hs {
		if h.kind == headDate {
			dh = append(dh, h)
		}
	}
	if len(dh) < 2 || len(ms) < 2 {
		return
	}
	posted := func(m dates.Match) bool {
		best, dist := tableHead{}, 1<<30
		for _, h := range dh {
			if d := max(0, h.a-m.End) + max(0, m.Start-h.b); d < dist {
				best, dist = h, d
			}
		}
		return best.posted
	}
	if !posted(ms[0]) {
		return
	}
	for _, m := range ms[1:] {
		if !posted(m) {
			r.date, r.dspan = m.Date, span{m.Start, m.End}
			return
		}
	}
}

// speck reports whether r is no ASCII letter: a speck OCR glued to a word
// ("«PAID", "=PAID").
func speck(r rune) bool { return !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') }
