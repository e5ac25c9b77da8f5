package chronology

import (
	"fmt"

	"github.com/medchron/medchron/extract"
	"github.com/medchron/medchron/internal/lazyre"
	"github.com/medchron/medchron/internal/textutil"
)

// Words that tell the kind of a printed total whose extractor gave none.
var (
	reChargesTotal = lazyre.New(`(?i)\b(total\s+charges?|charges?\s+total|total\s+billed|total\s+amount\s+billed)\b`)
	reBalanceTotal = lazyre.New(`(?i)\b(balance|amount\s+due|due\s+from\s+patient|patient\s+(responsibility|portion|owes)|pay\s+this\s+amount|please\s+pay|you\s+owe)\b`)
	rePaymentTotal = lazyre.New(`(?i)\b(payments?|paid|credits?|receipts?)\b`)
	reAdjustTotal  = lazyre.New(`(?i)\b(adjustments?|adj|write[- ]?offs?|contractual|discounts?|allowances?)\b`)
)

// totalKind is the chronology kind of a printed total: the extractor's
// kind, or for a total it gave no kind, the kind its quote names ("Balance
// due" is a balance, never charges).
func totalKind(t extract.BillTotal, quote string) string {
	switch t.Kind {
	case extract.TotalPayments:
		return TotalPayments
	case extract.TotalAdjustments:
		return TotalAdjustments
	case extract.TotalBalance:
		return TotalBalance
	}
	switch {
	case reChargesTotal.MatchString(quote):
		return TotalCharges
	case reBalanceTotal.MatchString(quote):
		return TotalBalance
	case rePaymentTotal.MatchString(quote):
		return TotalPayments
	case reAdjustTotal.MatchString(quote):
		return TotalAdjustments
	}
	return TotalCharges
}

// printedTotal is a printed total being reconciled.
type printedTotal struct {
	t    extract.BillTotal
	kind string
	cits []extract.Citation
	prov *providerCluster
	at   position // where its first citation stands
}

// lineAmount is what a bill line adds to a total of the given kind, and
// whether it has an amount of that kind at all. Charges count charge lines
// only; payments and adjustments count the paid and adjustment amounts of
// any line (a ledger's payment rows, or a column beside a charge).
func lineAmount(bl *Bill, kind string) (int64, bool) {
	switch kind {
	case TotalCharges:
		return cents(bl.Charge), bl.Kind == BillCharge
	case TotalPayments:
		if bl.Paid != nil {
			return abs64(cents(*bl.Paid)), true
		}
	case TotalAdjustments:
		if bl.Adjustment != nil {
			return abs64(cents(*bl.Adjustment)), true
		}
	}
	return 0, false
}

// checkTotals reconciles each printed total with the lines of its kind it
// can stand for: the provider's lines in the same document since its
// previous total of that kind there, all the provider's lines in that
// document, or all the provider's lines in the matter (EOB lines only
// within their own document). When none is within one cent, a
// bill_total_mismatch flag cites the printed total. A balance is never
// reconciled; nor is a payments or adjustments total when no line of the
// provider carries such an amount. Totals printed only on duplicate,
// administrative or blank pages are skipped. Charge lines a total proves
// misread by OCR are repaired first (repairCredits, repairByTotals).
func (b *builder) checkTotals() {
	var totals []printedTotal
	for si := range b.sources {
		s := &b.sources[si]
		for _, t := range s.Result.BillTotals {
			if b.classes.noFacts(t.Citations, s.Document.ID) {
				continue
			}
			cits, _ := b.citations(t.Citations, s.Document.ID)
			if len(cits) == 0 || b.onlyDuplicates(cits) {
				continue
			}
			totals = append(totals, printedTotal{t: t, kind: totalKind(t, cits[0].Quote), cits: cits,
				prov: b.provOf(s, t.Provider, t.Citations)})
		}
	}
	b.placeTotals(totals)
	b.totalFlag = append(b.totalFlag, b.repairByBalances()...)
	b.totalFlag = append(b.totalFlag, b.repairCredits(totals)...)
	b.totalFlag = append(b.totalFlag, b.repairByTotals(totals)...)
	for _, t := range totals {
		out := BillTotal{ProviderID: t.prov.id, Provider: t.prov.name, Kind: t.kind,
			Total: dollars(cents(t.t.Total)), Citations: t.cits}
		if t.kind != TotalBalance {
			if sum, ok := b.reconcile(t, totals); ok {
				v := dollars(sum)
				match := abs64(cents(t.t.Total)-sum) <= 1
				out.LinesTotal, out.Reconciled = &v, &match
				if !match {
					b.totalFlag = append(b.totalFlag, mismatchFlag(t, sum))
				}
			}
		}
		b.totals = append(b.totals, out)
	}
}

// placeTotals finds where each printed total and each bill line stands on
// its page, for totalScopes.
func (b *builder) placeTotals(totals []printedTotal) {
	cs := make([]extract.Citation, 0, len(totals)+len(b.billWork))
	for _, t := range totals {
		cs = append(cs, t.cits[0])
	}
	for _, bw := range b.billWork {
		cs = append(cs, bw.Citations[0])
	}
	at := b.px.positions(cs)
	for i := range totals {
		totals[i].at = at[i]
	}
	b.lineAt = make(map[*billWork]position, len(b.billWork))
	for i, bw := range b.billWork {
		b.lineAt[bw] = at[len(totals)+i]
	}
}

// reconcile returns the sum of lines t is compared with (the closest of
// its candidate sums) and whether any line has an amount of t's kind.
func (b *builder) reconcile(t printedTotal, totals []printedTotal) (int64, bool) {
	scopes := b.totalScopes(t, totals)
	since, inDoc, matter := sumOf(scopes[0], t.kind), sumOf(scopes[1], t.kind), int64(0)
	nDoc, nMatter := len(scopes[1]), 0
	for i := range b.bills {
		bl := &b.bills[i]
		if bl.ProviderID != t.prov.id || bl.EOB {
			continue
		}
		if v, ok := lineAmount(bl, t.kind); ok {
			nMatter++
			matter += v
		}
	}
	if nDoc == 0 && nMatter == 0 {
		return 0, false
	}
	want := cents(t.t.Total)
	for _, sum := range []int64{since, inDoc, matter} {
		if abs64(want-sum) <= 1 {
			return sum, true
		}
	}
	if nDoc > 0 {
		return inDoc, true
	}
	return matter, true
}

// sumOf is what lines add to a total of kind.
func sumOf(lines []*billWork, kind string) int64 {
	var sum int64
	for _, bw := range lines {
		v, _ := lineAmount(&bw.Bill, kind)
		sum += v
	}
	return sum
}

func mismatchFlag(t printedTotal, sum int64) Flag {
	what := map[string]string{TotalCharges: "total charges", TotalPayments: "total payments", TotalAdjustments: "total adjustments"}[t.kind]
	lines := map[string]string{TotalCharges: "charge lines", TotalPayments: "payments", TotalAdjustments: "adjustments"}[t.kind]
	return Flag{
		Kind: FlagBillTotalMismatch,
		Message: fmt.Sprintf("The %s of %s printed by %s differ from the sum of its %s, %s.",
			what, textutil.Money(cents(t.t.Total)), t.prov.name, lines, textutil.Money(sum)),
		Citations: t.cits,
	}
}

func abs64(x int64) int64 {
	if x < 0 {
		return -x
	}
	return x
}
