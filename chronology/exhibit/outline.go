package exhibit

import (
	"fmt"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"

	"github.com/medchron/medchron/internal/textutil"
)

// NoProvider titles the outline entry of documents without a provider.
const NoProvider = "Unknown provider"

// entry is one outline item: a title, the page it opens, and its children.
type entry struct {
	title string
	page  int
	kids  []entry
}

// outline is the exhibit's bookmarks: one entry per run of consecutive
// documents of the same provider, pointing at the run's first page, with
// one child per document pointing at the document's first page.
func outline(parts []placed) []entry {
	var es []entry
	for _, p := range parts {
		prov := textutil.FoldSpace(p.doc.Provider)
		if prov == "" {
			prov = NoProvider
		}
		if len(es) == 0 || es[len(es)-1].title != prov {
			es = append(es, entry{title: prov, page: p.start})
		}
		title := textutil.FoldSpace(p.doc.Title)
		if title == "" {
			title = p.doc.name()
		}
		doc := entry{title: title, page: p.start}
		for _, m := range p.doc.Marks {
			if t := textutil.FoldSpace(m.Title); t != "" && m.Page >= 1 && m.Page <= p.pages {
				doc.kids = append(doc.kids, entry{title: t, page: p.start + m.Page - 1})
			}
		}
		last := &es[len(es)-1]
		last.kids = append(last.kids, doc)
	}
	return es
}

// shift moves every entry k pages on (pages put before the records).
func shift(es []entry, k int) []entry {
	out := make([]entry, len(es))
	for i, e := range es {
		out[i] = entry{title: e.title, page: e.page + k, kids: shift(e.kids, k)}
	}
	return out
}

// writeOutline writes the outline of es (pages numbered in the exhibit,
// pageObj giving each page's object) and returns the outline root's object
// number, or 0 when there is nothing to list.
func writeOutline(sw *streamWriter, es []entry, pageObj []int) (int, error) {
	if len(es) == 0 {
		return 0, nil
	}
	root := sw.alloc()
	first, last, n, err := writeItems(sw, es, root, pageObj)
	if err != nil {
		return 0, err
	}
	sw.object(root, fmt.Sprintf("<< /Type /Outlines /First %d 0 R /Last %d 0 R /Count %d >>", first, last, n), nil)
	return root, sw.err
}

// writeItems writes one level of outline items under parent and returns
// the first and last item and how many items there are, all levels.
func writeItems(sw *streamWriter, es []entry, parent int, pageObj []int) (first, last, n int, err error) {
	nums := make([]int, len(es))
	for i := range es {
		nums[i] = sw.alloc()
	}
	for i, e := range es {
		if e.page < 1 || e.page > len(pageObj) {
			return 0, 0, 0, fmt.Errorf("outline entry page %d of %d", e.page, len(pageObj))
		}
		title, err := types.EscapedUTF16String(e.title)
		if err != nil {
			return 0, 0, 0, fmt.Errorf("outline entry title: %w", err)
		}
		d := fmt.Sprintf("<< /Title (%s) /Parent %d 0 R /Dest [%d 0 R /Fit]", *title, parent, pageObj[e.page-1])
		if i > 0 {
			d += fmt.Sprintf(" /Prev %d 0 R", nums[i-1])
		}
		if i < len(es)-1 {
			d += fmt.Sprintf(" /Next %d 0 R", nums[i+1])
		}
		n++
		if len(e.kids) > 0 {
			kf, kl, kn, err := writeItems(sw, e.kids, nums[i], pageObj)
			if err != nil {
				return 0, 0, 0, err
			}
			d += fmt.Sprintf(" /First %d 0 R /Last %d 0 R /Count %d", kf, kl, kn)
			n += kn
		}
		sw.object(nums[i], d+" >>", nil)
	}
	return nums[0], nums[len(nums)-1], n, sw.err
}
