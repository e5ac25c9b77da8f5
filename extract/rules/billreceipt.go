package rules

import (
	"math"

	"strings"

	"github.com/medchron/medchron/extract"
	"github.com/medchron/medchron/extract/dates"
	"github.com/medchron/medchron/extract/layout"
	"github.com/medchron/medchron/internal/lazyre"
)

// Counter receipts: a pharmacy's register prints each sale as a block, its
// date and clock time on a line of their own ("03/02/2024 2:41 PM  REG 1
// TRN 0077"), then a row per prescription led by its number ("Rx #4410273
// NAPROXEN 500MG TAB 16.80"), then subtotal, tax, total and what was
// tendered. Copies of several receipts share a page; each sale's
// prescriptions are charges of its day.

var (
	// reSaleTime is the clock time right after a register line's date:
	// "2:41 PM", "14:41".
	reSaleTime = lazyre.New(`(?i)^\W{0,3}(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d)?\s*(?:[ap]\.?m\.?)?(?:\W|$)`)
	// reRxRow leads a prescription's row with its number.
	reRxRow = lazyre.New(`(?i)^\W{0,3}rx\s*(?:#|no\.?|number)?\s*:?\s*\d{5,}`)
)

// saleDay returns the day a register line prints over a receipt's rows:
// one date with its clock time and a few words (register, transaction),
// no amount; the specks OCR strews over a fax are no words.
func saleDay(l line) (dates.Date, bool) {
	ds := lineDates(l)
	if len(ds) != 1 || ds[0].End > len(l.text) {
		return dates.Date{}, false
	}
	after := l.text[ds[0].End:]
	m := reSaleTime.FindStringIndex(after)
	if m == nil {
		return dates.Date{}, false
	}
	rest := l.text[:ds[0].Start] + " " + after[m[1]:]
	words := 0
	for _, f := range strings.Fields(rest) {
		if layout.HasLetters(f) || strings.ContainsAny(f, "0123456789") {
			words++
		}
	}
	if words > 6 || reNotServiceDay.MatchString(rest) {
		return dates.Date{}, false
	}
	return ds[0].Date, true
}

// rxRow reports whether a bill row is a prescription led by its number.
func rxRow(l line) bool { return reRxRow.MatchString(l.trim) }

// Register receipts of a visit: a walk-in clinic's or an urgent care's
// point-of-sale receipt prints the visit's date on a labelled line, then one
// row per item with no column header ("99203 VISIT - LEVEL 3 (NEW) 294.00",
// "SOFT C-COLLAR 46.00"), then the subtotal, a self-pay discount, the total
// and the card tendered. A coded row is a charge of the visit's date; an
// uncoded one (a dispensed drug, a supply, a visit the register prints by
// its name) is one only when the sum printed under the rows adds it up with
// them: uncoded rows without a header are otherwise a payer's line or a
// form's box.

// registerItem reports whether an uncoded, undated row outside any table is
// an item of a receipt under a labelled date of service: one amount, a
// charge, words that name something, no payer's words.
func registerItem(r billRow, b extract.BillLine, cols []billCol, svc dates.Date, text string) bool {
	return cols == nil && !svc.IsZero() && len(r.amts) == 1 && b.Charge > 0 && hasWord(r.desc) && !rePayerWords.MatchString(text) &&
		!rePaymentWords.MatchString(text) && !reAdjustWords.MatchString(text)
}

// settleHeld appends to items the held rows of a receipt when the printed
// sum of charges adds them up with the charges read since the last sum
// (items from secFrom on); otherwise it leaves items as they are. summed
// reports whether the sum adds up the rows above it, held or not.
func settleHeld(items, held []extract.BillLine, secFrom int, sum float64) (_ []extract.BillLine, summed bool) {
	if sum <= 0 {
		return items, false
	}
	cents := 0
	for _, it := range items[secFrom:] {
		if it.Kind == extract.LineCharge {
			cents += int(math.Round(it.Charge * 100))
		}
	}
	for _, h := range held {
		cents += int(math.Round(h.Charge * 100))
	}
	if cents != int(math.Round(sum*100)) {
		return items, false
	}
	return append(items, held...), true
}

// reCardTender names what a register receipt's sale was paid with.
var reCardTender = lazyre.New(`(?i)^\W{0,3}(?:visa|master\s?card|mc|amex|american\s+express|discover|debit|credit\s+card|cash|check|hsa|fsa)\b`)

// registerTotal reads a row under a register receipt's subtotal: the
// discount is an adjustment, the card or cash tendered the payment, the
// total the net charged after the discount (no total of charges: "skip").
// A balance or amount due is left to totalsOf; other rows are none.
func registerTotal(r billRow, text string) (string, bool) {
	if !r.date.IsZero() || r.code != "" || r.rev != "" || len(r.amts) != 1 {
		return "", false
	}
	switch {
	case reAdjustWords.MatchString(text):
		return extract.TotalAdjustments, true
	case reCardTender.MatchString(strings.TrimSpace(text)):
		return extract.TotalPayments, true
	case reTotalWords.MatchString(text):
		if k, ok := labelTotal(strings.ToLower(r.desc)); ok && k == extract.TotalCharges {
			return "skip", true
		}
	}
	return "", false
}

// heldAmount is a receipt's amount alone on its line, under a labelled date
// of service: OCR may set a row's amount above its words when the row
// prints a little lower than its amount.
type heldAmount struct {
	b   extract.BillLine
	src line
}

// registerWords reports whether l may be the words of the row whose amount
// a stands alone above them: the next line of the page, words with no
// amount, no total's or subtotal's label, no date.
func registerWords(l line, a heldAmount) bool {
	return l.page == a.src.page && hasWord(l.trim) && len(l.trim) < 60 && !moneyShaped(l.text) && !hasDate(l.text) &&
		!reTotalWords.MatchString(l.text) && !reNotLine.MatchString(l.text) && !rePaymentWords.MatchString(l.text) && !reAdjustWords.MatchString(l.text)
}

// item is the row a held amount and its words make, citing both lines.
func (a heldAmount) item(l line, doc string) extract.BillLine {
	b := a.b
	b.Description = l.trim
	b.Citations = []extract.Citation{a.src.cite(doc, a.src.quoteAll()), l.cite(doc, l.quoteAll())}
	return b
}
