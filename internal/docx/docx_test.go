package docx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"strings"
	"testing"
	"time"
)

// zipParts writes name → content as a zip archive.
func zipParts(t *testing.T, parts map[string]string) []byte {
	t.Helper()
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for name, body := range parts {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		io.WriteString(w, body)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// unzip reads every part of a package and checks each XML part parses.
func unzip(t *testing.T, b []byte) map[string]string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, f := range zr.File {
		rc, _ := f.Open()
		data, _ := io.ReadAll(rc)
		rc.Close()
		out[f.Name] = string(data)
		if strings.HasSuffix(f.Name, ".xml") || strings.HasSuffix(f.Name, ".rels") {
			if err := wellFormed(string(data)); err != nil {
				t.Errorf("part %s: %v", f.Name, err)
			}
		}
	}
	return out
}

const pngBytes = "\x89PNG\r\n\x1a\nfake image"

// firmTemplate is a template as Word saves one: a Garamond Normal style,
// a first-page letterhead header with a logo, a default header, a footer
// with a hyperlink, and a header holding an embedded object.
func firmTemplate(t *testing.T) []byte {
	w := `xmlns:w="` + NSW + `" xmlns:r="` + NSR + `"`
	return zipParts(t, map[string]string{
		"[Content_Types].xml": `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`,
		"word/document.xml": `<w:document ` + w + `><w:body><w:p><w:r><w:t>Template body text</w:t></w:r></w:p>` +
			`<w:sectPr><w:headerReference w:type="first" r:id="rId7"/><w:headerReference w:type="default" r:id="rId8"/>` +
			`<w:footerReference w:type="default" r:id="rId9"/><w:headerReference w:type="even" r:id="rId10"/>` +
			`<w:pgSz w:w="12240" w:h="15840"/><w:titlePg/></w:sectPr></w:body></w:document>`,
		"word/styles.xml": `<w:styles ` + w + `><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/>` +
			`<w:rPr><w:rFonts w:ascii="Garamond" w:hAnsi="Garamond"/></w:rPr></w:style>` +
			`<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:rPr><w:color w:val="800000"/></w:rPr></w:style></w:styles>`,
		"word/_rels/document.xml.rels": `<Relationships xmlns="` + nsPkgRels + `">` +
			`<Relationship Id="rId7" Type="` + relBase + `header" Target="header1.xml"/>` +
			`<Relationship Id="rId8" Type="` + relBase + `header" Target="header2.xml"/>` +
			`<Relationship Id="rId9" Type="` + relBase + `footer" Target="footer1.xml"/>` +
			`<Relationship Id="rId10" Type="` + relBase + `header" Target="header3.xml"/></Relationships>`,
		"word/header1.xml":            `<w:hdr ` + w + `><w:p><w:r><w:t>Smith &amp; Jones LLP letterhead</w:t></w:r></w:p></w:hdr>`,
		"word/_rels/header1.xml.rels": `<Relationships xmlns="` + nsPkgRels + `"><Relationship Id="rId1" Type="` + relBase + `image" Target="media/image1.png"/></Relationships>`,
		"word/media/image1.png":       pngBytes,
		"word/header2.xml":            `<w:hdr ` + w + `><w:p><w:r><w:t>Smith &amp; Jones LLP</w:t></w:r></w:p></w:hdr>`,
		"word/footer1.xml":            `<w:ftr ` + w + `><w:p><w:r><w:t>CONFIDENTIAL ATTORNEY WORK PRODUCT</w:t></w:r></w:p></w:ftr>`,
		"word/_rels/footer1.xml.rels": `<Relationships xmlns="` + nsPkgRels + `"><Relationship Id="rId1" Type="` + relBase + `hyperlink" Target="https://firm.example/" TargetMode="External"/></Relationships>`,
		"word/header3.xml":            `<w:hdr ` + w + `><w:p><w:r><w:t>embedded</w:t></w:r></w:p></w:hdr>`,
		"word/_rels/header3.xml.rels": `<Relationships xmlns="` + nsPkgRels + `"><Relationship Id="rId1" Type="` + relBase + `oleObject" Target="embeddings/x.bin"/></Relationships>`,
	})
}

func TestWritePlain(t *testing.T) {
	var b strings.Builder
	Para(&b, "Title", "", Run{Text: "Medical chronology"})
	Table{Widths: []int{1000, 2000, 3000}, Rows: []Row{
		{Header: true, Cells: []Cell{TextCell("A", true), TextCell("B", true), TextCell("C", true)}},
		{Cells: []Cell{{Paras: [][]Run{{{Text: "gap"}}}, Span: 3}}},
		{Cells: []Cell{TextCell("1", false)}},
	}}.Write(&b)
	var out bytes.Buffer
	if err := Write(&out, Doc{Title: "T <&>", Body: b.String(), Landscape: true}); err != nil {
		t.Fatal(err)
	}
	parts := unzip(t, out.Bytes())
	for _, p := range []string{"[Content_Types].xml", "_rels/.rels", "docProps/core.xml", "word/_rels/document.xml.rels", "word/styles.xml", "word/document.xml"} {
		if _, ok := parts[p]; !ok {
			t.Errorf("part %s missing", p)
		}
	}
	doc := parts["word/document.xml"]
	if !strings.Contains(doc, `<w:gridSpan w:val="3"/>`) || !strings.Contains(doc, `<w:tcW w:w="6000" w:type="dxa"/>`) {
		t.Error("spanning cell not written with gridSpan and the summed width")
	}
	if strings.Count(doc, "<w:tc>") != 3+1+3 {
		t.Errorf("%d cells, want 7 (short rows are filled)", strings.Count(doc, "<w:tc>"))
	}
	if !strings.Contains(doc, `w:orient="landscape"`) || strings.Contains(doc, "headerReference") {
		t.Error("landscape page without header expected")
	}
	if !strings.Contains(parts["docProps/core.xml"], "T &lt;&amp;&gt;") {
		t.Error("title not escaped in core properties")
	}
	var again bytes.Buffer
	if err := Write(&again, Doc{Title: "T <&>", Body: b.String(), Landscape: true}); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(out.Bytes(), again.Bytes()) {
		t.Error("equal input wrote different bytes")
	}
}

func TestTemplate(t *testing.T) {
	tpl, err := ParseTemplate(firmTemplate(t))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name       string
		own        string
		wantHeader []string // texts of the headers that must be in the package
		noHeader   []string
	}{
		{"template headers", "", []string{"Smith &amp; Jones LLP letterhead", "Smith &amp; Jones LLP<"}, []string{"embedded", "DRAFT NOTICE"}},
		{"own header replaces them", `<w:hdr xmlns:w="` + NSW + `"><w:p><w:r><w:t>DRAFT NOTICE</w:t></w:r></w:p></w:hdr>`, []string{"DRAFT NOTICE"}, []string{"letterhead", "embedded"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var out bytes.Buffer
			if err := Write(&out, Doc{Title: "x", Modified: time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC), Body: "<w:p/>", Header: tc.own, Template: tpl}); err != nil {
				t.Fatal(err)
			}
			parts := unzip(t, out.Bytes())
			all := ""
			for name, body := range parts {
				if strings.HasPrefix(name, "word/") && (strings.Contains(name, "header") || strings.Contains(name, "footer")) && strings.HasSuffix(name, ".xml") {
					all += body
				}
			}
			for _, s := range tc.wantHeader {
				if !strings.Contains(all, s) {
					t.Errorf("headers lack %q", s)
				}
			}
			for _, s := range tc.noHeader {
				if strings.Contains(all, s) {
					t.Errorf("headers hold %q", s)
				}
			}
			if !strings.Contains(all, "CONFIDENTIAL ATTORNEY WORK PRODUCT") {
				t.Error("template footer not carried over")
			}
			styles := parts["word/styles.xml"]
			if !strings.Contains(styles, "Garamond") || !strings.Contains(styles, `w:styleId="TableGrid"`) || strings.Count(styles, `w:styleId="Heading1"`) != 1 {
				t.Error("styles not the template's with the missing ones added")
			}
			if strings.Contains(parts["word/document.xml"], "Template body text") {
				t.Error("template body copied")
			}
			doc := parts["word/document.xml"]
			if !strings.Contains(doc, "<w:titlePg/>") || !strings.Contains(doc, `w:type="first"`) {
				t.Error("first-page header lost")
			}
			// every relationship target of the document and its headers exists
			ct := parts["[Content_Types].xml"]
			for name, body := range parts {
				if !strings.HasSuffix(name, ".rels") || name == "_rels/.rels" {
					continue
				}
				dir := strings.TrimSuffix(strings.TrimSuffix(name, name[strings.LastIndex(name, "/")+1:]), "_rels/")
				for _, r := range parseRels(body) {
					if r.mode == "External" {
						continue
					}
					if _, ok := parts[dir+r.target]; !ok {
						t.Errorf("%s: target %s missing", name, dir+r.target)
					}
				}
			}
			if tc.own == "" {
				if parts["word/media/tpl-1.png"] != pngBytes || !strings.Contains(ct, `Extension="png"`) {
					t.Error("letterhead image or its content type missing")
				}
			}
		})
	}
}

func TestParseTemplateRefuses(t *testing.T) {
	w := `xmlns:w="` + NSW + `"`
	big := strings.Repeat("A", maxTemplatePart+1)
	for _, tc := range []struct {
		name  string
		file  []byte
		isErr error
	}{
		{"not a zip", []byte("%PDF-1.7"), ErrNotTemplate},
		{"a spreadsheet", zipParts(t, map[string]string{"xl/workbook.xml": "<workbook/>"}), ErrNotTemplate},
		{"no styles", zipParts(t, map[string]string{"word/document.xml": "<w:document " + w + "/>"}), nil},
		{"broken styles", zipParts(t, map[string]string{"word/document.xml": "<w:document " + w + "/>", "word/styles.xml": "<w:styles " + w + ">"}), nil},
		{"huge part", zipParts(t, map[string]string{"word/document.xml": "<w:document " + w + "/>", "word/styles.xml": big}), nil},
	} {
		_, err := ParseTemplate(tc.file)
		if err == nil {
			t.Errorf("%s: accepted", tc.name)
			continue
		}
		if tc.isErr != nil && !errors.Is(err, tc.isErr) {
			t.Errorf("%s: %v, want %v", tc.name, err, tc.isErr)
		}
	}
}

func TestEsc(t *testing.T) {
	got := Esc("a<b>&\"c\"\x01")
	if err := xml.Unmarshal([]byte("<t>"+got+"</t>"), new(string)); err != nil {
		t.Errorf("Esc output %q does not parse: %v", got, err)
	}
}
