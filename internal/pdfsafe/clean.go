package pdfsafe

import (
	"bytes"
	"context"
	"fmt"

	"github.com/medchron/medchron/extract/pdf"
)

// Clean returns a copy of the PDF in data without active content
// (Sanitize), written anew by pdfcpu: earlier revisions and objects
// nothing refers to are gone, and a PDF that was encrypted with an empty
// user password is written decrypted. name names the file in errors. The
// copy has the same pages.
func Clean(ctx context.Context, name string, data []byte) (out []byte, rep Report, err error) {
	defer func() {
		// pdfcpu can panic on hostile input.
		if r := recover(); r != nil {
			out, err = nil, fmt.Errorf("%s: cannot be cleaned: pdfcpu panic: %v", name, r)
		}
	}()
	pctx, err := pdf.Open(ctx, name, data)
	if err != nil {
		return nil, nil, err
	}
	// Sanitize before validation: validating an action can leave the
	// context half-checked, and the writer would then drop pages.
	rep, err = Sanitize(pctx)
	if err != nil {
		return nil, rep, fmt.Errorf("%s: %w", name, err)
	}
	// No validation pass: pdfcpu's validator follows some references
	// without end (a pattern that paints with itself overflows the stack,
	// which no recover catches), and this runs in the server's process.
	// The copy is read back instead.
	pages := pctx.PageCount
	if pages == 0 {
		return nil, rep, fmt.Errorf("%s: has no pages", name)
	}
	pctx.Encrypt, pctx.E, pctx.EncKey = nil, nil, nil
	var buf bytes.Buffer
	if err := write(pctx, &buf); err != nil {
		return nil, rep, fmt.Errorf("%s: write cleaned copy: %w", name, err)
	}
	check, err := pdf.Open(ctx, name, buf.Bytes())
	if err != nil {
		return nil, rep, fmt.Errorf("%s: the cleaned copy does not read back: %w", name, err)
	}
	if check.PageCount != pages {
		return nil, rep, fmt.Errorf("%s: the cleaned copy has %d pages, not %d", name, check.PageCount, pages)
	}
	return buf.Bytes(), rep, nil
}
