package hostile

import (
	"bytes"
	"fmt"
	"strings"
)

// Doc builds a PDF object by object, as text, and writes the
// cross-reference table for it, so that a case can hold any structure,
// valid or not, byte for byte.
type Doc struct {
	// Header is the first line; "%PDF-1.7" when empty.
	Header string
	objs   [][]byte
}

// Add adds an object with the given body ("<< /Type /Catalog … >>") and
// returns its number.
func (d *Doc) Add(body string) int { return d.AddBytes([]byte(body)) }

// AddBytes is Add for a body that is not text.
func (d *Doc) AddBytes(body []byte) int {
	d.objs = append(d.objs, body)
	return len(d.objs)
}

// Reserve returns the number the next object will get.
func (d *Doc) Reserve() int { return len(d.objs) + 1 }

// Set replaces the body of object n.
func (d *Doc) Set(n int, body string) { d.objs[n-1] = []byte(body) }

// Stream adds a stream object: dict (without /Length, which is added)
// and its data as stored.
func (d *Doc) Stream(dict string, data []byte) int {
	var b bytes.Buffer
	fmt.Fprintf(&b, "<< %s /Length %d >>\nstream\n", dict, len(data))
	b.Write(data)
	b.WriteString("\nendstream")
	return d.AddBytes(b.Bytes())
}

// Bytes writes the document: header, objects, a cross-reference table
// and a trailer holding trailer (such as "/Root 1 0 R").
func (d *Doc) Bytes(trailer string) []byte {
	var b bytes.Buffer
	h := d.Header
	if h == "" {
		h = "%PDF-1.7"
	}
	b.WriteString(h + "\n%\xe2\xe3\xcf\xd3\n")
	offsets := make([]int, len(d.objs))
	for i, o := range d.objs {
		offsets[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n", i+1)
		b.Write(o)
		b.WriteString("\nendobj\n")
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(d.objs)+1)
	for _, off := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d %s >>\nstartxref\n%d\n%%%%EOF\n", len(d.objs)+1, trailer, xref)
	return b.Bytes()
}

// Page is a one-page document: catalog 1, pages 2, page 3 (with extra
// entries in the page dictionary), content 4 showing text in Helvetica
// (font 5). catalogExtra goes into the catalog.
func Page(text, pageExtra, catalogExtra string) *Doc {
	d := &Doc{}
	d.Add("<< /Type /Catalog /Pages 2 0 R " + catalogExtra + " >>")
	d.Add("<< /Type /Pages /Kids [3 0 R] /Count 1 >>")
	d.Add("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> " + pageExtra + " >>")
	d.Stream("", content(text))
	d.Add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
	return d
}

// FlatPages is a document of n letter pages under one page-tree node with
// every page as its kid (as print-to-PDF writes a whole chart), page i
// (from 1) showing the one line of text line(i) in Helvetica.
func FlatPages(n int, line func(i int) string) []byte {
	d := &Doc{}
	d.Add("<< /Type /Catalog /Pages 2 0 R >>")
	d.Add("")
	font := d.Add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
	var kids strings.Builder
	for i := range n {
		c := d.Stream("", []byte(fmt.Sprintf("BT /F1 11 Tf 72 720 Td (%s) Tj ET", line(i+1))))
		p := d.Add(fmt.Sprintf("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents %d 0 R /Resources << /Font << /F1 %d 0 R >> >> >>", c, font))
		fmt.Fprintf(&kids, "%d 0 R ", p)
	}
	d.Set(2, fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", kids.String(), n))
	return d.Bytes("/Root 1 0 R")
}

// content draws text lines from the top of a letter page.
func content(text string) []byte {
	var b bytes.Buffer
	b.WriteString("BT /F1 11 Tf 72 720 Td 14 TL\n")
	for _, line := range bytes.Split([]byte(text), []byte("\n")) {
		fmt.Fprintf(&b, "(%s) '\n", escape(line))
	}
	b.WriteString("ET")
	return b.Bytes()
}

// escape writes a PDF literal string's content.
func escape(s []byte) []byte {
	var b bytes.Buffer
	for _, c := range s {
		switch c {
		case '(', ')', '\\':
			b.WriteByte('\\')
			b.WriteByte(c)
		default:
			b.WriteByte(c)
		}
	}
	return b.Bytes()
}

// Record is text that reads as a small medical record, so that a case
// that must be processed yields an entry.
const Record = `Oakwood Family Medicine
Office Visit
Date of Service: 03/14/2024
Patient: Test Patient
Chief Complaint: neck pain after motor vehicle collision
Assessment: cervical strain (S13.4XXA)
Plan: physical therapy, follow up in 2 weeks`
