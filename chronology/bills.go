package chronology

import (
	"cmp"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/medchron/medchron/extract"
	"github.com/medchron/medchron/extract/dates"
	"github.com/medchron/medchron/internal/textutil"
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
	idx  int    // index in builder.bills; -1 when dropped as a copy
	// rebilled: the line is on a claim that bills again what an earlier
	// claim billed (extract.BillLine.Rebilled).
	rebilled bool
}

// buildBills turns the bill lines of all sources into bills. A line whose
// citations all lie on duplicate pages is dropped when a line with the same
// provider, date, code and charge (and for payment and adjustment rows,
// kind and amount) was found off the duplicate pages.
// A line of a claim that bills again what an earlier claim billed (a
// claim to a second payer, a replacement) is dropped the same way when
// the provider's first bill, or any line not rebilled, has it: a charge
// is counted once, where it was first billed; with no such line it is the
// only record of the charge and is kept. A page that reprints an earlier
// statement's charges drops them too (reprintedLines).
// Lines cited only on administrative or blank pages are dropped; lines
// cited only on EOB pages are kept, marked EOB.
func (b *builder) buildBills() {
	var all []*billWork
	for si := range b.sources {
		s := &b.sources[si]
		for _, l := range s.Result.Bills {
			if b.classes.noFacts(l.Citations, s.Document.ID) {
				continue
			}
			cits, bad := b.citations(l.Citations, s.Document.ID)
			if len(cits) == 0 {
				continue
			}
			prov := b.provOf(s, l.Provider, l.Citations)
			bw := &billWork{
				Bill: lineBill(l), prov: prov, bad: bad, doc: cits[0].DocumentID, rebilled: l.Rebilled,
			}
			bw.ProviderID, bw.Provider, bw.Citations, bw.Grounded = prov.id, prov.name, cits, len(bad) == 0
			bw.EOB = b.classes.onlyOn(l.Citations, s.Document.ID, extract.PageEOB)
			bw.sig = strings.Join([]string{prov.key, bw.Date.String(), strings.ToUpper(bw.Code),
				strconv.FormatInt(cents(bw.Charge), 10)}, "|")
			if bw.Kind != BillCharge {
				bw.sig += "|" + bw.Kind + "|" + centsOf(bw.Paid) + "|" + centsOf(bw.Adjustment)
			}
			all = append(all, bw)
		}
	}
	b.billWork = all
	original := map[string]bool{} // off duplicate pages
	first := map[string]bool{}    // off duplicate pages, and not rebilled
	for _, bw := range all {
		if !b.onlyDuplicates(bw.Citations) {
			original[bw.sig] = true
			first[bw.sig] = first[bw.sig] || !bw.rebilled
		}
	}
	copied := func(bw *billWork) bool {
		return b.onlyDuplicates(bw.Citations) && original[bw.sig] || bw.rebilled && first[bw.sig]
	}
	reprinted := b.reprintedLines(all, copied)
	occurrence := map[string]int{}
	var kept []*billWork
	for _, bw := range all {
		bw.idx = -1
		if copied(bw) || reprinted[bw] {
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
		bw.idx = len(b.bills)
		b.bills = append(b.bills, bw.Bill)
		if len(bw.bad) > 0 {
			b.badBills = append(b.badBills, bw)
		}
	}
	b.checkTotals()
}

// lineBill converts an extracted line: amounts rounded to cents, the kind
// named, and a payment or adjustment row's amount moved out of Charge when
// the extractor put it there (such rows never carry a charge).
func lineBill(l extract.BillLine) Bill {
	bl := Bill{
		Date: l.Date, Code: strings.TrimSpace(l.Code), RevenueCode: strings.TrimSpace(l.RevenueCode),
		Description: textutil.FoldSpace(l.Description), Charge: dollars(cents(l.Charge)),
		Adjustment: roundPtr(l.Adjustment), Paid: roundPtr(l.Paid), Balance: roundPtr(l.Balance),
		Kind: BillCharge,
	}
	if !bl.Date.Valid() {
		bl.Date = dates.Date{}
	}
	if l.Units > 0 && !math.IsInf(l.Units, 0) {
		bl.Units = l.Units
	}
	for _, m := range l.Modifiers {
		if m = strings.ToUpper(strings.TrimSpace(m)); m != "" {
			bl.Modifiers = append(bl.Modifiers, m)
		}
	}
	moveAmount := func(to **float64) {
		if *to == nil && bl.Charge != 0 {
			v := math.Abs(bl.Charge)
			*to = &v
		}
		bl.Charge = 0
	}
	switch l.Kind {
	case extract.LinePayment:
		bl.Kind = BillPayment
		moveAmount(&bl.Paid)
	case extract.LineAdjustment:
		bl.Kind = BillAdjustment
		moveAmount(&bl.Adjustment)
	}
	return bl
}

// centsOf formats an optional amount for a signature.
func centsOf(p *float64) string {
	if p == nil {
		return "-"
	}
	return strconv.FormatInt(cents(*p), 10)
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
