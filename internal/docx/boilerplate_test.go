package docx

import (
	"bytes"
	"encoding/xml"
	"strings"
	"testing"
)

// boilerplateTemplate is a template whose body holds boilerplate content
// controls (top, end, another tag) among ordinary text.
func boilerplateTemplate(t *testing.T) []byte {
	w := `xmlns:w="` + NSW + `" xmlns:r="` + NSR + `"`
	sdt := func(tag, paras string) string {
		return `<w:sdt><w:sdtPr><w:alias w:val="x"/><w:tag w:val="` + tag + `"/></w:sdtPr><w:sdtContent>` + paras + `</w:sdtContent></w:sdt>`
	}
	p := func(runs string) string { return `<w:p><w:pPr><w:jc w:val="both"/></w:pPr>` + runs + `</w:p>` }
	r := func(text string) string {
		return `<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">` + text + `</w:t></w:r>`
	}
	body := p(r("Sample letter text the firm left in its template.")) +
		sdt("medchron:boilerplate-top", p(r("SETTLEMENT COMMUNICATION &#8212; FRE 408"))) +
		sdt("client-name", p(r("not boilerplate"))) +
		sdt("medchron:boilerplate", p(r("This offer remains open until the deadline above.")+`<w:r><w:br/></w:r>`+r("Smith &amp; Jones LLP"))+
			p(`<w:hyperlink r:id="rId9">`+r("www.firm.example")+`</w:hyperlink>`)+`<w:p/>`)
	return zipParts(t, map[string]string{
		"word/document.xml": `<w:document ` + w + `><w:body>` + body + `<w:sectPr/></w:body></w:document>`,
		"word/styles.xml":   `<w:styles ` + w + `><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style></w:styles>`,
	})
}

func TestBoilerplate(t *testing.T) {
	tpl, err := ParseTemplate(boilerplateTemplate(t))
	if err != nil {
		t.Fatal(err)
	}
	bp := tpl.Boilerplate()
	if got := strings.Join(bp.Top, "|"); got != "SETTLEMENT COMMUNICATION — FRE 408" {
		t.Errorf("top %q", got)
	}
	if got := strings.Join(bp.End, "|"); got != "This offer remains open until the deadline above.\nSmith & Jones LLP|www.firm.example|" {
		t.Errorf("end %q", got)
	}
	if (*Template)(nil).Boilerplate().End != nil {
		t.Error("a nil template has boilerplate")
	}

	var b strings.Builder
	LockedParas(&b, "Firm boilerplate", bp.End)
	var out bytes.Buffer
	if err := Write(&out, Doc{Title: "t", Body: b.String(), Template: tpl}); err != nil {
		t.Fatal(err)
	}
	doc := unzip(t, out.Bytes())["word/document.xml"]
	if err := xml.Unmarshal([]byte(doc), new(struct{})); err != nil {
		t.Fatalf("document.xml is not well-formed: %v", err)
	}
	for _, want := range []string{`<w:lock w:val="sdtContentLocked"/>`, `<w:tag w:val="medchron:boilerplate"/>`, "Smith &amp; Jones LLP", "<w:br/>"} {
		if !strings.Contains(doc, want) {
			t.Errorf("document.xml lacks %s", want)
		}
	}
	if strings.Contains(doc, "hyperlink") || strings.Contains(doc, "Sample letter text") {
		t.Error("more than the boilerplate's text was carried over")
	}
	b.Reset()
	LockedParas(&b, "x", nil)
	if b.Len() != 0 {
		t.Error("no boilerplate wrote a content control")
	}
}
