package pdf

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"image"
	_ "image/jpeg" // DecodeConfig of extracted JPEGs

	_ "github.com/medchron/medchron/extract/pnm" // DecodeConfig of PNM page images
	"image/png"
	"io"
	"math"
	"path/filepath"
	"strconv"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// Image is the picture of one page to OCR.
type Image struct {
	Data []byte
	// Format is "png", "jpeg" or "pnm" (a binary PBM, PGM or PPM).
	Format string
	// DPI is the image's resolution on the page, the same across and down:
	// a pixel x becomes x*72/DPI points from the page's left edge.
	DPI int
	// Width and Height are in pixels.
	Width, Height int
	// Rendered is false when the page's own scanned image was taken as is.
	Rendered bool
	// TextOmitted is true when the page's own image was taken and the page
	// also shows text over it (a Bates stamp, say) that the image lacks; that
	// text is in the page's text layer.
	TextOmitted bool
}

// MaxImageBytes caps a rendered page image.
const MaxImageBytes = 256 << 20

// PageImage returns the image of page (1-based) of the PDF file at path for
// OCR at about dpi dots per inch. A page that is one upright image covering
// the page, with a resolution between dpi/2 and 2×dpi and equal across and
// down, yields that image as stored (JPEG as is, other images as PNG)
// without rendering; any other page is rendered in grey with pdftoppm.
func PageImage(ctx context.Context, path string, page, dpi int) (Image, error) {
	name := filepath.Base(path)
	if dpi < 36 || dpi > 1200 {
		return Image{}, fileErr(name, page, fmt.Sprintf("resolution %d dpi is outside 36..1200", dpi), errors.New("bad resolution"))
	}
	if page < 1 {
		return Image{}, fileErr(name, page, "", ErrNoPage)
	}
	img, ok, err := ownImage(ctx, path, page, dpi)
	if err != nil && !errors.Is(err, ErrCorrupt) {
		return Image{}, err
	}
	// A file pdfcpu finds damaged may still render with poppler.
	if ok {
		return img, nil
	}
	return render(ctx, path, page, dpi)
}

// ownImage takes a scanned page's image when the page is only that image.
// ok is false, with a nil error, when the page must be rendered instead.
func ownImage(ctx context.Context, path string, page, dpi int) (img Image, ok bool, err error) {
	name := filepath.Base(path)
	err = withOpen(ctx, path, func(pctx *model.Context) error {
		if page > pctx.PageCount {
			return fileErr(name, page, fmt.Sprintf("the file has %d pages", pctx.PageCount), ErrNoPage)
		}
		img, ok = soleImage(pctx, page, dpi)
		return nil
	})
	return img, ok, err
}

// soleImage implements ownImage on an open PDF; any doubt means false.
func soleImage(pctx *model.Context, page, dpi int) (img Image, ok bool) {
	defer func() {
		if recover() != nil {
			img, ok = Image{}, false
		}
	}()
	d, _, inh, err := pctx.PageDict(page, false)
	if err != nil || inh == nil || inh.MediaBox == nil || normRotate(inh.Rotate) != 0 {
		return Image{}, false
	}
	content, err := pctx.PageContent(d, page)
	if err != nil {
		return Image{}, false
	}
	pl, ok := scanContent(content, maxScanContent)
	if !ok || pl.draws != 1 || pl.painted || pl.name == "" {
		return Image{}, false
	}
	xobjs, err := pctx.DereferenceDict(inh.Resources["XObject"])
	if err != nil || xobjs == nil {
		return Image{}, false
	}
	ref, isRef := xobjs[pl.name].(types.IndirectRef)
	if !isRef {
		return Image{}, false
	}
	sd, _, err := pctx.DereferenceStreamDict(ref)
	if err != nil || sd == nil || !plainImage(sd) {
		return Image{}, false
	}
	w, h := intEntry(sd, "Width"), intEntry(sd, "Height")
	res, ok := coverDPI(pl.ctm, inh.MediaBox, w, h)
	if !ok || res < float64(dpi)/2 || res > float64(dpi)*2 {
		return Image{}, false
	}
	img = Image{DPI: int(math.Round(res)), Width: w, Height: h, TextOmitted: pl.text}
	if img.Data, img.Format, ok = imageBytes(pctx, sd, pl.name, ref.ObjectNumber.Value()); !ok {
		return Image{}, false
	}
	cfg, format, err := image.DecodeConfig(bytes.NewReader(img.Data))
	if err != nil || cfg.Width != w || cfg.Height != h || format != img.Format {
		return Image{}, false
	}
	return img, true
}

// plainImage reports whether sd is an opaque image with no decode tricks.
func plainImage(sd *types.StreamDict) bool {
	if st := sd.Subtype(); st == nil || *st != "Image" {
		return false
	}
	for _, key := range []string{"ImageMask", "Mask", "SMask", "Decode"} {
		if _, found := sd.Find(key); found {
			if b := sd.BooleanEntry(key); key == "ImageMask" && b != nil && !*b {
				continue
			}
			return false
		}
	}
	return true
}

func intEntry(sd *types.StreamDict, key string) int {
	if i := sd.IntEntry(key); i != nil {
		return *i
	}
	return 0
}

// coverDPI checks that the image drawn with ctm is upright and covers the
// media box (within 1% or 2 points per edge) and returns its resolution,
// which must be the same across and down within 3%.
func coverDPI(ctm matrix, box *types.Rectangle, w, h int) (float64, bool) {
	a, b, c, d, e, f := ctm[0], ctm[1], ctm[2], ctm[3], ctm[4], ctm[5]
	if w <= 0 || h <= 0 || a <= 0 || d <= 0 || math.Abs(b) > 1e-3*a || math.Abs(c) > 1e-3*d {
		return 0, false
	}
	tolX, tolY := max(2, box.Width()/100), max(2, box.Height()/100)
	if math.Abs(e-box.LL.X) > tolX || math.Abs(e+a-box.UR.X) > tolX ||
		math.Abs(f-box.LL.Y) > tolY || math.Abs(f+d-box.UR.Y) > tolY {
		return 0, false
	}
	dx, dy := float64(w)*72/a, float64(h)*72/d
	if math.Abs(dx-dy) > 0.03*max(dx, dy) {
		return 0, false
	}
	return (dx + dy) / 2, true
}

// imageBytes returns a JPEG image's stream as is, or another image
// re-encoded as PNG by pdfcpu. CCITT, JBIG2, JPEG 2000 and CMYK images are
// left to the renderer.
func imageBytes(pctx *model.Context, sd *types.StreamDict, name string, objNr int) ([]byte, string, bool) {
	var filters []string
	for _, f := range sd.FilterPipeline {
		filters = append(filters, f.Name)
	}
	for _, f := range filters {
		switch f {
		case "CCITTFaxDecode", "JBIG2Decode", "JPXDecode":
			return nil, "", false
		}
	}
	if len(filters) == 1 && filters[0] == "DCTDecode" {
		comps, err := pdfcpu.ColorSpaceComponents(pctx.XRefTable, sd)
		if err != nil || comps == 4 || len(sd.Raw) == 0 {
			return nil, "", false
		}
		return sd.Raw, "jpeg", true
	}
	for _, f := range filters {
		if f == "DCTDecode" {
			return nil, "", false
		}
	}
	if data, ok := pnmBytes(sd); ok {
		return data, "pnm", true
	}
	img, err := pdfcpu.ExtractImage(pctx, sd, false, name, objNr, false)
	if err != nil || img == nil || img.Reader == nil || img.FileType != "png" {
		return nil, "", false
	}
	data, err := io.ReadAll(io.LimitReader(img.Reader, MaxImageBytes+1))
	if err != nil || len(data) > MaxImageBytes {
		return nil, "", false
	}
	return data, "png", true
}

// render draws one page in grey with pdftoppm.
func render(ctx context.Context, path string, page, dpi int) (Image, error) {
	name := filepath.Base(path)
	bin, err := tool("pdftoppm")
	if err != nil {
		return Image{}, fileErr(name, page, "", err)
	}
	ctx, cancel := withDefaultTimeout(ctx)
	defer cancel()
	n := strconv.Itoa(page)
	data, err := runCapped(ctx, MaxImageBytes, bin, "-q", "-r", strconv.Itoa(dpi), "-gray", "-png", "-f", n, "-l", n, path)
	if err != nil {
		ferr := toolErr(ctx, name, "pdftoppm", err)
		var fe *FileError
		if errors.As(ferr, &fe) {
			fe.Page = page
		}
		return Image{}, ferr
	}
	cfg, err := png.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		return Image{}, fileErr(name, page, "pdftoppm produced no page image", ErrCorrupt)
	}
	return Image{Data: data, Format: "png", DPI: dpi, Width: cfg.Width, Height: cfg.Height, Rendered: true}, nil
}
