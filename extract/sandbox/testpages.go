//go:build medchron_testpages

package sandbox

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"

	"github.com/medchron/medchron/extract"
)

// This file is built only into the medchron binary internal/cli's tests
// build with -tags medchron_testpages, never into medchron itself.
//
// With MEDCHRON_TEST_PAGES naming a folder, Recognize keeps what Tesseract
// read of each page image there, under the SHA-256 of the image, its
// resolution and the language, and answers the same image from there the
// next time: the server-mode test's workers read the pages of the scanned
// bundle that the scanned run, another process, OCR'd a minute before.
// Only the same image bytes find a page: the page is rendered, sent to a
// reader process and stored as without the folder; only Tesseract's run is
// saved.

// envTestPages names the folder of pages read (unset: no folder).
const envTestPages = "MEDCHRON_TEST_PAGES"

func init() {
	if dir := os.Getenv(envTestPages); dir != "" {
		testPages = testPageDir(dir)
	}
}

// testPageDir is a folder of OCR'd pages, one JSON file each.
type testPageDir string

func (d testPageDir) file(img []byte, dpi int, lang string) string {
	h := sha256.New()
	h.Write(img)
	fmt.Fprintf(h, "\x00%d\x00%s", dpi, lang)
	return filepath.Join(string(d), hex.EncodeToString(h.Sum(nil))+".json")
}

func (d testPageDir) get(img []byte, dpi int, lang string) (extract.Page, bool) {
	var p extract.Page
	b, err := os.ReadFile(d.file(img, dpi, lang))
	if err != nil || json.Unmarshal(b, &p) != nil {
		return extract.Page{}, false
	}
	return p, true
}

// put writes the page under a temporary name and renames it, so that a
// reader never sees half a file.
func (d testPageDir) put(img []byte, dpi int, lang string, p extract.Page) {
	b, err := json.Marshal(p)
	if err != nil {
		return
	}
	name := d.file(img, dpi, lang)
	tmp := fmt.Sprintf("%s.%d.tmp", name, os.Getpid())
	if os.WriteFile(tmp, b, 0o600) == nil {
		os.Rename(tmp, name)
	}
}
