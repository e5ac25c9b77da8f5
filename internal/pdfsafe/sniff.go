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
		return &pdf.FileError{File: name, Detail: describe(head), Err: pdf.ErrNotPDF}
	}
	if !bytes.Contains(tail[max(0, len(tail)-tailWindow):], []byte("%%EOF")) {
		return &pdf.FileError{File: name, Detail: "is cut off: it has no end-of-file marker (an interrupted download or copy?)", Err: pdf.ErrCorrupt}
	}
	return nil
}

// describe names the format of a file that is not a PDF.
func describe(head []byte) string {
	magic := []struct{ prefix, what string }{
		{"\xff\xd8\xff", "is a JPEG image, not a PDF"},
		{"\x89PNG\r\n\x1a\n", "is a PNG image, not a PDF"},
		{"II*\x00", "is a TIFF image, not a PDF"},
		{"MM\x00*", "is a TIFF image, not a PDF"},
		{"GIF8", "is a GIF image, not a PDF"},
		{"PK\x03\x04", "is a ZIP archive (perhaps a Word or Excel file), not a PDF"},
		{"\xd0\xcf\x11\xe0", "is an old Microsoft Office file, not a PDF"},
		{"{\\rtf", "is an RTF document, not a PDF"},
		{"%!PS", "is a PostScript file, not a PDF"},
		{"MZ", "is a Windows program, not a PDF"},
		{"\x7fELF", "is a program, not a PDF"},
	}
	for _, m := range magic {
		if bytes.HasPrefix(head, []byte(m.prefix)) {
			return m.what
		}
	}
	t := bytes.ToLower(bytes.TrimSpace(head))
	if bytes.HasPrefix(t, []byte("<!doctype html")) || bytes.HasPrefix(t, []byte("<html")) {
		return "is an HTML page, not a PDF"
	}
	return "is not a PDF"
}
