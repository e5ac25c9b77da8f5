package ocr

import (
	_ "github.com/medchron/medchron/extract/pnm" // PNM page images from extract/pdf

	"bytes"
	"context"
	"errors"
	"fmt"
	"image"
	_ "image/jpeg" // image sizes before OCR
	_ "image/png"  // image sizes before OCR
	"os"
	"sync"
	"syscall"

	_ "golang.org/x/image/tiff" // image sizes before OCR

	"github.com/medchron/medchron/extract"
)

// MaxSide is the longest side, in pixels, of an image Tesseract reads.
const MaxSide = 32767

// Errors from the pool.
var (
	// ErrClosed reports a Recognize call on a closed pool.
	ErrClosed = errors.New("ocr pool is closed")
	// ErrUnavailable reports a build without Tesseract (cgo disabled).
	ErrUnavailable = errors.New("tesseract OCR is not available in this build (needs cgo and libtesseract)")
	// ErrBadImage reports image bytes that cannot be OCR'd; reading them
	// again cannot help.
	ErrBadImage error = permanentError("image cannot be read for OCR")
)

// permanentError is an error that trying again cannot mend; callers that
// retry look for its Permanent method through the wrapping.
type permanentError string

func (e permanentError) Error() string   { return string(e) }
func (e permanentError) Permanent() bool { return true }

// Options configure the Tesseract clients of a pool.
type Options struct {
	// Language is a Tesseract language such as "eng" (the default) or
	// "eng+spa".
	Language string
	// PSM is Tesseract's page segmentation mode; 0 means 3 (fully automatic).
	PSM int
	// TessdataPrefix is the directory holding the traineddata files; empty
	// means Tesseract's default.
	TessdataPrefix string
	// MaxPixels caps the size of an image to OCR; 0 means 100 million
	// (a Letter page at 1000 DPI).
	MaxPixels int
}

func (o Options) withDefaults() Options {
	if o.Language == "" {
		o.Language = "eng"
	}
	if o.PSM == 0 {
		o.PSM = 3
	}
	if o.MaxPixels == 0 {
		o.MaxPixels = 100_000_000
	}
	return o
}

// engine is one OCR client; it is used by one goroutine at a time.
type engine interface {
	// recognize runs OCR once and returns the words in reading order.
	recognize(img []byte, dpi int) ([]rawWord, error)
	close()
}

// Pool is a fixed set of Tesseract clients shared by goroutines; each
// Recognize borrows one client for one page.
type Pool struct {
	opts      Options
	newEngine func(Options) (engine, error)
	free      chan engine // nil entries are clients to recreate
	size      int
	closed    chan struct{}
	closeOnce sync.Once
}

// NewPool starts size Tesseract clients, one after another (a client's
// start-up redirects the process's standard error for a moment, which
// must not overlap).
func NewPool(size int, opts Options) (*Pool, error) {
	return newPool(size, opts, newTesseract)
}

func newPool(size int, opts Options, newEngine func(Options) (engine, error)) (*Pool, error) {
	if size < 1 {
		return nil, fmt.Errorf("ocr pool size %d: want at least 1", size)
	}
	p := &Pool{
		opts:      opts.withDefaults(),
		newEngine: newEngine,
		free:      make(chan engine, size),
		size:      size,
		closed:    make(chan struct{}),
	}
	for i := range size {
		e, err := newEngine(p.opts)
		if err != nil {
			p.Close()
			return nil, fmt.Errorf("start OCR client %d of %d: %w", i+1, size, err)
		}
		p.free <- e
	}
	return p, nil
}

// Size is the number of clients.
func (p *Pool) Size() int { return p.size }

// Close waits for borrowed clients to come back and frees them all.
// Recognize calls after Close fail with ErrClosed.
func (p *Pool) Close() {
	p.closeOnce.Do(func() {
		close(p.closed)
		for range p.size {
			if e := <-p.free; e != nil {
				e.close()
			}
		}
	})
}

// Recognize OCRs one page image (PNG, JPEG or TIFF) of resolution dpi and
// returns the page of document docID numbered page, with extract.SourceOCR,
// or extract.SourceEmpty when no words were found. It waits for a free
// client until ctx is done; once OCR has started it runs to the end.
func (p *Pool) Recognize(ctx context.Context, img []byte, dpi int, docID string, page int) (extract.Page, error) {
	out := extract.Page{DocumentID: docID, Number: page}
	if dpi < 10 || dpi > 2400 {
		return out, fmt.Errorf("ocr page %d of %s: %w: resolution %d dpi", page, docID, ErrBadImage, dpi)
	}
	cfg, format, err := image.DecodeConfig(bytes.NewReader(img))
	if err != nil {
		return out, fmt.Errorf("ocr page %d of %s: %w: %v", page, docID, ErrBadImage, err)
	}
	if format == "png" && !bytes.Contains(img[max(0, len(img)-64):], []byte("IEND")) {
		// Leptonica fails on a cut-off PNG, and Tesseract must never be
		// handed an image that did not load.
		return out, fmt.Errorf("ocr page %d of %s: %w: truncated PNG", page, docID, ErrBadImage)
	}
	if cfg.Width*cfg.Height > p.opts.MaxPixels || cfg.Width < 1 || cfg.Height < 1 {
		return out, fmt.Errorf("ocr page %d of %s: %w: %dx%d pixels", page, docID, ErrBadImage, cfg.Width, cfg.Height)
	}
	if max(cfg.Width, cfg.Height) > MaxSide {
		// Tesseract refuses it, and gosseract then reads a result that
		// is not there (a crash).
		return out, fmt.Errorf("ocr page %d of %s: %w: %dx%d pixels, more than %d a side", page, docID, ErrBadImage, cfg.Width, cfg.Height, MaxSide)
	}
	out.Width, out.Height = float64(cfg.Width)*72/float64(dpi), float64(cfg.Height)*72/float64(dpi)

	raw, err := p.run(ctx, img, dpi)
	if err != nil {
		return out, fmt.Errorf("ocr page %d of %s: %w", page, docID, err)
	}
	out.Text, out.Words, out.Confidence = layout(raw, dpi)
	out.Source = extract.SourceOCR
	if len(out.Words) == 0 {
		out.Source = extract.SourceEmpty
	}
	return out, nil
}

// run borrows a client, OCRs img and gives the client back, replacing it
// when it failed or panicked.
func (p *Pool) run(ctx context.Context, img []byte, dpi int) (raw []rawWord, err error) {
	var e engine
	select {
	case <-p.closed:
		return nil, ErrClosed
	case <-ctx.Done():
		return nil, ctx.Err()
	case e = <-p.free:
	}
	select {
	case <-p.closed:
		p.free <- e
		return nil, ErrClosed
	default:
	}
	if e == nil {
		if e, err = p.newEngine(p.opts); err != nil {
			p.free <- nil
			return nil, fmt.Errorf("restart OCR client: %w", err)
		}
	}
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("tesseract panicked: %v", r)
		}
		if err != nil {
			// The client may be in any state: drop it; the next borrower
			// starts a fresh one.
			func() {
				defer func() { _ = recover() }()
				e.close()
			}()
			e = nil
		}
		p.free <- e
	}()
	return e.recognize(img, dpi)
}

// ThreadLimitSet reports whether OMP_THREAD_LIMIT is in the environment.
// Tesseract's OpenMP runtime reads it when the process starts; without
// OMP_THREAD_LIMIT=1, OCR in parallel workers runs several times slower.
func ThreadLimitSet() bool {
	_, ok := os.LookupEnv("OMP_THREAD_LIMIT")
	return ok
}

// EnsureThreadLimit re-executes the running program with OMP_THREAD_LIMIT=1
// added to its environment when the variable is not set; it does not return
// then. When the variable is set it returns nil at once. Call it first thing
// in main, before any goroutine does work.
func EnsureThreadLimit() error {
	if ThreadLimitSet() {
		return nil
	}
	exe, err := os.Executable()
	if err != nil {
		return fmt.Errorf("re-exec with OMP_THREAD_LIMIT=1: %w", err)
	}
	env := append(os.Environ(), "OMP_THREAD_LIMIT=1")
	if err := syscall.Exec(exe, os.Args, env); err != nil {
		return fmt.Errorf("re-exec with OMP_THREAD_LIMIT=1: %w", err)
	}
	return nil
}
