package exhibit

import (
	"bytes"

	"context"
	"errors"
	"fmt"
	"github.com/medchron/medchron/extract/imagedoc"
	"io"
	"path/filepath"
	"strings"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"

	"github.com/medchron/medchron/chronology"
	"github.com/medchron/medchron/extract"
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
	// Bytes is the PDF, or a TIFF, JPEG or PNG scan (its pages are then
	// the image's pages, as extract/imagedoc reads them).
	Bytes []byte
	// Load, when set, reads the document's bytes when its turn comes
	// instead of Bytes, so that a long exhibit holds one document at a
	// time.
	Load func() ([]byte, error)
	// Open, when set, is used instead of Load and Bytes: it opens the
	// document (a file, say) when its turn comes, and a PDF is parsed
	// from it part by part, so that its bytes are never all in memory
	// beside what the parser keeps of them (a scanned document of
	// thousands of pages is tens of megabytes). Build closes it once the
	// document's pages are written.
	Open func() (io.ReadSeekCloser, error)
	// BatesFirst is the Bates number of the document's first page, as
	// chronology.Build set it in Document.BatesFirst.
	BatesFirst string
	// BatesLast, when set, is checked against the last page's number.
	BatesLast string
	// SenderBates: the pages already carry the Bates numbers BatesFirst
	// to BatesLast, stamped by the sender (chronology.Document.SenderBates);
	// they are not stamped again and their numbers need not have the
	// exhibit's prefix.
	SenderBates bool
	// Marks are bookmarks inside the document (its encounters), listed
	// under its own bookmark; a mark past the document's last page is
	// left out.
	Marks []Mark
	// Words, when set, reads the boxes of the words printed on pages first
	// through last (index 0: page first; points from the top left of the
	// page as shown, as extract.Page.Words hold them), so that stamps go
	// where nothing is printed (placeStamps). Build asks for WordsWindow
	// pages at a time, so that a long document's boxes are never all in
	// memory. Without it the stamps take their usual places.
	Words func(first, last int) ([][]extract.Box, error)
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
	// Index puts index pages first: every document under its provider
	// with its Bates range and page count, each line a link to the
	// document. The index pages carry no Bates number.
	Index bool
}

// MaxFooter is the longest Options.Footer, in characters.
const MaxFooter = 100

// placed is a document's place in the exhibit.
type placed struct {
	doc   Doc
	start int // first page in the exhibit, 1-based
	pages int
	bates int // Bates number of the first page; 0 for the sender's numbers
	// first and last are the Bates numbers of the first and last page.
	first, last string
}

// Build writes one PDF of docs to w, in the order given: every page
// stamped with its Bates number (and opt.Footer), with an outline of one
// entry per provider and one per document, each pointing at the first page
// of what it names. An unreadable document, a page count that differs from
// Doc.Pages or a malformed Bates number fails the whole exhibit with an
// error naming the file; nothing useful is written to w then.
//
// The exhibit is written as it is built: one source document is parsed at
// a time, its pages and the objects they use are written out renumbered,
// and only object offsets are kept, so memory is bounded by the largest
// document, not by the exhibit (Doc.Load defers reading each document
// until its turn).
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
	for _, d := range docs {
		if err := d.checkBates(prefix); err != nil {
			return fmt.Errorf("build exhibit: %s: %w", d.name(), err)
		}
	}
	version := "1.7"
	for _, d := range docs {
		if bytes.HasPrefix(d.Bytes, []byte("%PDF-2.0")) {
			version = "2.0"
		}
	}
	sw := newStreamWriter(w, version)
	parts := make([]placed, 0, len(docs))
	var pageObj []int
	for _, d := range docs {
		if err := ctx.Err(); err != nil {
			return fmt.Errorf("build exhibit: %w", err)
		}
		p, err := appendDoc(ctx, sw, d, prefix, footer, &pageObj)
		if err != nil {
			return fmt.Errorf("build exhibit: %w", err)
		}
		p.start = len(pageObj) - p.pages + 1
		parts = append(parts, p)
	}
	sw.object(objFont, "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>", nil)
	marks := outline(parts)
	all := pageObj
	if opt.Index {
		lines := indexLines(parts)
		index := make([]int, indexPageCount(lines))
		for i := range index {
			index[i] = sw.alloc()
		}
		first, last := batesRange(parts, prefix)
		writeIndex(sw, index, lines, pageObj, len(parts), len(pageObj), first, last, footer)
		all = append(index, pageObj...)
		marks = append([]entry{{title: IndexTitle, page: 1}}, shift(marks, len(index))...)
	}
	kids := make([]string, len(all))
	for i, n := range all {
		kids[i] = fmt.Sprintf("%d 0 R", n)
	}
	sw.object(objPages, fmt.Sprintf("<< /Type /Pages /Count %d /Kids [%s] >>", len(all), strings.Join(kids, " ")), nil)
	root, err := writeOutline(sw, marks, all)
	if err != nil {
		return fmt.Errorf("build exhibit: bookmarks: %w", err)
	}
	catalog := fmt.Sprintf("<< /Type /Catalog /Pages %d 0 R", objPages)
	if root != 0 {
		catalog += fmt.Sprintf(" /Outlines %d 0 R /PageMode /UseOutlines", root)
	}
	sw.object(objCatalog, catalog+" >>", nil)
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("build exhibit: %w", err)
	}
	if err := sw.finish(); err != nil {
		return fmt.Errorf("build exhibit: write: %w", err)
	}
	return nil
}

// appendDoc reads d and writes its pages, stamped, to sw, adding their
// object numbers to pageObj.
func appendDoc(ctx context.Context, sw *streamWriter, d Doc, prefix, footer string, pageObj *[]int) (placed, error) {
	name := d.name()
	first := 0
	var err error
	if !d.SenderBates {
		if first, err = parseBates(prefix, d.BatesFirst); err != nil {
			return placed{}, fmt.Errorf("%s: %w", name, err)
		}
	}
	src, closeSrc, err := d.parse(ctx, name)
	if err != nil {
		return placed{}, err
	}
	defer closeSrc()
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
	if !d.SenderBates && d.BatesLast != "" && d.BatesLast != Bates(prefix, first+n-1) {
		return placed{}, fmt.Errorf("%s: %d pages from %s end at %s, not at %s", name, n, d.BatesFirst, Bates(prefix, first+n-1), d.BatesLast)
	}
	c := newCopier(sw, src)
	pages, err := pdf.PageTree(src)
	if err != nil {
		return placed{}, fmt.Errorf("%s: %w", name, err)
	}
	dst := make([]int, n)
	for i, pg := range pages {
		dst[i] = sw.alloc()
		c.nums[pg.Ref.ObjectNumber.Value()] = dst[i] // links to the page land on its copy
	}
	var words [][]extract.Box // of pages from+1 on
	from := 0
	for i := range n {
		if d.Words != nil && i%WordsWindow == 0 {
			from = i
			if words, err = d.Words(i+1, min(i+WordsWindow, n)); err != nil {
				return placed{}, fmt.Errorf("%s: %w", name, err)
			}
		}
		var stamps []stampText
		if !d.SenderBates {
			stamps = append(stamps, stampText{text: Bates(prefix, first+i), size: batesSize, right: true})
		}
		if footer != "" {
			stamps = append(stamps, stampText{text: footer, size: footerSize})
		}
		var pw []extract.Box
		if i-from < len(words) {
			pw = words[i-from]
		}
		if err := c.copyPage(i+1, pages[i], dst[i], stamps, pw); err != nil {
			return placed{}, fmt.Errorf("%s: %w", name, err)
		}
	}
	*pageObj = append(*pageObj, dst...)
	p := placed{doc: d, pages: n, bates: first, first: d.BatesFirst, last: d.BatesLast}
	if !d.SenderBates {
		p.first, p.last = Bates(prefix, first), Bates(prefix, first+n-1)
	} else if p.last == "" {
		p.last = p.first
	}
	return p, nil
}

// parse reads the document (d.Open, d.Load or d.Bytes) into a pdfcpu
// context; a scan that arrived as an image becomes a PDF of its pages.
// done closes what d.Open opened, once the context is no longer used.
func (d Doc) parse(ctx context.Context, name string) (src *model.Context, done func(), err error) {
	done = func() {}
	data := d.Bytes
	switch {
	case d.Open != nil:
		rs, err := d.Open()
		if err != nil {
			return nil, done, fmt.Errorf("%s: %w", name, err)
		}
		done = func() { rs.Close() }
		head := make([]byte, 16)
		n, err := io.ReadFull(rs, head)
		if err != nil && err != io.EOF && err != io.ErrUnexpectedEOF {
			return nil, done, fmt.Errorf("%s: %w", name, err)
		}
		if _, err := rs.Seek(0, io.SeekStart); err != nil {
			return nil, done, fmt.Errorf("%s: %w", name, err)
		}
		if !isImage(d, head[:n]) {
			src, err := pdf.OpenReader(ctx, name, rs) // a *pdf.FileError, naming the file
			return src, done, err
		}
		if data, err = io.ReadAll(rs); err != nil {
			return nil, done, fmt.Errorf("%s: %w", name, err)
		}
	case d.Load != nil:
		if data, err = d.Load(); err != nil {
			return nil, done, fmt.Errorf("%s: %w", name, err)
		}
	}
	if isImage(d, data[:min(len(data), 16)]) {
		// A scan that arrived as an image: its pages as a PDF. (An image
		// named .pdf is refused, as the pipeline refused it.)
		var buf bytes.Buffer
		if err := imagedoc.WritePDF(&buf, name, data); err != nil {
			return nil, done, err
		}
		data = buf.Bytes()
	}
	src, err = pdf.Open(ctx, name, data) // a *pdf.FileError, naming the file
	return src, done, err
}

// isImage reports whether a document whose first bytes are head is a
// scan that arrived as an image file.
func isImage(d Doc, head []byte) bool {
	return imagedoc.Sniff(head) != "" && !strings.EqualFold(filepath.Ext(d.File), ".pdf")
}

// checkBates checks the document's first Bates number before anything is
// written: the exhibit's prefix and a number, unless the sender's numbers
// are kept (then only present).
func (d Doc) checkBates(prefix string) error {
	if d.SenderBates {
		if strings.TrimSpace(d.BatesFirst) == "" {
			return errors.New("keeps the sender's Bates numbers but names none")
		}
		return nil
	}
	_, err := parseBates(prefix, d.BatesFirst)
	return err
}

// batesRange is the lowest and highest Bates number of the exhibit's own
// numbering, or, when every document keeps the sender's numbers, the
// first and last of those.
func batesRange(parts []placed, prefix string) (string, string) {
	lo, hi := 0, 0
	for _, p := range parts {
		if p.doc.SenderBates {
			continue
		}
		if lo == 0 || p.bates < lo {
			lo = p.bates
		}
		hi = max(hi, p.bates+p.pages-1)
	}
	if lo == 0 {
		return parts[0].first, parts[len(parts)-1].last
	}
	return Bates(prefix, lo), Bates(prefix, hi)
}
