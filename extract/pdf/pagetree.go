package pdf

import (
	"errors"
	"fmt"
	"math"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// TreePage is one page of a document: its dictionary, its object and the
// attributes it has from the page tree above it.
type TreePage struct {
	Dict types.Dict
	Ref  types.IndirectRef
	Inh  *model.InheritedPageAttrs
}

// errOddTree stops the one-pass walk of a page tree it does not read the
// way pdfcpu does; the pages are then asked of pdfcpu one by one.
var errOddTree = errors.New("page tree read page by page")

// PageTree returns every page of src. A well-formed page tree is walked
// once: pdfcpu's PageDict walks it from the root for each page, which
// costs the square of the page count in a flat tree (a 5,000-page file's
// exhibit took 6 s in it, its inspection 7 s). A tree the walk does not
// read as pdfcpu would (nodes without a type, attributes that are not
// plain, a page count that differs) is read page by page with PageDict.
func PageTree(src *model.Context) ([]TreePage, error) {
	if pages, err := walkPages(src); err == nil {
		return pages, nil
	}
	// The page count is the file's word: nothing is sized by it.
	var pages []TreePage
	for i := range src.PageCount {
		d, ref, inh, err := src.PageDict(i+1, false)
		if err != nil || d == nil || ref == nil || inh == nil {
			return nil, fmt.Errorf("page %d cannot be read", i+1)
		}
		pages = append(pages, TreePage{Dict: d, Ref: *ref, Inh: inh})
	}
	return pages, nil
}

// walkPages reads the page tree in one pass, or fails with errOddTree.
func walkPages(src *model.Context) (pages []TreePage, err error) {
	defer func() {
		if recover() != nil { // pdfcpu on a hostile object
			pages, err = nil, errOddTree
		}
	}()
	root, err := src.Pages()
	if err != nil || root == nil {
		return nil, errOddTree
	}
	w := pageWalk{src: src, path: map[int]bool{}, pages: make([]TreePage, 0, max(0, min(src.PageCount, 1<<12)))}
	if err := w.node(*root, model.InheritedPageAttrs{}, 0, true); err != nil {
		return nil, err
	}
	if len(w.pages) != src.PageCount {
		return nil, errOddTree
	}
	return w.pages, nil
}

type pageWalk struct {
	src   *model.Context
	path  map[int]bool // the nodes from the root to here: a cycle is odd
	pages []TreePage
}

// node adds the pages under the node ref, which inherits inh.
func (w *pageWalk) node(ref types.IndirectRef, inh model.InheritedPageAttrs, depth int, root bool) error {
	if depth > 64 || len(w.pages) > w.src.PageCount {
		return errOddTree
	}
	d, err := w.src.DereferenceDict(ref)
	if err != nil || d == nil {
		return errOddTree
	}
	typ := d.Type()
	if typ == nil {
		return errOddTree
	}
	if err := inherit(w.src, d, &inh); err != nil {
		return err
	}
	switch {
	case *typ == "Page" && !root:
		if _, kids := d.Find("Kids"); kids {
			return errOddTree
		}
		w.pages = append(w.pages, TreePage{Dict: d, Ref: ref, Inh: &inh})
		return nil
	case *typ != "Pages":
		return errOddTree
	}
	n := ref.ObjectNumber.Value()
	if w.path[n] {
		return errOddTree
	}
	w.path[n] = true
	defer delete(w.path, n)
	kids, err := w.src.DereferenceArray(d["Kids"])
	if err != nil || kids == nil {
		return errOddTree
	}
	for _, o := range kids {
		if o == nil {
			continue
		}
		kid, ok := o.(types.IndirectRef)
		if !ok {
			return errOddTree
		}
		if err := w.node(kid, inh, depth+1, false); err != nil {
			return err
		}
	}
	return nil
}

// inherit sets in inh the attributes the node d sets itself: the boxes
// and the rotation as numbers, the resources as the node's own dictionary
// (as pdfcpu's PageDict does without consolidation).
func inherit(src *model.Context, d types.Dict, inh *model.InheritedPageAttrs) error {
	for _, k := range []string{"MediaBox", "CropBox"} {
		o, found := d.Find(k)
		if !found {
			continue
		}
		a, err := src.DereferenceArray(o)
		if err != nil || len(a) != 4 {
			return errOddTree
		}
		r, err := src.RectForArray(a)
		if err != nil {
			return errOddTree
		}
		if k == "MediaBox" {
			inh.MediaBox = r
		} else {
			inh.CropBox = r
		}
	}
	if o, found := d.Find("Rotate"); found {
		o, err := src.Dereference(o)
		if err != nil {
			return errOddTree
		}
		switch v := o.(type) {
		case types.Integer:
			inh.Rotate = v.Value()
		case types.Float:
			inh.Rotate = int(math.Round(v.Value()))
		default:
			return errOddTree
		}
	}
	if o, found := d.Find("Resources"); found {
		res, err := src.DereferenceDict(o)
		if err != nil {
			return errOddTree
		}
		inh.Resources = res
	}
	return nil
}
