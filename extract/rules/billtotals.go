package rules

import (
	"math"
	"strings"

	"github.com/medchron/medchron/extract"
	"github.com/medchron/medchron/extract/layout"
	"github.com/medchron/medchron/internal/lazyre"
)

// Printed totals: a bill's total rows are kept by kind (charges, payments,
// adjustments, balance) to reconcile its lines, and are never lines.

// totalsOf reports whether a row prints totals, and which: each amount
// takes its kind from the label in front of it ("Total Charges", "Amount
// Paid", "Balance Due"), or, on a row of totals under a header, from its
// column. Subtotals, non-covered and allowed amounts reconcile nothing.
func totalsOf(text string, r billRow, cols []billCol) ([]extract.BillTotal, bool) {
	if r.rev == "0001" {
		return appendTotal(nil, extract.TotalCharges, firstAmount(r, cols, "charge")), true
	}
	if r.code != "" {
		return nil, false
	}
	kinds := amountKinds(r, cols)
	// An underscore OCR read from a speck glues to a label ("_TOTAL
	// CHARGES") as a letter would: it is no part of the word.
	text = strings.ReplaceAll(text, "_", " ")
	if !reTotalWords.MatchString(text) {
		// Bare amounts under captions that print totals (a claim form's
		// boxes 28 and 29, a UB-04's prior payments and amount due).
		if r.date.IsZero() && r.rev == "" && underTotals(r, cols) {
			var out []extract.BillTotal
			for i, k := range kinds {
				if kk, ok := columnTotal(k); ok {
					out = appendTotal(out, kk, r.amts[i])
				}
			}
			return out, true
		}
		return nil, false
	}
	var out []extract.BillTotal
	prev := 0
	for i, sp := range r.aspans {
		label := strings.ToLower(text[prev:sp.a])
		prev = sp.b
		k, ok := labelTotal(nearestCaption(label))
		if !ok {
			k, ok = labelTotal(label)
		}
		if !ok && strings.TrimSpace(strings.Trim(label, "$: ")) == "" && i > 0 {
			k, ok = columnTotal(kinds[i])
		}
		if ok && k != "skip" {
			out = appendTotal(out, k, r.amts[i])
		}
	}
	return out, true
}

// totalBelow reads a row under a printed total that sums the payments or
// the adjustments without the word "total" ("Insurance payments
// (3,178.19)", "Contractual adjustments (1,456.67)"): undated, uncoded, one
// amount.
func totalBelow(r billRow, afterTotal bool) (extract.BillTotal, bool) {
	if !afterTotal || !r.date.IsZero() || r.code != "" || r.rev != "" || len(r.amts) != 1 {
		return extract.BillTotal{}, false
	}
	k, ok := labelTotal(strings.ToLower(r.desc))
	if !ok || k != extract.TotalPayments && k != extract.TotalAdjustments {
		return extract.BillTotal{}, false
	}
	out := appendTotal(nil, k, r.amts[0])
	if len(out) == 0 {
		return extract.BillTotal{}, false
	}
	return out[0], true
}

// appendTotal adds a total: payments and adjustments as positive amounts
// however printed ("(150.00)"); a zero total reconciles nothing and is
// left out.
func appendTotal(out []extract.BillTotal, kind string, v float64) []extract.BillTotal {
	if kind == extract.TotalPayments || kind == extract.TotalAdjustments {
		v = math.Abs(v)
	}
	if v == 0 {
		return out
	}
	return append(out, extract.BillTotal{Kind: kind, Total: v})
}

// underTotals reports whether every amount of a row stands under a
// caption that prints a total.
func underTotals(r billRow, cols []billCol) bool {
	if len(cols) == 0 {
		return false
	}
	for _, at := range r.aspans {
		sp := r.column(at)
		best, dist := -1, 1<<30
		for i, c := range cols {
			if c.kind == "units" {
				continue
			}
			d := abs(sp.b-c.b) + max(0, c.a-sp.b) + max(0, sp.a-c.b)
			if d < dist {
				best, dist = i, d
			}
		}
		if best < 0 || !cols[best].total {
			return false
		}
	}
	return true
}

// reBalanceWord is a label's "balance" as OCR may misread it.
var reBalanceWord = lazyre.New(`\b` + balanceOCR + `\b`)

// reCreditWord is a label's credits ("Credits", "Total credited"), not
// the creditor a collection agency's itemization names ("Balance
// assigned by creditor").
var reCreditWord = lazyre.New(`credit(?:s|ed)?\b`)

// labelTotal reads the kind of total a label names.
func labelTotal(label string) (string, bool) {
	switch {
	case strings.Contains(label, "sub") || strings.Contains(label, "non-covered") || strings.Contains(label, "noncovered") || strings.Contains(label, "allowed"):
		return "skip", true
	case (strings.Contains(label, "purchase") || strings.Contains(label, "funded")) && !strings.Contains(label, "charge"):
		// A funding company's price for the charges it bought, "paid to
		// the provider": no payment on the account. (An equipment
		// supplier's "Total rental and purchase charges" totals its
		// charges.)
		return "skip", true
	case strings.Contains(label, "adjust") || strings.Contains(label, "write") || strings.Contains(label, "reduction") || strings.Contains(label, "discount"):
		return extract.TotalAdjustments, true
	case strings.Contains(label, "payment") || strings.Contains(label, "paid") || reCreditWord.MatchString(label):
		return extract.TotalPayments, true
	case strings.Contains(label, "balance") || strings.Contains(label, "due") || strings.Contains(label, "payoff") || strings.Contains(label, "owe") || reBalanceWord.MatchString(label):
		return extract.TotalBalance, true
	case strings.Contains(label, "total") || strings.Contains(label, "charge"):
		return extract.TotalCharges, true
	}
	return "", false
}

// columnTotal is the kind of total an amount column holds on a totals row.
func columnTotal(col string) (string, bool) {
	switch col {
	case "charge":
		return extract.TotalCharges, true
	case "paid":
		return extract.TotalPayments, true
	case "adjustment":
		return extract.TotalAdjustments, true
	case "balance":
		return extract.TotalBalance, true
	}
	return "", false
}

// firstAmount returns the first amount of a row in a column of the kind,
// or its first amount.
func firstAmount(r billRow, cols []billCol, kind string) float64 {
	for i, k := range amountKinds(r, cols) {
		if k == kind {
			return r.amts[i]
		}
	}
	return r.amts[0]
}

// signsByTotal undoes a minus OCR read into one charge: a border or speck
// glued to the amount ("-2,612.80") made a charge a credit. When the
// bill prints one total of charges that its lines miss, and turning
// exactly one negative charge positive makes them sum to it to the cent,
// that charge is turned. A true reversal (a credit the total nets) is
// left alone: the lines already sum to the total.
func signsByTotal(items []extract.BillLine, totals []extract.BillTotal) {
	sum, want, ok := chargesAndTotal(items, totals)
	if !ok || math.Abs(sum-want) < 0.005 {
		return
	}
	flip := -1
	for i, it := range items {
		if it.Kind == extract.LineCharge && it.Charge < 0 && math.Abs(sum-2*it.Charge-want) < 0.005 {
			if flip >= 0 {
				return // two readings: leave them to a reviewer
			}
			flip = i
		}
	}
	if flip >= 0 {
		items[flip].Charge = -items[flip].Charge
	}
}

// chargesAndTotal returns the sum of a bill's charge lines and its printed
// total of charges; ok is false unless it prints exactly one.
func chargesAndTotal(items []extract.BillLine, totals []extract.BillTotal) (sum, want float64, ok bool) {
	n := 0
	for _, t := range totals {
		if t.Kind == extract.TotalCharges {
			want, n = t.Total, n+1
		}
	}
	for _, it := range items {
		if it.Kind == extract.LineCharge {
			sum += it.Charge
		}
	}
	return sum, want, n == 1
}

// nearestCaption is the part of a total's label that stands next to its
// amount: its last cell, after any count the label prints ("Paid claims:
// 10      Total cost", "Paid claims: 10 Total cost" total the cost, whatever
// the cells before it count).
func nearestCaption(label string) string {
	if cells := layout.Cells(label); len(cells) > 1 {
		// The last cell with a letter: specks OCR strewed in the gap
		// before the amount ("Total charges    .    :    2,706.80") caption
		// nothing.
		c := cells[len(cells)-1]
		for k := len(cells) - 1; k >= 0; k-- {
			if layout.HasLetters(label[cells[k].Start:cells[k].End]) {
				c = cells[k]
				break
			}
		}
		label = label[c.Start:c.End]
	}
	toks := tokens(label)
	for i := len(toks) - 2; i >= 0; i-- {
		if allDigits(strings.TrimRight(toks[i].s, ":")) {
			return label[toks[i+1].a:]
		}
	}
	return label
}

// printedSum is a sum of charges a bill prints, in print order: a total of
// charges (at index i of the bill's totals) or a subtotal (i is -1).
type printedSum struct {
	v float64
	i int
}

// withoutSubtotals drops the totals of charges that a later total of
// charges sums: a bill that totals each department ("Total Room And
// Board", "Total Radiology") and then all of them prints one total of
// its charges, the last. Sums are added up in order since the last total
// they reached; a total equal to the sum of those before it, one or
// more, is the total of them all.
func withoutSubtotals(totals []extract.BillTotal, sums []printedSum) []extract.BillTotal {
	drop := map[int]bool{}
	acc, parts := 0.0, []printedSum(nil)
	for _, s := range sums {
		if s.i >= 0 && len(parts) > 0 && math.Abs(acc-s.v) < 0.005 {
			for _, p := range parts {
				if p.i >= 0 {
					drop[p.i] = true
				}
			}
			acc, parts = 0, nil
			continue
		}
		acc += s.v
		parts = append(parts, s)
	}
	if len(drop) == 0 {
		return totals
	}
	var out []extract.BillTotal
	for i, t := range totals {
		if !drop[i] {
			out = append(out, t)
		}
	}
	return out
}

// withoutParts drops the payments, adjustments and balance totals that a
// total of their kind sums: a statement that prints its payments by payer
// ("Insurance payments", "Patient payments") and then "Total payments",
// or a balance per visit and then the account's, prints one total of the
// kind, the sum. Two parts or more, each smaller than the sum, must add
// up to it to the cent; a total printed twice stays.
func withoutParts(totals []extract.BillTotal) []extract.BillTotal {
	drop := map[int]bool{}
	for i, whole := range totals {
		if whole.Kind == extract.TotalCharges || drop[i] {
			continue
		}
		var parts []int
		sum := 0.0
		for j, t := range totals {
			if j != i && !drop[j] && t.Kind == whole.Kind && t.Total > 0 && t.Total < whole.Total {
				parts, sum = append(parts, j), sum+t.Total
			}
		}
		if len(parts) >= 2 && math.Abs(sum-whole.Total) < 0.005 {
			for _, j := range parts {
				drop[j] = true
			}
		}
	}
	if len(drop) == 0 {
		return totals
	}
	out := make([]extract.BillTotal, 0, len(totals)-len(drop))
	for i, t := range totals {
		if !drop[i] {
			out = append(out, t)
		}
	}
	return out
}

// payerShares makes one total of the payments totals a bill prints per
// payer ("Plan paid 267.31", "Member paid 110.00") when its lines'
// payments add up both shares and no one of them: each line's paid
// columns are one payment (setAmounts), so the shares reconcile only
// together. The total cites every share's row.
func payerShares(items []extract.BillLine, totals []extract.BillTotal) []extract.BillTotal {
	paid, n := 0.0, 0
	for _, it := range items {
		if it.Paid != nil {
			paid, n = paid+math.Abs(*it.Paid), n+1
		}
	}
	var shares []int
	sum := 0.0
	for i, t := range totals {
		if t.Kind == extract.TotalPayments {
			if math.Abs(t.Total-paid) < 0.005 {
				return totals // one total reaches the lines' payments
			}
			shares, sum = append(shares, i), sum+t.Total
		}
	}
	if n == 0 || len(shares) < 2 || math.Abs(sum-paid) >= 0.005 {
		return totals
	}
	one := totals[shares[0]]
	one.Total = math.Round(sum*100) / 100
	one.Citations = nil
	for _, i := range shares {
		one.Citations = append(one.Citations, totals[i].Citations...)
	}
	out := make([]extract.BillTotal, 0, len(totals))
	for i, t := range totals {
		switch {
		case i == shares[0]:
			out = append(out, one)
		case t.Kind != extract.TotalPayments:
			out = append(out, t)
		}
	}
	return out
}
