package chronology

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/medchron/medchron/extract"
	"github.com/medchron/medchron/extract/dates"
)

// cents converts dollars to integer cents, rounding half away from zero on
// the shortest decimal form of x (so 1.005 is 101 cents, as printed, not
// 100 as 1.005*100 = 100.4999… would give). All money arithmetic is done in
// cents; dollars are formed at the end.
func cents(x float64) int64 {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return 0
	}
	s := strconv.FormatFloat(math.Abs(x), 'f', -1, 64)
	whole, frac, _ := strings.Cut(s, ".")
	frac += "000"
	w, err := strconv.ParseInt(whole, 10, 64)
	if err != nil {
		return int64(math.Round(x * 100))
	}
	c := w*100 + int64(frac[0]-'0')*10 + int64(frac[1]-'0')
	if frac[2] >= '5' {
		c++
	}
	if x < 0 {
		c = -c
	}
	return c
}

// dollars converts cents back to dollars for JSON.
func dollars(c int64) float64 { return float64(c) / 100 }

// billWork is a bill line being built.
type billWork struct {
	Bill
	prov *providerCluster
	sig  string // provider, date, code and charge: equal lines have equal sigs
	bad  []extract.Citation
	doc  string // document of the first citation
}

// buildBills turns the bill lines of all sources into bills. A line whose
// citations all lie on duplicate pages is dropped when a line with the same
// provider, date, code and charge was found off the duplicate pages.
func (b *builder) buildBills() {
	var all []*billWork
	for si := range b.sources {
		s := &b.sources[si]
		for _, l := range s.Result.Bills {
			cits, bad := b.citations(l.Citations, s.Document.ID)
			if len(cits) == 0 {
				continue
			}
			prov := b.provs.lookup(l.Provider)
			bw := &billWork{
				Bill: Bill{
					Date: l.Date, ProviderID: prov.id, Provider: prov.name,
					Code: strings.TrimSpace(l.Code), Description: foldSpace(l.Description),
					Charge: dollars(cents(l.Charge)), Adjustment: roundPtr(l.Adjustment),
					Paid: roundPtr(l.Paid), Balance: roundPtr(l.Balance), Citations: cits,
					Verified: len(bad) == 0,
				},
				prov: prov, bad: bad, doc: cits[0].DocumentID,
			}
			if !bw.Date.Valid() {
				bw.Date = dates.Date{}
			}
			bw.sig = strings.Join([]string{prov.key, bw.Date.String(), strings.ToUpper(bw.Code),
				strconv.FormatInt(cents(l.Charge), 10)}, "|")
			all = append(all, bw)
		}
	}
	b.billWork = all
	original := map[string]bool{}
	for _, bw := range all {
		if !b.onlyDuplicates(bw.Citations) {
			original[bw.sig] = true
		}
	}
	occurrence := map[string]int{}
	var kept []*billWork
	for _, bw := range all {
		if b.onlyDuplicates(bw.Citations) && original[bw.sig] {
			continue
		}
		c := bw.Citations[0]
		where := bw.sig + "|" + c.DocumentID + "|" + strconv.Itoa(c.Page)
		bw.ID = "bill-" + shortHash(where, strconv.Itoa(occurrence[where]))
		occurrence[where]++
		kept = append(kept, bw)
	}
	slices.SortStableFunc(kept, func(x, y *billWork) int {
		return cmp.Or(compareDates(x.Date, y.Date), cmp.Compare(x.Provider, y.Provider),
			b.px.less(pageRef{x.Citations[0].DocumentID, x.Citations[0].Page}, pageRef{y.Citations[0].DocumentID, y.Citations[0].Page}),
			cmp.Compare(x.Code, y.Code), cmp.Compare(x.Charge, y.Charge), cmp.Compare(x.Description, y.Description))
	})
	b.bills = make([]Bill, 0, len(kept))
	for _, bw := range kept {
		b.bills = append(b.bills, bw.Bill)
		if len(bw.bad) > 0 {
			b.badBills = append(b.badBills, bw)
		}
	}
	b.checkTotals()
}

// compareDates orders dates with unknown (zero) dates last.
func compareDates(a, b dates.Date) int {
	switch {
	case a.IsZero() && b.IsZero():
		return 0
	case a.IsZero():
		return 1
	case b.IsZero():
		return -1
	}
	return a.Compare(b)
}

func roundPtr(p *float64) *float64 {
	if p == nil {
		return nil
	}
	v := dollars(cents(*p))
	return &v
}

// computeSpecials totals the bills in integer cents: all charges, and per
// provider the charges, the payments (when any line has one) and the first
// and last dates of service. Providers are sorted by first date (undated
// last), then name.
func computeSpecials(bills []Bill) Specials {
	type acc struct {
		ps          ProviderSpecial
		charge, pay int64
		hasPaid     bool
	}
	var order []*acc
	byID := map[string]*acc{}
	var total, paid, unverified int64
	anyPaid := false
	for _, bl := range bills {
		if !bl.Verified {
			// A line whose quote is not on its page (an OCR slip, or a value
			// an LLM invented) is listed and flagged but not added up until
			// a reviewer confirms it.
			unverified += cents(bl.Charge)
			continue
		}
		a := byID[bl.ProviderID]
		if a == nil {
			a = &acc{ps: ProviderSpecial{ProviderID: bl.ProviderID, Provider: bl.Provider}}
			byID[bl.ProviderID] = a
			order = append(order, a)
		}
		c := cents(bl.Charge)
		a.charge += c
		total += c
		if bl.Paid != nil {
			p := cents(*bl.Paid)
			a.pay += p
			paid += p
			a.hasPaid, anyPaid = true, true
		}
		if !bl.Date.IsZero() {
			if a.ps.FirstDate.IsZero() || bl.Date.Before(a.ps.FirstDate) {
				a.ps.FirstDate = bl.Date
			}
			if bl.Date.After(a.ps.LastDate) {
				a.ps.LastDate = bl.Date
			}
		}
	}
	sp := Specials{TotalCharges: dollars(total), ByProvider: []ProviderSpecial{}}
	if unverified != 0 {
		v := dollars(unverified)
		sp.UnverifiedCharges = &v
	}
	if anyPaid {
		v := dollars(paid)
		sp.TotalPaid = &v
	}
	for _, a := range order {
		a.ps.Charges = dollars(a.charge)
		if a.hasPaid {
			v := dollars(a.pay)
			a.ps.Paid = &v
		}
		sp.ByProvider = append(sp.ByProvider, a.ps)
	}
	slices.SortStableFunc(sp.ByProvider, func(x, y ProviderSpecial) int {
		return cmp.Or(compareDates(x.FirstDate, y.FirstDate), cmp.Compare(x.Provider, y.Provider))
	})
	return sp
}

// checkTotals compares each printed bill total with the line items it can
// stand for: the provider's lines in the same document since its previous
// total there, all the provider's lines in that document, or all the
// provider's lines in the matter. When none is within one cent, a
// bill_total_mismatch flag cites the printed total. Totals printed only on
// duplicate pages are skipped.
func (b *builder) checkTotals() {
	type total struct {
		t    extract.BillTotal
		cits []extract.Citation
		prov *providerCluster
	}
	var totals []total
	for si := range b.sources {
		s := &b.sources[si]
		for _, t := range s.Result.BillTotals {
			cits, _ := b.citations(t.Citations, s.Document.ID)
			if len(cits) == 0 || b.onlyDuplicates(cits) {
				continue
			}
			totals = append(totals, total{t, cits, b.provs.lookup(t.Provider)})
		}
	}
	for _, t := range totals {
		doc, page := t.cits[0].DocumentID, t.cits[0].Page
		prevPage := 0
		for _, o := range totals {
			if o.prov == t.prov && o.cits[0].DocumentID == doc && o.cits[0].Page < page {
				prevPage = max(prevPage, o.cits[0].Page)
			}
		}
		var since, inDoc int64
		nDoc := 0
		for _, bw := range b.billWork {
			if bw.prov != t.prov || bw.doc != doc {
				continue
			}
			nDoc++
			inDoc += cents(bw.Charge)
			if p := bw.Citations[0].Page; p > prevPage && p <= page {
				since += cents(bw.Charge)
			}
		}
		var matterSum int64
		for _, bl := range b.bills {
			if bl.ProviderID == t.prov.id {
				matterSum += cents(bl.Charge)
			}
		}
		want := cents(t.t.Total)
		if abs64(want-since) <= 1 || abs64(want-inDoc) <= 1 || abs64(want-matterSum) <= 1 {
			continue
		}
		sum := matterSum
		if nDoc > 0 {
			sum = inDoc
		}
		b.totalFlag = append(b.totalFlag, Flag{
			Kind: FlagBillTotalMismatch,
			Message: fmt.Sprintf("The total of %s printed by %s differs from the sum of its line items, %s.",
				money(want), t.prov.name, money(sum)),
			Citations: t.cits,
		})
	}
}

func abs64(x int64) int64 {
	if x < 0 {
		return -x
	}
	return x
}

// money formats cents as US dollars: $1,234.56.
func money(c int64) string {
	sign := ""
	if c < 0 {
		sign, c = "-", -c
	}
	whole := strconv.FormatInt(c/100, 10)
	for i := len(whole) - 3; i > 0; i -= 3 {
		whole = whole[:i] + "," + whole[i:]
	}
	return fmt.Sprintf("%s$%s.%02d", sign, whole, c%100)
}
