package hostile

import (
	"bytes"
	"fmt"
	"strings"
)

// nesting adds objects nested deeper than any reader should follow.
func nesting(add adder) {
	deep := func(open, close string, n int) []byte {
		return []byte(strings.Repeat(open, n) + strings.Repeat(close, n))
	}
	for _, c := range []struct {
		file, why, open, close string
		n                      int
	}{
		{"deep-arrays.pdf", "an array nested 500,000 deep in the page dictionary", "[", "]", 500000},
		{"deep-dicts.pdf", "a dictionary nested 200,000 deep", "<< /A ", ">>", 200000},
		{"deep-arrays-unclosed.pdf", "500,000 arrays opened and never closed", "[", "", 500000},
	} {
		c := c
		add(c.file, Either, c.why, func() ([]byte, error) {
			return Page(Record, "/Deep "+string(deep(c.open, c.close, c.n)), "").Bytes("/Root 1 0 R"), nil
		})
	}
	add("deep-content-arrays.pdf", Either, "a content stream with arrays nested 500,000 deep", func() ([]byte, error) {
		d := Page("", "", "")
		d.objs = d.objs[:3]
		d.Stream("", append(append([]byte("BT /F1 11 Tf 72 720 Td "), deep("[", "]", 500000)...), " TJ ET"...))
		d.Add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
		return d.Bytes("/Root 1 0 R"), nil
	})
	add("deep-strings.pdf", Either, "a string with 200,000 nested parentheses", func() ([]byte, error) {
		return Page(Record, "/S "+string(deep("(", ")", 200000)), "").Bytes("/Root 1 0 R"), nil
	})
	add("deep-outline.pdf", Either, "an outline whose entries point at each other", func() ([]byte, error) {
		d := Page(Record, "", "/Outlines 6 0 R")
		d.Add("<< /Type /Outlines /First 7 0 R /Last 7 0 R /Count 1 >>")
		d.Add("<< /Title (loop) /Parent 6 0 R /Next 7 0 R /Prev 7 0 R /First 7 0 R /Last 7 0 R /Count 1 >>")
		return d.Bytes("/Root 1 0 R"), nil
	})
	add("form-xobject-self.pdf", Either, "a form XObject that draws itself", func() ([]byte, error) {
		d := Page("", "", "")
		d.Set(3, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /XObject << /X 6 0 R >> >> >>")
		d.objs = d.objs[:3]
		d.Stream("", []byte("/X Do"))
		d.Add("<< >>")
		d.Stream("/Type /XObject /Subtype /Form /BBox [0 0 612 792] /Resources << /XObject << /X 6 0 R >> >>", []byte("/X Do"))
		return d.Bytes("/Root 1 0 R"), nil
	})
	add("pattern-self.pdf", Either, "a tiling pattern that paints with itself", func() ([]byte, error) {
		d := Page("", "", "")
		d.Set(3, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Pattern << /P 6 0 R >> >> >>")
		d.objs = d.objs[:3]
		d.Stream("", []byte("/Pattern cs /P scn 0 0 612 792 re f"))
		d.Add("<< >>")
		d.Stream("/Type /Pattern /PatternType 1 /PaintType 1 /TilingType 1 /BBox [0 0 10 10] /XStep 10 /YStep 10 /Resources << /Pattern << /P 6 0 R >> >>",
			[]byte("/Pattern cs /P scn 0 0 10 10 re f"))
		return d.Bytes("/Root 1 0 R"), nil
	})
}

// bombs adds files small on disk that cost a lot to read or draw.
func bombs(add adder) {
	onPage := func(dict string, data []byte, ops string) func() ([]byte, error) {
		return func() ([]byte, error) {
			d := Page("", "", "")
			d.Set(3, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /XObject << /Im 6 0 R >> >> >>")
			d.objs = d.objs[:3]
			d.Stream("", []byte(ops))
			d.Add("<< >>")
			d.Stream(dict, data)
			return d.Bytes("/Root 1 0 R"), nil
		}
	}
	add("zip-bomb-content.pdf", Either, "a 1 MB page content stream inflating to 1 GiB", func() ([]byte, error) {
		d := Page("", "", "")
		d.objs = d.objs[:3]
		d.Stream("/Filter /FlateDecode", zeros(1<<30))
		d.Add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
		return d.Bytes("/Root 1 0 R"), nil
	})
	add("zip-bomb-image.pdf", Either, "a 1 MB image stream inflating to 1 GiB, declared 32768×32768",
		onPage("/Type /XObject /Subtype /Image /Width 32768 /Height 32768 /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode",
			zeros(1<<30), "q 612 0 0 792 0 0 cm /Im Do Q"))
	add("zip-bomb-many.pdf", Either, "eight streams each inflating to 128 MiB", func() ([]byte, error) {
		d := &Doc{}
		d.Add("<< /Type /Catalog /Pages 2 0 R >>")
		d.Add("")
		bomb := zeros(128 << 20)
		var kids strings.Builder
		for i := 0; i < 8; i++ {
			c := d.Stream("/Filter /FlateDecode", bomb)
			p := d.Add(fmt.Sprintf("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents %d 0 R >>", c))
			fmt.Fprintf(&kids, "%d 0 R ", p)
		}
		d.Set(2, "<< /Type /Pages /Kids ["+kids.String()+"] /Count 8 >>")
		return d.Bytes("/Root 1 0 R"), nil
	})
	add("image-huge-dims.pdf", Either, "an image declared 100,000×100,000 pixels with 10 bytes of data",
		onPage("/Type /XObject /Subtype /Image /Width 100000 /Height 100000 /ColorSpace /DeviceRGB /BitsPerComponent 8", []byte("0123456789"),
			"q 612 0 0 792 0 0 cm /Im Do Q"))
	add("image-jpeg-huge-dims.pdf", Either, "a JPEG whose header claims 65,500×65,500 pixels",
		onPage("/Type /XObject /Subtype /Image /Width 65500 /Height 65500 /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /DCTDecode",
			jpegHeader(65500, 65500), "q 612 0 0 792 0 0 cm /Im Do Q"))
	add("image-jbig2-garbage.pdf", Either, "a JBIG2 image of random bytes",
		onPage("/Type /XObject /Subtype /Image /Width 2550 /Height 3300 /ColorSpace /DeviceGray /BitsPerComponent 1 /Filter /JBIG2Decode",
			bytes.Repeat([]byte{0x97, 0x4a, 0x42, 0x32, 0x0d, 0x0a, 0x1a, 0x0a}, 512), "q 612 0 0 792 0 0 cm /Im Do Q"))
	add("image-ccitt-garbage.pdf", Either, "a CCITT fax image of random bytes",
		onPage("/Type /XObject /Subtype /Image /Width 1728 /Height 2200 /ColorSpace /DeviceGray /BitsPerComponent 1 /Filter /CCITTFaxDecode /DecodeParms << /K -1 /Columns 1728 /Rows 2200 >>",
			bytes.Repeat([]byte{0xff, 0x00, 0x13, 0x37}, 1024), "q 612 0 0 792 0 0 cm /Im Do Q"))
	add("lzw-bomb.pdf", Either, "an LZW stream of repeating codes", func() ([]byte, error) {
		d := Page("", "", "")
		d.objs = d.objs[:3]
		d.Stream("/Filter /LZWDecode", bytes.Repeat([]byte{0x80, 0x0b, 0x60, 0x50, 0x22, 0x0c, 0x0c, 0x85, 0x01}, 100000))
		d.Add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
		return d.Bytes("/Root 1 0 R"), nil
	})
	add("filter-chain.pdf", Either, "a stream run through 1,000 filters", func() ([]byte, error) {
		d := Page("", "", "")
		d.objs = d.objs[:3]
		d.Stream("/Filter ["+strings.Repeat("/ASCIIHexDecode ", 1000)+"]", []byte("41>"))
		d.Add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
		return d.Bytes("/Root 1 0 R"), nil
	})
	for _, c := range []struct {
		file, why string
		w, h      string
	}{
		{"huge-page-9000pt.pdf", "a 9,000×9,000 pt page (125 in square) with no text: OCR would draw 1.4 gigapixels", "9000", "9000"},
		{"huge-page-200in.pdf", "a 14,400×14,400 pt page, the largest the standard allows", "14400", "14400"},
		{"huge-page-user-unit.pdf", "a page scaled 75,000 times by /UserUnit", "612 792] /UserUnit 75000 /X [0", "0"},
		{"huge-page-wide.pdf", "a page 14,400 pt wide and 1 pt high", "14400", "1"},
	} {
		c := c
		add(c.file, Either, c.why, func() ([]byte, error) {
			d := Page("", "", "")
			d.Set(3, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 "+c.w+" "+c.h+"] /Contents 4 0 R >>")
			return d.Bytes("/Root 1 0 R"), nil
		})
	}
	add("huge-page-with-text.pdf", Either, "a 9,000×9,000 pt page with a text layer", func() ([]byte, error) {
		d := Page(strings.Replace(Record, "Oakwood", "Hugewood", 1), "", "")
		d.Set(3, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 9000 9000] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>")
		return d.Bytes("/Root 1 0 R"), nil
	})
	add("many-objects.pdf", Either, "200,000 small objects", func() ([]byte, error) {
		d := Page(strings.Replace(Record, "Oakwood", "Manywood", 1), "", "")
		for i := 0; i < 200000; i++ {
			d.Add("[1 2 3]")
		}
		return d.Bytes("/Root 1 0 R"), nil
	})
	add("long-text-page.pdf", Either, "one page showing 4 MB of text", func() ([]byte, error) {
		line := strings.Repeat("lorem ipsum dolor sit amet ", 3) + "\n"
		return Page(strings.Repeat(line, 4<<20/len(line)), "", "").Bytes("/Root 1 0 R"), nil
	})
	add("font-bomb.pdf", Either, "a Type 3 font whose glyph draws the font again", func() ([]byte, error) {
		d := Page("", "", "")
		d.objs = d.objs[:3]
		d.Stream("", []byte("BT /F1 12 Tf 72 720 Td (AAAA) Tj ET"))
		d.Add("<< /Type /Font /Subtype /Type3 /FontBBox [0 0 1 1] /FontMatrix [1 0 0 1 0 0] /CharProcs << /a 6 0 R >> /Encoding << /Differences [65 /a] >> /FirstChar 65 /LastChar 65 /Widths [1] /Resources << /Font << /F1 5 0 R >> >> >>")
		d.Stream("", []byte("1 0 0 0 1 1 d1 BT /F1 1 Tf (AAAA) Tj ET"))
		return d.Bytes("/Root 1 0 R"), nil
	})
}

// jpegHeader is the start of a baseline JPEG claiming w×h pixels, with no
// image data after it.
func jpegHeader(w, h int) []byte {
	return []byte{0xff, 0xd8, 0xff, 0xc0, 0x00, 0x0b, 0x08, byte(h >> 8), byte(h), byte(w >> 8), byte(w), 0x01, 0x01, 0x11, 0x00, 0xff, 0xd9}
}
