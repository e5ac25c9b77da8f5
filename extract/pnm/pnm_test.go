package pnm

import (
	"bytes"
	"image"
	"testing"
)

func TestDecode(t *testing.T) {
	tests := []struct {
		name string
		in   []byte
		w, h int
		// want is the grey value of pixel (0,0) and (1,0).
		p0, p1 uint8
	}{
		{"pbm", append([]byte("P4\n# comment\n10 2\n"), 0x80, 0x00, 0x00, 0x00), 10, 2, 0x00, 0xff},
		{"pgm", append([]byte("P5\n2 1\n255\n"), 7, 200), 2, 1, 7, 200},
		{"ppm", append([]byte("P6 2 1 255\n"), 10, 10, 10, 250, 250, 250), 2, 1, 10, 250},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			cfg, format, err := image.DecodeConfig(bytes.NewReader(tc.in))
			if err != nil || format != "pnm" || cfg.Width != tc.w || cfg.Height != tc.h {
				t.Fatalf("DecodeConfig = %+v %q %v", cfg, format, err)
			}
			img, _, err := image.Decode(bytes.NewReader(tc.in))
			if err != nil {
				t.Fatal(err)
			}
			g0, _, _, _ := img.At(0, 0).RGBA()
			g1, _, _, _ := img.At(1, 0).RGBA()
			if uint8(g0>>8) != tc.p0 || uint8(g1>>8) != tc.p1 {
				t.Errorf("pixels %d %d, want %d %d", g0>>8, g1>>8, tc.p0, tc.p1)
			}
		})
	}
}

func TestDecodeErrors(t *testing.T) {
	for _, in := range []string{"", "P4", "P4\n-1 2\n", "P5\n2 2\n65535\n", "P3\n1 1\n255\n0 0 0", "P4\n10 2\n\x00"} {
		if _, err := Decode(bytes.NewReader([]byte(in))); err == nil {
			t.Errorf("Decode(%q) succeeded", in)
		}
	}
}
