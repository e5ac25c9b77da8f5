package pdf

import (
	"bytes"
	"errors"
	"fmt"
	"unicode/utf8"
)

// Sentinel errors, wrapped in *FileError; test them with errors.Is.
var (
	// ErrEmpty reports a zero-byte file.
	ErrEmpty = errors.New("file is empty")
	// ErrNotPDF reports a file that is not a PDF at all.
	ErrNotPDF = errors.New("not a PDF")
	// ErrEncrypted reports a PDF that needs a password to open.
	ErrEncrypted = errors.New("PDF is encrypted and needs a password")
	// ErrCorrupt reports a truncated or damaged PDF.
	ErrCorrupt = errors.New("PDF is damaged or truncated")
	// ErrNoPage reports a page number outside the document.
	ErrNoPage = errors.New("no such page")
	// ErrNoPoppler reports that poppler-utils (pdftotext, pdftoppm) is missing.
	ErrNoPoppler = errors.New("poppler-utils is not installed")
)

// FileError is an error about one file, or one page of it when Page > 0.
// Detail says more for the user (for example "is a JPEG image"); Err is the
// sentinel or underlying cause.
type FileError struct {
	File   string
	Page   int
	Detail string
	Err    error
}

// Error names the file and page, then the detail and the cause.
func (e *FileError) Error() string {
	where := e.File
	if e.Page > 0 {
		where = fmt.Sprintf("%s page %d", e.File, e.Page)
	}
	switch {
	case e.Detail != "" && e.Err != nil:
		return fmt.Sprintf("%s: %s: %v", where, e.Detail, e.Err)
	case e.Detail != "":
		return where + ": " + e.Detail
	default:
		return fmt.Sprintf("%s: %v", where, e.Err)
	}
}

// Unwrap returns the cause, so errors.Is finds the sentinel.
func (e *FileError) Unwrap() error { return e.Err }

// Permanent reports whether reading again cannot help: the page is too
// large to render or not there, or the file is damaged, locked, empty, no
// PDF or its text past the size limit. The pipeline gives such a page or document up at once instead of
// retrying it (a hostile file's retries took 18 s to end in the same
// verdict).
func (e *FileError) Permanent() bool {
	for _, s := range []error{ErrTooLarge, ErrNoPage, ErrCorrupt, ErrEncrypted, ErrEmpty, ErrNotPDF, errTooBig} {
		if errors.Is(e.Err, s) {
			return true
		}
	}
	return false
}

func fileErr(name string, page int, detail string, err error) error {
	return &FileError{File: name, Page: page, Detail: detail, Err: err}
}

// pdfHeaderWindow is how far into the file the %PDF- marker may start; some
// producers write junk before it, which readers tolerate.
const pdfHeaderWindow = 1024

// sniff checks that data looks like a PDF and, when it does not, says what
// it looks like instead ("is a JPEG image, not a PDF").
func sniff(name string, data []byte) error {
	if len(data) == 0 {
		return fileErr(name, 0, "", ErrEmpty)
	}
	head := data[:min(len(data), pdfHeaderWindow)]
	if bytes.Contains(head, []byte("%PDF-")) {
		return nil
	}
	return fileErr(name, 0, Describe(head), ErrNotPDF)
}

// Describe names the format of a file that is not a PDF from its first
// bytes: "is a JPEG image, not a PDF", "is text, not a PDF".
func Describe(head []byte) string {
	magic := []struct {
		prefix string
		what   string
	}{
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
	trimmed := bytes.ToLower(bytes.TrimSpace(head))
	if bytes.HasPrefix(trimmed, []byte("<!doctype html")) || bytes.HasPrefix(trimmed, []byte("<html")) {
		return "is an HTML page, not a PDF"
	}
	if looksLikeText(head) {
		return "is text, not a PDF"
	}
	return "is not a PDF (unknown format)"
}

// looksLikeText reports whether b is valid UTF-8 made mostly of printable
// characters and whitespace. A cut-off rune at the end is tolerated.
func looksLikeText(b []byte) bool {
	printable, total := 0, 0
	for len(b) > 0 {
		r, size := utf8.DecodeRune(b)
		if r == utf8.RuneError && size <= 1 {
			if len(b) < utf8.UTFMax && !utf8.FullRune(b) {
				break
			}
			return false
		}
		total++
		if r == '\n' || r == '\r' || r == '\t' || r >= 0x20 && r != 0x7f {
			printable++
		}
		b = b[size:]
	}
	return total > 0 && printable*100 >= total*95
}
