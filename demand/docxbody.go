package demand

import (
	"strings"

	"github.com/medchron/medchron/internal/docx"
	"github.com/medchron/medchron/internal/lazyre"
)

// run is a piece of text with its character formatting.
type run = docx.Run

// para writes a paragraph with an optional style and alignment: the text
// as one plain run, followed by any extra runs.
func para(b *strings.Builder, style, jc, text string, runs ...run) {
	docx.Para(b, style, jc, append([]run{{Text: text}}, runs...)...)
}

// Kinds of Block.
const (
	BlockParagraph = "paragraph"
	BlockHeading   = "heading"
	BlockBullet    = "bullet"
	BlockTable     = "table"
	BlockBanner    = "banner" // the draft banner
)

// Block is one block of a section's Markdown subset: a paragraph (its
// lines joined), a "### " heading, a "- " bullet, a pipe table (Rows: the
// cells of each row, the separator row left out, the header first) or the
// draft banner. The Word file and the editor's preview read a section
// through Blocks, so they show the same letter.
type Block struct {
	Kind string
	Text string
	Rows [][]string
}

// Blocks splits a section's text into its blocks.
func Blocks(body string) []Block {
	lines := strings.Split(body, "\n")
	var out []Block
	var text []string
	flush := func() {
		if len(text) > 0 {
			out = append(out, Block{Kind: BlockParagraph, Text: strings.Join(text, " ")})
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
			out = append(out, Block{Kind: BlockBanner, Text: ln})
		case strings.HasPrefix(ln, "### "):
			flush()
			out = append(out, Block{Kind: BlockHeading, Text: strings.TrimPrefix(ln, "### ")})
		case strings.HasPrefix(ln, "- "):
			flush()
			out = append(out, Block{Kind: BlockBullet, Text: strings.TrimPrefix(ln, "- ")})
		case strings.HasPrefix(ln, "|"):
			flush()
			var rows [][]string
			for ; i < len(lines) && strings.HasPrefix(strings.TrimSpace(lines[i]), "|"); i++ {
				if r := strings.TrimSpace(lines[i]); !separatorRow.MatchString(r) {
					rows = append(rows, splitRow(r))
				}
			}
			i--
			if len(rows) > 0 {
				out = append(out, Block{Kind: BlockTable, Rows: rows})
			}
		default:
			text = append(text, ln)
		}
	}
	flush()
	return out
}

// writeBody turns a section's Markdown subset into WordprocessingML:
// paragraphs, "### " Heading2, "- " bullets, pipe tables as Word tables and
// the draft banner in bold red.
func writeBody(b *strings.Builder, body string) {
	for _, bl := range Blocks(body) {
		switch bl.Kind {
		case BlockBanner:
			para(b, "", "", "", run{Text: bl.Text, Bold: true, Color: "C00000"})
		case BlockHeading:
			para(b, "Heading2", "", bl.Text)
		case BlockBullet:
			para(b, "ListBullet", "", "•\t"+bl.Text)
		case BlockTable:
			writeTable(b, bl.Rows)
		default:
			para(b, "", "", bl.Text)
		}
	}
}

var separatorRow = lazyre.New(`^\|[\s:|-]+\|$`)

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

var moneyCell = lazyre.New(`^-?\$[0-9,]+(\.[0-9]{2})?$`)

// writeTable writes a pipe table's cells as a Word table with a repeated, bold
// header row, a bold total row and right-aligned amounts.
func writeTable(b *strings.Builder, cells [][]string) {
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
