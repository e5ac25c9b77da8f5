package exhibit

import (
	"fmt"
	"strings"

	"github.com/pdfcpu/pdfcpu/pkg/font"

	"github.com/medchron/medchron/internal/textutil"
)

// Mark is a bookmark inside a document: an encounter the chronology cites
// on one of its pages ("2023-03-14 emergency visit").
type Mark struct {
	Title string
	// Page is the page within the document, 1-based.
	Page int
}

// IndexTitle heads the index pages and names their bookmark.
const IndexTitle = "Exhibit index"

// The index page layout, in points on a US Letter page.
const (
	indexW, indexH            = 612.0, 792.0
	indexLeft, indexRight     = 54.0, 558.0
	indexTop, indexBottom     = 700.0, 54.0
	indexRow                  = 14.0
	indexSize, indexTitleSize = 9.0, 16.0
	colPages, colTitle        = 178.0, 222.0
	// indexPerPage is how many lines fit between indexTop and indexBottom.
	indexPerPage = 46
)

// indexRow is one line of the index: a provider heading, or a document
// with its Bates range, its page count and a link to its first page.
type indexLine struct {
	heading     bool
	text, bates string
	pages       int
	target      int // exhibit page (1-based, records only) the line links to
}

func indexLines(parts []placed) []indexLine {
	var out []indexLine
	prov := ""
	for i, p := range parts {
		name := textutil.FoldSpace(p.doc.Provider)
		if name == "" {
			name = NoProvider
		}
		if i == 0 || name != prov {
			prov = name
			out = append(out, indexLine{heading: true, text: name, target: p.start})
		}
		title := textutil.FoldSpace(p.doc.Title)
		if title == "" {
			title = p.doc.name()
		}
		bates := p.first
		if p.pages > 1 {
			bates += " - " + p.last
		}
		out = append(out, indexLine{text: title, bates: bates, pages: p.pages, target: p.start})
	}
	return out
}

// indexPageCount is how many pages the index of lines takes.
func indexPageCount(lines []indexLine) int {
	per := indexPerPage
	return max(1, (len(lines)+per-1)/per)
}

// writeIndex writes the index pages as objects dst (one per page), their
// lines linking to the records' pages (recordObj: the exhibit's record
// pages in order). footer, when set, is stamped on them as on the records;
// they carry no Bates number.
func writeIndex(sw *streamWriter, dst []int, lines []indexLine, recordObj []int, docs, pages int, first, last, footer string) {
	per := indexPerPage
	for pi, obj := range dst {
		var b strings.Builder
		var annots []string
		b.WriteString("0 g\n")
		text := func(x, y, size float64, s string) {
			fmt.Fprintf(&b, "BT /%s %s Tf %s %s Td %s Tj ET\n", stampFont, num(size), num(x), num(y), pdfString(s))
		}
		title := IndexTitle
		if len(dst) > 1 {
			title += fmt.Sprintf(" (page %d of %d)", pi+1, len(dst))
		}
		text(indexLeft, 750, indexTitleSize, title)
		text(indexLeft, 732, indexSize, latin1(fmt.Sprintf("%d documents, %d pages, Bates %s to %s. Each line opens its document.", docs, pages, first, last)))
		text(indexLeft, indexTop+6, indexSize, "Bates")
		text(colPages, indexTop+6, indexSize, "Pages")
		text(colTitle, indexTop+6, indexSize, "Provider and document")
		fmt.Fprintf(&b, "0.5 w %s %s m %s %s l S\n", num(indexLeft), num(indexTop+2), num(indexRight), num(indexTop+2))
		y := indexTop - indexRow
		end := min(len(lines), (pi+1)*per)
		for _, l := range lines[pi*per : end] {
			if l.heading {
				text(indexLeft, y, indexSize+1, fit(latin1(l.text), indexSize+1, indexRight-indexLeft))
			} else {
				text(indexLeft, y, indexSize, l.bates)
				text(colPages, y, indexSize, fmt.Sprint(l.pages))
				text(colTitle+10, y, indexSize, fit(latin1(l.text), indexSize, indexRight-colTitle-10))
			}
			if l.target >= 1 && l.target <= len(recordObj) {
				annots = append(annots, fmt.Sprintf("<< /Type /Annot /Subtype /Link /Rect [%s %s %s %s] /Border [0 0 0] /Dest [%d 0 R /Fit] >>",
					num(indexLeft), num(y-3), num(indexRight), num(y+indexRow-3), recordObj[l.target-1]))
			}
			y -= indexRow
		}
		if footer != "" {
			text(18, 18, footerSize, footer)
		}
		content := b.String()
		cs := sw.alloc()
		sw.object(cs, fmt.Sprintf("<< /Length %d >>", len(content)), []byte(content))
		page := fmt.Sprintf("<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %s %s] /Resources << /Font << /%s %d 0 R >> >> /Contents %d 0 R",
			objPages, num(indexW), num(indexH), stampFont, objFont, cs)
		if len(annots) > 0 {
			page += " /Annots [" + strings.Join(annots, " ") + "]"
		}
		sw.object(obj, page+" >>", nil)
	}
}

// latin1 maps text to what the standard Helvetica font shows, as
// footerText does for the footer.
func latin1(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '—' || r == '–' || r == '‐' || r == '−':
			b.WriteByte('-')
		case r == '‘' || r == '’':
			b.WriteByte('\'')
		case r == '“' || r == '”':
			b.WriteByte('"')
		case r == '\t':
			b.WriteByte(' ')
		case r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) || r > 0xff:
			b.WriteByte('?')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// fit shortens s with "..." until it is at most width points wide.
func fit(s string, size, width float64) string {
	w := func(t string) float64 {
		v, err := font.TextWidthFloat(t, "Helvetica", size)
		if err != nil {
			return 0.6 * size * float64(len(t))
		}
		return v
	}
	if w(s) <= width {
		return s
	}
	r := []rune(s)
	for len(r) > 0 && w(string(r)+"...") > width {
		r = r[:len(r)-1]
	}
	return string(r) + "..."
}
