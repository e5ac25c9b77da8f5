package demand

import (
	"encoding/xml"
	"fmt"
	"regexp"
	"strings"
)

// esc escapes text for XML character data and attribute values; characters
// XML cannot hold become U+FFFD.
func esc(s string) string {
	var b strings.Builder
	_ = xml.EscapeText(&b, []byte(s)) // writes to a strings.Builder cannot fail
	return b.String()
}

// run is a piece of text with its character formatting.
type run struct {
	text  string
	bold  bool
	color string
}

func (r run) write(b *strings.Builder) {
	b.WriteString(`<w:r>`)
	if r.bold || r.color != "" {
		b.WriteString(`<w:rPr>`)
		if r.bold {
			b.WriteString(`<w:b/>`)
		}
		if r.color != "" {
			b.WriteString(`<w:color w:val="` + r.color + `"/>`)
		}
		b.WriteString(`</w:rPr>`)
	}
	for i, line := range strings.Split(r.text, "\n") {
		if i > 0 {
			b.WriteString(`<w:br/>`)
		}
		b.WriteString(`<w:t xml:space="preserve">` + esc(line) + `</w:t>`)
	}
	b.WriteString(`</w:r>`)
}

// para writes a paragraph with an optional style and alignment: the text
// as one plain run, followed by any extra runs.
func para(b *strings.Builder, style, jc, text string, runs ...run) {
	b.WriteString(`<w:p>`)
	if style != "" || jc != "" {
		b.WriteString(`<w:pPr>`)
		if style != "" {
			b.WriteString(`<w:pStyle w:val="` + style + `"/>`)
		}
		if jc != "" {
			b.WriteString(`<w:jc w:val="` + jc + `"/>`)
		}
		b.WriteString(`</w:pPr>`)
	}
	if text != "" {
		run{text: text}.write(b)
	}
	for _, r := range runs {
		r.write(b)
	}
	b.WriteString(`</w:p>`)
}

// writeBody turns a section's Markdown subset into WordprocessingML:
// paragraphs, "### " Heading2, "- " bullets, pipe tables as Word tables and
// the draft banner in bold red.
func writeBody(b *strings.Builder, body string) {
	lines := strings.Split(body, "\n")
	var text []string
	flush := func() {
		if len(text) > 0 {
			para(b, "", "", strings.Join(text, " "))
			text = nil
		}
	}
	for i := 0; i < len(lines); i++ {
		ln := strings.TrimSpace(lines[i])
		switch {
		case ln == "":
			flush()
		case ln == DraftBanner:
			flush()
			para(b, "", "", "", run{text: ln, bold: true, color: "C00000"})
		case strings.HasPrefix(ln, "### "):
			flush()
			para(b, "Heading2", "", strings.TrimPrefix(ln, "### "))
		case strings.HasPrefix(ln, "- "):
			flush()
			para(b, "ListBullet", "", "•\t"+strings.TrimPrefix(ln, "- "))
		case strings.HasPrefix(ln, "|"):
			flush()
			var rows []string
			for ; i < len(lines) && strings.HasPrefix(strings.TrimSpace(lines[i]), "|"); i++ {
				rows = append(rows, strings.TrimSpace(lines[i]))
			}
			i--
			writeTable(b, rows)
		default:
			text = append(text, ln)
		}
	}
	flush()
}

var separatorRow = regexp.MustCompile(`^\|[\s:|-]+\|$`)

// splitRow splits a pipe-table row into its cells, honouring "\|".
func splitRow(row string) []string {
	row = strings.TrimSuffix(strings.TrimPrefix(row, "|"), "|")
	var cells []string
	var cur strings.Builder
	for i := 0; i < len(row); i++ {
		switch {
		case row[i] == '\\' && i+1 < len(row) && row[i+1] == '|':
			cur.WriteByte('|')
			i++
		case row[i] == '|':
			cells = append(cells, strings.TrimSpace(cur.String()))
			cur.Reset()
		default:
			cur.WriteByte(row[i])
		}
	}
	return append(cells, strings.TrimSpace(cur.String()))
}

var moneyCell = regexp.MustCompile(`^-?\$[0-9,]+(\.[0-9]{2})?$`)

// writeTable writes pipe-table rows as a Word table with a repeated, bold
// header row, a bold total row and right-aligned amounts.
func writeTable(b *strings.Builder, rows []string) {
	var cells [][]string
	for _, r := range rows {
		if separatorRow.MatchString(r) {
			continue
		}
		cells = append(cells, splitRow(r))
	}
	if len(cells) == 0 {
		return
	}
	widths := columnWidths(cells)
	b.WriteString(`<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="5000" w:type="pct"/>` +
		`<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr><w:tblGrid>`)
	for _, w := range widths {
		fmt.Fprintf(b, `<w:gridCol w:w="%d"/>`, w)
	}
	b.WriteString(`</w:tblGrid>`)
	for ri, row := range cells {
		header := ri == 0
		total := len(row) > 0 && strings.EqualFold(row[0], "Total")
		b.WriteString(`<w:tr><w:trPr><w:cantSplit/>`)
		if header {
			b.WriteString(`<w:tblHeader/>`)
		}
		b.WriteString(`</w:trPr>`)
		for ci := range widths {
			v := ""
			if ci < len(row) {
				v = row[ci]
			}
			fmt.Fprintf(b, `<w:tc><w:tcPr><w:tcW w:w="%d" w:type="dxa"/>`, widths[ci])
			if header {
				b.WriteString(`<w:shd w:val="clear" w:color="auto" w:fill="DDE4EE"/>`)
			}
			b.WriteString(`</w:tcPr>`)
			jc := ""
			if moneyCell.MatchString(v) {
				jc = "right"
			}
			para(b, "", jc, "", run{text: v, bold: header || total})
			b.WriteString(`</w:tc>`)
		}
		b.WriteString(`</w:tr>`)
	}
	b.WriteString(`</w:tbl>`)
	para(b, "", "", "") // Word needs a paragraph between a table and what follows
}

// columnWidths shares the 6.5-inch text width (9360 twips) among the
// columns: each first gets room for its longest unbreakable word (an amount,
// a date), then the rest goes by the length of its longest cell.
func columnWidths(cells [][]string) []int {
	const total, perChar, margins = 9360, 115, 240
	n := 0
	for _, r := range cells {
		n = max(n, len(r))
	}
	minW, desire := make([]int, n), make([]int, n)
	sumMin, sumDesire := 0, 0
	for c := range n {
		word, long := 4, 6
		for _, r := range cells {
			if c >= len(r) {
				continue
			}
			long = max(long, len([]rune(r[c])))
			for _, w := range strings.Fields(r[c]) {
				word = max(word, len([]rune(w)))
			}
		}
		minW[c] = min(word, 30)*perChar + margins
		desire[c] = min(long, 45)
		sumMin += minW[c]
		sumDesire += desire[c]
	}
	out := make([]int, n)
	for c := range n {
		if sumMin >= total {
			out[c] = total * minW[c] / sumMin
		} else {
			out[c] = minW[c] + (total-sumMin)*desire[c]/sumDesire
		}
	}
	return out
}
