package chronology

import (
	"cmp"
	"slices"
)

// computeSpecials totals the grounded bills in integer cents. Charges come
// from charge lines only (never from payment or adjustment rows, never from
// EOB lines). Per provider it sums the charges, the payments and the
// adjustments (as printed magnitudes, each only when some line has one),
// and the first and last dates of service of its charge lines. Payments and
// adjustments read from EOBs count only for a provider whose own bills show
// none, so that one payment printed on both is not counted twice. Only
// providers with a charge line of their own are listed (the lines of the
// others are still in the bills). Providers are sorted by first date
// (undated last), then name.
func computeSpecials(bills []Bill) Specials {
	type acc struct {
		ps                   ProviderSpecial
		charge, pay, adj     int64
		eobPay, eobAdj       int64
		hasPaid, hasAdj      bool
		hasEOBPaid, hasEOBAj bool
		hasCharge            bool
	}
	var order []*acc
	byID := map[string]*acc{}
	var total, ungrounded int64
	for _, bl := range bills {
		charge := bl.Kind == BillCharge || bl.Kind == ""
		if !bl.Grounded {
			// A line whose quote is not on its page (an OCR slip, or a value
			// an LLM invented) is listed and flagged but not added up until
			// a reviewer confirms it.
			if charge && !bl.EOB {
				ungrounded += cents(bl.Charge)
			}
			continue
		}
		a := byID[bl.ProviderID]
		if a == nil {
			a = &acc{ps: ProviderSpecial{ProviderID: bl.ProviderID, Provider: bl.Provider}}
			byID[bl.ProviderID] = a
			order = append(order, a)
		}
		if charge && !bl.EOB {
			a.hasCharge = true
			c := cents(bl.Charge)
			a.charge += c
			total += c
			if !bl.Date.IsZero() {
				if a.ps.FirstDate.IsZero() || bl.Date.Before(a.ps.FirstDate) {
					a.ps.FirstDate = bl.Date
				}
				if bl.Date.After(a.ps.LastDate) {
					a.ps.LastDate = bl.Date
				}
			}
		}
		if bl.Paid != nil {
			if bl.EOB {
				a.eobPay += abs64(cents(*bl.Paid))
				a.hasEOBPaid = true
			} else {
				a.pay += abs64(cents(*bl.Paid))
				a.hasPaid = true
			}
		}
		if bl.Adjustment != nil {
			if bl.EOB {
				a.eobAdj += abs64(cents(*bl.Adjustment))
				a.hasEOBAj = true
			} else {
				a.adj += abs64(cents(*bl.Adjustment))
				a.hasAdj = true
			}
		}
	}
	sp := Specials{TotalCharges: dollars(total), ByProvider: []ProviderSpecial{}}
	if ungrounded != 0 {
		v := dollars(ungrounded)
		sp.UngroundedCharges = &v
	}
	var paid, adj int64
	anyPaid, anyAdj := false, false
	for _, a := range order {
		if !a.hasPaid && a.hasEOBPaid {
			a.pay, a.hasPaid = a.eobPay, true
		}
		if !a.hasAdj && a.hasEOBAj {
			a.adj, a.hasAdj = a.eobAdj, true
		}
		if !a.hasCharge {
			continue // no bill of its own in the matter: only payments or EOB lines
		}
		a.ps.Charges = dollars(a.charge)
		if a.hasPaid {
			v := dollars(a.pay)
			a.ps.Paid = &v
			paid += a.pay
			anyPaid = true
		}
		if a.hasAdj {
			v := dollars(a.adj)
			a.ps.Adjustments = &v
			adj += a.adj
			anyAdj = true
		}
		sp.ByProvider = append(sp.ByProvider, a.ps)
	}
	if anyPaid {
		v := dollars(paid)
		sp.TotalPaid = &v
	}
	if anyAdj {
		v := dollars(adj)
		sp.TotalAdjustments = &v
	}
	slices.SortStableFunc(sp.ByProvider, func(x, y ProviderSpecial) int {
		return cmp.Or(compareDates(x.FirstDate, y.FirstDate), cmp.Compare(x.Provider, y.Provider))
	})
	return sp
}
