package chronology

import (
	"slices"
	"strings"
)

// reprintedLines returns the charge lines of a page that reprints the
// charges of an earlier page of the same provider: a statement printed
// again later in the account's life (through a surgery's global period, a
// later balance), which lists the same coded services, same day, same
// modifiers and same charge, as the statement before it. Two pages
// sharing two or more such lines are two prints of one account, and the
// later page's shared lines are dropped, as many of each as the earlier
// page lists; a single line alike on two pages (two days of a hospital
// bill, a service billed twice) is left alone. Lines skip says are gone
// already are not counted.
func (b *builder) reprintedLines(all []*billWork, skip func(*billWork) bool) map[*billWork]bool {
	type page struct {
		ref   pageRef
		count map[string]int
		lines map[string][]*billWork
	}
	byRef := map[pageRef]*page{}
	var pages []*page
	for _, bw := range all {
		if skip(bw) || bw.Kind != BillCharge || bw.Code == "" || bw.Charge == 0 {
			continue
		}
		ref := pageRef{bw.Citations[0].DocumentID, bw.Citations[0].Page}
		p := byRef[ref]
		if p == nil {
			p = &page{ref: ref, count: map[string]int{}, lines: map[string][]*billWork{}}
			byRef[ref] = p
			pages = append(pages, p)
		}
		k := bw.sig + "|" + strings.Join(bw.Modifiers, " ")
		p.count[k]++
		p.lines[k] = append(p.lines[k], bw)
	}
	slices.SortStableFunc(pages, func(x, y *page) int { return b.px.less(x.ref, y.ref) })
	var out map[*billWork]bool
	for qi, q := range pages {
		covered := map[string]int{}
		for _, p := range pages[:qi] {
			shared := 0
			for k := range q.count {
				if p.count[k] > 0 {
					shared++
				}
			}
			if shared < 2 {
				continue
			}
			for k, n := range p.count {
				covered[k] = max(covered[k], n)
			}
		}
		for k, n := range covered {
			ls := q.lines[k]
			for _, bw := range ls[:min(n, len(ls))] {
				if out == nil {
					out = map[*billWork]bool{}
				}
				out[bw] = true
			}
		}
	}
	return out
}
