package pdf

import (
	"math"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// resolver resolves objects of a parsed PDF: pdfcpu's XRefTable and
// lazyDoc implement it.
type resolver interface {
	Dereference(o types.Object) (types.Object, error)
	DereferenceDict(o types.Object) (types.Dict, error)
	DereferenceStreamDict(o types.Object) (*types.StreamDict, bool, error)
}

// pager also gives pages.
type pager interface {
	resolver
	page(n int) (types.Dict, *model.InheritedPageAttrs, error)
}

// pdfcpuPager is a pager over a document pdfcpu read.
type pdfcpuPager struct{ *model.Context }

func (p pdfcpuPager) page(n int) (types.Dict, *model.InheritedPageAttrs, error) {
	d, _, inh, err := p.PageDict(n, false)
	return d, inh, err
}

// sole is a page that shows one image over the whole page: the image, how
// it is turned on the displayed page, and its resolution there.
type sole struct {
	sd      *types.StreamDict
	name    string
	objNr   int
	w, h    int // image pixels
	orient  orientation
	dpi     float64
	text    bool // text is drawn over the image
	painted bool // the page's fill colour is not black (matters for stencil masks)
}

// findSole finds the image a page is made of; ok is false, with no error
// worth reporting, when the page is anything else (then it is rendered).
func findSole(pctx pager, page int) (s sole, ok bool) {
	defer func() {
		if recover() != nil {
			s, ok = sole{}, false
		}
	}()
	d, inh, err := pctx.page(page)
	if err != nil || inh == nil || inh.MediaBox == nil {
		return sole{}, false
	}
	content, err := pageContent(pctx, d, maxScanContent)
	if err != nil {
		return sole{}, false
	}
	pl, ok := scanContent(content, maxScanContent)
	if !ok || pl.draws != 1 || pl.painted || pl.name == "" {
		return sole{}, false
	}
	xobjs, err := pctx.DereferenceDict(inh.Resources["XObject"])
	if err != nil || xobjs == nil {
		return sole{}, false
	}
	ref, isRef := xobjs[pl.name].(types.IndirectRef)
	if !isRef {
		return sole{}, false
	}
	sd, _, err := pctx.DereferenceStreamDict(ref)
	if err != nil || sd == nil {
		return sole{}, false
	}
	if st := sd.Subtype(); st == nil || *st != "Image" {
		return sole{}, false
	}
	w, h := intEntry(sd, "Width"), intEntry(sd, "Height")
	if w <= 0 || h <= 0 {
		return sole{}, false
	}
	o, res, ok := imagePlacement(pl.ctm, inh.MediaBox, normRotate(inh.Rotate), w, h)
	if !ok {
		return sole{}, false
	}
	return sole{sd: sd, name: pl.name, objNr: ref.ObjectNumber.Value(), w: w, h: h, orient: o, dpi: res, text: pl.text, painted: pl.colored}, true
}

// imagePlacement checks that an image drawn with ctm covers the media box
// (within 1% or 2 points per edge) with its edges along the page's, and
// returns how its pixels map to the page as displayed (after /Rotate
// rotate) and its resolution there, which must be the same across and down
// within 3%.
func imagePlacement(ctm matrix, box *types.Rectangle, rotate, w, h int) (orientation, float64, bool) {
	a, b, c, d, e, f := ctm[0], ctm[1], ctm[2], ctm[3], ctm[4], ctm[5]
	straight := math.Abs(b) <= 1e-3*math.Abs(a) && math.Abs(c) <= 1e-3*math.Abs(d) && a != 0 && d != 0
	turned := math.Abs(a) <= 1e-3*math.Abs(b) && math.Abs(d) <= 1e-3*math.Abs(c) && b != 0 && c != 0
	if !straight && !turned {
		return orientation{}, 0, false
	}
	// The image's corners on the page, in user space.
	xs := []float64{e, a + e, c + e, a + c + e}
	ys := []float64{f, b + f, d + f, b + d + f}
	minX, maxX := slicesMin(xs), slicesMax(xs)
	minY, maxY := slicesMin(ys), slicesMax(ys)
	tolX, tolY := max(2, box.Width()/100), max(2, box.Height()/100)
	if math.Abs(minX-box.LL.X) > tolX || math.Abs(maxX-box.UR.X) > tolX ||
		math.Abs(minY-box.LL.Y) > tolY || math.Abs(maxY-box.UR.Y) > tolY {
		return orientation{}, 0, false
	}
	// Directions of increasing column and row in display space (X right,
	// Y down): columns follow (a, b), rows follow -(c, d), since an
	// image's first row is at the top of its unit square.
	cx, cy := toDisplay(a, b, rotate)
	rx, ry := toDisplay(-c, -d, rotate)
	var o orientation
	if math.Abs(cx) >= math.Abs(cy) {
		o = orientation{flipX: cx < 0, flipY: ry < 0}
	} else {
		o = orientation{swap: true, flipX: rx < 0, flipY: cy < 0}
	}
	pw, ph := float64(w), float64(h)
	if o.swap {
		pw, ph = ph, pw
	}
	dw, dh := box.Width(), box.Height()
	if rotate%180 != 0 {
		dw, dh = dh, dw
	}
	dx, dy := pw*72/dw, ph*72/dh
	if math.Abs(dx-dy) > 0.03*max(dx, dy) {
		return orientation{}, 0, false
	}
	return o, (dx + dy) / 2, true
}

// toDisplay maps a direction in user space to display space (X right, Y
// down) for a page turned clockwise by rotate degrees.
func toDisplay(dx, dy float64, rotate int) (float64, float64) {
	switch rotate {
	case 90:
		return dy, dx
	case 180:
		return -dx, dy
	case 270:
		return -dy, -dx
	}
	return dx, -dy
}

func slicesMin(v []float64) float64 {
	m := v[0]
	for _, x := range v[1:] {
		m = min(m, x)
	}
	return m
}

func slicesMax(v []float64) float64 {
	m := v[0]
	for _, x := range v[1:] {
		m = max(m, x)
	}
	return m
}

// pageContent returns a page's content streams, decoded, refusing more
// than limit bytes of them, which are never inflated past the limit.
func pageContent(pctx resolver, d types.Dict, limit int) ([]byte, error) {
	o, found := d.Find("Contents")
	if !found {
		return nil, errNoContent
	}
	o, err := pctx.Dereference(o)
	if err != nil {
		return nil, err
	}
	var refs []types.Object
	switch v := o.(type) {
	case types.StreamDict:
		refs = []types.Object{d["Contents"]}
	case types.Array:
		if len(v) > 16 {
			return nil, errNoContent
		}
		refs = v
	default:
		return nil, errNoContent
	}
	var out []byte
	for _, r := range refs {
		sd, _, err := pctx.DereferenceStreamDict(r)
		if err != nil || sd == nil {
			return nil, errNoContent
		}
		if sd.Content != nil && len(sd.Content) > limit {
			return nil, errNoContent
		}
		data, err := sd.DecodeLengthWithLimit(-1, int64(limit)+1)
		if err != nil || len(out)+len(data) > limit {
			return nil, errNoContent
		}
		out = append(append(out, data...), '\n')
	}
	return out, nil
}

func intEntry(sd *types.StreamDict, key string) int {
	if i := sd.IntEntry(key); i != nil {
		return *i
	}
	return 0
}

// MaxDeclaredPixels caps the pixels an image on a page may declare: to
// draw the page, poppler decodes every image it shows in full, however
// small it is drawn. Twice MaxPixels leaves room for a photograph of
// higher resolution than the page is scanned at.
const MaxDeclaredPixels = 2 * MaxPixels

// maxXObjects bounds how many of a page's XObjects hugeImage looks at.
const maxXObjects = 4096

// hugeImage reports the first image among the page's XObjects declaring
// more than MaxDeclaredPixels pixels.
func hugeImage(pctx pager, inh *model.InheritedPageAttrs) (w, h int, huge bool) {
	defer func() {
		if recover() != nil {
			w, h, huge = 0, 0, false
		}
	}()
	if inh == nil || inh.Resources == nil {
		return 0, 0, false
	}
	xobjs, err := pctx.DereferenceDict(inh.Resources["XObject"])
	if err != nil || xobjs == nil {
		return 0, 0, false
	}
	n := 0
	for _, o := range xobjs {
		if n++; n > maxXObjects {
			break
		}
		ref, ok := o.(types.IndirectRef)
		if !ok {
			continue
		}
		sd, _, err := pctx.DereferenceStreamDict(ref)
		if err != nil || sd == nil {
			continue
		}
		if st := sd.Subtype(); st == nil || *st != "Image" {
			continue
		}
		w, h := intEntry(sd, "Width"), intEntry(sd, "Height")
		if w > 0 && h > 0 && int64(w)*int64(h) > MaxDeclaredPixels {
			return w, h, true
		}
	}
	return 0, 0, false
}
