package pdf

import (
	"bytes"
	"errors"
	"strconv"
	"strings"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// objectAt parses the indirect object at off. For a stream it returns the
// stream dictionary with its raw bytes read.
func (d *lazyDoc) objectAt(off int64) (types.Object, *types.StreamDict, error) {
	var buf []byte
	var text string
	for n := lazyObjectChunk; ; n *= 4 {
		buf = d.read(off, n)
		e := bytes.Index(buf, []byte("endobj"))
		if s := bytes.Index(buf, []byte("stream")); s >= 0 && (e < 0 || s < e) {
			text = string(buf[:s+len("stream")])
			break
		}
		if e >= 0 {
			text = string(buf[:e])
			break
		}
		if len(buf) < n || n >= lazyMaxObject {
			return nil, nil, errLazy
		}
	}
	i := strings.Index(text, "obj")
	if i < 0 {
		return nil, nil, errLazy
	}
	rest := text[i+3:]
	o, err := model.ParseObject(&rest)
	if err != nil {
		return nil, nil, errLazy
	}
	rest = strings.TrimLeft(rest, " \t\r\n\f\x00")
	if !strings.HasPrefix(rest, "stream") {
		return o, nil, nil
	}
	dict, ok := o.(types.Dict)
	if !ok {
		return nil, nil, errLazy
	}
	// The data starts after "stream" and its end of line.
	start := off + int64(len(text))
	if c := d.read(start, 2); len(c) > 0 && c[0] == '\r' {
		start++
		if len(c) > 1 && c[1] == '\n' {
			start++
		}
	} else if len(c) > 0 && c[0] == '\n' {
		start++
	}
	lo, err := d.Dereference(dict["Length"])
	if err != nil {
		return nil, nil, errLazy
	}
	n, ok := lo.(types.Integer)
	if !ok || n < 0 || start+int64(n) > d.size || int64(n) > MaxImageBytes {
		return nil, nil, errLazy
	}
	fpl, err := filterPipeline(d, dict)
	if err != nil {
		return nil, nil, err
	}
	length := int64(n)
	sd := types.NewStreamDict(dict, start, &length, nil, fpl)
	sd.Raw = d.read(start, int(n))
	return o, &sd, nil
}

// filterPipeline reads a stream's /Filter and /DecodeParms.
func filterPipeline(d *lazyDoc, dict types.Dict) ([]types.PDFFilter, error) {
	fo, err := d.Dereference(dict["Filter"])
	if err != nil {
		return nil, errLazy
	}
	po, err := d.Dereference(dict["DecodeParms"])
	if err != nil {
		return nil, errLazy
	}
	var names []types.Object
	switch f := fo.(type) {
	case nil:
		return nil, nil
	case types.Name:
		names = []types.Object{f}
	case types.Array:
		names = f
	default:
		return nil, errLazy
	}
	var parms []types.Object
	switch p := po.(type) {
	case types.Dict:
		parms = []types.Object{p}
	case types.Array:
		parms = p
	}
	out := make([]types.PDFFilter, len(names))
	for i, n := range names {
		name, ok := n.(types.Name)
		if !ok {
			return nil, errLazy
		}
		out[i].Name = string(name)
		if i < len(parms) {
			if pd, err := d.Dereference(parms[i]); err == nil {
				out[i].DecodeParms, _ = pd.(types.Dict)
			}
		}
	}
	return out, nil
}

// object returns object number n: a stream dictionary (with its raw data)
// for streams, the object otherwise.
func (d *lazyDoc) object(n int) (types.Object, error) {
	if o, ok := d.small[n]; ok {
		return o, nil
	}
	e, ok := d.xref[n]
	if !ok {
		return nil, nil // a missing object is null
	}
	var o types.Object
	if e.compressed {
		objs, err := d.objectStream(int(e.off))
		if err != nil {
			return nil, err
		}
		if e.idx < 0 || e.idx >= len(objs) {
			return nil, errLazy
		}
		o = objs[e.idx]
	} else {
		obj, sd, err := d.objectAt(e.off)
		if err != nil {
			return nil, err
		}
		if sd != nil {
			return *sd, nil // streams are read each time: image data is not kept
		}
		o = obj
	}
	if len(d.small) < lazySmallCache {
		d.small[n] = o
	}
	return o, nil
}

// objectStream returns the objects of object stream n.
func (d *lazyDoc) objectStream(n int) ([]types.Object, error) {
	if objs, ok := d.stms[n]; ok {
		return objs, nil
	}
	e, ok := d.xref[n]
	if !ok || e.compressed {
		return nil, errLazy
	}
	_, sd, err := d.objectAt(e.off)
	if err != nil || sd == nil {
		return nil, errLazy
	}
	data, err := d.decoded(sd)
	if err != nil {
		return nil, err
	}
	count, first := intEntry(sd, "N"), intEntry(sd, "First")
	if count < 0 || count > 100000 || first < 0 || first > len(data) {
		return nil, errLazy
	}
	head := strings.Fields(string(data[:first]))
	if len(head) < 2*count {
		return nil, errLazy
	}
	objs := make([]types.Object, count)
	for i := 0; i < count; i++ {
		at, err := strconv.Atoi(head[2*i+1])
		if err != nil || first+at > len(data) {
			return nil, errLazy
		}
		s := string(data[first+at:])
		if objs[i], err = model.ParseObject(&s); err != nil {
			return nil, errLazy
		}
	}
	if len(d.stms) > 8 {
		clear(d.stms)
	}
	d.stms[n] = objs
	return objs, nil
}

// Dereference resolves an indirect reference (other objects are returned
// as they are).
func (d *lazyDoc) Dereference(o types.Object) (types.Object, error) {
	for depth := 0; depth < 16; depth++ {
		ref, ok := o.(types.IndirectRef)
		if !ok {
			return o, nil
		}
		var err error
		if o, err = d.object(ref.ObjectNumber.Value()); err != nil {
			return nil, err
		}
	}
	return nil, errLazy
}

// DereferenceDict resolves o to a dictionary (nil for null).
func (d *lazyDoc) DereferenceDict(o types.Object) (types.Dict, error) {
	o, err := d.Dereference(o)
	if err != nil || o == nil {
		return nil, err
	}
	dict, ok := o.(types.Dict)
	if !ok {
		return nil, errors.New("not a dictionary")
	}
	return dict, nil
}

// DereferenceStreamDict resolves o to a stream, its raw data read.
func (d *lazyDoc) DereferenceStreamDict(o types.Object) (*types.StreamDict, bool, error) {
	o, err := d.Dereference(o)
	if err != nil || o == nil {
		return nil, false, err
	}
	sd, ok := o.(types.StreamDict)
	if !ok {
		return nil, false, errors.New("not a stream")
	}
	return &sd, true, nil
}

// readPages walks the page tree, noting each page and what it inherits.
func (d *lazyDoc) readPages() error {
	cat, err := d.DereferenceDict(d.root)
	if err != nil || cat == nil {
		return errLazy
	}
	seen := map[int]bool{}
	var walk func(o types.Object, inh model.InheritedPageAttrs, depth int) error
	walk = func(o types.Object, inh model.InheritedPageAttrs, depth int) error {
		ref, ok := o.(types.IndirectRef)
		if !ok || depth > 64 || seen[ref.ObjectNumber.Value()] || len(d.pages) > lazyMaxPages {
			return errLazy
		}
		seen[ref.ObjectNumber.Value()] = true
		node, err := d.DereferenceDict(ref)
		if err != nil || node == nil {
			return errLazy
		}
		if r, err := d.DereferenceDict(node["Resources"]); err == nil && r != nil {
			inh.Resources = r
		}
		if mb, err := d.Dereference(node["MediaBox"]); err == nil && mb != nil {
			if rect := rectOf(mb); rect != nil {
				inh.MediaBox = rect
			}
		}
		if ro, err := d.Dereference(node["Rotate"]); err == nil {
			if r, ok := ro.(types.Integer); ok {
				inh.Rotate = int(r)
			}
		}
		if t := node.Type(); t != nil && *t == "Page" {
			delete(d.small, ref.ObjectNumber.Value()) // the page list keeps what is needed
			d.pages = append(d.pages, lazyPage{ref: ref, inh: inh})
			return nil
		}
		kids, err := d.Dereference(node["Kids"])
		if err != nil {
			return errLazy
		}
		arr, ok := kids.(types.Array)
		if !ok {
			return errLazy
		}
		for _, k := range arr {
			if err := walk(k, inh, depth+1); err != nil {
				return err
			}
		}
		return nil
	}
	return walk(cat["Pages"], model.InheritedPageAttrs{}, 0)
}

func rectOf(o types.Object) *types.Rectangle {
	arr, ok := o.(types.Array)
	if !ok || len(arr) != 4 {
		return nil
	}
	var v [4]float64
	for i, e := range arr {
		switch n := e.(type) {
		case types.Integer:
			v[i] = float64(n)
		case types.Float:
			v[i] = float64(n)
		default:
			return nil
		}
	}
	return types.NewRectangle(min(v[0], v[2]), min(v[1], v[3]), max(v[0], v[2]), max(v[1], v[3]))
}

// page returns page n's dictionary and what it inherits.
func (d *lazyDoc) page(n int) (types.Dict, *model.InheritedPageAttrs, error) {
	if n < 1 || n > len(d.pages) {
		return nil, nil, ErrNoPage
	}
	p := d.pages[n-1]
	dict, err := d.DereferenceDict(p.ref)
	if err != nil || dict == nil {
		return nil, nil, errLazy
	}
	inh := p.inh
	return dict, &inh, nil
}
