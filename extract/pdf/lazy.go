package pdf

import (
	"bytes"
	"errors"
	"io"
	"os"
	"strconv"
	"sync"

	"github.com/pdfcpu/pdfcpu/pkg/filter"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// lazyDoc reads a PDF's objects from the file on demand: the
// cross-reference sections when it opens, the page tree, and afterwards
// only the objects a page uses. pdfcpu reads every object (image streams
// included) into memory, which for a 5,000-page scanned bundle is the whole
// file once per reader; a lazyDoc holds the cross-reference entries and a
// few small objects. Files it cannot read (encrypted ones, broken
// cross-references) are left to pdfcpu.
type lazyDoc struct {
	f     io.ReaderAt
	size  int64
	xref  map[int]xrefEntry
	root  types.Object
	pages []lazyPage
	small map[int]types.Object // resolved objects other than streams
	stms  map[int][]types.Object
}

type xrefEntry struct {
	off        int64 // file offset, or object stream number
	idx        int   // index in the object stream
	compressed bool
}

type lazyPage struct {
	ref types.IndirectRef
	inh model.InheritedPageAttrs
}

// Limits of a lazyDoc.
const (
	lazyMaxObjects  = 4 << 20
	lazyMaxPages    = 200_000
	lazyMaxStream   = 64 << 20 // decoded xref and object streams
	lazyObjectChunk = 4 << 10
	lazyMaxObject   = 4 << 20 // text of one object outside streams
	lazySmallCache  = 8192
)

var errLazy = errors.New("left to pdfcpu")

// openLazy opens the PDF at path and reads its cross-reference sections
// and page tree.
func openLazy(path string) (*lazyDoc, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	st, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, err
	}
	d := &lazyDoc{f: f, size: st.Size(), xref: map[int]xrefEntry{}, small: map[int]types.Object{}, stms: map[int][]types.Object{}}
	if err := d.readXRef(); err != nil {
		f.Close()
		return nil, err
	}
	if err := d.readPages(); err != nil {
		f.Close()
		return nil, err
	}
	return d, nil
}

func (d *lazyDoc) close() {
	if c, ok := d.f.(io.Closer); ok {
		c.Close()
	}
}

func (d *lazyDoc) read(off int64, n int) []byte {
	if off < 0 || off >= d.size {
		return nil
	}
	n = int(min(int64(n), d.size-off))
	b := make([]byte, n)
	k, _ := d.f.ReadAt(b, off)
	return b[:k]
}

// readXRef follows the cross-reference chain from startxref.
func (d *lazyDoc) readXRef() error {
	tail := d.read(max(0, d.size-2048), 2048)
	i := bytes.LastIndex(tail, []byte("startxref"))
	if i < 0 {
		return errLazy
	}
	fields := bytes.Fields(tail[i+len("startxref"):])
	if len(fields) == 0 {
		return errLazy
	}
	off, err := strconv.ParseInt(string(fields[0]), 10, 64)
	if err != nil {
		return errLazy
	}
	seen := map[int64]bool{}
	for off > 0 && !seen[off] && len(seen) < 1000 {
		seen[off] = true
		trailer, err := d.section(off)
		if err != nil {
			return err
		}
		if _, enc := trailer.Find("Encrypt"); enc {
			return errLazy
		}
		if d.root == nil {
			d.root = trailer["Root"]
		}
		if x := trailer.Int64Entry("XRefStm"); x != nil && !seen[*x] {
			seen[*x] = true
			if _, err := d.section(*x); err != nil {
				return err
			}
		}
		off = 0
		if p := trailer.Int64Entry("Prev"); p != nil {
			off = *p
		}
	}
	if d.root == nil {
		return errLazy
	}
	return nil
}

// section reads one cross-reference table or stream at off; entries
// already known (from newer sections) are kept.
func (d *lazyDoc) section(off int64) (types.Dict, error) {
	head := d.read(off, 32)
	if bytes.HasPrefix(bytes.TrimLeft(head, " \r\n\t"), []byte("xref")) {
		return d.table(off)
	}
	o, sd, err := d.objectAt(off)
	if err != nil || sd == nil {
		return nil, errLazy
	}
	_ = o
	return d.xrefStream(sd)
}

// table reads a classic cross-reference table and its trailer.
func (d *lazyDoc) table(off int64) (types.Dict, error) {
	var buf []byte
	for chunk := 64 << 10; ; chunk *= 2 {
		buf = d.read(off, chunk)
		if bytes.Contains(buf, []byte("trailer")) || len(buf) < chunk || chunk > 64<<20 {
			break
		}
	}
	t := bytes.Index(buf, []byte("trailer"))
	if t < 0 {
		return nil, errLazy
	}
	lines := bytes.FieldsFunc(buf[:t], func(r rune) bool { return r == '\n' || r == '\r' })
	start, left := 0, 0
	for _, line := range lines[1:] {
		f := bytes.Fields(line)
		switch {
		case len(f) == 2 && left == 0:
			a, err1 := strconv.Atoi(string(f[0]))
			b, err2 := strconv.Atoi(string(f[1]))
			if err1 != nil || err2 != nil || b < 0 || a < 0 {
				return nil, errLazy
			}
			start, left = a, b
		case len(f) == 3 && left > 0:
			if _, known := d.xref[start]; !known && string(f[2]) == "n" {
				o, err := strconv.ParseInt(string(f[0]), 10, 64)
				if err != nil {
					return nil, errLazy
				}
				d.xref[start] = xrefEntry{off: o}
			}
			start++
			left--
		default:
			if len(f) > 0 {
				return nil, errLazy
			}
		}
		if len(d.xref) > lazyMaxObjects {
			return nil, errLazy
		}
	}
	s := string(buf[t+len("trailer"):])
	o, err := model.ParseObject(&s)
	if err != nil {
		return nil, errLazy
	}
	tr, ok := o.(types.Dict)
	if !ok {
		return nil, errLazy
	}
	return tr, nil
}

// xrefStream reads a cross-reference stream.
func (d *lazyDoc) xrefStream(sd *types.StreamDict) (types.Dict, error) {
	data, err := d.decoded(sd)
	if err != nil {
		return nil, err
	}
	w := sd.ArrayEntry("W")
	if len(w) != 3 {
		return nil, errLazy
	}
	var ws [3]int
	for i, v := range w {
		n, ok := v.(types.Integer)
		if !ok || n < 0 || n > 8 {
			return nil, errLazy
		}
		ws[i] = int(n)
	}
	size := intEntry(sd, "Size")
	index := []int{0, size}
	if arr := sd.ArrayEntry("Index"); arr != nil {
		index = index[:0]
		for _, v := range arr {
			n, ok := v.(types.Integer)
			if !ok {
				return nil, errLazy
			}
			index = append(index, int(n))
		}
	}
	rec := ws[0] + ws[1] + ws[2]
	if rec == 0 {
		return nil, errLazy
	}
	field := func(b []byte) int64 {
		var v int64
		for _, c := range b {
			v = v<<8 | int64(c)
		}
		return v
	}
	pos := 0
	for i := 0; i+1 < len(index); i += 2 {
		for n := 0; n < index[i+1]; n++ {
			if pos+rec > len(data) || len(d.xref) > lazyMaxObjects {
				return nil, errLazy
			}
			r := data[pos : pos+rec]
			pos += rec
			typ := int64(1)
			if ws[0] > 0 {
				typ = field(r[:ws[0]])
			}
			obj := index[i] + n
			if _, known := d.xref[obj]; known {
				continue
			}
			f2, f3 := field(r[ws[0]:ws[0]+ws[1]]), field(r[ws[0]+ws[1]:])
			switch typ {
			case 1:
				d.xref[obj] = xrefEntry{off: f2}
			case 2:
				d.xref[obj] = xrefEntry{off: f2, idx: int(f3), compressed: true}
			}
		}
	}
	return sd.Dict, nil
}

// decoded decodes a stream within lazyMaxStream bytes.
func (d *lazyDoc) decoded(sd *types.StreamDict) ([]byte, error) {
	var r io.Reader = bytes.NewReader(sd.Raw)
	for _, f := range sd.FilterPipeline {
		fl, err := filter.NewFilter(f.Name, parmsMap(f.DecodeParms), lazyMaxStream)
		if err != nil {
			return nil, errLazy
		}
		if r, err = fl.Decode(r); err != nil {
			return nil, errLazy
		}
	}
	return readLimited(r, lazyMaxStream)
}

// lazyCache keeps the last few lazily opened documents: a worker reads
// pages of one document after another.
var lazyCache struct {
	sync.Mutex
	docs []*lazyEntry
}

type lazyEntry struct {
	key openKey
	mu  sync.Mutex
	doc *lazyDoc
	err error
}

// withLazy runs fn on the lazily opened PDF at path; it returns errLazy
// when the file must be read by pdfcpu instead.
func withLazy(path string, fn func(*lazyDoc) error) error {
	st, err := os.Stat(path)
	if err != nil {
		return errLazy
	}
	key := openKey{path: path, size: st.Size(), mtime: st.ModTime()}
	lazyCache.Lock()
	var e *lazyEntry
	for _, c := range lazyCache.docs {
		if c.key == key {
			e = c
		}
	}
	if e == nil {
		e = &lazyEntry{key: key}
		if len(lazyCache.docs) >= 4 {
			old := lazyCache.docs[0]
			lazyCache.docs = lazyCache.docs[1:]
			go func() { // close once nobody uses it
				old.mu.Lock()
				if old.doc != nil {
					old.doc.close()
				}
				old.mu.Unlock()
			}()
		}
		lazyCache.docs = append(lazyCache.docs, e)
	}
	lazyCache.Unlock()
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.doc == nil && e.err == nil {
		e.doc, e.err = openLazyRecovered(path)
	}
	if e.err != nil {
		return errLazy
	}
	return fn(e.doc)
}

// openLazyRecovered is openLazy with panics (the parser on hostile
// input) turned into errLazy.
func openLazyRecovered(path string) (d *lazyDoc, err error) {
	defer func() {
		if recover() != nil {
			d, err = nil, errLazy
		}
	}()
	return openLazy(path)
}
