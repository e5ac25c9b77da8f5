package chronology

import (
	"fmt"
	"unicode"

	"github.com/medchron/medchron/extract"
	"github.com/medchron/medchron/internal/lazyre"
	"github.com/medchron/medchron/internal/textutil"
)

// A speck after an amount on a fax or a copier scan reads as a minus
// ("2,704.80-"), and a statement that prints credits that way (or in
// parentheses, or with a leading minus) then shows a service as a credit:
// the extractor files the row as a payment, and the specials are short by
// its charge while the bill's printed total of charges disagrees with its
// lines. When exactly one such row of the total's lines — on an OCR page,
// dated, its words naming a service and no payment, adjustment or refund —
// makes the lines agree with the total as a charge, and no total they
// agreed with (of charges or of payments) disagrees afterwards, the row
// counts as the charge it prints: Bill.ReadCharge keeps OCR's credit as a
// negative amount, and an ocr_amount_repaired flag cites the row and the
// total for a reviewer to check against the page. A true credit is left
// alone: the total of charges leaves it out, so the lines already agree.

// reCreditRow names what a real credit row posts.
// (A payment's words as a ledger abbreviates them too: "INS PMT ...
// CHK#133536".)
var reCreditRow = lazyre.New(`(?i)pa(?:y|id)|pmt|pymt|adj|credit|refund|revers|void|write|discount|allow|insur|\bins\b|deposit|transfer|co-?pay|coins|deduct|contract|recoup|balance|rebill|cancel|plan\b|carrier|check|chk|\bck\b|\beft\b|cash|visa|\bcard\b|remit|receipt|reimb|rec(?:eive)?d|applied|collect`)

// repairCredits turns into charges the credit rows that printed totals of
// charges prove misread by OCR, and returns one flag per row turned.
func (b *builder) repairCredits(totals []printedTotal) []Flag {
	var fs []Flag
	for range 8 {
		matched, mismatched := b.reconcileAll(totals)
		if len(mismatched) == 0 {
			break
		}
		paidBefore := b.matchedOf(totals, TotalPayments)
		bw, t, ok := b.uniqueCredit(mismatched, totals)
		if !ok {
			break
		}
		paid := bw.Paid
		b.setKind(bw, BillCharge, cents(*paid), nil)
		after, afterMismatched := b.reconcileAll(totals)
		if len(afterMismatched) >= len(mismatched) || !subset(matched, after) || !subset(paidBefore, b.matchedOf(totals, TotalPayments)) {
			b.setKind(bw, BillPayment, 0, paid)
			break
		}
		read := -*paid
		bw.ReadCharge = &read
		b.bills[bw.idx].ReadCharge = &read
		fs = append(fs, creditFlag(bw, t))
	}
	return fs
}

// matchedOf returns the indexes of the totals of kind that agree with
// their lines.
func (b *builder) matchedOf(totals []printedTotal, kind string) []int {
	var out []int
	for i, t := range totals {
		if t.kind != kind {
			continue
		}
		if sum, ok := b.reconcile(t, totals); ok && abs64(cents(t.t.Total)-sum) <= 1 {
			out = append(out, i)
		}
	}
	return out
}

// uniqueCredit finds, for the first mismatched total of charges that has
// one, the one credit row among its lines that as a charge of its amount
// makes them agree.
func (b *builder) uniqueCredit(mismatched []int, totals []printedTotal) (*billWork, printedTotal, bool) {
	for _, i := range mismatched {
		t := totals[i]
		if b.balanceBearsOut(t, totals) {
			continue
		}
		var found []*billWork
		charges := b.totalScopes(t, totals)
		credits := b.creditScopes(t, totals)
		for k := range charges {
			diff := cents(t.t.Total) - sumOf(charges[k], TotalCharges)
			if diff <= 0 {
				continue
			}
			for _, bw := range credits[k] {
				if cents(*bw.Paid) == diff && !containsBill(found, bw) {
					found = append(found, bw)
				}
			}
		}
		if len(found) == 1 {
			return found[0], t, true
		}
	}
	return nil, printedTotal{}, false
}

// creditScopes are the credit rows OCR may have made of t's charges, in
// the scopes totalScopes gives its lines: payment rows of t's provider and
// document that print only a paid amount, dated, on an OCR page, whose
// words name no credit.
func (b *builder) creditScopes(t printedTotal, totals []printedTotal) [2][]*billWork {
	doc := t.cits[0].DocumentID
	charges := b.totalScopes(t, totals)
	// The total of charges before t whose lines' scope ends where t's
	// begins, as totalScopes finds it.
	prev := position{off: -1}
	for _, o := range totals {
		if o.prov != t.prov || o.kind != t.kind || o.cits[0].DocumentID != doc || !t.at.after(o.at) || !o.at.after(prev) {
			continue
		}
		for _, bw := range charges[1] {
			if p := b.lineAt[bw]; p.after(o.at) && !p.after(t.at) {
				prev = o.at
				break
			}
		}
	}
	var scopes [2][]*billWork
	for _, bw := range b.billWork {
		if bw.prov != t.prov || bw.doc != doc || bw.Kind != BillPayment || bw.idx < 0 || bw.Paid == nil || *bw.Paid <= 0 ||
			bw.Adjustment != nil || bw.Charge != 0 || bw.Date.IsZero() || !hasLetter(bw.Description) ||
			reCreditRow.MatchString(bw.Description) || !b.onOCRPage(bw) {
			continue
		}
		scopes[1] = append(scopes[1], bw)
		if p := b.lineAt[bw]; p.after(prev) && !p.after(t.at) {
			scopes[0] = append(scopes[0], bw)
		}
	}
	return scopes
}

func hasLetter(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

// setKind makes a line a charge of c cents, or a payment of paid.
func (b *builder) setKind(bw *billWork, kind string, c int64, paid *float64) {
	bw.Kind, bw.Charge, bw.Paid = kind, dollars(c), paid
	bl := &b.bills[bw.idx]
	bl.Kind, bl.Charge, bl.Paid = kind, dollars(c), paid
}

func containsBill(bs []*billWork, bw *billWork) bool {
	for _, o := range bs {
		if o == bw {
			return true
		}
	}
	return false
}

func creditFlag(bw *billWork, t printedTotal) Flag {
	what := bw.Description
	if bw.Code != "" {
		what = bw.Code
	}
	return Flag{
		Kind: FlagOCRAmountRepaired,
		Message: fmt.Sprintf("OCR read %s's line of %s (%s) as a credit of %s; the total charges of %s printed by %s agree with the lines only if it is a charge of %s, which it now counts: check the amount and its sign against the page.",
			bw.Provider, bw.Date.String(), what, textutil.Money(cents(*bw.ReadCharge)*-1), textutil.Money(cents(t.t.Total)), t.prov.name, textutil.Money(cents(bw.Charge))),
		Citations: append(append([]extract.Citation{}, bw.Citations[0]), t.cits[0]),
	}
}
