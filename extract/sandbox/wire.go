package sandbox

import (
	"context"
	"errors"
	"path/filepath"

	"github.com/medchron/medchron/extract"
	"github.com/medchron/medchron/extract/imagedoc"
	"github.com/medchron/medchron/extract/ocr"
	"github.com/medchron/medchron/extract/pdf"
)

// Operations a worker process performs.
const (
	opInspect = "inspect"
	opText    = "text"
	opImage   = "image"
	opOCR     = "ocr"
	opOCRPage = "ocrpage"
	opRender  = "render"
	opCrash   = "crash" // tests: the worker dies as on a fatal decoder bug
	opHog     = "hog"   // tests: the worker allocates without bound
)

// request is one call to a worker.
type request struct {
	Op        string
	Name      string
	Path      string
	Data      []byte
	Page, DPI int
	DocID     string
}

// response is a worker's answer.
type response struct {
	N       int
	Page    extract.Page
	Pages   []extract.Page
	Data    []byte
	Weights []int64
	Err     *wireErr
}

// wireErr carries an error across the pipe, keeping *pdf.FileError and the
// sentinels errors.Is looks for.
type wireErr struct {
	File, Detail, Kind, Msg string
	Page                    int
}

var sentinels = map[string]error{
	"empty":     pdf.ErrEmpty,
	"notpdf":    pdf.ErrNotPDF,
	"encrypted": pdf.ErrEncrypted,
	"corrupt":   pdf.ErrCorrupt,
	"nopage":    pdf.ErrNoPage,
	"nopoppler": pdf.ErrNoPoppler,
	"toolarge":  pdf.ErrTooLarge,
	"imagebad":  imagedoc.ErrCorrupt,
	"ocrbad":    ocr.ErrBadImage,
	"ocrnone":   ocr.ErrUnavailable,
	"canceled":  context.Canceled,
	"deadline":  context.DeadlineExceeded,
	"ocrclosed": ocr.ErrClosed,
}

func toWire(err error) *wireErr {
	if err == nil {
		return nil
	}
	w := &wireErr{Msg: err.Error()}
	for k, s := range sentinels {
		if errors.Is(err, s) {
			w.Kind = k
		}
	}
	var fe *pdf.FileError
	if errors.As(err, &fe) {
		w.File, w.Page, w.Detail = fe.File, fe.Page, fe.Detail
		if w.Kind == "" && fe.Err != nil {
			w.Msg = fe.Err.Error()
		}
		if w.Kind == "" {
			w.Kind = "file"
		}
	}
	return w
}

// wireError is an error from a worker that is not a FileError.
type wireError struct {
	msg  string
	kind error
}

func (e *wireError) Error() string { return e.msg }
func (e *wireError) Unwrap() error { return e.kind }

func (w *wireErr) err() error {
	if w == nil {
		return nil
	}
	kind := sentinels[w.Kind]
	if w.Kind == "file" || w.File != "" {
		inner := kind
		if inner == nil {
			inner = errors.New(w.Msg)
		}
		return &pdf.FileError{File: w.File, Page: w.Page, Detail: w.Detail, Err: inner}
	}
	return &wireError{msg: w.Msg, kind: kind}
}

// pdfName is how a cached original is named in errors: its base name.
func pdfName(path string) string { return filepath.Base(path) }
