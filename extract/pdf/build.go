package pdf

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/jpeg"
	"io"

	"github.com/pdfcpu/pdfcpu/pkg/filter"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"

	"github.com/medchron/medchron/extract/pnm"
)

// Filters whose output is an image format of its own.
const (
	fCCITT = "CCITTFaxDecode"
	fDCT   = "DCTDecode"
	fJBIG2 = "JBIG2Decode"
	fJPX   = "JPXDecode"
)

var errNoContent = errors.New("no usable content")

// errPoppler marks an image only poppler decodes (JBIG2, JPEG 2000).
var errPoppler = errors.New("image needs poppler")

// imageStream is an image XObject split into what the general filters
// leave (data) and the image filter still to apply (last, with parms).
type imageStream struct {
	data  []byte
	last  string
	parms types.Dict
}

// openStream applies an image's general filters (Flate with predictors,
// LZW, RunLength, ASCII85, ASCIIHex) within limit bytes and stops at an
// image filter, which must come last.
func openStream(sd *types.StreamDict, limit int64) (imageStream, error) {
	var r io.Reader = bytes.NewReader(sd.Raw)
	fpl := sd.FilterPipeline
	for i, f := range fpl {
		switch f.Name {
		case fCCITT, fDCT, fJBIG2, fJPX:
			if i != len(fpl)-1 {
				return imageStream{}, fmt.Errorf("%s is not the last filter", f.Name)
			}
			data, err := readLimited(r, limit)
			return imageStream{data: data, last: f.Name, parms: f.DecodeParms}, err
		}
		fl, err := filter.NewFilter(f.Name, parmsMap(f.DecodeParms), limit)
		if err != nil {
			return imageStream{}, err
		}
		if r, err = fl.Decode(r); err != nil {
			return imageStream{}, err
		}
	}
	data, err := readLimited(r, limit)
	return imageStream{data: data}, err
}

func readLimited(r io.Reader, limit int64) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("image data passes %d MB", limit>>20)
	}
	return data, nil
}

func parmsMap(d types.Dict) map[string]int {
	if d == nil {
		return nil
	}
	m := map[string]int{}
	for k, v := range d {
		switch v := v.(type) {
		case types.Integer:
			m[k] = int(v)
		case types.Boolean:
			if v {
				m[k] = 1
			} else {
				m[k] = 0
			}
		}
	}
	return m
}

// solePicture makes the OCR image of a sole image. Images that are stored
// in a format Leptonica reads (JPEG, CCITT Group 4 wrapped in a TIFF) and
// that need no turning, mask or decode array are passed on as stored;
// everything else is decoded to pixels, masked, turned upright and passed
// as a PNM. It returns errPoppler for JBIG2 and JPEG 2000 images.
func solePicture(xt resolver, s sole, limit int64) (data []byte, format string, err error) {
	sd := s.sd
	mask := sd.BooleanEntry("ImageMask")
	isMask := mask != nil && *mask
	_, hasSMask := sd.Find("SMask")
	_, hasMask := sd.Find("Mask")
	masked := hasSMask || hasMask
	if isMask && (masked || s.painted) {
		return nil, "", errors.New("stencil mask painted in colour")
	}
	cs := colorSpace{comps: 1}
	bpc := 1
	if !isMask {
		if cs, err = imageColorSpace(xt, sd.Dict["ColorSpace"], 0); err != nil && sd.FilterPipeline != nil &&
			len(sd.FilterPipeline) > 0 && sd.FilterPipeline[len(sd.FilterPipeline)-1].Name == fJPX {
			cs, err = colorSpace{comps: 3}, nil // JPEG 2000 may carry its own
		}
		if err != nil {
			return nil, "", err
		}
		bpc = intEntry(sd, "BitsPerComponent")
	}
	decode, err := decodeArray(xt, sd, cs.comps)
	if err != nil {
		return nil, "", err
	}
	st, err := openStream(sd, limit)
	if err != nil {
		return nil, "", err
	}
	plain := s.orient.identity() && !masked
	var r *raster
	switch st.last {
	case fJBIG2, fJPX:
		return nil, "", errPoppler
	case fCCITT:
		p := ccittParmsOf(st.parms, s.w, s.h)
		invert := p.blackIs1 != invertedDecode(decode)
		if plain && p.k < 0 && !p.byteAlign && !invert && p.columns == s.w {
			return ccittTIFF(st.data, p, s.w, s.h, int(s.dpi+0.5)), "tiff", nil
		}
		if r, err = ccittRaster(st.data, p, s.w, s.h, invert); err != nil {
			return nil, "", err
		}
	case fDCT:
		if plain && !cs.indexed && (cs.comps == 1 || cs.comps == 3) && defaultDecode(decode, cs, 8) {
			if cfg, format, err := image.DecodeConfig(bytes.NewReader(st.data)); err == nil && format == "jpeg" && cfg.Width == s.w && cfg.Height == s.h {
				return st.data, "jpeg", nil
			}
		}
		if r, err = jpegRaster(st.data, s.w, s.h, decode); err != nil {
			return nil, "", err
		}
	default:
		if r, err = samplesRaster(st.data, s.w, s.h, bpc, cs, decode); err != nil {
			return nil, "", err
		}
	}
	if masked {
		alpha, err := maskAlpha(xt, sd, st.data, s.w, s.h, bpc, cs, limit)
		if err != nil {
			return nil, "", err
		}
		if alpha != nil {
			r = r.composite(alpha)
		}
	}
	return s.orient.apply(r).pnm(), "pnm", nil
}

// jpegRaster decodes a JPEG image to grey or RGB (CMYK converted), with a
// one-component /Decode [1 0] applied.
func jpegRaster(data []byte, w, h int, decode []float64) (*raster, error) {
	img, err := jpeg.Decode(bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	b := img.Bounds()
	if b.Dx() != w || b.Dy() != h {
		return nil, fmt.Errorf("JPEG is %dx%d, the image %dx%d", b.Dx(), b.Dy(), w, h)
	}
	var r *raster
	switch m := img.(type) {
	case *image.Gray:
		r = newRaster(w, h, 1, false)
		for y := 0; y < h; y++ {
			copy(r.pix[y*r.stride:], m.Pix[y*m.Stride:y*m.Stride+w])
		}
	default:
		r = newRaster(w, h, 3, false)
		for y := 0; y < h; y++ {
			for x := 0; x < w; x++ {
				cr, cg, cb, _ := img.At(b.Min.X+x, b.Min.Y+y).RGBA()
				o := y*r.stride + 3*x
				r.pix[o], r.pix[o+1], r.pix[o+2] = uint8(cr>>8), uint8(cg>>8), uint8(cb>>8)
			}
		}
	}
	if r.comps == 1 && invertedDecode(decode) {
		for i := range r.pix {
			r.pix[i] = ^r.pix[i]
		}
	}
	return r, nil
}

// maskAlpha returns the opacity of each pixel (255 painted, 0 not) from an
// image's /SMask, /Mask stream or /Mask colour-key array.
func maskAlpha(xt resolver, sd *types.StreamDict, data []byte, w, h, bpc int, cs colorSpace, limit int64) (*raster, error) {
	if o, found := sd.Find("SMask"); found {
		msd, _, err := xt.DereferenceStreamDict(o)
		if err != nil || msd == nil {
			return nil, errors.New("bad /SMask")
		}
		m, err := maskRaster(xt, msd, limit, false)
		if err != nil {
			return nil, fmt.Errorf("/SMask: %w", err)
		}
		return m.toGrey(), nil
	}
	o, _ := sd.Find("Mask")
	o, err := xt.Dereference(o)
	if err != nil {
		return nil, err
	}
	switch v := o.(type) {
	case types.StreamDict:
		m, err := maskRaster(xt, &v, limit, true)
		if err != nil {
			return nil, fmt.Errorf("/Mask: %w", err)
		}
		g := m.toGrey()
		for i := range g.pix {
			g.pix[i] = ^g.pix[i] // black (painted) becomes opaque
		}
		return g, nil
	case types.Array:
		return colorKeyAlpha(v, data, w, h, bpc, cs)
	}
	return nil, errors.New("bad /Mask")
}

// maskRaster decodes a soft mask (grey) or a stencil mask (1-bit).
func maskRaster(xt resolver, sd *types.StreamDict, limit int64, stencil bool) (*raster, error) {
	w, h := intEntry(sd, "Width"), intEntry(sd, "Height")
	if w <= 0 || h <= 0 || int64(w)*int64(h) > limit {
		return nil, errors.New("bad size")
	}
	bpc := 1
	if !stencil {
		bpc = intEntry(sd, "BitsPerComponent")
	}
	decode, err := decodeArray(xt, sd, 1)
	if err != nil {
		return nil, err
	}
	st, err := openStream(sd, limit)
	if err != nil {
		return nil, err
	}
	switch st.last {
	case "":
		return samplesRaster(st.data, w, h, bpc, colorSpace{comps: 1}, decode)
	case fCCITT:
		p := ccittParmsOf(st.parms, w, h)
		return ccittRaster(st.data, p, w, h, p.blackIs1 != invertedDecode(decode))
	case fDCT:
		return jpegRaster(st.data, w, h, decode)
	}
	return nil, fmt.Errorf("%s masks are not read", st.last)
}

// colorKeyAlpha masks out pixels whose every sample lies in the /Mask
// array's ranges.
func colorKeyAlpha(ranges types.Array, data []byte, w, h, bpc int, cs colorSpace) (*raster, error) {
	if len(ranges) != 2*cs.comps {
		return nil, errors.New("bad /Mask array")
	}
	lims := make([]int, len(ranges))
	for i, o := range ranges {
		n, ok := o.(types.Integer)
		if !ok {
			return nil, errors.New("bad /Mask array")
		}
		lims[i] = int(n)
	}
	rowBytes := (w*cs.comps*bpc + 7) / 8
	if len(data) < rowBytes*h {
		return nil, errors.New("image data is short")
	}
	a := newRaster(w, h, 1, false)
	for y := 0; y < h; y++ {
		row := data[y*rowBytes:]
		for x := 0; x < w; x++ {
			in := true
			for c := 0; c < cs.comps && in; c++ {
				v := sample(row, x*cs.comps+c, bpc)
				in = v >= lims[2*c] && v <= lims[2*c+1]
			}
			if !in {
				a.pix[y*a.stride+x] = 0xff
			}
		}
	}
	return a, nil
}

// pnmRaster reads a PNM image poppler wrote.
func pnmRaster(data []byte) (*raster, error) {
	img, err := pnm.Decode(bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	b := img.Bounds()
	switch m := img.(type) {
	case *image.Gray:
		r := newRaster(b.Dx(), b.Dy(), 1, false)
		copy(r.pix, m.Pix)
		return r, nil
	case *image.RGBA:
		r := newRaster(b.Dx(), b.Dy(), 3, false)
		for i := 0; i < b.Dx()*b.Dy(); i++ {
			copy(r.pix[3*i:3*i+3], m.Pix[4*i:4*i+3])
		}
		return r, nil
	}
	return nil, errors.New("unexpected PNM")
}
