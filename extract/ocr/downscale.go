//go:build cgo

package ocr

/*
#cgo LDFLAGS: -llept
#include <stdlib.h>
#include <malloc.h>
#include <leptonica/allheaders.h>

// mc_bilevel_to_grey reads a one-bit image (TIFF, PNM or PNG) and returns
// it scaled by factor (< 1) to eight-bit grey by area averaging, as an
// uncompressed TIFF in a buffer the caller frees; NULL when the image is
// not one-bit or cannot be read. Not a PGM: Leptonica writes and reads a
// PGM a byte at a time through stdio (~80 ms a 200 DPI Letter page, both
// ways), an uncompressed TIFF a row at a time (~9 ms).
static unsigned char *mc_bilevel_to_grey(const unsigned char *data, size_t n, float factor, size_t *outn) {
	l_int32 format, w, h, bps, spp, iscmap;
	if (pixReadHeaderMem(data, n, &format, &w, &h, &bps, &spp, &iscmap) != 0) return NULL;
	if (bps != 1 || spp != 1 || iscmap) return NULL;
	PIX *pix = pixReadMem(data, n);
	if (pix == NULL) return NULL;
	if (pixGetDepth(pix) != 1 || pixGetColormap(pix) != NULL) {
		pixDestroy(&pix);
		return NULL;
	}
	PIX *grey = pixConvert1To8(NULL, pix, 255, 0);
	pixDestroy(&pix);
	if (grey == NULL) return NULL;
	PIX *small = pixScaleAreaMap(grey, factor, factor);
	pixDestroy(&grey);
	if (small == NULL) return NULL;
	unsigned char *out = NULL;
	if (pixWriteMem(&out, outn, small, IFF_TIFF) != 0) out = NULL;
	pixDestroy(&small);
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
	if dpi < minBilevelDPI || len(img) == 0 {
		return nil, 0, nil, false
	}
	factor = float64(greyDPI) / float64(dpi)
	var n C.size_t
	out := C.mc_bilevel_to_grey((*C.uchar)(unsafe.Pointer(&img[0])), C.size_t(len(img)), C.float(factor), &n)
	if out == nil {
		return nil, 0, nil, false
	}
	return unsafe.Slice((*byte)(unsafe.Pointer(out)), int(n)), factor, func() { C.lept_free(unsafe.Pointer(out)) }, true
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
