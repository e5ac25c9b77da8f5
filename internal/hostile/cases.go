package hostile

import (
	"bytes"
	"compress/flate"
	"encoding/binary"
	"fmt"
	"strings"
)

// Outcome is what medchron must do with a case.
type Outcome string

// Outcomes.
const (
	// Refused: the file is not taken in, or its document fails, with one
	// clear line naming the file.
	Refused Outcome = "refused"
	// Accepted: the file is processed like any record (active content
	// removed where it is shown).
	Accepted Outcome = "accepted"
	// Either: processed, or refused with a clear line; never a crash, a
	// hang or unbounded memory.
	Either Outcome = "either"
)

// Case is one file of the corpus.
type Case struct {
	// File is the corpus file's name (plain ASCII).
	File string `json:"file"`
	// Upload is the name the file is submitted under when it differs
	// (control characters, folders, a very long name).
	Upload string  `json:"upload,omitempty"`
	Want   Outcome `json:"want"`
	// Why says what the case attacks.
	Why  string `json:"why"`
	make func() ([]byte, error)
}

// Make returns the case's bytes.
func (c Case) Make() ([]byte, error) { return c.make() }

func fixed(b []byte) func() ([]byte, error) { return func() ([]byte, error) { return b, nil } }

// Cases lists the corpus. The order and the files are stable.
func Cases() []Case {
	var cs []Case
	add := func(file string, want Outcome, why string, make func() ([]byte, error)) {
		cs = append(cs, Case{File: file, Want: want, Why: why, make: make})
	}
	good := Page(Record, "", "").Bytes("/Root 1 0 R")

	// Not a PDF at all.
	add("empty.pdf", Refused, "zero bytes", fixed(nil))
	add("one-byte.pdf", Refused, "one byte", fixed([]byte("%")))
	add("jpeg-renamed.pdf", Refused, "a JPEG renamed .pdf", fixed(append([]byte("\xff\xd8\xff\xe0\x00\x10JFIF\x00"), bytes.Repeat([]byte{0}, 512)...)))
	add("png-renamed.pdf", Refused, "a PNG renamed .pdf", fixed(append([]byte("\x89PNG\r\n\x1a\n"), bytes.Repeat([]byte{0}, 512)...)))
	add("tiff-renamed.pdf", Refused, "a TIFF renamed .pdf (not an accepted input here)", fixed([]byte("II*\x00\x08\x00\x00\x00")))
	add("gif-renamed.pdf", Refused, "a GIF renamed .pdf", fixed([]byte("GIF89a\x01\x00\x01\x00")))
	add("zip-renamed.pdf", Refused, "a ZIP (a Word file) renamed .pdf", fixed([]byte("PK\x03\x04\x14\x00\x00\x00")))
	add("html-renamed.pdf", Refused, "an HTML page saved as .pdf", fixed([]byte("<!DOCTYPE html><html><script>alert(1)</script></html>")))
	add("text-renamed.pdf", Refused, "plain text", fixed([]byte("Patient notes, typed.\n")))
	add("exe-renamed.pdf", Refused, "a Windows program renamed .pdf", fixed([]byte("MZ\x90\x00\x03\x00\x00\x00")))
	add("elf-renamed.pdf", Refused, "a program renamed .pdf", fixed([]byte("\x7fELF\x02\x01\x01")))
	add("postscript.pdf", Refused, "PostScript", fixed([]byte("%!PS-Adobe-3.0\nshowpage\n")))
	add("header-late.pdf", Refused, "the %PDF- header after 2 KB of junk", fixed(append(bytes.Repeat([]byte("x"), 2048), good...)))
	add("header-only.pdf", Refused, "a header and nothing else", fixed([]byte("%PDF-1.7\n")))
	add("header-garbage.pdf", Refused, "a header, then garbage, then %%EOF", fixed([]byte("%PDF-1.7\n\x00\x01\x02garbage\n%%EOF\n")))

	// Cut off: an interrupted download or upload.
	for _, pct := range []int{5, 15, 30, 45, 60, 75, 90, 99} {
		cut := len(good) * pct / 100
		add(fmt.Sprintf("truncated-%02d.pdf", pct), Refused, fmt.Sprintf("cut off after %d%% of its bytes", pct), fixed(good[:cut]))
	}
	add("truncated-before-eof.pdf", Refused, "cut off just before %%EOF", fixed(good[:bytes.LastIndex(good, []byte("%%EOF"))]))

	structure(add, good)
	nesting(add)
	bombs(add)
	active(add)
	texts(add)
	names(&cs, good)
	encrypted(add)
	return cs
}

// zeros returns a zlib stream of n zero bytes (n a multiple of 1 MiB)
// without compressing them all: deflate's back-references make every
// mebibyte after the first compress to the same bytes, which a sync
// flush leaves byte-aligned, so the stream is the first block, the
// steady block repeated, an empty final block and the Adler-32 of n
// zeros.
func zeros(n int) []byte {
	const mib = 1 << 20
	var fb bytes.Buffer
	w, _ := flate.NewWriter(&fb, flate.BestCompression)
	chunk := make([]byte, mib)
	w.Write(chunk)
	w.Flush()
	first := append([]byte(nil), fb.Bytes()...)
	fb.Reset()
	w.Write(chunk)
	w.Flush()
	steady := append([]byte(nil), fb.Bytes()...)
	var out bytes.Buffer
	out.Write([]byte{0x78, 0xda})
	out.Write(first)
	for i := 1; i < n/mib; i++ {
		out.Write(steady)
	}
	out.Write([]byte{0x03, 0x00}) // an empty final block
	var sum [4]byte
	binary.BigEndian.PutUint32(sum[:], uint32(n%65521)<<16|1) // Adler-32 of n zeros
	out.Write(sum[:])
	return out.Bytes()
}

// replace returns good with old replaced by new once.
func replace(good []byte, old, new string) []byte {
	return bytes.Replace(good, []byte(old), []byte(new), 1)
}

// names adds cases whose difficulty is the name they are uploaded under.
func names(cs *[]Case, good []byte) {
	for _, n := range []struct{ file, upload, why string }{
		{"name-escape.pdf", "visit\x1b[2J\x1b[31mred.pdf", "terminal escape sequences in the name"},
		{"name-bell.pdf", "bell\a\a\a.pdf", "bell characters in the name"},
		{"name-newline.pdf", "two\nlines\r.pdf", "a line break in the name (log injection)"},
		{"name-bidi.pdf", "invoice\u202efdp.exe", "a right-to-left override hiding the extension"},
		{"name-nul.pdf", "nul\x00byte.pdf", "a NUL byte in the name"},
		{"name-traversal.pdf", "../../../../etc/passwd.pdf", "folders climbing out of the data folder"},
		{"name-windows.pdf", `C:\Users\client\..\secret.pdf`, "a Windows path"},
		{"name-long.pdf", strings.Repeat("long-name-", 60) + ".pdf", "a 600-byte name"},
		{"name-invalid-utf8.pdf", "bad\xff\xfeutf8.pdf", "invalid UTF-8 in the name"},
		{"name-html.pdf", `<img src=x onerror=alert(1)>.pdf`, "HTML in the name"},
		{"name-empty.pdf", "", "no name at all"},
		{"name-dots.pdf", "...", "a name of dots"},
	} {
		data := replace(good, "Oakwood Family Medicine", "Oakwood Family Medicine "+strings.TrimSuffix(n.file, ".pdf"))
		*cs = append(*cs, Case{File: n.file, Upload: n.upload, Want: Accepted, Why: n.why, make: fixed(data)})
	}
}
