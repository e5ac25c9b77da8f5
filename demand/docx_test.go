package demand

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"slices"
	"strings"
	"testing"

	"github.com/medchron/medchron/internal/docx"
	"github.com/medchron/medchron/internal/docx/docxtest"
)

// docxParts writes d and returns every part of the package by name, after
// checking that each XML part is well-formed.
func docxParts(t *testing.T, d Draft) map[string]string {
	t.Helper()
	var b bytes.Buffer
	if err := WriteDOCX(&b, d); err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(b.Bytes()), int64(b.Len()))
	if err != nil {
		t.Fatalf("demand.docx is not a zip: %v", err)
	}
	parts := map[string]string{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		parts[f.Name] = string(data)
		if !strings.HasSuffix(f.Name, ".xml") && !strings.HasSuffix(f.Name, ".rels") {
			t.Errorf("part %s is not XML", f.Name)
		}
		dec := xml.NewDecoder(bytes.NewReader(data))
		for {
			_, err := dec.Token()
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				t.Fatalf("%s is not well-formed XML: %v", f.Name, err)
			}
		}
	}
	checkPackage(t, parts)
	return parts
}

// paragraph is a w:p of document.xml: its style and its text.
type paragraph struct{ style, text string }

// docParagraphs decodes the body's paragraphs outside tables, and counts
// the tables and their rows.
func docParagraphs(t *testing.T, doc string) (paras []paragraph, tables [][][]string) {
	t.Helper()
	type run struct {
		T []string `xml:"t"`
	}
	type p struct {
		Style struct {
			Val string `xml:"val,attr"`
		} `xml:"pPr>pStyle"`
		R []run `xml:"r"`
	}
	type tc struct {
		P []p `xml:"p"`
	}
	type tbl struct {
		Tr []struct {
			Tc []tc `xml:"tc"`
		} `xml:"tr"`
	}
	text := func(x p) string {
		var b strings.Builder
		for _, r := range x.R {
			b.WriteString(strings.Join(r.T, "\n"))
		}
		return b.String()
	}
	dec := xml.NewDecoder(strings.NewReader(doc))
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			return
		}
		if err != nil {
			t.Fatal(err)
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		switch se.Name.Local {
		case "p":
			var x p
			if err := dec.DecodeElement(&x, &se); err != nil {
				t.Fatal(err)
			}
			paras = append(paras, paragraph{x.Style.Val, text(x)})
		case "tbl":
			var x tbl
			if err := dec.DecodeElement(&x, &se); err != nil {
				t.Fatal(err)
			}
			var rows [][]string
			for _, tr := range x.Tr {
				var cells []string
				for _, c := range tr.Tc {
					cells = append(cells, text(c.P[0]))
				}
				rows = append(rows, cells)
			}
			tables = append(tables, rows)
		}
	}
}

func TestWriteDOCX(t *testing.T) {
	d := sampleDraft()
	parts := docxParts(t, d)
	for _, name := range []string{"[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/styles.xml",
		"word/_rels/document.xml.rels", "word/header1.xml", "docProps/core.xml"} {
		if _, ok := parts[name]; !ok {
			t.Errorf("part %s missing", name)
		}
	}
	for _, style := range []string{`w:styleId="Heading1"`, `w:styleId="Heading2"`, `w:styleId="TableGrid"`} {
		if !strings.Contains(parts["word/styles.xml"], style) {
			t.Errorf("styles.xml lacks %s", style)
		}
	}
	if !strings.Contains(parts["word/header1.xml"], NotApprovedNotice) || !strings.Contains(parts["word/document.xml"], `<w:headerReference w:type="default" r:id="rId2"/>`) {
		t.Error("a draft has no DRAFT header")
	}
	if strings.Contains(parts["docProps/core.xml"], "Doe") {
		t.Error("document metadata holds the client's name")
	}

	paras, tables := docParagraphs(t, parts["word/document.xml"])
	var h1, h2 []string
	var banners int
	for _, p := range paras {
		switch p.style {
		case "Heading1":
			h1 = append(h1, p.text)
		case "Heading2":
			h2 = append(h2, p.text)
		}
		if p.text == DraftBanner {
			banners++
		}
	}
	var titles []string
	for _, s := range d.Sections {
		titles = append(titles, s.Title)
	}
	if !slices.Equal(h1, titles) {
		t.Errorf("Heading1 paragraphs = %q, want %q", h1, titles)
	}
	for _, want := range []string{"Saint Mary's Regional Medical Center", "Diagnoses by body region", "Objective findings", "Causation", "Prior history"} {
		if !slices.Contains(h2, want) {
			t.Errorf("no Heading2 %q in %q", want, h2)
		}
	}
	if banners != len(d.Sections) {
		t.Errorf("%d draft banners, want %d", banners, len(d.Sections))
	}

	if len(tables) != 2 {
		t.Fatalf("%d tables, want the specials and the damages tables", len(tables))
	}
	tb := tables[0]
	if len(tb) != 1+4+1 || !slices.Equal(tb[0], []string{"Provider", "Dates of service", "Billed", "Adjustments", "Paid", "Balance", "Bill"}) {
		t.Errorf("specials table = %q", tb)
	}
	if last := tb[len(tb)-1]; last[0] != "Total" || last[2] != "$6,095.50" {
		t.Errorf("total row = %q", last)
	}
	if tb[1][6] != "Ex. 2, MC000006" {
		t.Errorf("bill reference = %q", tb[1][6])
	}
	var cited bool
	for _, p := range paras {
		if strings.Contains(p.text, "Pain ratings fell from 7/10 on March 20, 2023 to 3/10 on July 18, 2023. (Ex. 3, Summit Ortho records.pdf p. 5)") {
			cited = true
		}
	}
	if !cited {
		t.Error("the treatment paragraphs lost their citations")
	}
}

func TestWriteDOCXApprovedAndEscaped(t *testing.T) {
	d := finishedDraft()
	for _, s := range d.Sections {
		_ = d.Approve(s.Key)
	}
	_ = d.Edit(KeyDemand, "We demand <b>&</b> \"x\" \x01 | A | B |")
	_ = d.Approve(KeyDemand)
	parts := docxParts(t, d)
	if _, ok := parts["word/header1.xml"]; ok {
		t.Error("an approved draft still has the DRAFT header")
	}
	if strings.Contains(parts["word/document.xml"], "DRAFT") || strings.Contains(parts["[Content_Types].xml"], "header") {
		t.Error("an approved draft still says DRAFT")
	}
	if !strings.Contains(parts["word/document.xml"], "We demand &lt;b&gt;&amp;&lt;/b&gt;") {
		t.Error("markup in a section body is not escaped")
	}
}

func TestSplitRow(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"| a | b |", []string{"a", "b"}},
		{`| a \| b | | c |`, []string{"a | b", "", "c"}},
		{"| Total | | $1.00 | |", []string{"Total", "", "$1.00", ""}},
	}
	for _, tt := range tests {
		if got := splitRow(tt.in); !slices.Equal(got, tt.want) {
			t.Errorf("splitRow(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestDOCXBoilerplate: the boilerplate a firm's template marks opens and
// closes the letter, locked, in draft and approved letters alike; a
// letter without a template carries none.
func TestDOCXBoilerplate(t *testing.T) {
	tpl, err := docx.ParseTemplate(docxtest.Template())
	if err != nil {
		t.Fatal(err)
	}
	approved := finishedDraft()
	for _, s := range approved.Sections {
		_ = approved.Approve(s.Key)
	}
	for name, d := range map[string]Draft{"draft": sampleDraft(), "approved": approved} {
		var b bytes.Buffer
		if err := WriteDOCXTemplate(&b, d, tpl); err != nil {
			t.Fatal(err)
		}
		x, err := docxtest.Text(b.Bytes())
		if err != nil {
			t.Fatal(err)
		}
		top, end := strings.Index(x, docxtest.Top), strings.Index(x, docx.Esc(docxtest.End))
		last := strings.LastIndex(x, docx.Esc(d.Sections[len(d.Sections)-1].Title))
		title := strings.Index(x, docx.Esc(d.title()))
		if top < 0 || end < 0 || !(top < title && last < end) {
			t.Errorf("%s: boilerplate at %d and %d, title at %d, last heading at %d: want it first and last", name, top, end, title, last)
		}
		if strings.Count(x, `<w:lock w:val="sdtContentLocked"/>`) != 2 {
			t.Errorf("%s: the boilerplate is not in two locked content controls", name)
		}
	}
	if x := docxParts(t, sampleDraft())["word/document.xml"]; strings.Contains(x, "sdtContentLocked") {
		t.Error("a letter without a template carries boilerplate")
	}
}
