package pdf

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	_ "image/jpeg" // DecodeConfig of extracted JPEGs
	"image/png"
	"math"

	_ "golang.org/x/image/tiff" // DecodeConfig of CCITT images in TIFF

	_ "github.com/medchron/medchron/extract/pnm" // DecodeConfig of PNM page images
	"path/filepath"
	"strconv"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
)

// Image is the picture of one page to OCR.
type Image struct {
	Data []byte
	// Format is "png", "jpeg", "tiff" (CCITT Group 4) or "pnm" (a binary
	// PBM, PGM or PPM).
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
// OCR at about dpi dots per inch.
//
// A page that shows one image over the whole page, with a resolution
// between dpi/2 and 2×dpi and equal across and down, yields that image at
// its own resolution without rendering: JPEG and CCITT Group 4 images as
// stored (Group 4 in a TIFF wrapper), JBIG2 and JPEG 2000 images decoded by
// poppler's pdfimages, all others (Flate with predictors, LZW, 1- to 16-bit
// grey, RGB, CMYK, indexed) decoded to a PNM, with /Decode arrays, masks
// and soft masks applied and the image turned upright when the page's
// /Rotate or the image's placement turns it. Any other page is rendered in
// grey with pdftoppm.
//
// Pages too large to render at dpi (CheckPageSize) and images of more than
// MaxPixels pixels are refused with ErrTooLarge before any work.
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
	if ok {
		return img, nil
	}
	if err != nil {
		// A file pdfcpu finds damaged may still render with poppler; its
		// size is asked of poppler before it is rendered.
		w, h, serr := popplerPageSize(ctx, path, page)
		if serr != nil {
			return Image{}, err
		}
		if err := CheckPageSize(w, h, dpi); err != nil {
			return Image{}, fileErr(name, page, err.Error(), ErrTooLarge)
		}
		img.DPI = FitDPI(w, h, dpi)
	}
	if img.DPI > 0 {
		dpi = img.DPI // a page too long for Tesseract at dpi
	}
	return render(ctx, path, page, dpi)
}

// ownImage takes a scanned page's image when the page is only that image.
// ok is false, with a nil error, when the page must be rendered instead;
// img.DPI is then the resolution to draw it at, when the page's size said.
// The file is read lazily (only the page's objects) when it can be, and
// with pdfcpu otherwise.
func ownImage(ctx context.Context, path string, page, dpi int) (img Image, ok bool, err error) {
	var p planned
	err = withLazy(path, func(d *lazyDoc) error {
		p, err = plan(pageName(path), d, len(d.pages), page, dpi)
		return err
	})
	if errors.Is(err, errLazy) {
		err = withOpen(ctx, path, func(pctx *model.Context) error {
			p, err = plan(pageName(path), pdfcpuPager{pctx}, pctx.PageCount, page, dpi)
			return err
		})
		if errors.Is(err, errLazy) {
			// pdfcpu cannot say what the page shows either: it is drawn
			// (and fails there, if it must, with poppler's reason).
			return Image{}, false, nil
		}
	}
	if err != nil || !p.ok {
		return Image{DPI: p.drawDPI}, false, err
	}
	if !p.poppler {
		return p.img, true, nil
	}
	data, perr := popplerPicture(ctx, path, page, p.s, MaxImageBytes, p.invert)
	if perr != nil {
		if ctx.Err() != nil {
			return Image{}, false, fmt.Errorf("%s page %d: %w", pageName(path), page, ctx.Err())
		}
		return Image{}, false, nil
	}
	img = p.img
	img.Data, img.Format = data, "pnm"
	return img, true, nil
}

func pageName(path string) string { return filepath.Base(path) }

// planned is what plan found: the image (ok), or that poppler must decode
// it (poppler), or neither (render the page).
type planned struct {
	img     Image
	s       sole
	ok      bool
	poppler bool
	invert  bool
	drawDPI int // the resolution to draw the page at when it is drawn
}

// plan checks the page's size and takes its sole image if it has one.
func plan(name string, pg pager, count, page, dpi int) (p planned, err error) {
	defer func() {
		if recover() != nil { // a decoder on hostile data: render instead
			p, err = planned{}, nil
		}
	}()
	if page > count {
		return p, fileErr(name, page, fmt.Sprintf("the file has %d pages", count), ErrNoPage)
	}
	_, inh, err := pg.page(page)
	if err != nil {
		return p, errLazy
	}
	if inh != nil && inh.MediaBox != nil {
		w, h := inh.MediaBox.Width(), inh.MediaBox.Height()
		if normRotate(inh.Rotate)%180 != 0 {
			w, h = h, w
		}
		if err := CheckPageSize(w, h, dpi); err != nil {
			return p, fileErr(name, page, err.Error(), ErrTooLarge)
		}
		p.drawDPI = FitDPI(w, h, dpi)
	}
	if w, h, huge := hugeImage(pg, inh); huge {
		// poppler would decode it in full to draw the page, however
		// small it is drawn.
		return p, fileErr(name, page, fmt.Sprintf("an image on it is declared %dx%d pixels, more than %d million", w, h, MaxDeclaredPixels/1_000_000), ErrTooLarge)
	}
	s, found := findSole(pg, page)
	if !found || s.dpi < float64(dpi)/2 || s.dpi > float64(dpi)*2 {
		return p, nil
	}
	if s.w*s.h > MaxPixels {
		return p, fileErr(name, page, fmt.Sprintf("its image is %dx%d pixels, more than %d million", s.w, s.h, MaxPixels/1_000_000), ErrTooLarge)
	}
	p.s = s
	p.img = Image{DPI: int(math.Round(s.dpi)), Width: s.w, Height: s.h, TextOmitted: s.text}
	if s.orient.swap {
		p.img.Width, p.img.Height = s.h, s.w
	}
	data, format, perr := solePicture(pg, s, MaxImageBytes)
	switch {
	case errors.Is(perr, errPoppler):
		p.poppler, p.ok = true, true
		d, _ := decodeArray(pg, s.sd, 1)
		p.invert = invertedDecode(d)
	case perr == nil:
		p.img.Data, p.img.Format, p.ok = data, format, true
	}
	return p, nil
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
