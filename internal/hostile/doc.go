// Package hostile generates the hostile corpus: PDFs and impostors built
// byte by byte to attack a reader (cross-reference loops, page-tree
// cycles, deep nesting, decompression bombs, huge pages, encryption,
// truncation, active content, names with control characters …), each
// with what medchron must do with it. cmd/genhostile writes the corpus to
// testdata/hostile with a manifest; the tests of internal/cli feed every
// file through "medchron process" with a normal file beside it and check
// a clear per-file error, bounded memory and time, and an unharmed
// neighbour.
package hostile
