package exhibit

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"

	"github.com/medchron/medchron/extract"
	"github.com/medchron/medchron/extract/pdf"
)

// Objects every exhibit has, numbered first.
const (
	objCatalog = 1
	objPages   = 2
	objFont    = 3
	firstFree  = 4
)

// stampFont names the stamp font in each page's resources.
const stampFont = "MCBates0"

// streamWriter writes numbered objects to w as they are made and keeps
// only their offsets, so that an exhibit of any length holds one source
// document at a time in memory.
type streamWriter struct {
	w       *bufio.Writer
	n       int64
	offsets map[int]int64
	next    int
	err     error
}

func newStreamWriter(w io.Writer, version string) *streamWriter {
	s := &streamWriter{w: bufio.NewWriterSize(w, 1<<16), offsets: map[int]int64{}, next: firstFree}
	s.printf("%%PDF-%s\n%%\xe2\xe3\xcf\xd3\n", version)
	return s
}

func (s *streamWriter) write(b []byte) {
	if s.err != nil {
		return
	}
	k, err := s.w.Write(b)
	s.n += int64(k)
	s.err = err
}

func (s *streamWriter) printf(format string, a ...any) { s.write([]byte(fmt.Sprintf(format, a...))) }

// alloc reserves an object number.
func (s *streamWriter) alloc() int {
	s.next++
	return s.next - 1
}

// object writes object n with body (and a stream when data is not nil).
func (s *streamWriter) object(n int, body string, data []byte) {
	s.offsets[n] = s.n
	s.printf("%d 0 obj\n%s", n, body)
	if data != nil {
		s.write([]byte("\nstream\n"))
		s.write(data)
		s.write([]byte("\nendstream"))
	}
	s.write([]byte("\nendobj\n"))
}

// finish writes the cross-reference table and trailer.
func (s *streamWriter) finish() error {
	xref := s.n
	s.printf("xref\n0 %d\n0000000000 65535 f \n", s.next)
	for i := 1; i < s.next; i++ {
		off, ok := s.offsets[i]
		if !ok {
			s.printf("0000000000 65535 f \n")
			continue
		}
		s.printf("%010d 00000 n \n", off)
	}
	s.printf("trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n", s.next, objCatalog, xref)
	if s.err != nil {
		return s.err
	}
	return s.w.Flush()
}

// copier copies the objects one source document's pages use, renumbered.
type copier struct {
	sw    *streamWriter
	src   *model.Context
	nums  map[int]int // source object number → exhibit object number
	queue []int
	skip  map[int]bool // the source's catalog: never copied
}

func newCopier(sw *streamWriter, src *model.Context) *copier {
	c := &copier{sw: sw, src: src, nums: map[int]int{}, skip: map[int]bool{}}
	if r := src.XRefTable.Root; r != nil {
		c.skip[r.ObjectNumber.Value()] = true
	}
	return c
}

// ref returns the exhibit's number for source object n, queueing it to be
// copied.
func (c *copier) ref(n int) int {
	if m, ok := c.nums[n]; ok {
		return m
	}
	m := c.sw.alloc()
	c.nums[n] = m
	c.queue = append(c.queue, n)
	return m
}

// value serialises a source value with its references renumbered.
func (c *copier) value(o types.Object) string {
	switch v := o.(type) {
	case nil:
		return "null"
	case types.IndirectRef:
		n := v.ObjectNumber.Value()
		if c.skip[n] {
			return "null"
		}
		return strconv.Itoa(c.ref(n)) + " 0 R"
	case types.Dict:
		return c.dict(v, nil)
	case types.Array:
		parts := make([]string, len(v))
		for i, e := range v {
			parts[i] = c.value(e)
		}
		return "[" + strings.Join(parts, " ") + "]"
	case types.StreamDict:
		return c.dict(v.Dict, nil)
	case types.Float:
		return strconv.FormatFloat(float64(v), 'f', -1, 64)
	}
	if p, ok := o.(interface{ PDFString() string }); ok {
		return p.PDFString()
	}
	return "null"
}

// dict serialises a dictionary; over replaces or adds entries (values
// already serialised; "" drops the key).
func (c *copier) dict(d types.Dict, over map[string]string) string {
	keys := make([]string, 0, len(d)+len(over))
	for k := range d {
		if _, ok := over[k]; !ok {
			keys = append(keys, k)
		}
	}
	for k, v := range over {
		if v != "" {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	var b strings.Builder
	b.WriteString("<<")
	for _, k := range keys {
		b.WriteString(types.Name(k).PDFString())
		b.WriteByte(' ')
		if v, ok := over[k]; ok {
			b.WriteString(v)
		} else {
			b.WriteString(c.value(d[k]))
		}
		b.WriteByte(' ')
	}
	b.WriteString(">>")
	return b.String()
}

// drain copies every queued object.
func (c *copier) drain() error {
	for len(c.queue) > 0 {
		n := c.queue[0]
		c.queue = c.queue[1:]
		o, err := c.src.Dereference(types.IndirectRef{ObjectNumber: types.Integer(n)})
		if err != nil {
			return fmt.Errorf("object %d: %w", n, err)
		}
		m := c.nums[n]
		if sd, ok := o.(types.StreamDict); ok {
			c.sw.object(m, c.dict(sd.Dict, map[string]string{"Length": strconv.Itoa(len(sd.Raw))}), nonNil(sd.Raw))
			continue
		}
		c.sw.object(m, c.value(o), nil)
		if c.sw.err != nil {
			return c.sw.err
		}
	}
	return c.sw.err
}

func nonNil(b []byte) []byte {
	if b == nil {
		return []byte{}
	}
	return b
}

// pageEntriesDropped are page keys not copied: the tree links, inherited
// attributes written explicitly, article beads (they point into the source
// document's threads).
var pageEntriesDropped = map[string]bool{"Parent": true, "B": true, "Resources": true, "MediaBox": true, "CropBox": true, "Rotate": true, "Contents": true}

// copyPage writes page n of the source, pg, as exhibit object dst, its content
// wrapped in q … Q (and shrunk, when placeStamps found no free place for
// a stamp among words, the page's printed words) and followed by the
// stamps.
func (c *copier) copyPage(n int, pg pdf.TreePage, dst int, stamps []stampText, words []extract.Box) error {
	d, inh := pg.Dict, pg.Inh
	if d == nil || inh == nil || inh.MediaBox == nil {
		return fmt.Errorf("page %d: cannot be read", n)
	}
	box := inh.MediaBox
	over := map[string]string{
		"Type":     "/Page",
		"Parent":   fmt.Sprintf("%d 0 R", objPages),
		"MediaBox": rect(box),
	}
	if inh.CropBox != nil {
		over["CropBox"] = rect(inh.CropBox)
		box = intersect(box, inh.CropBox)
	}
	rot := ((inh.Rotate % 360) + 360) % 360
	if rot != 0 {
		over["Rotate"] = strconv.Itoa(rot)
	}
	over["Resources"] = c.resources(inh.Resources)
	_, w, h := displayMatrix(box, rot)
	lay := placeStamps(w, h, stamps, words)
	open := "q\n"
	if lay.shrink < 1 {
		open = "q " + shrinkContent(box, rot, lay.shrink) + "\n"
	}
	contents := []string{c.newStream(open)}
	if o, found := d.Find("Contents"); found {
		o2, err := c.src.Dereference(o)
		if err == nil {
			if arr, ok := o2.(types.Array); ok {
				for _, e := range arr {
					contents = append(contents, c.value(e))
				}
			} else if o2 != nil {
				contents = append(contents, c.value(o))
			}
		}
	}
	contents = append(contents, c.newStream("Q\n"+stampContent(box, rot, lay.stamps)))
	over["Contents"] = "[" + strings.Join(contents, " ") + "]"
	for k := range pageEntriesDropped {
		if _, set := over[k]; !set {
			over[k] = ""
		}
	}
	c.sw.object(dst, c.dict(d, over), nil)
	return c.drain()
}

// resources serialises a page's resources with the stamp font added.
func (c *copier) resources(res types.Dict) string {
	fonts := map[string]string{stampFont: fmt.Sprintf("%d 0 R", objFont)}
	var fontDict types.Dict
	if res != nil {
		if fd, err := c.src.DereferenceDict(res["Font"]); err == nil {
			fontDict = fd
		}
	}
	var fb string
	if fontDict != nil {
		fb = c.dict(fontDict, fonts)
	} else {
		fb = c.dict(types.Dict{}, fonts)
	}
	if res == nil {
		res = types.Dict{}
	}
	return c.dict(res, map[string]string{"Font": fb})
}

// newStream writes a small unfiltered content stream and returns its
// reference.
func (c *copier) newStream(content string) string {
	n := c.sw.alloc()
	c.sw.object(n, fmt.Sprintf("<< /Length %d >>", len(content)), []byte(content))
	return strconv.Itoa(n) + " 0 R"
}

func rect(r *types.Rectangle) string {
	return fmt.Sprintf("[%s %s %s %s]", num(r.LL.X), num(r.LL.Y), num(r.UR.X), num(r.UR.Y))
}

func num(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

func intersect(a, b *types.Rectangle) *types.Rectangle {
	r := types.NewRectangle(math.Max(a.LL.X, b.LL.X), math.Max(a.LL.Y, b.LL.Y), math.Min(a.UR.X, b.UR.X), math.Min(a.UR.Y, b.UR.Y))
	if r.Width() <= 0 || r.Height() <= 0 {
		return a
	}
	return r
}

// stampText is one line stamped on a page: the Bates number (right) or
// the footer; placeStamps decides where.
type stampText struct {
	text  string
	size  float64
	right bool
}

// displayMatrix returns the matrix from display space (the page as shown,
// origin bottom left) to user space, and the displayed width and height:
// box is the visible box in user space, rot the page's /Rotate.
func displayMatrix(box *types.Rectangle, rot int) (m [6]float64, w, h float64) {
	w, h = box.Width(), box.Height()
	switch rot {
	case 90:
		return [6]float64{0, 1, -1, 0, box.LL.X + w, box.LL.Y}, h, w
	case 180:
		return [6]float64{-1, 0, 0, -1, box.UR.X, box.UR.Y}, w, h
	case 270:
		return [6]float64{0, -1, 1, 0, box.LL.X, box.UR.Y}, h, w
	}
	return [6]float64{1, 0, 0, 1, box.LL.X, box.LL.Y}, w, h
}

// mul composes affine matrices in PDF's row-vector form: a, then b.
func mul(a, b [6]float64) [6]float64 {
	return [6]float64{a[0]*b[0] + a[1]*b[2], a[0]*b[1] + a[1]*b[3], a[2]*b[0] + a[3]*b[2], a[2]*b[1] + a[3]*b[3],
		a[4]*b[0] + a[5]*b[2] + b[4], a[4]*b[1] + a[5]*b[3] + b[5]}
}

// invert inverts an affine matrix (those of displayMatrix are rotations
// and translations, always invertible).
func invert(m [6]float64) [6]float64 {
	det := m[0]*m[3] - m[1]*m[2]
	a, b, c, d := m[3]/det, -m[1]/det, -m[2]/det, m[0]/det
	return [6]float64{a, b, c, d, -(m[4]*a + m[5]*c), -(m[4]*b + m[5]*d)}
}

func cm(m [6]float64) string {
	return fmt.Sprintf("%s %s %s %s %s %s cm", num(m[0]), num(m[1]), num(m[2]), num(m[3]), num(m[4]), num(m[5]))
}

// shrinkContent is the operator that scales a page's content by s about
// the middle of the displayed page's top edge, in user space.
func shrinkContent(box *types.Rectangle, rot int, s float64) string {
	d2u, w, h := displayMatrix(box, rot)
	scale := [6]float64{s, 0, 0, s, (1 - s) * w / 2, (1 - s) * h}
	return cm(mul(mul(invert(d2u), scale), d2u))
}

// stampContent draws the stamps upright at their places on the displayed
// page.
func stampContent(box *types.Rectangle, rot int, stamps []placedStamp) string {
	m, _, _ := displayMatrix(box, rot)
	var b strings.Builder
	fmt.Fprintf(&b, "q %s 0 g\n", cm(m))
	for _, s := range stamps {
		fmt.Fprintf(&b, "BT /%s %s Tf %s %s Td %s Tj ET\n", stampFont, num(s.size), num(s.x), num(s.y), pdfString(s.text))
	}
	b.WriteString("Q\n")
	return b.String()
}

// pdfString writes Latin-1 text (footerText made it so) as a literal
// string in the stamp font's WinAnsi encoding.
func pdfString(s string) string {
	var b strings.Builder
	b.WriteByte('(')
	for _, r := range s {
		switch {
		case r == '(' || r == ')' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r < 0x20 || r > 0x7e:
			fmt.Fprintf(&b, "\\%03o", r&0xff)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte(')')
	return b.String()
}
