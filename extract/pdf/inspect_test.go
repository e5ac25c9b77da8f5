package pdf

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
)

func TestInspectGoodFiles(t *testing.T) {
	mixed := buildPDF(t,
		pageSpec{lines: clinicLines},
		pageSpec{image: scanImage(t, 100, "PNG"), imageType: "PNG"},
		pageSpec{},
	)
	info, err := Inspect(context.Background(), "mixed.pdf", readFile(t, mixed))
	if err != nil {
		t.Fatalf("Inspect: %v", err)
	}
	if fromFile, err := InspectFile(context.Background(), "mixed.pdf", mixed); err != nil || fmt.Sprint(fromFile) != fmt.Sprint(info) {
		t.Errorf("InspectFile = %+v, %v; want %+v as Inspect says", fromFile, err, info)
	}
	if info.PageCount() != 3 {
		t.Fatalf("pages = %d, want 3", info.PageCount())
	}
	if info.Version == "" || !strings.HasPrefix(info.Version, "1.") {
		t.Errorf("version = %q", info.Version)
	}
	wantImages := []bool{false, true, false}
	for i, p := range info.Pages {
		if p.Number != i+1 || p.Width != pageW || p.Height != pageH {
			t.Errorf("page %d: number %d size %vx%v, want %d %vx%v", i+1, p.Number, p.Width, p.Height, i+1, pageW, pageH)
		}
		if p.HasImages != wantImages[i] {
			t.Errorf("page %d: HasImages = %v, want %v", i+1, p.HasImages, wantImages[i])
		}
	}
	if info.Encrypted {
		t.Error("plain file reported encrypted")
	}
}

// TestInspectImageBytes: each page's ImageBytes is the encoded size of the
// image it draws, so that a larger scan weighs more; a text page weighs
// nothing.
func TestInspectImageBytes(t *testing.T) {
	small, large := scanImage(t, 50, "PNG"), scanImage(t, 150, "PNG")
	path := buildPDF(t,
		pageSpec{image: small, imageType: "PNG"},
		pageSpec{lines: clinicLines},
		pageSpec{image: large, imageType: "PNG"},
	)
	info, err := InspectFile(context.Background(), "scans.pdf", path)
	if err != nil {
		t.Fatal(err)
	}
	b := []int64{info.Pages[0].ImageBytes, info.Pages[1].ImageBytes, info.Pages[2].ImageBytes}
	if b[0] <= 0 || b[1] != 0 || b[2] <= b[0] {
		t.Errorf("ImageBytes = %v: want the small scan > 0, the text page 0, the large scan more than the small one", b)
	}
}

func TestInspectBadFiles(t *testing.T) {
	good := readFile(t, buildPDF(t, pageSpec{lines: clinicLines}, pageSpec{lines: clinicLines}))
	jpg := scanImage(t, 20, "JPG")
	pngData := scanImage(t, 20, "PNG")
	locked := encrypt(t, good, "secret", "owner")

	tests := []struct {
		name   string
		data   []byte
		want   error
		detail string
	}{
		{"empty.pdf", nil, ErrEmpty, ""},
		{"photo.pdf", jpg, ErrNotPDF, "is a JPEG image, not a PDF"},
		{"scan.pdf", pngData, ErrNotPDF, "is a PNG image, not a PDF"},
		{"notes.pdf", []byte("Patient seen on 03/14/2023.\nNeck pain.\n"), ErrNotPDF, "is text, not a PDF"},
		{"letter.pdf", []byte("PK\x03\x04rest of a docx"), ErrNotPDF, "ZIP archive"},
		{"noise.pdf", []byte{0x00, 0x01, 0x02, 0xfe, 0xff, 0x10}, ErrNotPDF, "unknown format"},
		{"truncated.pdf", good[:len(good)/2], ErrCorrupt, ""},
		{"header-only.pdf", []byte("%PDF-1.4\n%%EOF\n"), ErrCorrupt, ""},
		{"locked.pdf", locked, ErrEncrypted, ""},
	}
	dir := t.TempDir()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Inspect(context.Background(), tt.name, tt.data)
			// The file read as the parser asks says the same.
			path := filepath.Join(dir, tt.name)
			if err := os.WriteFile(path, tt.data, 0o600); err != nil {
				t.Fatal(err)
			}
			if _, ferr := InspectFile(context.Background(), tt.name, path); fmt.Sprint(ferr) != fmt.Sprint(err) {
				t.Errorf("InspectFile: %v; Inspect: %v", ferr, err)
			}
			if !errors.Is(err, tt.want) {
				t.Fatalf("err = %v, want %v", err, tt.want)
			}
			var fe *FileError
			if !errors.As(err, &fe) || fe.File != tt.name {
				t.Fatalf("err %v is not a *FileError naming %s", err, tt.name)
			}
			if !strings.Contains(err.Error(), tt.name) || !strings.Contains(err.Error(), tt.detail) {
				t.Errorf("message %q should name the file and say %q", err, tt.detail)
			}
		})
	}
}

func TestInspectEmptyUserPassword(t *testing.T) {
	good := readFile(t, buildPDF(t, pageSpec{lines: clinicLines}))
	owned := encrypt(t, good, "", "owner")
	info, err := Inspect(context.Background(), "owned.pdf", owned)
	if err != nil {
		t.Fatalf("a PDF with an empty user password should open: %v", err)
	}
	if !info.Encrypted || info.PageCount() != 1 {
		t.Errorf("Encrypted = %v, pages = %d; want true, 1", info.Encrypted, info.PageCount())
	}
}

func TestInspectCancelled(t *testing.T) {
	good := readFile(t, buildPDF(t, pageSpec{lines: clinicLines}))
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Inspect(ctx, "a.pdf", good); !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
}

// encrypt returns data encrypted with AES-256 by pdfcpu.
func encrypt(tb testing.TB, data []byte, userPW, ownerPW string) []byte {
	tb.Helper()
	dir := tb.TempDir()
	in, out := filepath.Join(dir, "in.pdf"), filepath.Join(dir, "out.pdf")
	if err := os.WriteFile(in, data, 0o600); err != nil {
		tb.Fatal(err)
	}
	config() // disables pdfcpu's config directory
	if err := api.EncryptFile(in, out, model.NewAESConfiguration(userPW, ownerPW, 256)); err != nil {
		tb.Fatalf("encrypt: %v", err)
	}
	return readFile(tb, out)
}
