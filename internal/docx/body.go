package docx

import (
	"fmt"
	"strings"
)

// Run is a piece of text with its character formatting. A newline in Text
// is a line break.
type Run struct {
	Text   string
	Bold   bool
	Italic bool
	Color  string // RRGGBB, or empty
	Size   int    // half-points, or 0 for the style's size
}

// Write appends the run's WordprocessingML to b.
func (r Run) Write(b *strings.Builder) {
	b.WriteString(`<w:r>`)
	if r.Bold || r.Italic || r.Color != "" || r.Size != 0 {
		b.WriteString(`<w:rPr>`)
		if r.Bold {
			b.WriteString(`<w:b/>`)
		}
		if r.Italic {
			b.WriteString(`<w:i/>`)
		}
		if r.Color != "" {
			b.WriteString(`<w:color w:val="` + Esc(r.Color) + `"/>`)
		}
		if r.Size != 0 {
			fmt.Fprintf(b, `<w:sz w:val="%d"/><w:szCs w:val="%d"/>`, r.Size, r.Size)
		}
		b.WriteString(`</w:rPr>`)
	}
	for i, line := range strings.Split(r.Text, "\n") {
		if i > 0 {
			b.WriteString(`<w:br/>`)
		}
		b.WriteString(`<w:t xml:space="preserve">` + Esc(line) + `</w:t>`)
	}
	b.WriteString(`</w:r>`)
}

// Para appends a paragraph with an optional style id and alignment ("",
// "center", "right", "both") holding the runs.
func Para(b *strings.Builder, style, jc string, runs ...Run) {
	b.WriteString(`<w:p>`)
	if style != "" || jc != "" {
		b.WriteString(`<w:pPr>`)
		if style != "" {
			b.WriteString(`<w:pStyle w:val="` + Esc(style) + `"/>`)
		}
		if jc != "" {
			b.WriteString(`<w:jc w:val="` + Esc(jc) + `"/>`)
		}
		b.WriteString(`</w:pPr>`)
	}
	for _, r := range runs {
		if r.Text != "" {
			r.Write(b)
		}
	}
	b.WriteString(`</w:p>`)
}

// Cell is one table cell: its paragraphs (each a list of runs), its
// alignment and an optional fill colour.
type Cell struct {
	Paras [][]Run
	Align string // "", "right", "center"
	Style string // paragraph style id of its paragraphs, or empty
	Fill  string // RRGGBB, or empty
	// Span is the number of grid columns the cell covers (0 or 1: one).
	Span int
}

// TextCell is a cell of one paragraph of plain text (bold when asked).
func TextCell(text string, bold bool) Cell {
	return Cell{Paras: [][]Run{{{Text: text, Bold: bold}}}}
}

// Row is one table row. A header row repeats at the top of every page the
// table runs onto; no row breaks across pages.
type Row struct {
	Header bool
	Cells  []Cell
}

// Table is a bordered table (style TableGrid) over the whole text width
// with fixed column widths in twips.
type Table struct {
	Widths []int
	Rows   []Row
}

// Write appends the table to b, followed by the empty paragraph Word needs
// between a table and what follows it.
func (t Table) Write(b *strings.Builder) {
	b.WriteString(`<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="5000" w:type="pct"/><w:tblLayout w:type="fixed"/>` +
		`<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr><w:tblGrid>`)
	for _, w := range t.Widths {
		fmt.Fprintf(b, `<w:gridCol w:w="%d"/>`, w)
	}
	b.WriteString(`</w:tblGrid>`)
	for _, row := range t.Rows {
		b.WriteString(`<w:tr><w:trPr><w:cantSplit/>`)
		if row.Header {
			b.WriteString(`<w:tblHeader/>`)
		}
		b.WriteString(`</w:trPr>`)
		for ci, col := 0, 0; col < len(t.Widths); ci++ {
			var c Cell
			if ci < len(row.Cells) {
				c = row.Cells[ci]
			}
			span := min(max(c.Span, 1), len(t.Widths)-col)
			w := 0
			for _, cw := range t.Widths[col : col+span] {
				w += cw
			}
			col += span
			fmt.Fprintf(b, `<w:tc><w:tcPr><w:tcW w:w="%d" w:type="dxa"/>`, w)
			if span > 1 {
				fmt.Fprintf(b, `<w:gridSpan w:val="%d"/>`, span)
			}
			if c.Fill != "" {
				b.WriteString(`<w:shd w:val="clear" w:color="auto" w:fill="` + Esc(c.Fill) + `"/>`)
			}
			b.WriteString(`</w:tcPr>`)
			if len(c.Paras) == 0 {
				Para(b, c.Style, c.Align) // a cell holds at least one paragraph
			}
			for _, p := range c.Paras {
				Para(b, c.Style, c.Align, p...)
			}
			b.WriteString(`</w:tc>`)
		}
		b.WriteString(`</w:tr>`)
	}
	b.WriteString(`</w:tbl>`)
	Para(b, "", "")
}
