//go:build cgo

package ocr

import "testing"

// TestLinePNGSwapped: Leptonica's PNG writes in this program give
// uncompressed TIFFs, so that Tesseract's round trip of each text line
// through its ImageData costs no deflate and inflate (~0.85 ms a line).
func TestLinePNGSwapped(t *testing.T) {
	if !linePNGSwapped() {
		t.Fatal("pixWriteMem(IFF_PNG) wrote a PNG")
	}
}
