package exhibit

import (
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"

	"github.com/medchron/medchron/chronology"
	"github.com/medchron/medchron/extract/pdf"
	"github.com/medchron/medchron/internal/pdfsafe"
)

// Doc is one record document of the exhibit.
type Doc struct {
	// Provider titles the outline entry the document is listed under;
	// consecutive documents with the same provider share one entry.
	Provider string
	// Title is the document's outline entry; File when empty.
	Title string
	// File is the document's file name, used in errors.
	File string
	// Bytes is the PDF.
	Bytes []byte
	// BatesFirst is the Bates number of the document's first page, as
	// chronology.Build set it in Document.BatesFirst.
	BatesFirst string
	// BatesLast, when set, is checked against the last page's number.
	BatesLast string
	// Pages, when above 0, is the page count the chronology numbered
	// (Document.Pages); a PDF with another count is an error, since its
	// Bates numbers would not match the chronology's citations.
	Pages int
}

// name is how errors and the outline name the document.
func (d Doc) name() string {
	if d.File != "" {
		return filepath.Base(d.File)
	}
	if d.Title != "" {
		return d.Title
	}
	return "document"
}

// Options tune Build. The zero Options are the defaults.
type Options struct {
	// BatesPrefix prefixes the Bates numbers, chronology.DefaultBatesPrefix
	// when empty; it must be the prefix the chronology was built with.
	BatesPrefix string
	// Footer, when set, is stamped at the bottom left of every page, for
	// example "DRAFT" or "CONFIDENTIAL — SUBJECT TO PROTECTIVE ORDER". It is
	// one line of at most MaxFooter characters; characters outside Latin-1
	// are replaced (dashes and quotes by their ASCII forms, others by "?").
	Footer string
}

// MaxFooter is the longest Options.Footer, in characters.
const MaxFooter = 100

// placed is a document's place in the exhibit.
type placed struct {
	doc   Doc
	start int // first page in the exhibit, 1-based
	pages int
	bates int // Bates number of the first page
}

// Build writes one PDF of docs to w, in the order given: every page
// stamped with its Bates number (and opt.Footer), with an outline of one
// entry per provider and one per document, each pointing at the first page
// of what it names. An unreadable document, a page count that differs from
// Doc.Pages or a malformed Bates number fails the whole exhibit with an
// error naming the file; nothing useful is written to w then.
func Build(ctx context.Context, w io.Writer, docs []Doc, opt Options) (err error) {
	defer func() {
		// pdfcpu can panic on hostile input.
		if r := recover(); r != nil {
			err = fmt.Errorf("build exhibit: pdfcpu panic: %v", r)
		}
	}()
	if len(docs) == 0 {
		return errors.New("build exhibit: no documents")
	}
	prefix := opt.BatesPrefix
	if prefix == "" {
		prefix = chronology.DefaultBatesPrefix
	}
	footer, err := footerText(opt.Footer)
	if err != nil {
		return fmt.Errorf("build exhibit: %w", err)
	}
	dest, err := newDest()
	if err != nil {
		return fmt.Errorf("build exhibit: %w", err)
	}
	parts := make([]placed, 0, len(docs))
	total := 0
	for _, d := range docs {
		if err := ctx.Err(); err != nil {
			return fmt.Errorf("build exhibit: %w", err)
		}
		p, err := appendDoc(ctx, dest, d, prefix)
		if err != nil {
			return fmt.Errorf("build exhibit: %w", err)
		}
		p.start = total + 1
		total += p.pages
		parts = append(parts, p)
	}
	if dest.PageCount != total {
		return fmt.Errorf("build exhibit: merged %d pages, want %d", dest.PageCount, total)
	}
	if err := stamp(dest, parts, prefix, footer); err != nil {
		return fmt.Errorf("build exhibit: stamp: %w", err)
	}
	if err := addOutline(dest, outline(parts)); err != nil {
		return fmt.Errorf("build exhibit: bookmarks: %w", err)
	}
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("build exhibit: %w", err)
	}
	dest.Read = nil // set for merging only; the writer would log read statistics
	if err := api.WriteContext(dest, w); err != nil {
		return fmt.Errorf("build exhibit: write: %w", err)
	}
	return nil
}

// newDest is the empty PDF the documents are merged into.
func newDest() (*model.Context, error) {
	conf := pdf.Config()
	conf.Cmd = model.MERGECREATE
	conf.CreateBookmarks = false // the outline is added last, once
	dim := types.PaperSize["Letter"]
	dest, err := pdfcpu.CreateContextWithXRefTable(conf, dim)
	if err != nil {
		return nil, fmt.Errorf("create PDF: %w", err)
	}
	// pdfcpu merges only into a context that was read from a file.
	dest.Read = &model.ReadContext{ObjectStreams: types.IntSet{}, XRefStreams: types.IntSet{}}
	return dest, nil
}

// appendDoc reads d and appends its pages to dest.
func appendDoc(ctx context.Context, dest *model.Context, d Doc, prefix string) (placed, error) {
	name := d.name()
	first, err := parseBates(prefix, d.BatesFirst)
	if err != nil {
		return placed{}, fmt.Errorf("%s: %w", name, err)
	}
	src, err := pdf.Open(ctx, name, d.Bytes)
	if err != nil {
		return placed{}, err // a *pdf.FileError, naming the file
	}
	// The exhibit goes out of the firm: no page of it may carry scripts,
	// launch or link-out actions, form submissions or embedded files.
	if _, err := pdfsafe.Sanitize(src); err != nil {
		return placed{}, fmt.Errorf("%s: %w", name, err)
	}
	// Validation resolves the page tree and repairs what relaxed mode
	// allows; a document that breaks the standard but still reads is kept,
	// as the pipeline kept it.
	_ = api.ValidateContext(src)
	n := src.PageCount
	if n == 0 {
		return placed{}, fmt.Errorf("%s: has no pages", name)
	}
	if d.Pages > 0 && n != d.Pages {
		return placed{}, fmt.Errorf("%s: has %d pages, the chronology numbered %d", name, n, d.Pages)
	}
	if d.BatesLast != "" && d.BatesLast != Bates(prefix, first+n-1) {
		return placed{}, fmt.Errorf("%s: %d pages from %s end at %s, not at %s", name, n, d.BatesFirst, Bates(prefix, first+n-1), d.BatesLast)
	}
	if src.XRefTable.Version() == model.V20 {
		v := model.V20 // written as a PDF 2.0 file then
		dest.XRefTable.HeaderVersion = &v
	}
	if err := mergeInto(dest, src, name); err != nil {
		return placed{}, fmt.Errorf("%s: cannot be merged: %w", name, err)
	}
	return placed{doc: d, pages: n, bates: first}, nil
}

// mergeInto appends src's pages to dest, turning a pdfcpu panic into an
// error.
func mergeInto(dest, src *model.Context, name string) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("pdfcpu panic: %v", r)
		}
	}()
	// A source that was encrypted (with an empty user password) is read
	// decrypted; its objects are written unencrypted.
	return pdfcpu.MergeXRefTables(name, src, dest, false, false)
}
