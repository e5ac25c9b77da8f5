// Package extract turns the pages of a medical record bundle into facts.
//
// The subpackages do one job each: pdf validates PDFs and reads their text
// layer, ocr reads page images with Tesseract, dates parses the many ways
// records print a date, rules is the offline extractor, and llm extracts
// through any OpenAI-compatible endpoint. This package holds the vocabulary
// they share: Page, Word, Citation, Encounter, BillLine and Result, the
// Extractor interface, and the grounding check that decides whether a
// quote really stands on its cited page (Grounded), and, on OCR pages,
// whether the words it stands on were read confidently enough to show it as
// found without a person's look (Ground).
package extract
