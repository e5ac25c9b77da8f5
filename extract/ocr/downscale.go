//go:build cgo

package ocr

/*
#cgo LDFLAGS: -llept
#include <stdlib.h>
#include <malloc.h>
#include <leptonica/allheaders.h>

// mc_lept_area_map is Leptonica's way of scaling a one-bit Pix to grey
// by area averaging: every pixel to eight bits (0 -> 255, 1 -> 0), then
// pixScaleAreaMap. It returns the grey page as an uncompressed TIFF in a
// buffer the caller frees, or NULL. mc_area_map gives the same pixels
// faster where it can; this is the rest (factors of 0.7 and over, which
// pixScaleAreaMap hands to linear scaling, and its 2x, 4x, 8x and 16x
// special cases) and what the tests hold mc_area_map to.
static unsigned char *mc_lept_area_map(PIX *pix, float factor, size_t *outn) {
	PIX *grey = pixConvert1To8(NULL, pix, 255, 0);
	if (grey == NULL) return NULL;
	PIX *small = pixScaleAreaMap(grey, factor, factor);
	pixDestroy(&grey);
	if (small == NULL) return NULL;
	unsigned char *out = NULL;
	if (pixWriteMem(&out, outn, small, IFF_TIFF) != 0) out = NULL;
	pixDestroy(&small);
	return out;
}

// mc_area_map_applies reports whether mc_area_map gives pixScaleAreaMap's
// pixels for factor: below 0.7 (so that a destination pixel spans more
// than one source pixel each way, which mc_area_map counts on), and not
// one of the factors pixScaleAreaMap reduces by halving.
static int mc_area_map_applies(float factor) {
	return factor > 0 && factor < 0.7 && factor != 0.5 && factor != 0.25 && factor != 0.125 && factor != 0.0625;
}

// mc_ink reports whether row (a Pix's one-bit row: 32-bit words, the
// first pixel in the highest bit, 1 = black) has black between x0 and x1,
// both included.
static inline int mc_ink(const l_uint32 *row, int x0, int x1) {
	int a = x0 >> 5, b = x1 >> 5;
	l_uint32 ma = 0xffffffffu >> (x0 & 31), mb = 0xffffffffu << (31 - (x1 & 31));
	if (a == b) return (row[a] & ma & mb) != 0;
	if (row[a] & ma) return 1;
	for (int k = a + 1; k < b; k++)
		if (row[k]) return 1;
	return (row[b] & mb) != 0;
}

static inline int mc_white(const l_uint32 *row, int x) { return !((row[x >> 5] >> (31 - (x & 31))) & 1); }

// mc_row_weight is the weighted count of white pixels of row over one
// destination column: xuf and xlf the sixteenths of its first and last
// source pixels it covers, the ones between whole (16).
static inline int mc_row_weight(const l_uint32 *row, int xup, int xuf, int xlp, int xlf, int full) {
	if (!mc_ink(row, xup, xlp)) return full;
	int v = (16 - xuf) * mc_white(row, xup) + xlf * mc_white(row, xlp);
	for (int x = xup + 1; x < xlp; x++) v += 16 * mc_white(row, x);
	return v;
}

// mc_area_map scales the one-bit pix by factor (mc_area_map_applies) to
// eight-bit grey, white 255 and black 0, by area averaging, pixel for
// pixel as mc_lept_area_map, and returns it as an uncompressed TIFF of its
// own making in a buffer the caller frees (free), or NULL. Leptonica's way
// makes an eight-bit copy of the whole page first (8 MB at 300 DPI), walks
// every destination pixel's source pixels one byte at a time, and writes
// the TIFF through libtiff: ~50 ms of a reader's CPU a fax page. Here the
// one-bit rows are read as they are, a run of source pixels without ink
// counts at once (most of a page), and the grey pixels go straight into
// the TIFF. The weights are Leptonica's: each source pixel cut into 16 x
// 16 parts, a destination pixel the sum of the parts it covers, so the
// sum over a rectangle is the sum over its rows of each row's weighted
// count.
static unsigned char *mc_area_map(PIX *pix, float factor, size_t *outn) {
	l_int32 ws = pixGetWidth(pix), hs = pixGetHeight(pix);
	l_int32 wd = (l_int32)(factor * (l_float32)ws + 0.5);
	l_int32 hd = (l_int32)(factor * (l_float32)hs + 0.5);
	if (wd < 1 || hd < 1 || ws < 2 || hs < 2) return NULL;
	// The resolution as Leptonica scales it.
	l_int32 xres = 0, yres = 0;
	PIX *res = pixCreateHeader(1, 1, 8);
	if (res == NULL) return NULL;
	pixCopyResolution(res, pix);
	pixScaleResolution(res, factor, factor);
	pixGetResolution(res, &xres, &yres);
	pixDestroy(&res);

	// Leptonica writes 300 DPI for a page without a resolution.
	if (xres <= 0) xres = 300;
	if (yres <= 0) yres = 300;

	// The TIFF: header, one directory, the two resolutions, the pixels.
	enum { ntags = 12 };
	size_t dirOff = 8, dirLen = 2 + ntags * 12 + 4, resOff = dirOff + dirLen, pixOff = resOff + 16;
	size_t npix = (size_t)wd * hd;
	unsigned char *out = malloc(pixOff + npix);
	int *col = malloc(sizeof(int) * 5 * (size_t)wd);
	if (out == NULL || col == NULL) {
		free(out);
		free(col);
		return NULL;
	}
	unsigned char *p = out;
	#define PUT16(v) do { unsigned v_ = (v); *p++ = v_ & 0xff; *p++ = (v_ >> 8) & 0xff; } while (0)
	#define PUT32(v) do { unsigned w_ = (v); PUT16(w_ & 0xffff); PUT16(w_ >> 16); } while (0)
	#define TAG(t, type, v) do { PUT16(t); PUT16(type); PUT32(1); if ((type) == 3) { PUT16(v); PUT16(0); } else PUT32(v); } while (0)
	*p++ = 'I'; *p++ = 'I'; PUT16(42); PUT32(dirOff);
	PUT16(ntags);
	TAG(256, 4, wd);         // ImageWidth
	TAG(257, 4, hd);         // ImageLength
	TAG(258, 3, 8);          // BitsPerSample
	TAG(259, 3, 1);          // Compression: none
	TAG(262, 3, 1);          // PhotometricInterpretation: black is zero
	TAG(273, 4, pixOff);     // StripOffsets
	TAG(277, 3, 1);          // SamplesPerPixel
	TAG(278, 4, hd);         // RowsPerStrip
	TAG(279, 4, npix);       // StripByteCounts
	TAG(282, 5, resOff);     // XResolution
	TAG(283, 5, resOff + 8); // YResolution
	TAG(296, 3, 2);          // ResolutionUnit: inch
	PUT32(0);
	PUT32(xres); PUT32(1);
	PUT32(yres); PUT32(1);
	#undef TAG
	#undef PUT32
	#undef PUT16

	// Where each destination column falls, in sixteenths of a source
	// pixel, computed as Leptonica does (the same float arithmetic).
	l_float32 scx = 16. * (l_float32)ws / (l_float32)wd;
	l_float32 scy = 16. * (l_float32)hs / (l_float32)hd;
	l_int32 wm2 = ws - 2, hm2 = hs - 2;
	for (l_int32 j = 0; j < wd; j++) {
		l_int32 xu = (l_int32)(scx * j), xl = (l_int32)(scx * (j + 1.0));
		int *c = col + 5 * j;
		c[0] = xu >> 4; c[1] = xu & 0x0f; c[2] = xl >> 4; c[3] = xl & 0x0f;
		c[4] = (16 - c[1]) + 16 * (c[2] - c[0] - 1) + c[3]; // the column's width in sixteenths
	}
	l_uint32 *data = pixGetData(pix);
	l_int32 wpl = pixGetWpl(pix);
	l_uint32 *band = malloc(sizeof(l_uint32) * (size_t)wpl); // the rows of a destination row, or'd
	if (band == NULL) {
		free(out);
		free(col);
		return NULL;
	}
	unsigned char *dst = out + pixOff;
	for (l_int32 i = 0; i < hd; i++, dst += wd) {
		l_int32 yu = (l_int32)(scy * i), yl = (l_int32)(scy * (i + 1.0));
		l_int32 yup = yu >> 4, yuf = yu & 0x0f, ylp = yl >> 4, ylf = yl & 0x0f;
		const l_uint32 *top = data + (size_t)yup * wpl, *bottom = data + (size_t)ylp * wpl;
		int height = (16 - yuf) + 16 * (ylp - yup - 1) + ylf;
		if (ylp > hm2) { // the last rows: the source pixels
			for (l_int32 j = 0; j < wd; j++) dst[j] = mc_white(top, col[5 * j]) ? 255 : 0;
			continue;
		}
		l_uint32 any = 0;
		for (l_int32 k = 0; k < wpl; k++) {
			l_uint32 v = 0;
			for (l_int32 y = yup; y <= ylp; y++) v |= data[(size_t)y * wpl + k];
			band[k] = v;
			any |= v;
		}
		for (l_int32 j = 0; j < wd; j++) {
			const int *c = col + 5 * j;
			if (c[2] > wm2) { // the last columns: the source pixel
				dst[j] = mc_white(top, c[0]) ? 255 : 0;
				continue;
			}
			int area = c[4] * height;
			if (!any || (band[c[0] >> 5] == 0 && c[0] >> 5 == c[2] >> 5) || !mc_ink(band, c[0], c[2])) { // white all over: 255 when area > 128
				dst[j] = area > 128 ? 255 : (unsigned char)((255 * area + 128) / area);
				continue;
			}
			int sum = (16 - yuf) * mc_row_weight(top, c[0], c[1], c[2], c[3], c[4]) +
				ylf * mc_row_weight(bottom, c[0], c[1], c[2], c[3], c[4]);
			for (l_int32 y = yup + 1; y < ylp; y++)
				sum += 16 * mc_row_weight(data + (size_t)y * wpl, c[0], c[1], c[2], c[3], c[4]);
			dst[j] = (unsigned char)((255 * sum + 128) / area);
		}
	}
	free(band);
	free(col);
	*outn = pixOff + npix;
	return out;
}

// mc_bilevel_to_grey reads a one-bit image (TIFF, PNM or PNG) and returns
// it scaled by factor (< 1) to eight-bit grey by area averaging, as an
// uncompressed TIFF in a buffer the caller frees; NULL when the image is
// not one-bit or cannot be read. Not a PGM: Leptonica writes and reads a
// PGM a byte at a time through stdio (~80 ms of CPU a 200 DPI Letter page,
// both ways), an uncompressed TIFF a row at a time (~9 ms). leptonica set
// takes Leptonica's own way (mc_lept_area_map) whatever the factor.
static unsigned char *mc_bilevel_to_grey(const unsigned char *data, size_t n, float factor, int leptonica, size_t *outn) {
	l_int32 format, w, h, bps, spp, iscmap;
	if (pixReadHeaderMem(data, n, &format, &w, &h, &bps, &spp, &iscmap) != 0) return NULL;
	if (bps != 1 || spp != 1 || iscmap) return NULL;
	PIX *pix = pixReadMem(data, n);
	if (pix == NULL) return NULL;
	if (pixGetDepth(pix) != 1 || pixGetColormap(pix) != NULL) {
		pixDestroy(&pix);
		return NULL;
	}
	unsigned char *out = NULL;
	if (!leptonica && mc_area_map_applies(factor)) out = mc_area_map(pix, factor, outn);
	else out = mc_lept_area_map(pix, factor, outn);
	pixDestroy(&pix);
	return out;
}

// mc_fix_mmap_threshold keeps glibc giving blocks of 512 KB or more their
// own mappings, returned to the system when freed. By default glibc raises
// that threshold to the size of each such block freed (up to 32 MB), after
// which a page's large buffers (the page image, its TIFF, Tesseract's
// copies) come from the heap and leave it fragmented.
static void mc_fix_mmap_threshold(void) { mallopt(M_MMAP_THRESHOLD, 512 * 1024); }

// mc_large_block_mapped reports whether a 3 MB block allocated after a
// 4 MB one was freed has a mapping of its own (glibc's IS_MMAPPED bit),
// the heap's free top given back before.
static int mc_large_block_mapped(void) {
	// The heap's free top first given back: a block the top could hold
	// comes from it whatever the threshold.
	malloc_trim(0);
	void *a = malloc(4 << 20);
	if (a == NULL) return 0;
	((volatile char *)a)[0] = 1;
	free(a);
	void *b = malloc(3 << 20);
	if (b == NULL) return 0;
	int mapped = (((size_t *)b)[-1] & 2) != 0;
	free(b);
	return mapped;
}
*/
import "C"

import "unsafe"

// greyDPI is the resolution one-bit page images finer than minBilevelDPI
// are read at: scaled down to grey by area averaging, which keeps the ink's
// shape as shades of grey. Tesseract's layout analysis works on pixels and
// its line recogniser scales every text line to a fixed height, so it costs
// less at 200 DPI; on the fixture scans (fax and copier G4 at 300 DPI) word
// accuracy rose rather than fell (BENCHMARKS.md, 2026-12-07).
const (
	greyDPI       = 200
	minBilevelDPI = 250
)

// bilevelToGrey returns a one-bit image of dpi scaled to greyDPI in grey
// (an uncompressed TIFF) and the factor its pixels were scaled by, or ok false when the
// image is not one-bit, is not finer than minBilevelDPI or cannot be read.
// The TIFF is in C memory, not Go's (a Go copy of every page would grow the
// reader's heap until a collection): the caller must call free once it is
// done with it, and must not keep grey.
func bilevelToGrey(img []byte, dpi int) (grey []byte, factor float64, free func(), ok bool) {
	return scaleBilevel(img, dpi, false)
}

// scaleBilevel is bilevelToGrey, by Leptonica's own functions when
// leptonica is set (what the tests compare the program's scaling with).
func scaleBilevel(img []byte, dpi int, leptonica bool) (grey []byte, factor float64, free func(), ok bool) {
	if dpi < minBilevelDPI || len(img) == 0 {
		return nil, 0, nil, false
	}
	factor = float64(greyDPI) / float64(dpi)
	var n C.size_t
	lept := C.int(0)
	if leptonica {
		lept = 1
	}
	out := C.mc_bilevel_to_grey((*C.uchar)(unsafe.Pointer(&img[0])), C.size_t(len(img)), C.float(factor), lept, &n)
	if out == nil {
		return nil, 0, nil, false
	}
	return unsafe.Slice((*byte)(unsafe.Pointer(out)), int(n)), factor, func() { C.free(unsafe.Pointer(out)) }, true
}

// releaseFreed hands the C heap's free memory back to the system: Tesseract
// frees most of what a page took when the next page is set, and glibc keeps
// it otherwise, so a reader's resident memory climbs from ~66 to past
// 112 MB in two or three pages and the reader is replaced (extract/sandbox),
// which costs a process start and a Tesseract start (~0.2 s of CPU).
func releaseFreed() { C.malloc_trim(0) }

// A reader's resident memory at its peak during a fax page: 126-135 MB
// without the fixed threshold, 111-123 MB with it (BENCHMARKS.md,
// 2026-12-07 later).
func init() { C.mc_fix_mmap_threshold() }

// largeBlockMapped reports whether large C blocks still get mappings of
// their own after a larger one was freed.
func largeBlockMapped() bool { return C.mc_large_block_mapped() != 0 }
