package report

import (
	"fmt"
	"io"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/medchron/medchron/chronology"
	"github.com/medchron/medchron/extract"
	"github.com/medchron/medchron/internal/docx"
	"github.com/medchron/medchron/internal/textutil"
)

// DOCXTitle is the core-properties title of chronology.docx.
const DOCXTitle = "Medical chronology"

// docxColumns are the chronology table's columns with their widths in
// twips (together the 10-inch text width of a landscape page).
var docxColumns = []struct {
	name  string
	width int
}{
	{"Date", 1150}, {"Provider", 2250}, {"Visit type", 1300}, {"Summary", 5300}, {"Diagnoses", 2500}, {"Pages (Bates)", 1900},
}

// WriteDOCX writes c as chronology.docx, the Word table firms file and
// send: a landscape document with the matter's particulars and a summary
// (providers, visits, date range, specials, gaps, open flags), then one
// table row per entry in date order — date, provider and clinician, visit
// type, summary, diagnoses with their ICD-10 codes, and the Bates numbers
// (or file and page) of the pages it cites — with the treatment gaps as
// rows of their own, the undated entries after the dated ones, and the
// specials by provider. The header row repeats on every page; rows never
// break across pages. Rejected entries are left out; an entry nobody has
// reviewed says so under its date, and one whose quote was not found on
// its page is marked "quote not found on the cited page".
//
// tpl, when not nil, is the firm's Word template: its styles, headers and
// footers are used.
func WriteDOCX(w io.Writer, c chronology.Chronology, tpl *docx.Template) error {
	var b strings.Builder
	docx.Para(&b, "Title", "", docx.Run{Text: DOCXTitle})
	writeParticulars(&b, c)
	ix := indexDocs(c)
	t := docx.Table{}
	head := docx.Row{Header: true}
	for _, col := range docxColumns {
		t.Widths = append(t.Widths, col.width)
		head.Cells = append(head.Cells, docx.Cell{Paras: [][]docx.Run{{{Text: col.name, Bold: true}}}, Fill: "DDE4EE", Style: "TableText"})
	}
	t.Rows = append(t.Rows, head)
	after := gapPlacement(c)
	for _, g := range after[-1] {
		t.Rows = append(t.Rows, docxGapRow(g))
	}
	for i, e := range c.Entries {
		if entryClass(e) != "rejected" {
			t.Rows = append(t.Rows, docxEntryRow(ix, e))
		}
		for _, g := range after[i] {
			t.Rows = append(t.Rows, docxGapRow(g))
		}
	}
	if n := len(c.UndatedEntries); n > 0 {
		t.Rows = append(t.Rows, docx.Row{Cells: []docx.Cell{{
			Paras: [][]docx.Run{{{Text: fmt.Sprintf("Undated records (%d): no date of service is printed on these pages", n), Bold: true}}},
			Span:  len(docxColumns), Fill: "F2F2F2", Style: "TableText",
		}}})
		for _, e := range c.UndatedEntries {
			if entryClass(e) != "rejected" {
				t.Rows = append(t.Rows, docxEntryRow(ix, e))
			}
		}
	}
	t.Write(&b)
	writeSpecialsTable(&b, c)
	return docx.Write(w, docx.Doc{Title: DOCXTitle, Modified: generatedAt(c), Landscape: true, Body: b.String(), Template: tpl})
}

// writeParticulars writes the matter's name, client and incident date and
// the summary line of the chronology.
func writeParticulars(b *strings.Builder, c chronology.Chronology) {
	var lines []string
	if c.Matter.Name != "" {
		lines = append(lines, "Matter: "+c.Matter.Name)
	}
	if c.Matter.Client != "" {
		lines = append(lines, "Client: "+c.Matter.Client)
	}
	if !c.Matter.DateOfIncident.IsZero() {
		lines = append(lines, "Date of incident: "+c.Matter.DateOfIncident.String())
	}
	if len(lines) > 0 {
		docx.Para(b, "", "", docx.Run{Text: strings.Join(lines, "\n")})
	}
	visits, reviewed, first, last := 0, 0, "", ""
	for _, e := range c.Entries {
		if entryClass(e) == "rejected" {
			continue
		}
		visits++
		if e.Reviewed() {
			reviewed++
		}
		if d := e.Date.String(); d != "" {
			if first == "" || d < first {
				first = d
			}
			if d > last {
				last = d
			}
		}
	}
	summary := fmt.Sprintf("%d providers, %d dated entries", len(c.Providers), visits)
	if first != "" {
		summary += fmt.Sprintf(" from %s to %s", first, last)
	}
	summary += fmt.Sprintf(" (%d reviewed by a person)", reviewed)
	if n := len(c.UndatedEntries); n > 0 {
		summary += fmt.Sprintf(", %d undated", n)
	}
	summary += fmt.Sprintf("; total charges %s; %d gaps in treatment; %d flags.", textutil.Dollars(c.Specials.TotalCharges), len(c.Gaps), len(c.Flags))
	docx.Para(b, "", "", docx.Run{Text: summary})
	if c.GeneratedAt != "" {
		docx.Para(b, "", "", docx.Run{Text: "Generated " + c.GeneratedAt + " by medchron from the records cited in the last column.", Italic: true, Color: "595959", Size: 18})
	}
}

func docxGapRow(g chronology.Gap) docx.Row {
	return docx.Row{Cells: []docx.Cell{{
		Paras: [][]docx.Run{{{Text: gapRow(g).Gap, Italic: true, Color: "7F4F00"}}},
		Span:  len(docxColumns), Fill: "FFF4DD", Style: "TableText",
	}}}
}

func docxEntryRow(ix docIndex, e chronology.Entry) docx.Row {
	v := entryView(ix, e)
	date := []docx.Run{{Text: v.Date}}
	if v.EndDate != "" && v.EndDate != v.Date {
		date[0].Text += "\nto " + v.EndDate
	}
	var notes []string
	if !e.Reviewed() {
		notes = append(notes, "not yet reviewed")
	}
	if e.PreIncident {
		notes = append(notes, "pre-incident")
	}
	if len(notes) > 0 {
		date = append(date, docx.Run{Text: "\n" + strings.Join(notes, ", "), Italic: true, Color: "7F7F7F", Size: 16})
	}
	provider := []docx.Run{{Text: v.Provider, Bold: true}}
	if v.Clinician != "" {
		provider = append(provider, docx.Run{Text: "\n" + v.Clinician})
	}
	summary := [][]docx.Run{{{Text: v.Summary}}}
	if v.Class == "ungrounded" {
		summary = append(summary, []docx.Run{{Text: "Quote not found on the cited page: check the record.", Italic: true, Color: "C00000"}})
	}
	var dx [][]docx.Run
	for _, d := range v.Diagnoses {
		dx = append(dx, []docx.Run{{Text: d}})
	}
	cell := func(paras [][]docx.Run) docx.Cell { return docx.Cell{Paras: paras, Style: "TableText"} }
	return docx.Row{Cells: []docx.Cell{
		cell([][]docx.Run{date}),
		cell([][]docx.Run{provider}),
		cell([][]docx.Run{{{Text: v.VisitType}}}),
		cell(summary),
		cell(dx),
		cell([][]docx.Run{{{Text: pageRefs(ix, e.Citations)}}}),
	}}
}

// pageRefs lists the pages an entry cites: Bates numbers with consecutive
// ones joined into ranges ("MC000012–MC000014, MC000020"), or file and
// page for a page without a Bates number.
func pageRefs(ix docIndex, cs []extract.Citation) string {
	type ref struct {
		prefix string
		n      int
		label  string
	}
	seen := map[string]bool{}
	var refs []ref
	for _, c := range cs {
		if c.Bates == "" {
			l := CitationLabel(ix.file(c.DocumentID), c)
			if !seen[l] {
				seen[l] = true
				refs = append(refs, ref{label: l, n: -1})
			}
			continue
		}
		if seen[c.Bates] {
			continue
		}
		seen[c.Bates] = true
		p, n := splitBates(c.Bates)
		refs = append(refs, ref{prefix: p, n: n, label: c.Bates})
	}
	sort.SliceStable(refs, func(i, j int) bool {
		if refs[i].prefix != refs[j].prefix {
			return refs[i].prefix < refs[j].prefix
		}
		return refs[i].n < refs[j].n
	})
	var out []string
	for i := 0; i < len(refs); i++ {
		j := i
		for j+1 < len(refs) && refs[j+1].n >= 0 && refs[i].n >= 0 && refs[j+1].prefix == refs[i].prefix && refs[j+1].n == refs[j].n+1 {
			j++
		}
		if j > i {
			out = append(out, refs[i].label+"–"+refs[j].label)
		} else {
			out = append(out, refs[i].label)
		}
		i = j
	}
	return strings.Join(out, ", ")
}

// splitBates splits "MC000012" into its prefix and number; a label with
// no trailing digits has number -1.
func splitBates(s string) (string, int) {
	i := len(s)
	for i > 0 && s[i-1] >= '0' && s[i-1] <= '9' {
		i--
	}
	if i == len(s) || len(s)-i > 9 {
		return s, -1
	}
	n := 0
	for _, r := range s[i:] {
		n = n*10 + int(r-'0')
	}
	return s[:i], n
}

// writeSpecialsTable writes the specials by provider with a total row.
func writeSpecialsTable(b *strings.Builder, c chronology.Chronology) {
	if len(c.Specials.ByProvider) == 0 {
		return
	}
	docx.Para(b, "Heading1", "", docx.Run{Text: "Medical specials"})
	t := docx.Table{Widths: []int{5200, 2300, 2300, 2300, 2300}}
	hdr := docx.Row{Header: true}
	for i, n := range []string{"Provider", "Dates of service", "Charges", "Paid", "Adjustments"} {
		c := docx.Cell{Paras: [][]docx.Run{{{Text: n, Bold: true}}}, Fill: "DDE4EE", Style: "TableText"}
		if i >= 2 {
			c.Align = "right"
		}
		hdr.Cells = append(hdr.Cells, c)
	}
	t.Rows = append(t.Rows, hdr)
	money := func(s string, bold bool) docx.Cell {
		return docx.Cell{Paras: [][]docx.Run{{{Text: s, Bold: bold}}}, Align: "right", Style: "TableText"}
	}
	text := func(s string, bold bool) docx.Cell {
		return docx.Cell{Paras: [][]docx.Run{{{Text: s, Bold: bold}}}, Style: "TableText"}
	}
	for _, p := range c.Specials.ByProvider {
		span := p.FirstDate.String()
		if l := p.LastDate.String(); l != "" && l != span {
			span += " to " + l
		}
		t.Rows = append(t.Rows, docx.Row{Cells: []docx.Cell{text(p.Provider, false), text(span, false),
			money(textutil.Dollars(p.Charges), false), money(optMoney(p.Paid), false), money(optMoney(p.Adjustments), false)}})
	}
	s := c.Specials
	t.Rows = append(t.Rows, docx.Row{Cells: []docx.Cell{text("Total", true), text("", false),
		money(textutil.Dollars(s.TotalCharges), true), money(optMoney(s.TotalPaid), true), money(optMoney(s.TotalAdjustments), true)}})
	t.Write(b)
	if u := s.UngroundedCharges; u != nil && *u != 0 {
		docx.Para(b, "", "", docx.Run{Text: fmt.Sprintf("Not in the total: %s of charges whose quote was not found on the cited page.", textutil.Dollars(*u)), Italic: true})
	}
	if n := undatedBillNote(c); n != "" {
		docx.Para(b, "", "", docx.Run{Text: n, Italic: true})
	}
}

// undatedBillNote says which charge lines of the total have no date of
// service (their undated_bill_line flags), by the pages they are on, or
// "" when there are none.
func undatedBillNote(c chronology.Chronology) string {
	ix := indexDocs(c)
	var pages []string
	n := 0
	for _, f := range c.Flags {
		if f.Kind != chronology.FlagUndatedBillLine || len(f.Citations) == 0 {
			continue
		}
		n++
		if p := CitationLabel(ix.file(f.Citations[0].DocumentID), f.Citations[0]); !slices.Contains(pages, p) {
			pages = append(pages, p)
		}
	}
	if n == 0 {
		return ""
	}
	lines := "charge line"
	if n > 1 {
		lines += "s"
	}
	return fmt.Sprintf("In the total, undated: %d %s whose date of service could not be read (%s); date them from the page.", n, lines, strings.Join(pages, ", "))
}

// generatedAt is the chronology's generation time, or zero (a fixed date
// in the package) when it has none or cannot be read.
func generatedAt(c chronology.Chronology) time.Time {
	t, err := time.Parse(time.RFC3339, c.GeneratedAt)
	if err != nil {
		return time.Time{}
	}
	return t
}
