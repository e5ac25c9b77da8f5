package pdfsafe

import (
	"bytes"

	"github.com/medchron/medchron/extract/pdf"
)

// headerWindow is how far into a file the %PDF- marker may start; tailWindow
// how far from its end the last %%EOF may stand (producers append junk).
const (
	headerWindow = 1024
	tailWindow   = 4096
)

// Sniff checks from a file's first bytes (head), last bytes (tail) and
// size that it can be a PDF: not empty (pdf.ErrEmpty), another format
// (pdf.ErrNotPDF, saying which), nor cut off before its end-of-file marker
// (pdf.ErrCorrupt). Errors are *pdf.FileError values naming the file.
func Sniff(name string, head, tail []byte, size int64) error {
	if size == 0 {
		return &pdf.FileError{File: name, Err: pdf.ErrEmpty}
	}
	if !bytes.Contains(head[:min(len(head), headerWindow)], []byte("%PDF-")) {
		return &pdf.FileError{File: name, Detail: pdf.Describe(head), Err: pdf.ErrNotPDF}
	}
	if !bytes.Contains(tail[max(0, len(tail)-tailWindow):], []byte("%%EOF")) {
		return &pdf.FileError{File: name, Detail: "is cut off: it has no end-of-file marker (an interrupted download or copy?)", Err: pdf.ErrCorrupt}
	}
	return nil
}
