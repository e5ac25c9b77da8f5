package exhibit

import (
	"fmt"
	"strings"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
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
		prov := cleanTitle(p.doc.Provider)
		if prov == "" {
			prov = NoProvider
		}
		if len(es) == 0 || es[len(es)-1].title != prov {
			es = append(es, entry{title: prov, page: p.start})
		}
		title := cleanTitle(p.doc.Title)
		if title == "" {
			title = p.doc.name()
		}
		last := &es[len(es)-1]
		last.kids = append(last.kids, entry{title: title, page: p.start})
	}
	return es
}

// cleanTitle folds white space, so that an outline entry is one line.
func cleanTitle(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// addOutline writes es as the document outline of ctx, replacing any.
// Each item points at its page with an explicit destination: pdfcpu's
// AddBookmarks names destinations by title, so two documents with the
// same title would both open the first one's page.
func addOutline(ctx *model.Context, es []entry) error {
	root, err := ctx.Catalog()
	if err != nil {
		return fmt.Errorf("catalog: %w", err)
	}
	outlines := types.Dict{"Type": types.Name("Outlines")}
	ref, err := ctx.IndRefForNewObject(outlines)
	if err != nil {
		return err
	}
	first, last, n, err := outlineItems(ctx, es, *ref)
	if err != nil {
		return err
	}
	if first != nil {
		outlines["First"], outlines["Last"], outlines["Count"] = *first, *last, types.Integer(n)
	}
	root["Outlines"] = *ref
	root["PageMode"] = types.Name("UseOutlines")
	return nil
}

// outlineItems writes the items es under parent, all open, and returns the
// first and last and the number of items written, descendants included.
func outlineItems(ctx *model.Context, es []entry, parent types.IndirectRef) (first, last *types.IndirectRef, n int, err error) {
	var prev types.Dict
	for _, e := range es {
		_, pageRef, _, err := ctx.PageDict(e.page, false)
		if err != nil || pageRef == nil {
			return nil, nil, 0, fmt.Errorf("outline entry page %d: %v", e.page, err)
		}
		title, err := types.EscapedUTF16String(e.title)
		if err != nil {
			return nil, nil, 0, fmt.Errorf("outline entry title: %w", err)
		}
		d := types.Dict{
			"Title":  types.StringLiteral(*title),
			"Parent": parent,
			"Dest":   types.Array{*pageRef, types.Name("Fit")},
		}
		ref, err := ctx.IndRefForNewObject(d)
		if err != nil {
			return nil, nil, 0, err
		}
		n++
		if len(e.kids) > 0 {
			kf, kl, kn, err := outlineItems(ctx, e.kids, *ref)
			if err != nil {
				return nil, nil, 0, err
			}
			d["First"], d["Last"], d["Count"] = *kf, *kl, types.Integer(kn)
			n += kn
		}
		if first == nil {
			first = ref
		}
		if prev != nil {
			prev["Next"] = *ref
			d["Prev"] = *last
		}
		prev, last = d, ref
	}
	return first, last, n, nil
}
