// Package pdf reads record PDFs: it validates a file and describes its pages
// (Inspect), reads the text layer with word boxes through poppler's pdftotext
// (TextLayer), and produces the image of one page for OCR (PageImage), taking
// a scanned page's own image when it covers the page and rendering the page
// with pdftoppm otherwise. RenderPage renders a page from bytes as a colour
// PNG for people to look at, and Open hands a parsed PDF to packages that
// transform PDFs (the exhibit).
//
// Positions are in points (1/72 inch) from the page's top-left corner. A
// word's Line is the index of its line in strings.Split(page.Text, "\n"), so
// a citation can point from a word to the page text and back.
//
// Errors name the file (and the page when there is one) and wrap the
// sentinels ErrEmpty, ErrNotPDF, ErrEncrypted, ErrCorrupt and ErrNoPoppler,
// for errors.Is. They never contain page text.
package pdf
