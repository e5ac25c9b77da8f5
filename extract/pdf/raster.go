package pdf

import (
	"fmt"
)

// raster is a decoded page image: bilevel (packed rows, most significant
// bit first, 1 = black, as in a PBM), or 8-bit grey or RGB.
type raster struct {
	w, h   int
	comps  int  // 1 or 3
	bilvl  bool // 1 bit per pixel, 1 = black
	stride int
	pix    []byte
}

func newRaster(w, h, comps int, bilevel bool) *raster {
	r := &raster{w: w, h: h, comps: comps, bilvl: bilevel}
	if bilevel {
		r.stride = (w + 7) / 8
	} else {
		r.stride = w * comps
	}
	r.pix = make([]byte, r.stride*h)
	return r
}

// black reports whether pixel (x, y) of a bilevel raster is black.
func (r *raster) black(x, y int) bool {
	return r.pix[y*r.stride+x/8]&(0x80>>(x%8)) != 0
}

func (r *raster) setBlack(x, y int) {
	r.pix[y*r.stride+x/8] |= 0x80 >> (x % 8)
}

// pnm encodes the raster as a binary PBM, PGM or PPM, which Leptonica reads
// without decompressing anything.
func (r *raster) pnm() []byte {
	var header string
	switch {
	case r.bilvl:
		header = fmt.Sprintf("P4\n%d %d\n", r.w, r.h)
	case r.comps == 1:
		header = fmt.Sprintf("P5\n%d %d\n255\n", r.w, r.h)
	default:
		header = fmt.Sprintf("P6\n%d %d\n255\n", r.w, r.h)
	}
	out := make([]byte, len(header)+len(r.pix))
	n := copy(out, header)
	copy(out[n:], r.pix)
	return out
}

// orientation maps image pixels to page pixels as displayed: the image's
// columns run along ±X or ±Y of the displayed page, and so do its rows.
type orientation struct {
	swap         bool // columns run along Y (the image is turned a quarter)
	flipX, flipY bool // after the swap, mirror across X, across Y
}

func (o orientation) identity() bool { return !o.swap && !o.flipX && !o.flipY }

// apply returns the raster as it shows on the displayed page.
func (o orientation) apply(src *raster) *raster {
	if o.identity() {
		return src
	}
	w, h := src.w, src.h
	if o.swap {
		w, h = h, w
	}
	dst := newRaster(w, h, src.comps, src.bilvl)
	if !src.bilvl {
		for i := range dst.pix {
			dst.pix[i] = 0xff
		}
	}
	for y := 0; y < src.h; y++ {
		for x := 0; x < src.w; x++ {
			dx, dy := x, y
			if o.swap {
				dx, dy = y, x
			}
			if o.flipX {
				dx = w - 1 - dx
			}
			if o.flipY {
				dy = h - 1 - dy
			}
			if src.bilvl {
				if src.black(x, y) {
					dst.setBlack(dx, dy)
				}
				continue
			}
			s := y*src.stride + x*src.comps
			copy(dst.pix[dy*dst.stride+dx*dst.comps:], src.pix[s:s+src.comps])
		}
	}
	return dst
}

// toGrey returns an 8-bit copy of a bilevel raster, for compositing.
func (r *raster) toGrey() *raster {
	if !r.bilvl {
		return r
	}
	g := newRaster(r.w, r.h, 1, false)
	for y := 0; y < r.h; y++ {
		for x := 0; x < r.w; x++ {
			if !r.black(x, y) {
				g.pix[y*g.stride+x] = 0xff
			}
		}
	}
	return g
}

// composite paints the raster over a white page through alpha (one byte
// per pixel of an alpha raster of any size, sampled nearest), as a soft
// mask or a stencil mask shows it.
func (r *raster) composite(alpha *raster) *raster {
	g := r.toGrey()
	for y := 0; y < g.h; y++ {
		ay := y * alpha.h / g.h
		for x := 0; x < g.w; x++ {
			a := int(alpha.pix[ay*alpha.stride+x*alpha.w/g.w])
			for c := 0; c < g.comps; c++ {
				i := y*g.stride + x*g.comps + c
				g.pix[i] = uint8((int(g.pix[i])*a + 255*(255-a) + 127) / 255)
			}
		}
	}
	return g
}
