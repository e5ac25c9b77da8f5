//go:build cgo

package ocr

/*
#cgo LDFLAGS: -llept -ldl
#define _GNU_SOURCE
#include <dlfcn.h>
#include <leptonica/allheaders.h>

typedef l_ok (*mc_write_mem_fn)(l_uint8 **, size_t *, PIX *, l_int32);

// pixWriteMem stands in for Leptonica's in this program (the dynamic
// linker looks in the executable first): an image asked for in PNG is
// written as an uncompressed TIFF instead, then handed to Leptonica's own.
// Tesseract writes every text line it recognises into its ImageData as a
// PNG and reads it straight back (pixReadMem, which takes either format):
// the PNG's deflate and inflate cost ~0.85 ms a line, the TIFF ~0.04 ms,
// for the same pixels. Nothing in this program keeps or sends a PNG that
// Leptonica wrote.
l_ok pixWriteMem(l_uint8 **pdata, size_t *psize, PIX *pix, l_int32 format) {
	static mc_write_mem_fn real;
	if (real == NULL) real = (mc_write_mem_fn)dlsym(RTLD_NEXT, "pixWriteMem");
	if (real == NULL) return 1;
	if (format == IFF_PNG) format = IFF_TIFF;
	return real(pdata, psize, pix, format);
}

static int mc_png_swapped(void) {
	l_uint8 *data = NULL;
	size_t n = 0;
	PIX *pix = pixCreate(8, 8, 8);
	int ok = pix != NULL && pixWriteMem(&data, &n, pix, IFF_PNG) == 0;
	int format = IFF_UNKNOWN;
	if (ok) findFileFormatBuffer(data, &format);
	if (data) lept_free(data);
	pixDestroy(&pix);
	return format == IFF_TIFF;
}
*/
import "C"

// linePNGSwapped reports whether Leptonica's PNG writes, as Tesseract
// makes them, give TIFFs (pixWriteMem above).
func linePNGSwapped() bool { return C.mc_png_swapped() != 0 }
