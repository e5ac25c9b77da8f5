package hostile

import (
	"bytes"
	"fmt"
	"strings"
)

type adder func(file string, want Outcome, why string, make func() ([]byte, error))

// withTrailer rewrites good's trailer dictionary contents.
func withTrailer(good []byte, from, to string) []byte { return replace(good, from, to) }

// structure adds broken cross-reference tables, trailers and page trees.
func structure(add adder, good []byte) {
	xref := bytes.LastIndex(good, []byte("xref\n"))
	startxref := fmt.Sprint(xref)
	add("xref-prev-self.pdf", Either, "the trailer's /Prev points at its own cross-reference table (a loop)",
		fixed(withTrailer(good, "/Root 1 0 R", "/Root 1 0 R /Prev "+startxref)))
	add("xref-prev-past-end.pdf", Either, "/Prev points past the end of the file",
		fixed(withTrailer(good, "/Root 1 0 R", "/Root 1 0 R /Prev 99999999")))
	add("xref-prev-negative.pdf", Either, "/Prev is negative",
		fixed(withTrailer(good, "/Root 1 0 R", "/Root 1 0 R /Prev -5")))
	add("startxref-past-end.pdf", Either, "startxref points past the end of the file",
		fixed(replace(good, "startxref\n"+startxref, "startxref\n88888888")))
	add("startxref-zero.pdf", Either, "startxref is 0 (the header)",
		fixed(replace(good, "startxref\n"+startxref, "startxref\n0")))
	add("startxref-garbage.pdf", Either, "startxref is not a number",
		fixed(replace(good, "startxref\n"+startxref, "startxref\nabc")))
	add("xref-offsets-wrong.pdf", Either, "every offset in the xref table is wrong (repair needed)",
		fixed(bytes.ReplaceAll(good, []byte(" 00000 n "), []byte("1 00000 n "))))
	add("xref-size-huge.pdf", Either, "the trailer claims 2^31 objects",
		fixed(replace(good, "/Size 6", "/Size 2147483647")))
	add("no-root.pdf", Refused, "the trailer has no /Root", fixed(withTrailer(good, "/Root 1 0 R", "")))
	add("root-not-dict.pdf", Refused, "/Root is a number",
		fixed(withTrailer(good, "/Root 1 0 R", "/Root 42")))
	add("root-missing-object.pdf", Refused, "/Root names an object that does not exist",
		fixed(withTrailer(good, "/Root 1 0 R", "/Root 77 0 R")))
	add("no-pages.pdf", Refused, "the catalog has no /Pages",
		fixed(replace(good, "/Pages 2 0 R", "")))
	add("count-huge.pdf", Either, "the page tree claims 2^31-1 pages",
		fixed(replace(good, "/Count 1", "/Count 2147483647")))
	add("count-negative.pdf", Either, "the page tree claims -1 pages",
		fixed(replace(good, "/Count 1", "/Count -1")))
	add("kids-empty.pdf", Refused, "the page tree has no pages",
		fixed(replace(replace(good, "/Kids [3 0 R]", "/Kids []"), "/Count 1", "/Count 0")))
	add("kids-self.pdf", Either, "the page tree lists itself as a kid (a cycle)",
		fixed(replace(good, "/Kids [3 0 R]", "/Kids [2 0 R 3 0 R]")))
	add("kids-cycle.pdf", Either, "two page-tree nodes list each other (a cycle)", func() ([]byte, error) {
		d := Page(Record, "", "")
		n := d.Add("<< /Type /Pages /Parent 2 0 R /Kids [2 0 R] /Count 1 >>")
		d.Set(2, fmt.Sprintf("<< /Type /Pages /Kids [3 0 R %d 0 R] /Count 2 >>", n))
		return d.Bytes("/Root 1 0 R"), nil
	})
	add("kids-not-array.pdf", Either, "/Kids is a string", fixed(replace(good, "/Kids [3 0 R]", "/Kids (3 0 R)")))
	add("page-no-mediabox.pdf", Either, "a page without a media box",
		fixed(replace(good, "/MediaBox [0 0 612 792]", "")))
	add("mediabox-inverted.pdf", Either, "an upside-down media box",
		fixed(replace(good, "/MediaBox [0 0 612 792]", "/MediaBox [612 792 0 0]")))
	add("mediabox-zero.pdf", Either, "a zero-size media box",
		fixed(replace(good, "/MediaBox [0 0 612 792]", "/MediaBox [0 0 0 0]")))
	add("mediabox-nan.pdf", Either, "media box numbers that are not numbers",
		fixed(replace(good, "/MediaBox [0 0 612 792]", "/MediaBox [0 0 1e999999 -nan]")))
	add("page-tiny.pdf", Either, "a page of a hundredth of a point",
		fixed(replace(good, "/MediaBox [0 0 612 792]", "/MediaBox [0 0 0.01 0.01]")))
	add("contents-missing.pdf", Either, "/Contents names an object that does not exist",
		fixed(replace(good, "/Contents 4 0 R", "/Contents 99 0 R")))
	add("contents-self.pdf", Either, "/Contents names the page itself",
		fixed(replace(good, "/Contents 4 0 R", "/Contents 3 0 R")))
	add("length-huge.pdf", Either, "a stream's /Length is 2^40",
		fixed(replace(good, "/Length ", "/Length 1099511627776 /Ignored ")))
	add("length-negative.pdf", Either, "a stream's /Length is negative",
		fixed(replace(good, "/Length ", "/Length -10 /Ignored ")))
	add("length-self.pdf", Either, "a stream's /Length refers to the stream itself",
		fixed(replace(good, "/Length ", "/Length 4 0 R /Ignored ")))
	add("duplicate-objects.pdf", Either, "the same object number defined twice", func() ([]byte, error) {
		s := string(good)
		i := strings.Index(s, "4 0 obj")
		return []byte(s[:i] + "4 0 obj\n<< /Length 0 >>\nstream\n\nendstream\nendobj\n" + s[i:]), nil
	})
	add("object-stream-loop.pdf", Either, "an object stream that contains itself", func() ([]byte, error) {
		d := Page(Record, "", "")
		n := d.Reserve()
		d.Stream(fmt.Sprintf("/Type /ObjStm /N 1 /First 6 /Extends %d 0 R", n), []byte(fmt.Sprintf("%d 0 << >>", n)))
		return d.Bytes("/Root 1 0 R"), nil
	})
	add("incremental-deletes-pages.pdf", Either, "an incremental update that frees the page tree", func() ([]byte, error) {
		upd := fmt.Sprintf("xref\n2 1\n0000000000 00001 f \ntrailer\n<< /Size 6 /Root 1 0 R /Prev %d >>\nstartxref\n%d\n%%%%EOF\n", xref, len(good))
		return append(append([]byte{}, good...), upd...), nil
	})
	add("junk-after-eof.pdf", Accepted, "64 KB of junk after %%EOF, then %%EOF again", func() ([]byte, error) {
		out := append(append([]byte{}, replace(good, "Oakwood", "Junkwood")...), bytes.Repeat([]byte{0xAB}, 64<<10)...)
		return append(out, "\n%%EOF\n"...), nil
	})
	add("pdf20.pdf", Accepted, "a PDF 2.0 header", func() ([]byte, error) {
		d := Page(strings.Replace(Record, "Oakwood", "Twopoint", 1), "", "")
		d.Header = "%PDF-2.0"
		return d.Bytes("/Root 1 0 R"), nil
	})
	add("header-after-junk.pdf", Accepted, "500 bytes of junk before the header (readers allow it)", func() ([]byte, error) {
		return append(bytes.Repeat([]byte(" "), 500), replace(good, "Oakwood", "Junkfront")...), nil
	})
	add("many-pages.pdf", Either, "5,000 pages from 700 KB, each one line of text", func() ([]byte, error) {
		return FlatPages(5000, func(i int) string { return fmt.Sprintf("Page %d of 5000: intentionally left blank", i) }), nil
	})
	add("deep-page-tree.pdf", Either, "a page tree 10,000 levels deep", func() ([]byte, error) {
		d := &Doc{}
		d.Add("<< /Type /Catalog /Pages 2 0 R >>")
		const depth = 10000
		for i := 0; i < depth; i++ {
			parent := ""
			if i > 0 {
				parent = fmt.Sprintf("/Parent %d 0 R ", i+1)
			}
			d.Add(fmt.Sprintf("<< /Type /Pages %s/Kids [%d 0 R] /Count 1 >>", parent, i+3))
		}
		d.Add(fmt.Sprintf("<< /Type /Page /Parent %d 0 R /MediaBox [0 0 612 792] >>", depth+1))
		return d.Bytes("/Root 1 0 R"), nil
	})
}
