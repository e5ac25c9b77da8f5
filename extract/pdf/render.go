package pdf

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"image/png"
	"strconv"
	"time"

	"github.com/medchron/medchron/internal/lazyre"
)

// RenderTimeout bounds RenderPage when ctx has no deadline: a page image
// is wanted while someone waits for it.
const RenderTimeout = 60 * time.Second

// renderName names the document in RenderPage's errors, which only has
// the bytes; callers wrap the error with the file name.
const renderName = "PDF"

// RenderPage renders page (1-based) of the PDF in pdfBytes, in colour, at
// dpi dots per inch (36 to 1200), with poppler's pdftoppm, and returns the
// PNG. The PDF goes to pdftoppm on its standard input: nothing is written
// to disk.
//
// The PNG covers the page's whole media box as displayed (after the page's
// /Rotate), which is the box TextLayer's word boxes are measured in: a
// point (x, y) from the page's top-left corner, as in extract.Box, is pixel
// (x·dpi/72, y·dpi/72), and the PNG is about width·dpi/72 by height·dpi/72
// pixels for a page of width × height points (PageInfo.Width and Height).
// Percentages of the page (Box.X0/width) therefore work on the image as
// they are. image.DecodeConfig gives the exact pixel size.
//
// Errors are *FileError values naming the page: ErrNoPage for a page
// outside the document, ErrEmpty and ErrNotPDF for input that is not a
// PDF, ErrEncrypted, ErrCorrupt, ErrNoPoppler, or the context's error
// when pdftoppm does not finish in time.
func RenderPage(ctx context.Context, pdfBytes []byte, page int, dpi int) ([]byte, error) {
	if dpi < 36 || dpi > 1200 {
		return nil, fileErr(renderName, page, fmt.Sprintf("resolution %d dpi is outside 36..1200", dpi), errors.New("bad resolution"))
	}
	if page < 1 {
		return nil, fileErr(renderName, 0, fmt.Sprintf("page %d: pages are numbered from 1", page), ErrNoPage)
	}
	if err := sniff(renderName, pdfBytes); err != nil {
		return nil, err
	}
	if err := checkRenderSize(ctx, pdfBytes, page, dpi); err != nil {
		return nil, err
	}
	bin, err := tool("pdftoppm")
	if err != nil {
		return nil, fileErr(renderName, page, "", err)
	}
	if _, ok := ctx.Deadline(); !ok {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, RenderTimeout)
		defer cancel()
	}
	n := strconv.Itoa(page)
	data, err := runCappedInput(ctx, MaxImageBytes, pdfBytes, bin, "-r", strconv.Itoa(dpi), "-png", "-f", n, "-l", n, "-")
	if err != nil {
		return nil, renderErr(ctx, page, err)
	}
	if _, err := png.DecodeConfig(bytes.NewReader(data)); err != nil {
		return nil, fileErr(renderName, page, "pdftoppm produced no page image", ErrCorrupt)
	}
	return data, nil
}

// checkRenderSize refuses, before pdftoppm runs, a page too large to draw
// at dpi (CheckPageSize). A file pdfcpu cannot read is left to pdftoppm.
func checkRenderSize(ctx context.Context, data []byte, page, dpi int) error {
	pctx, err := open(ctx, renderName, bytes.NewReader(data))
	if err != nil {
		return nil // pdftoppm says what is wrong, or that ctx ended
	}
	if page > pctx.PageCount {
		return fileErr(renderName, page, fmt.Sprintf("the file has %d pages", pctx.PageCount), ErrNoPage)
	}
	if w, h, _, ok := pageSize(pctx, page); ok {
		if err := CheckPageSize(w, h, dpi); err != nil {
			return fileErr(renderName, page, err.Error(), ErrTooLarge)
		}
	}
	return nil
}

// lastPageRe finds the page count in pdftoppm's complaint about a page
// range: "the first page (99) can not be after the last page (16)".
var lastPageRe = lazyre.New(`last page \((\d+)\)`)

// renderErr turns a failed pdftoppm run into a FileError naming the page.
func renderErr(ctx context.Context, page int, err error) error {
	var re *runError
	if errors.As(err, &re) && ctx.Err() == nil {
		if m := lastPageRe.FindStringSubmatch(re.stderr); m != nil {
			return fileErr(renderName, page, "the file has "+m[1]+" pages", ErrNoPage)
		}
	}
	ferr := toolErr(ctx, renderName, "pdftoppm", err)
	var fe *FileError
	if errors.As(ferr, &fe) {
		fe.Page = page
	}
	return ferr
}

// runCappedInput runs a program with stdin as its standard input and
// returns its standard output, failing when the output passes limit bytes.
func runCappedInput(ctx context.Context, limit int, stdin []byte, bin string, args ...string) ([]byte, error) {
	out := &cappedBuffer{limit: limit}
	stderr := &tailBuffer{limit: 64 << 10}
	cmd := toolCommand(ctx, bin, args...)
	cmd.Stdin = bytes.NewReader(stdin)
	cmd.Stdout, cmd.Stderr = out, stderr
	cmd.WaitDelay = 5 * time.Second
	if err := cmd.Run(); err != nil {
		return nil, &runError{err: err, stderr: stderr.String()}
	}
	return out.buf.Bytes(), nil
}
