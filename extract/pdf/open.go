package pdf

import (
	"bytes"
	"context"
	"fmt"
	"io"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
)

// Open parses the PDF in data, named name in errors, into a pdfcpu context
// for callers that transform PDFs (merging, stamping). It reads as Inspect
// does: relaxed validation, bounded resources, no pdfcpu configuration
// directory, panics in pdfcpu turned into ErrCorrupt, and errors that are
// *FileError values wrapping ErrEmpty, ErrNotPDF, ErrEncrypted or
// ErrCorrupt. The context is not validated and is not safe for concurrent
// use.
func Open(ctx context.Context, name string, data []byte) (*model.Context, error) {
	if err := sniff(name, data); err != nil {
		return nil, err
	}
	return open(ctx, name, bytes.NewReader(data))
}

// OpenReader is Open for a PDF read from rs part by part as the parser
// asks for them, so that the file's bytes are never held whole beside
// what pdfcpu parses from them. rs must stay readable while the context
// is used.
func OpenReader(ctx context.Context, name string, rs io.ReadSeeker) (*model.Context, error) {
	head := make([]byte, pdfHeaderWindow)
	n, err := io.ReadFull(rs, head)
	if err != nil && err != io.EOF && err != io.ErrUnexpectedEOF {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	if err := sniff(name, head[:n]); err != nil {
		return nil, err
	}
	if _, err := rs.Seek(0, io.SeekStart); err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	return open(ctx, name, rs)
}

// Config returns the pdfcpu configuration Open reads with: relaxed
// validation, tighter resource limits, and pdfcpu's configuration directory
// disabled (api.DisableConfigDir), so that nothing is written to the home
// directory. Each call returns a fresh configuration the caller may change.
func Config() *model.Configuration { return config() }
