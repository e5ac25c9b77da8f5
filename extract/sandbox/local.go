package sandbox

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/medchron/medchron/extract"
	"github.com/medchron/medchron/extract/imagedoc"
	"github.com/medchron/medchron/extract/ocr"
	"github.com/medchron/medchron/extract/pdf"
)

// Local reads record files in the calling process: PDFs with extract/pdf,
// TIFF, JPEG and PNG files with extract/imagedoc, OCR with Tesseract
// clients started on first use. A worker process runs one Local with one
// client; Pool falls back to a Local when the program cannot start worker
// processes (see RunIfChild).
type Local struct {
	// DPI is the resolution PDF pages are rendered at for OCR when their
	// own image cannot be used (300 by default).
	DPI int
	// Clients is the number of Tesseract clients (1 by default).
	Clients int
	// OCR configures the clients.
	OCR ocr.Options

	once sync.Once
	pool *ocr.Pool
	err  error
}

func (l *Local) dpi() int {
	if l.DPI <= 0 {
		return 300
	}
	return l.DPI
}

// Inspect validates a record file (PDF, TIFF, JPEG or PNG) and returns its
// page count. Errors name the file and say what is wrong.
func (l *Local) Inspect(ctx context.Context, name string, data []byte) (int, error) {
	// An image named .pdf is refused as not a PDF (pdf.Inspect says what
	// it is): the name says something else went wrong.
	if imagedoc.Sniff(data[:min(len(data), 16)]) != "" && !strings.EqualFold(filepath.Ext(name), ".pdf") {
		info, err := imagedoc.Inspect(name, data)
		if err != nil {
			return 0, err
		}
		return len(info.Pages), nil
	}
	info, err := pdf.Inspect(ctx, name, data)
	if err != nil {
		return 0, err
	}
	return info.PageCount(), nil
}

// InspectFile is Inspect on the file at path, which also returns a PDF's
// pages' weights: the encoded bytes of the images each draws
// (pdf.PageInfo.ImageBytes; nil for an image document). A PDF is read as
// the parser asks for it, never whole (see pdf.InspectFile); an image
// document is.
func (l *Local) InspectFile(ctx context.Context, name, path string) (pages int, weights []int64, err error) {
	if imagedoc.SniffFile(path) != "" && !strings.EqualFold(filepath.Ext(name), ".pdf") {
		data, err := os.ReadFile(path)
		if err != nil {
			return 0, nil, err
		}
		pages, err := l.Inspect(ctx, name, data)
		return pages, nil, err
	}
	info, err := pdf.InspectFile(ctx, name, path)
	if err != nil {
		return 0, nil, err
	}
	weights = make([]int64, len(info.Pages))
	for i, p := range info.Pages {
		weights[i] = p.ImageBytes
	}
	return info.PageCount(), weights, nil
}

// TextLayer returns every page with the text of its text layer; an image
// document's pages have none and all wait for OCR.
func (l *Local) TextLayer(ctx context.Context, path string) ([]extract.Page, error) {
	if imagedoc.SniffFile(path) != "" {
		data, err := os.ReadFile(path)
		if err != nil {
			return nil, err
		}
		info, err := imagedoc.Inspect(pdfName(path), data)
		if err != nil {
			return nil, err
		}
		pages := make([]extract.Page, len(info.Pages))
		for i, p := range info.Pages {
			pages[i] = extract.Page{Number: i + 1, Width: float64(p.Width) * 72 / float64(p.DPI), Height: float64(p.Height) * 72 / float64(p.DPI)}
		}
		return pages, nil
	}
	return pdf.TextLayer(ctx, path)
}

// PageImage returns the image of one page to OCR and its resolution.
func (l *Local) PageImage(ctx context.Context, path string, page int) ([]byte, int, error) {
	if imagedoc.SniffFile(path) != "" {
		img, err := imagedoc.PageImage(path, page)
		if err != nil {
			return nil, 0, err
		}
		return img.Data, img.DPI, nil
	}
	img, err := pdf.PageImage(ctx, path, page, l.dpi())
	if err != nil {
		return nil, 0, err
	}
	return img.Data, img.DPI, nil
}

// Recognize OCRs a page image.
func (l *Local) Recognize(ctx context.Context, img []byte, dpi int, docID string, page int) (extract.Page, error) {
	l.once.Do(func() {
		l.pool, l.err = ocr.NewPool(max(l.Clients, 1), l.OCR)
		if l.err != nil {
			l.err = fmt.Errorf("start OCR (is tesseract-ocr installed? run scripts/setup-debian.sh): %w", l.err)
		}
	})
	if l.err != nil {
		return extract.Page{}, l.err
	}
	if testPages != nil {
		if p, ok := testPages.get(img, dpi, l.OCR.Language); ok {
			p.DocumentID, p.Number = docID, page
			return p, nil
		}
	}
	p, err := l.pool.Recognize(ctx, img, dpi, docID, page)
	if err == nil && testPages != nil {
		testPages.put(img, dpi, l.OCR.Language, p)
	}
	return p, err
}

// testPages answers Recognize with the words Tesseract read from the same
// image before. It is nil in medchron: only a binary built with -tags
// medchron_testpages (testpages.go), which internal/cli's tests build for
// a run that OCRs the pages another run of the test process has OCR'd
// already, sets it, and only when MEDCHRON_TEST_PAGES names its folder.
var testPages interface {
	get(img []byte, dpi int, lang string) (extract.Page, bool)
	put(img []byte, dpi int, lang string, p extract.Page)
}

// OCRPage reads one page of the file at path: its image, then its words.
func (l *Local) OCRPage(ctx context.Context, path string, page int, docID string) (extract.Page, error) {
	img, dpi, err := l.PageImage(ctx, path, page)
	if err != nil {
		return extract.Page{}, err
	}
	return l.Recognize(ctx, img, dpi, docID, page)
}

// RenderPage draws a page of the record file in data as a PNG at dpi for
// people to look at (pdf.RenderPage, imagedoc.RenderPage).
func (l *Local) RenderPage(ctx context.Context, data []byte, page, dpi int) ([]byte, error) {
	if imagedoc.Sniff(data[:min(len(data), 16)]) != "" {
		return imagedoc.RenderPage(data, page, dpi)
	}
	return pdf.RenderPage(ctx, data, page, dpi)
}

// Close frees the Tesseract clients.
func (l *Local) Close() error {
	l.once.Do(func() {})
	if l.pool != nil {
		l.pool.Close()
	}
	return nil
}
