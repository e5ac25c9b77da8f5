// Package sandbox reads untrusted record files away from the process that
// serves users: PDF parsing and inspection (pdfcpu), the text layer
// (pdftotext), page images (pdfimages, pdftoppm), image documents and
// Tesseract OCR run in a small pool of worker processes, each the running
// executable started again with a memory limit (RLIMIT_DATA, with RLIMIT_AS
// as a backstop) and a CPU limit
// per request (RLIMIT_CPU), talking gob over pipes. A worker that crashes,
// runs out of memory or passes its CPU limit fails the one request it was
// serving with ErrWorkerDied; the pool starts another.
//
// Programs opt in by calling RunIfChild first thing in main. OMP_THREAD_LIMIT
// and the rest of the environment pass to workers, so Tesseract's thread
// limit holds in them.
package sandbox

import "github.com/medchron/medchron/extract/ocr"

func ocrOptions(cfg Config) ocr.Options { return ocr.Options{Language: cfg.Language} }
