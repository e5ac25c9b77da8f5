package chronology

import (
	"cmp"
	"fmt"
	"slices"

	"github.com/medchron/medchron/extract"
	"github.com/medchron/medchron/internal/textutil"
)

// A statement that prints a running balance on every row proves each row's
// amount twice: the balance grows by the row's charge (or falls by its
// credit) from the row above. When OCR changed one digit of a charge
// ("103.00" for 101.00, a one read as a three, which no total's
// one-digit rule takes for each other), that row alone disagrees with the
// balances around it, while the row above agrees with the one above it
// and the row below with it: the charge is what the balances say. The
// line keeps what OCR read (Bill.ReadCharge) and an ocr_amount_repaired
// flag cites it and the row above, for a reviewer to check against the
// page. Balances repair before printed totals do (repairByTotals), so
// that a total never takes a line the balances prove right for the
// misread one.

// repairByBalances repairs the charge lines on OCR pages that the running
// balances around them prove misread, and returns one flag per repair.
func (b *builder) repairByBalances() []Flag {
	type key struct {
		prov *providerCluster
		doc  string
	}
	runs := map[key][]*billWork{}
	var order []key
	for _, bw := range b.billWork {
		if bw.idx < 0 {
			continue
		}
		k := key{bw.prov, bw.doc}
		if _, ok := runs[k]; !ok {
			order = append(order, k)
		}
		runs[k] = append(runs[k], bw)
	}
	var fs []Flag
	for _, k := range order {
		run := runs[k]
		placed := true
		for _, bw := range run {
			if b.lineAt[bw].off < 0 {
				placed = false
			}
		}
		if !placed {
			continue // where a line stands is unknown: no row is "above" another
		}
		slices.SortStableFunc(run, func(x, y *billWork) int {
			px, py := b.lineAt[x], b.lineAt[y]
			return cmp.Or(cmp.Compare(px.page, py.page), cmp.Compare(px.off, py.off))
		})
		for i := 1; i < len(run); i++ {
			prev, bw := run[i-1], run[i]
			if bw.Kind != "" && bw.Kind != BillCharge || bw.Balance == nil || prev.Balance == nil || bw.Charge <= 0 || !b.onOCRPage(bw) {
				continue
			}
			if balanceFits(prev, bw) {
				continue
			}
			from := cents(bw.Charge)
			to := cents(*bw.Balance) - cents(*prev.Balance) + cents(orZero(bw.Paid)) + cents(orZero(bw.Adjustment))
			if to <= 0 || !oneDigitChanged(from, to) {
				continue
			}
			above := i == 1 && cents(*prev.Balance) == net(prev) || i >= 2 && run[i-2].Balance != nil && balanceFits(run[i-2], prev)
			below := i+1 < len(run) && run[i+1].Balance != nil && balanceFits(bw, run[i+1])
			if !above || !below {
				continue
			}
			b.setCharge(bw, to)
			read := dollars(from)
			bw.ReadCharge = &read
			b.bills[bw.idx].ReadCharge = &read
			fs = append(fs, balanceRepairFlag(bw, prev, from, to))
		}
	}
	return fs
}

// net is what a line adds to the balance, in cents: its charge less what
// it pays and adjusts.
func net(bw *billWork) int64 {
	return cents(bw.Charge) - cents(orZero(bw.Paid)) - cents(orZero(bw.Adjustment))
}

// balanceFits reports whether line bw's balance is the balance of prev,
// the row above it, with bw's amounts.
func balanceFits(prev, bw *billWork) bool {
	return prev.Balance != nil && bw.Balance != nil && abs64(cents(*prev.Balance)+net(bw)-cents(*bw.Balance)) <= 1
}

func orZero(p *float64) float64 {
	if p == nil {
		return 0
	}
	return *p
}

// oneDigitChanged reports whether two amounts in cents print alike but
// for one digit, whichever, changed, lost or added.
func oneDigitChanged(a, b int64) bool {
	x, y := fmt.Sprint(a), fmt.Sprint(b)
	if len(x) == len(y) {
		diffs := 0
		for i := range x {
			if x[i] != y[i] {
				diffs++
			}
		}
		return diffs == 1
	}
	return oneDigitApart(a, b)
}

func balanceRepairFlag(bw, prev *billWork, from, to int64) Flag {
	date := "undated"
	if !bw.Date.IsZero() {
		date = bw.Date.String()
	}
	what := bw.Code
	if what == "" {
		what = bw.Description
	}
	return Flag{
		Kind: FlagOCRAmountRepaired,
		Message: fmt.Sprintf("OCR read %s for %s's line of %s (%s); the running balance it prints, %s after %s on the row above, agrees with the rows around it only if it is %s, which it now counts: check the amount against the page.",
			textutil.Money(from), bw.Provider, date, what, textutil.Money(cents(*bw.Balance)), textutil.Money(cents(*prev.Balance)), textutil.Money(to)),
		Citations: append(append([]extract.Citation{}, bw.Citations[0]), prev.Citations[0]),
	}
}
