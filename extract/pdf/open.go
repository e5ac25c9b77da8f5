package pdf

import (
	"bytes"
	"context"

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

// Config returns the pdfcpu configuration Open reads with: relaxed
// validation, tighter resource limits, and pdfcpu's configuration directory
// disabled (api.DisableConfigDir), so that nothing is written to the home
// directory. Each call returns a fresh configuration the caller may change.
func Config() *model.Configuration { return config() }
