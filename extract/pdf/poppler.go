package pdf

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
)

// popplerPicture has poppler's pdfimages decode a page's sole image
// (JBIG2 and JPEG 2000, which have no maintained Go decoder) at its own
// resolution into a PNM, then turns it upright when it is drawn turned.
// Poppler applies the JBIG2 globals and JPEG 2000 colour itself.
func popplerPicture(ctx context.Context, path string, page int, s sole, limit int64, invert bool) ([]byte, error) {
	bin, err := tool("pdfimages")
	if err != nil {
		return nil, err
	}
	dir, err := os.MkdirTemp("", "medchron-img-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	ctx, cancel := withDefaultTimeout(ctx)
	defer cancel()
	n := strconv.Itoa(page)
	if _, err := runCapped(ctx, 64<<10, bin, "-q", "-f", n, "-l", n, path, filepath.Join(dir, "p")); err != nil {
		return nil, fmt.Errorf("pdfimages: %w", err)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	if len(entries) != 1 {
		return nil, fmt.Errorf("pdfimages wrote %d images for one", len(entries))
	}
	f := filepath.Join(dir, entries[0].Name())
	if st, err := os.Stat(f); err != nil || st.Size() > limit {
		return nil, errors.New("pdfimages wrote too large an image")
	}
	data, err := os.ReadFile(f)
	if err != nil {
		return nil, err
	}
	if s.orient.identity() && !invert {
		return data, nil
	}
	r, err := pnmRasterAny(data)
	if err != nil {
		return nil, err
	}
	if invert {
		for i := range r.pix {
			r.pix[i] = ^r.pix[i]
		}
	}
	return s.orient.apply(r).pnm(), nil
}

// pnmRasterAny reads a PBM as a bilevel raster and a PGM or PPM as 8-bit.
func pnmRasterAny(data []byte) (*raster, error) {
	if len(data) > 2 && data[0] == 'P' && data[1] == '4' {
		var w, h int
		var hdr int
		if _, err := fmt.Sscanf(string(data[:min(len(data), 64)]), "P4\n%d %d\n", &w, &h); err != nil {
			return nil, err
		}
		hdr = len(fmt.Sprintf("P4\n%d %d\n", w, h))
		r := newRaster(w, h, 1, true)
		if len(data)-hdr < len(r.pix) {
			return nil, errors.New("short PBM")
		}
		copy(r.pix, data[hdr:])
		return r, nil
	}
	return pnmRaster(data)
}
