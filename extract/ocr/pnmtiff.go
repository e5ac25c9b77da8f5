//go:build cgo

package ocr

/*
#cgo LDFLAGS: -llept
#include <stdlib.h>
#include <leptonica/allheaders.h>

// mc_pnm_to_tiff copies the pixels of a binary PBM (kind 4: packed rows,
// 1 = black, as Leptonica's one-bit Pix), PGM (5) or PPM (6) of 8 bits a
// sample into a Pix and returns it as an uncompressed TIFF in a buffer the
// caller frees; NULL on failure.
static unsigned char *mc_pnm_to_tiff(const unsigned char *src, int w, int h, int kind, size_t *outn) {
	int depth = kind == 4 ? 1 : kind == 5 ? 8 : 32;
	PIX *pix = pixCreateNoInit(w, h, depth);
	if (pix == NULL) return NULL;
	l_uint32 *data = pixGetData(pix);
	int wpl = pixGetWpl(pix);
	if (kind == 4) pixClearAll(pix); // the padding bits of each row
	for (int i = 0; i < h; i++) {
		l_uint32 *line = data + (size_t)i * wpl;
		if (kind == 4) {
			int bpl = (w + 7) / 8;
			const unsigned char *row = src + (size_t)i * bpl;
			for (int j = 0; j < bpl; j++) SET_DATA_BYTE(line, j, row[j]);
		} else if (kind == 5) {
			const unsigned char *row = src + (size_t)i * w;
			for (int j = 0; j < w; j++) SET_DATA_BYTE(line, j, row[j]);
		} else {
			const unsigned char *row = src + (size_t)i * w * 3;
			for (int j = 0; j < w; j++) composeRGBPixel(row[3*j], row[3*j+1], row[3*j+2], line + j);
		}
	}
	unsigned char *out = NULL;
	if (pixWriteMem(&out, outn, pix, IFF_TIFF) != 0) out = NULL;
	pixDestroy(&pix);
	return out;
}
*/
import "C"

import (
	"bytes"
	"unsafe"
)

// pnmToTIFF returns a binary PBM, PGM or PPM of 8 bits a sample (what
// extract/pdf makes of a decoded page image and what pdftoppm draws) as
// an uncompressed TIFF of the same pixels, or ok false when img is no such
// PNM. Leptonica, which reads the page for Tesseract, reads a PNM through
// stdio one byte at a time: ~75 ms of CPU for a 300 DPI grey Letter page,
// three times that in colour; it reads an uncompressed TIFF a row at a
// time (< 1 ms; the copy and the TIFF ~10 ms). The TIFF is in C memory:
// the caller must call free once it is done with it, and must not keep it.
func pnmToTIFF(img []byte) (tiff []byte, free func(), ok bool) {
	kind, w, h, off, ok := pnmHeader(img)
	if !ok {
		return nil, nil, false
	}
	var n C.size_t
	out := C.mc_pnm_to_tiff((*C.uchar)(unsafe.Pointer(&img[off])), C.int(w), C.int(h), C.int(kind), &n)
	if out == nil {
		return nil, nil, false
	}
	return unsafe.Slice((*byte)(unsafe.Pointer(out)), int(n)), func() { C.lept_free(unsafe.Pointer(out)) }, true
}

// pnmHeader reads the header of a binary PBM (kind 4), PGM (5) or PPM (6)
// of at most 8 bits a sample with all its pixels in img: its size and
// where its pixels start.
func pnmHeader(img []byte) (kind, w, h, off int, ok bool) {
	if len(img) < 3 || img[0] != 'P' || img[1] < '4' || img[1] > '6' {
		return 0, 0, 0, 0, false
	}
	kind = int(img[1] - '0')
	fields := 3 // width, height, maximum value
	if kind == 4 {
		fields = 2
	}
	vals := make([]int, 0, 3)
	i := 2
	for len(vals) < fields {
		// white space and comments before each number
		for i < len(img) && (isPNMSpace(img[i]) || img[i] == '#') {
			if img[i] == '#' {
				j := bytes.IndexByte(img[i:], '\n')
				if j < 0 {
					return 0, 0, 0, 0, false
				}
				i += j
			}
			i++
		}
		v, start := 0, i
		for i < len(img) && img[i] >= '0' && img[i] <= '9' && i-start < 7 {
			v = v*10 + int(img[i]-'0')
			i++
		}
		if i == start || i >= len(img) || !isPNMSpace(img[i]) {
			return 0, 0, 0, 0, false
		}
		vals = append(vals, v)
	}
	off = i + 1 // one white space character before the pixels
	w, h = vals[0], vals[1]
	if w < 1 || h < 1 || (kind != 4 && vals[2] != 255) {
		return 0, 0, 0, 0, false
	}
	need := (w + 7) / 8 * h
	switch kind {
	case 5:
		need = w * h
	case 6:
		need = 3 * w * h
	}
	if len(img)-off < need {
		return 0, 0, 0, 0, false
	}
	return kind, w, h, off, true
}

func isPNMSpace(b byte) bool { return b == ' ' || b == '\t' || b == '\n' || b == '\r' }
