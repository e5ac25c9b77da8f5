package pdf

import (
	"fmt"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// pnmBytes returns a Flate-compressed grey or RGB page image as a PNM
// (PBM, PGM or PPM) file, which Leptonica reads directly. For a 300-DPI
// scanned page this takes a few milliseconds, where decoding the image and
// encoding it again as PNG takes hundreds. ok is false for any image it
// does not handle exactly (predictors, other colour spaces, decode arrays,
// masks); the caller then takes the slower general path.
func pnmBytes(sd *types.StreamDict) ([]byte, bool) {
	if len(sd.FilterPipeline) != 1 || sd.FilterPipeline[0].Name != "FlateDecode" || sd.FilterPipeline[0].DecodeParms != nil {
		return nil, false
	}
	if sd.Dict["ImageMask"] != nil || sd.Dict["Mask"] != nil || sd.Dict["SMask"] != nil || sd.Dict["Decode"] != nil {
		return nil, false
	}
	cs, _ := sd.Dict["ColorSpace"].(types.Name)
	bpc, w, h := intEntry(sd, "BitsPerComponent"), intEntry(sd, "Width"), intEntry(sd, "Height")
	if w <= 0 || h <= 0 {
		return nil, false
	}
	var magic string
	var rowBytes int
	switch {
	case cs == "DeviceGray" && bpc == 1:
		magic, rowBytes = "P4", (w+7)/8
	case cs == "DeviceGray" && bpc == 8:
		magic, rowBytes = "P5", w
	case cs == "DeviceRGB" && bpc == 8:
		magic, rowBytes = "P6", 3*w
	default:
		return nil, false
	}
	want := rowBytes * h
	if want > MaxImageBytes {
		return nil, false
	}
	if err := sd.DecodeWithLimit(int64(want) + 1); err != nil || len(sd.Content) < want {
		return nil, false
	}
	header := fmt.Sprintf("%s\n%d %d\n", magic, w, h)
	if magic != "P4" {
		header += "255\n"
	}
	out := make([]byte, len(header)+want)
	n := copy(out, header)
	copy(out[n:], sd.Content[:want])
	if magic == "P4" {
		// In a PDF a 1-bit grey sample of 0 is black; in a PBM, 1 is.
		for i := n; i < len(out); i++ {
			out[i] = ^out[i]
		}
	}
	sd.Content = nil // the parsed document stays cached: do not keep the pixels
	return out, true
}
