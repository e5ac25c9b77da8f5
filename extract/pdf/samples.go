package pdf

import (
	"errors"
	"fmt"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// colorSpace is an image colour space as far as OCR needs it.
type colorSpace struct {
	comps   int    // components per sample: 1 grey, 3 RGB, 4 CMYK (1 for Indexed)
	indexed bool   // samples index palette
	hival   int    // highest index
	base    int    // components of the palette's base space (1, 3 or 4)
	palette []byte // (hival+1) × base bytes
}

var errColorSpace = errors.New("unsupported colour space")

// imageColorSpace resolves an image's /ColorSpace. Separation, DeviceN,
// Lab and Pattern spaces are not handled (the page is rendered instead).
func imageColorSpace(xt resolver, o types.Object, depth int) (colorSpace, error) {
	if depth > 4 {
		return colorSpace{}, errColorSpace
	}
	o, err := xt.Dereference(o)
	if err != nil {
		return colorSpace{}, err
	}
	switch v := o.(type) {
	case types.Name:
		switch v {
		case "DeviceGray", "CalGray", "G":
			return colorSpace{comps: 1}, nil
		case "DeviceRGB", "CalRGB", "RGB":
			return colorSpace{comps: 3}, nil
		case "DeviceCMYK", "CMYK":
			return colorSpace{comps: 4}, nil
		}
	case types.Array:
		if len(v) == 0 {
			break
		}
		name, _ := v[0].(types.Name)
		switch name {
		case "CalGray":
			return colorSpace{comps: 1}, nil
		case "CalRGB":
			return colorSpace{comps: 3}, nil
		case "ICCBased":
			if len(v) < 2 {
				break
			}
			sd, _, err := xt.DereferenceStreamDict(v[1])
			if err != nil || sd == nil {
				break
			}
			switch n := intEntry(sd, "N"); n {
			case 1, 3, 4:
				return colorSpace{comps: n}, nil
			}
		case "Indexed", "I":
			return indexedSpace(xt, v, depth)
		}
	}
	return colorSpace{}, errColorSpace
}

func indexedSpace(xt resolver, v types.Array, depth int) (colorSpace, error) {
	if len(v) != 4 {
		return colorSpace{}, errColorSpace
	}
	base, err := imageColorSpace(xt, v[1], depth+1)
	if err != nil || base.indexed {
		return colorSpace{}, errColorSpace
	}
	hi, err := xt.Dereference(v[2])
	if err != nil {
		return colorSpace{}, err
	}
	hival, ok := hi.(types.Integer)
	if !ok || hival < 0 || hival > 255 {
		return colorSpace{}, errColorSpace
	}
	lo, err := xt.Dereference(v[3])
	if err != nil {
		return colorSpace{}, err
	}
	var table []byte
	switch t := lo.(type) {
	case types.StringLiteral:
		table, err = types.Unescape(string(t))
	case types.HexLiteral:
		table, err = t.Bytes()
	case types.StreamDict:
		if err = t.DecodeWithLimit(64 << 10); err == nil {
			table = t.Content
		}
	default:
		err = errColorSpace
	}
	need := (int(hival) + 1) * base.comps
	if err != nil || len(table) < need {
		return colorSpace{}, errColorSpace
	}
	return colorSpace{comps: 1, indexed: true, hival: int(hival), base: base.comps, palette: table[:need]}, nil
}

// decodeArray reads an image's /Decode array: 2 numbers per component.
func decodeArray(xt resolver, sd *types.StreamDict, comps int) ([]float64, error) {
	o, found := sd.Find("Decode")
	if !found {
		return nil, nil
	}
	o, err := xt.Dereference(o)
	if err != nil {
		return nil, err
	}
	arr, ok := o.(types.Array)
	if !ok || len(arr) != 2*comps {
		return nil, errors.New("bad /Decode array")
	}
	out := make([]float64, len(arr))
	for i, e := range arr {
		switch n := e.(type) {
		case types.Integer:
			out[i] = float64(n)
		case types.Float:
			out[i] = float64(n)
		default:
			return nil, errors.New("bad /Decode array")
		}
	}
	return out, nil
}

// defaultDecode reports whether d maps samples as the colour space's
// default does (no array, or [0 1 …] / [0 hival]).
func defaultDecode(d []float64, cs colorSpace, bpc int) bool {
	for i := 0; i < len(d); i += 2 {
		hi := 1.0
		if cs.indexed {
			hi = float64(int(1)<<bpc - 1)
		}
		if d[i] != 0 || d[i+1] != hi {
			return false
		}
	}
	return true
}

// invertedDecode reports whether d is [1 0] for a one-component image.
func invertedDecode(d []float64) bool { return len(d) == 2 && d[0] == 1 && d[1] == 0 }

// samplesRaster turns decoded image samples into a raster: 1-bit grey
// stays bilevel; everything else becomes 8-bit grey or RGB, with /Decode
// applied, palettes looked up and CMYK converted.
func samplesRaster(data []byte, w, h, bpc int, cs colorSpace, decode []float64) (*raster, error) {
	switch bpc {
	case 1, 2, 4, 8, 16:
	default:
		return nil, fmt.Errorf("%d bits per component", bpc)
	}
	rowBytes := (w*cs.comps*bpc + 7) / 8
	if len(data) < rowBytes*h {
		return nil, fmt.Errorf("image data is short: %d of %d bytes", len(data), rowBytes*h)
	}
	dflt := defaultDecode(decode, cs, bpc)
	if bpc == 1 && cs.comps == 1 && !cs.indexed && (dflt || invertedDecode(decode)) {
		r := newRaster(w, h, 1, true)
		for y := 0; y < h; y++ {
			src, dst := data[y*rowBytes:(y+1)*rowBytes], r.pix[y*r.stride:(y+1)*r.stride]
			for i := range dst {
				if dflt {
					dst[i] = ^src[i] // PDF: 0 is black; PBM: 1 is black
				} else {
					dst[i] = src[i]
				}
			}
			if pad := w % 8; pad != 0 {
				dst[len(dst)-1] &= 0xff << (8 - pad)
			}
		}
		return r, nil
	}
	if bpc == 8 && dflt && !cs.indexed && (cs.comps == 1 || cs.comps == 3) {
		r := newRaster(w, h, cs.comps, false)
		copy(r.pix, data)
		return r, nil
	}
	outComps := 1
	if (cs.indexed && cs.base != 1) || (!cs.indexed && cs.comps != 1) {
		outComps = 3
	}
	r := newRaster(w, h, outComps, false)
	maxV := float64(int(1)<<bpc - 1)
	in := make([]float64, cs.comps)
	for y := 0; y < h; y++ {
		row := data[y*rowBytes:]
		for x := 0; x < w; x++ {
			for c := 0; c < cs.comps; c++ {
				s := float64(sample(row, x*cs.comps+c, bpc))
				if decode != nil {
					s = decode[2*c] + s*(decode[2*c+1]-decode[2*c])/maxV
				} else if !cs.indexed {
					s /= maxV
				}
				in[c] = s
			}
			out := r.pix[y*r.stride+x*outComps:]
			if cs.indexed {
				idx := min(max(int(in[0]+0.5), 0), cs.hival)
				p := cs.palette[idx*cs.base:]
				toOut(out, p[:cs.base], outComps)
				continue
			}
			var px [4]byte
			for c := range cs.comps {
				px[c] = uint8(min(max(in[c], 0), 1)*255 + 0.5)
			}
			toOut(out, px[:cs.comps], outComps)
		}
	}
	return r, nil
}

// sample reads the i-th sample of bpc bits from a row.
func sample(row []byte, i, bpc int) int {
	switch bpc {
	case 8:
		return int(row[i])
	case 16:
		return int(row[2*i])<<8 | int(row[2*i+1])
	}
	bit := i * bpc
	return int(row[bit/8]>>(8-bpc-bit%8)) & (1<<bpc - 1)
}

// toOut writes a grey, RGB or CMYK pixel as outComps (1 or 3) bytes.
func toOut(out, px []byte, outComps int) {
	switch len(px) {
	case 1:
		for c := 0; c < outComps; c++ {
			out[c] = px[0]
		}
	case 3:
		copy(out, px)
	case 4:
		k := 255 - int(px[3])
		for c := 0; c < 3; c++ {
			out[c] = uint8((255 - int(px[c])) * k / 255)
		}
	}
}
