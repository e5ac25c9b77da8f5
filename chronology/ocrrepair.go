package chronology

import (
	"fmt"
	"strconv"

	"github.com/medchron/medchron/extract"
	"github.com/medchron/medchron/extract/dates"
	"github.com/medchron/medchron/internal/textutil"
)

// A fax or a copier scan read by OCR loses or changes a digit of an amount
// now and then ("$2,750.00" read "$750.00", "$125.00" read "$128.00"): the
// bill's printed total of charges then disagrees with its lines, and the
// specials are short or long by that line. When exactly one charge line on
// an OCR page, changed by one digit (one digit read as another, one lost or
// one too many), makes the lines agree with a printed total that they
// disagree with, and no total they agreed with disagrees afterwards, the
// line's charge is taken as the total says: the line keeps what OCR read
// (Bill.ReadCharge) and an ocr_amount_repaired flag cites the line and the
// total for a reviewer to check against the page.

// amountRepair is a charge line's repaired amount.
type amountRepair struct {
	bw   *billWork
	to   int64 // cents
	from int64 // cents, as OCR read it
	t    printedTotal
}

// repairByTotals repairs the charge lines that printed totals of charges
// prove misread, and returns one flag per repair.
func (b *builder) repairByTotals(totals []printedTotal) []Flag {
	var fs []Flag
	for range 8 { // each repair changes the sums the next is judged by
		matched, mismatched := b.reconcileAll(totals)
		if len(mismatched) == 0 {
			break
		}
		r, ok := b.uniqueRepair(mismatched, totals)
		if !ok {
			break
		}
		b.setCharge(r.bw, r.to)
		after, afterMismatched := b.reconcileAll(totals)
		if len(afterMismatched) >= len(mismatched) || !subset(matched, after) {
			b.setCharge(r.bw, r.from)
			break
		}
		read := dollars(r.from)
		r.bw.ReadCharge = &read
		b.bills[r.bw.idx].ReadCharge = &read
		fs = append(fs, repairFlag(r))
	}
	return fs
}

// reconcileAll returns the indexes of the charge totals that agree with
// their lines and of those that do not.
func (b *builder) reconcileAll(totals []printedTotal) (matched, mismatched []int) {
	for i, t := range totals {
		if t.kind != TotalCharges {
			continue
		}
		sum, ok := b.reconcile(t, totals)
		if !ok {
			continue
		}
		if abs64(cents(t.t.Total)-sum) <= 1 {
			matched = append(matched, i)
		} else {
			mismatched = append(mismatched, i)
		}
	}
	return matched, mismatched
}

// uniqueRepair finds, for the first mismatched total that has any, the one
// charge line on an OCR page whose amount a one-digit misreading explains;
// ok is false when no total has exactly one.
func (b *builder) uniqueRepair(mismatched []int, totals []printedTotal) (amountRepair, bool) {
	for _, i := range mismatched {
		t := totals[i]
		if b.balanceBearsOut(t, totals) {
			continue // the total is the misreading
		}
		var found []amountRepair
		for _, scope := range b.totalScopes(t, totals) {
			diff := cents(t.t.Total) - sumOf(scope, TotalCharges)
			for _, bw := range scope {
				from := cents(bw.Charge)
				to := from + diff
				if to <= 0 || bw.idx < 0 || !b.onOCRPage(bw) || !oneDigitApart(from, to) {
					continue
				}
				r := amountRepair{bw: bw, to: to, from: from, t: t}
				if !containsRepair(found, r) {
					found = append(found, r)
				}
			}
		}
		if len(found) == 1 {
			return found[0], true
		}
	}
	return amountRepair{}, false
}

// balanceBearsOut reports whether a balance printed on the page of the
// total of charges t, and unlike it, is what the lines t may stand for
// come to as read (their charges less what they, or the payment and
// adjustment rows posted with them, print paid or adjusted):
// the lines are then right and the total is what OCR misread (a speck
// before it read as a leading digit, "83,965.00" for 3,965.00), so no
// line is repaired by it.
func (b *builder) balanceBearsOut(t printedTotal, totals []printedTotal) bool {
	for _, o := range totals {
		if o.kind != TotalBalance || o.prov != t.prov || o.cits[0].DocumentID != t.cits[0].DocumentID || o.cits[0].Page != t.cits[0].Page ||
			abs64(cents(o.t.Total)-cents(t.t.Total)) <= 1 {
			continue
		}
		paid, adjusted := t, t
		paid.kind, adjusted.kind = TotalPayments, TotalAdjustments
		pays, adjs := b.totalScopes(paid, totals), b.totalScopes(adjusted, totals)
		for k, scope := range b.totalScopes(t, totals) {
			net := sumOf(scope, TotalCharges) - sumOf(scope, TotalPayments) - sumOf(scope, TotalAdjustments)
			// Payments and adjustments posted as rows of their own.
			posted := sumOf(scope, TotalCharges) - sumOf(pays[k], TotalPayments) - sumOf(adjs[k], TotalAdjustments)
			if len(scope) > 0 && (abs64(cents(o.t.Total)-net) <= 1 || abs64(cents(o.t.Total)-posted) <= 1) {
				return true
			}
		}
	}
	return false
}

// totalScopes are the lines of t's kind it may stand for: the provider's
// lines in the total's document since its previous total of that kind
// there, and all its lines in that document (reconcile adds the matter's).
// "Since" is read by position, not by page (receipts copied two to a page
// each total the lines above them, up to the receipt before), and the
// previous total is the nearest with a line between (a subtotal and the
// total under it stand for the same lines). Lines dropped as copies on
// duplicate pages count too, but are never repaired.
func (b *builder) totalScopes(t printedTotal, totals []printedTotal) [2][]*billWork {
	doc := t.cits[0].DocumentID
	var scopes [2][]*billWork
	for _, bw := range b.billWork {
		if bw.prov != t.prov || bw.doc != doc {
			continue
		}
		if _, ok := lineAmount(&bw.Bill, t.kind); ok {
			scopes[1] = append(scopes[1], bw)
		}
	}
	between := func(from position) []*billWork {
		var in []*billWork
		for _, bw := range scopes[1] {
			if p := b.lineAt[bw]; p.after(from) && !p.after(t.at) {
				in = append(in, bw)
			}
		}
		return in
	}
	prev := position{off: -1}
	for _, o := range totals {
		if o.prov == t.prov && o.kind == t.kind && o.cits[0].DocumentID == doc &&
			t.at.after(o.at) && o.at.after(prev) && len(between(o.at)) > 0 {
			prev = o.at
		}
	}
	scopes[0] = between(prev)
	return scopes
}

// onOCRPage reports whether every citation of the line lies on a page read
// by OCR.
func (b *builder) onOCRPage(bw *billWork) bool {
	for _, c := range bw.Citations {
		info := b.px.byRef[pageRef{c.DocumentID, c.Page}]
		if info == nil || info.page == nil || info.page.Source != extract.SourceOCR {
			return false
		}
	}
	return len(bw.Citations) > 0
}

// setCharge sets a line's charge, on the line being built and on the bill.
func (b *builder) setCharge(bw *billWork, c int64) {
	bw.Charge = dollars(c)
	b.bills[bw.idx].Charge = dollars(c)
}

// oneDigitMisread reports whether two digit strings of one length differ
// in one digit only, a digit OCR takes for the other.
func oneDigitMisread(x, y string) bool {
	diffs, alike := 0, false
	for i := range x {
		if x[i] != y[i] {
			diffs++
			alike = dates.Confusable(x[i], y[i])
		}
	}
	return diffs == 1 && alike
}

// oneDigitApart reports whether two amounts in cents print with one digit
// taken for a digit it looks like, lost or added.
func oneDigitApart(a, b int64) bool {
	x, y := strconv.FormatInt(a, 10), strconv.FormatInt(b, 10)
	if len(x) > len(y) {
		x, y = y, x
	}
	switch len(y) - len(x) {
	case 0:
		return oneDigitMisread(x, y)
	case 1:
		for i := range y {
			if y[:i]+y[i+1:] == x {
				return true
			}
		}
	}
	return false
}

func containsRepair(rs []amountRepair, r amountRepair) bool {
	for _, o := range rs {
		if o.bw == r.bw && o.to == r.to {
			return true
		}
	}
	return false
}

// subset reports whether every index of a is in b (both ascending).
func subset(a, b []int) bool {
	j := 0
	for _, x := range a {
		for j < len(b) && b[j] < x {
			j++
		}
		if j == len(b) || b[j] != x {
			return false
		}
	}
	return true
}

func repairFlag(r amountRepair) Flag {
	date := "undated"
	if !r.bw.Date.IsZero() {
		date = r.bw.Date.String()
	}
	what := r.bw.Code
	if what == "" {
		what = r.bw.Description
	}
	return Flag{
		Kind: FlagOCRAmountRepaired,
		Message: fmt.Sprintf("OCR read %s for %s's line of %s (%s); the total charges of %s printed by %s agree with the lines only if it is %s, which it now counts: check the amount against the page.",
			textutil.Money(r.from), r.bw.Provider, date, what, textutil.Money(cents(r.t.t.Total)), r.t.prov.name, textutil.Money(r.to)),
		Citations: append(append([]extract.Citation{}, r.bw.Citations[0]), r.t.cits[0]),
	}
}
