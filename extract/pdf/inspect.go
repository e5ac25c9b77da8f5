package pdf

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"sync"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/filter"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// Info describes a PDF that opened.
type Info struct {
	// Version is the PDF version, such as "1.7".
	Version string
	// Pages has one entry per page, in page order.
	Pages []PageInfo
	// Encrypted is true for a PDF that is encrypted but opened without a
	// password (an empty user password).
	Encrypted bool
	// ValidationError is pdfcpu's complaint, in relaxed mode, about a PDF
	// that opened but breaks the standard; poppler usually reads such
	// files, so it is reported rather than fatal.
	ValidationError string
}

// PageCount is the number of pages.
func (i Info) PageCount() int { return len(i.Pages) }

// PageInfo describes one page.
type PageInfo struct {
	Number int     // 1-based
	Width  float64 // points, as displayed (after rotation)
	Height float64 // points, as displayed (after rotation)
	// Rotate is the page's /Rotate in degrees (0, 90, 180, 270).
	Rotate int
	// HasImages is true when the page (or a form it draws) uses an image.
	HasImages bool
	// ImageBytes is the encoded size of the images the page's content
	// draws itself (0 when it draws none, or when only a form it draws
	// or a resource dictionary too long to follow names them). A scan's
	// OCR time grows with it: the more ink, the more text.
	ImageBytes int64
}

var disableConfigDir sync.Once

// config returns a pdfcpu configuration for reading untrusted files:
// relaxed validation, no config directory, tighter resource limits.
func config() *model.Configuration {
	disableConfigDir.Do(api.DisableConfigDir)
	conf := model.NewDefaultConfiguration()
	conf.ValidationMode = model.ValidationRelaxed
	conf.Limits.MaxStreamBytes = 256 << 20
	conf.Limits.MaxDecodeBytes = 256 << 20
	conf.Limits.MaxImagePixels = 80 << 20
	conf.Limits.MaxImageBytes = 256 << 20
	return conf
}

// maxInspectPages bounds the page count Inspect believes (record bundles
// run to a few thousand pages).
const maxInspectPages = 100000

// Inspect validates the PDF in data, named name in errors, and describes
// its pages. It fails with ErrEmpty, ErrNotPDF, ErrEncrypted or ErrCorrupt
// (wrapped in *FileError); a PDF that opens but breaks the standard is
// returned with Info.ValidationError set.
func Inspect(ctx context.Context, name string, data []byte) (Info, error) {
	if err := sniff(name, data); err != nil {
		return Info{}, err
	}
	return inspect(ctx, name, bytes.NewReader(data))
}

// InspectFile is Inspect on the file at path, read as pdfcpu asks for it
// rather than whole: pdfcpu keeps every stream's bytes while it validates,
// and a copy of the file beside them would double what a long scanned
// bundle costs (a 5,000-page fax bundle is 125 MB).
func InspectFile(ctx context.Context, name, path string) (Info, error) {
	f, err := os.Open(path)
	if err != nil {
		return Info{}, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return Info{}, err
	}
	head := make([]byte, min(st.Size(), pdfHeaderWindow))
	if _, err := f.ReadAt(head, 0); err != nil && !errors.Is(err, io.EOF) {
		return Info{}, fileErr(name, 0, "cannot be read", err)
	}
	if err := sniff(name, head); err != nil {
		return Info{}, err
	}
	// A section of the file, not the file: a seek pdfcpu makes to a
	// hostile offset fails without the file's path (an internal name) in
	// the message the user reads.
	return inspect(ctx, name, io.NewSectionReader(f, 0, st.Size()))
}

func inspect(ctx context.Context, name string, rs io.ReadSeeker) (Info, error) {
	pctx, err := open(ctx, name, rs)
	if err != nil {
		return Info{}, err
	}
	info := Info{
		Version:   pctx.XRefTable.Version().String(),
		Encrypted: pctx.XRefTable.Encrypt != nil,
	}
	if err := api.ValidateContext(pctx); err != nil {
		info.ValidationError = firstLine(err.Error())
	}
	if err := ctx.Err(); err != nil {
		return Info{}, fmt.Errorf("inspect %s: %w", name, err)
	}
	// The page tree's /Count sizes what pageInfos allocates: a hostile one
	// (negative, or billions) must not reach it.
	if pctx.PageCount < 0 || pctx.PageCount > maxInspectPages {
		return Info{}, fileErr(name, 0, fmt.Sprintf("claims %d pages", pctx.PageCount), ErrCorrupt)
	}
	if info.Pages, err = pageInfos(pctx); err != nil {
		var big *pageTooLarge
		if errors.As(err, &big) {
			// poppler (pdftotext, pdftoppm) would inflate it in full
			return Info{}, fileErr(name, big.page, fmt.Sprintf("its content inflates past %d MB", MaxPageContent>>20), ErrTooLarge)
		}
		return Info{}, fileErr(name, 0, "cannot read the page tree", errors.Join(ErrCorrupt, err))
	}
	if len(info.Pages) == 0 {
		return Info{}, fileErr(name, 0, "has no pages", ErrCorrupt)
	}
	return info, nil
}

// open reads a PDF with pdfcpu and classifies read errors.
func open(ctx context.Context, name string, rs io.ReadSeeker) (pctx *model.Context, err error) {
	defer func() {
		// pdfcpu can panic on hostile input; never let that take the
		// process down.
		if r := recover(); r != nil {
			pctx, err = nil, fileErr(name, 0, "cannot be read", fmt.Errorf("%w: pdfcpu panic: %v", ErrCorrupt, r))
		}
	}()
	pctx, err = pdfcpu.ReadWithContext(ctx, rs, config())
	switch {
	case err == nil:
	case ctx.Err() != nil:
		return nil, fmt.Errorf("read %s: %w", name, ctx.Err())
	case errors.Is(err, pdfcpu.ErrWrongPassword):
		return nil, fileErr(name, 0, "", ErrEncrypted)
	case errors.Is(err, pdfcpu.ErrEmptyInput):
		return nil, fileErr(name, 0, "", ErrEmpty)
	default:
		return nil, fileErr(name, 0, firstLine(err.Error()), ErrCorrupt)
	}
	if pctx.PageCount == 0 {
		if err := pctx.EnsurePageCount(); err != nil {
			return nil, fileErr(name, 0, "cannot count pages", errors.Join(ErrCorrupt, err))
		}
	}
	return pctx, nil
}

func pageInfos(pctx *model.Context) ([]PageInfo, error) {
	pbs, err := pctx.PageBoundaries(nil)
	if err != nil {
		return nil, err
	}
	// One walk of the page tree where it reads as pdfcpu would: asking
	// pdfcpu for each page walks the tree from its root every time.
	tree, terr := PageTree(pctx)
	if terr != nil || len(tree) != len(pbs) {
		tree = nil
	}
	pages := make([]PageInfo, 0, len(pbs))
	for i, pb := range pbs {
		n := i + 1
		box := pb.MediaBox() // poppler renders and measures the media box
		p := PageInfo{Number: n, Rotate: normRotate(pb.Rot)}
		if box != nil {
			p.Width, p.Height = box.Width(), box.Height()
		}
		if p.Rotate%180 != 0 {
			p.Width, p.Height = p.Height, p.Width
		}
		var d types.Dict
		var inh *model.InheritedPageAttrs
		if tree != nil {
			d, inh = tree[i].Dict, tree[i].Inh
		} else if d, _, inh, err = pctx.PageDict(n, false); err != nil {
			return nil, fmt.Errorf("page %d: %w", n, err)
		}
		// Decoded within maxInspect: a page whose content inflates further
		// is measured up to MaxPageContent (a "zip bomb" is refused) and
		// judged by its resources.
		content, cerr := pageContent(pctx, d, maxInspect)
		if cerr != nil && contentOver(pctx, d, MaxPageContent) {
			return nil, &pageTooLarge{page: n}
		}
		p.HasImages, p.ImageBytes = pageUsesImages(pctx, inh, content, cerr)
		pages = append(pages, p)
	}
	return pages, nil
}

// pageUsesImages reports whether a page draws an image, and the encoded
// size of the images its content draws directly (PageInfo.ImageBytes).
// Producers often share one resource dictionary between pages, so it
// follows the XObjects the page's content stream draws, and only falls
// back to the resource dictionary when the stream is too long to scan
// (its size then unknown: 0).
// content is the page's content as pageContent read it, or err.
func pageUsesImages(pctx *model.Context, inh *model.InheritedPageAttrs, content []byte, err error) (uses bool, size int64) {
	if inh == nil {
		return false, 0
	}
	if err != nil {
		return usesImages(pctx.XRefTable, inh.Resources, 0), 0
	}
	pl, ok := scanContent(content, maxInspect)
	if !ok || len(pl.names) == maxDraws {
		return usesImages(pctx.XRefTable, inh.Resources, 0), 0
	}
	uses = pl.inline
	xobjs, err := pctx.DereferenceDict(inh.Resources["XObject"])
	if err != nil || xobjs == nil {
		return uses, 0
	}
	for _, name := range pl.names {
		o, found := xobjs[name]
		if !found {
			continue
		}
		if sd, _, err := pctx.DereferenceStreamDict(o); err == nil && sd != nil {
			if sub := sd.Subtype(); sub != nil && *sub == "Image" {
				uses = true
				if sd.StreamLength != nil && *sd.StreamLength > 0 {
					size += *sd.StreamLength
				}
				continue
			}
		}
		if !uses && usesImages(pctx.XRefTable, types.Dict{"XObject": types.Dict{name: o}}, 0) {
			uses = true
		}
	}
	return uses, size
}

// usesImages reports whether a resource dictionary names an image XObject,
// directly or through a form XObject.
func usesImages(xt *model.XRefTable, res types.Dict, depth int) bool {
	if res == nil || depth > 8 {
		return false
	}
	xobjs, err := xt.DereferenceDict(res["XObject"])
	if err != nil || xobjs == nil {
		return false
	}
	for _, o := range xobjs {
		sd, _, err := xt.DereferenceStreamDict(o)
		if err != nil || sd == nil {
			continue
		}
		switch sub := sd.Subtype(); {
		case sub != nil && *sub == "Image":
			return true
		case sub != nil && *sub == "Form":
			inner, err := xt.DereferenceDict(sd.Dict["Resources"])
			if err == nil && usesImages(xt, inner, depth+1) {
				return true
			}
		}
	}
	return false
}

func normRotate(r int) int {
	r %= 360
	if r < 0 {
		r += 360
	}
	return r
}

func firstLine(s string) string {
	s, _, _ = strings.Cut(s, "\n")
	if len(s) > 200 {
		s = s[:200] + "…"
	}
	return s
}

// MaxPageContent (32 MB) caps what a page's content streams may inflate to,
// together: a page of records draws in kilobytes (a dense vector drawing
// in a few megabytes), and poppler, which reads the text layer and renders
// pages, inflates content without any limit.
const MaxPageContent = 32 << 20

// pageTooLarge is pageInfos' error for a page whose content inflates past
// MaxPageContent.
type pageTooLarge struct{ page int }

func (e *pageTooLarge) Error() string { return fmt.Sprintf("page %d: content too large", e.page) }

// contentOver reports whether the page's content streams inflate past
// limit bytes together. Only streams whose stored data is compressed are
// inflated, each at most to what is left of limit, so the check costs at
// most limit bytes of inflation per page however large the bomb.
func contentOver(pctx *model.Context, d types.Dict, limit int64) (over bool) {
	defer func() {
		if recover() != nil {
			over = false
		}
	}()
	o, found := d.Find("Contents")
	if !found {
		return false
	}
	o, err := pctx.Dereference(o)
	if err != nil {
		return false
	}
	var refs []types.Object
	switch v := o.(type) {
	case types.StreamDict:
		refs = []types.Object{d["Contents"]}
	case types.Array:
		refs = v
	default:
		return false
	}
	left := limit
	for i, r := range refs {
		if i >= 4096 {
			return true // a page drawn from thousands of streams is no record
		}
		sd, _, err := pctx.DereferenceStreamDict(r)
		if err != nil || sd == nil {
			continue
		}
		if sd.StreamLength != nil && *sd.StreamLength > left {
			return true
		}
		data, err := sd.DecodeLengthWithLimit(-1, left+1)
		if errors.Is(err, filter.ErrDecodeLimitExceeded) {
			return true
		}
		if err != nil {
			continue // undecodable: poppler will not inflate it either
		}
		if left -= int64(len(data)); left < 0 {
			return true
		}
	}
	return false
}
