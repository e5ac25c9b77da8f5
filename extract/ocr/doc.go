// Package ocr reads page images with Tesseract through a fixed pool of
// gosseract clients, one per worker, since a client must never be shared
// between goroutines.
//
// Recognize runs OCR once per page and builds the page from Tesseract's
// words: boxes converted from pixels to points with the image's DPI, a
// confidence per word and for the page, and text laid out like
// pdftotext -layout: words on the same height joined into one line in left
// to right order, wide gaps kept as runs of spaces so bill columns stay
// apart, and a blank line between Tesseract's blocks. A word's Line is the
// index of its line in strings.Split(page.Text, "\n").
//
// One-bit page images (fax and copier scans) finer than 250 DPI are read
// at 200 DPI in grey, scaled down by area averaging: Tesseract's layout
// analysis costs less, word accuracy on the fixture scans rose, and the
// words' boxes are scaled back to the page's pixels. After each page the C
// heap's free memory goes back to the system, so that sandbox readers,
// replaced past a resident-memory limit, last.
//
// Tesseract runs far slower unless OMP_THREAD_LIMIT=1 is in the environment
// when the process starts; see ThreadLimitSet and EnsureThreadLimit.
//
// Without cgo the package builds, and NewPool fails with ErrUnavailable.
package ocr
