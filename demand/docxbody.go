package demand

import (
	"regexp"
	"strings"

	"github.com/medchron/medchron/internal/docx"
)

// run is a piece of text with its character formatting.
type run = docx.Run

// para writes a paragraph with an optional style and alignment: the text
// as one plain run, followed by any extra runs.
func para(b *strings.Builder, style, jc, text string, runs ...run) {
	docx.Para(b, style, jc, append([]run{{Text: text}}, runs...)...)
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
			para(b, "", "", "", run{Text: ln, Bold: true, Color: "C00000"})
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
	t := docx.Table{Widths: columnWidths(cells)}
	for ri, row := range cells {
		header := ri == 0
		total := len(row) > 0 && strings.EqualFold(row[0], "Total")
		r := docx.Row{Header: header}
		for ci := range t.Widths {
			v := ""
			if ci < len(row) {
				v = row[ci]
			}
			c := docx.TextCell(v, header || total)
			if header {
				c.Fill = "DDE4EE"
			}
			if moneyCell.MatchString(v) {
				c.Align = "right"
			}
			r.Cells = append(r.Cells, c)
		}
		t.Rows = append(t.Rows, r)
	}
	t.Write(b)
}

// columnWidths shares the 6.5-inch text width (9360 twips) among the
// columns: each first gets room for its longest unbreakable word (an amount,
// a date), then the rest goes by the length of its longest cell.
func columnWidths(cells [][]string) []int {
	const perChar, margins = 115, 240
	total := docx.TextWidth(false) // 6.5 in, 9360 twips
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
