package demand

import (
	"archive/zip"
	"fmt"
	"io"
	"strings"
	"time"
)

const (
	xmlHeader = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"
	nsW       = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	nsR       = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
	nsPkgRels = "http://schemas.openxmlformats.org/package/2006/relationships"
	relBase   = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
	ctBase    = "application/vnd.openxmlformats-officedocument.wordprocessingml."
)

// WriteDOCX writes d as demand.docx: a Word document built from its OOXML
// parts, with Heading1 section titles, Heading2 sub-headings, the specials
// as a Word table and citations as the bracketed references of the text.
// While any section awaits approval (d.Approved() is false) every page
// carries a "DRAFT — not approved for sending" header and a diagonal
// "DRAFT" watermark, and each unapproved section opens with DraftBanner;
// an approved letter has none of them.
func WriteDOCX(w io.Writer, d Draft) error {
	draft := !d.Approved()
	modified := d.GeneratedAt
	if modified.IsZero() {
		modified = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	parts := []struct{ name, body string }{
		{"[Content_Types].xml", contentTypes(draft)},
		{"_rels/.rels", packageRels()},
		{"docProps/core.xml", coreProps(modified)},
		{"word/_rels/document.xml.rels", documentRels(draft)},
		{"word/styles.xml", stylesXML},
		{"word/document.xml", documentXML(d, draft)},
	}
	if draft {
		parts = append(parts, struct{ name, body string }{"word/header1.xml", headerXML()})
	}
	zw := zip.NewWriter(w)
	for _, p := range parts {
		fw, err := zw.CreateHeader(&zip.FileHeader{Name: p.name, Method: zip.Deflate, Modified: modified})
		if err != nil {
			return fmt.Errorf("write demand.docx part %s: %w", p.name, err)
		}
		if _, err := io.WriteString(fw, p.body); err != nil {
			return fmt.Errorf("write demand.docx part %s: %w", p.name, err)
		}
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("write demand.docx: %w", err)
	}
	return nil
}

func contentTypes(draft bool) string {
	var b strings.Builder
	b.WriteString(xmlHeader + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">`)
	b.WriteString(`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>`)
	b.WriteString(`<Default Extension="xml" ContentType="application/xml"/>`)
	b.WriteString(`<Override PartName="/word/document.xml" ContentType="` + ctBase + `document.main+xml"/>`)
	b.WriteString(`<Override PartName="/word/styles.xml" ContentType="` + ctBase + `styles+xml"/>`)
	if draft {
		b.WriteString(`<Override PartName="/word/header1.xml" ContentType="` + ctBase + `header+xml"/>`)
	}
	b.WriteString(`<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>`)
	b.WriteString(`</Types>`)
	return b.String()
}

func packageRels() string {
	return xmlHeader + `<Relationships xmlns="` + nsPkgRels + `">` +
		`<Relationship Id="rId1" Type="` + relBase + `officeDocument" Target="word/document.xml"/>` +
		`<Relationship Id="rId2" Type="` + nsPkgRels + `/metadata/core-properties" Target="docProps/core.xml"/>` +
		`</Relationships>`
}

func documentRels(draft bool) string {
	s := xmlHeader + `<Relationships xmlns="` + nsPkgRels + `">` +
		`<Relationship Id="rId1" Type="` + relBase + `styles" Target="styles.xml"/>`
	if draft {
		s += `<Relationship Id="rId2" Type="` + relBase + `header" Target="header1.xml"/>`
	}
	return s + `</Relationships>`
}

// coreProps holds no matter or client name: document metadata travels
// further than the letter itself.
func coreProps(t time.Time) string {
	ts := t.UTC().Format("2006-01-02T15:04:05Z")
	return xmlHeader + `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"` +
		` xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"` +
		` xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
		`<dc:title>Demand letter draft</dc:title><dc:creator>medchron</dc:creator>` +
		`<dcterms:created xsi:type="dcterms:W3CDTF">` + ts + `</dcterms:created>` +
		`<dcterms:modified xsi:type="dcterms:W3CDTF">` + ts + `</dcterms:modified>` +
		`</cp:coreProperties>`
}

// headerXML is the page header of a draft: the not-approved notice on
// every page, and behind the text a large, light, diagonal "DRAFT"
// watermark, drawn as Word draws its own watermarks (a VML text-path shape
// anchored in the header), which LibreOffice also shows.
func headerXML() string {
	return xmlHeader + `<w:hdr xmlns:w="` + nsW + `" xmlns:r="` + nsR + `" xmlns:v="` + nsV + `" xmlns:o="` + nsO + `">` +
		`<w:p><w:pPr><w:pStyle w:val="Header"/><w:jc w:val="center"/></w:pPr>` +
		`<w:r><w:rPr><w:noProof/></w:rPr><w:pict>` + watermarkShapeType + watermarkShape(WatermarkText) + `</w:pict></w:r>` +
		`<w:r><w:rPr><w:b/><w:color w:val="C00000"/><w:sz w:val="28"/></w:rPr><w:t xml:space="preserve">` + esc(NotApprovedNotice) + `</w:t></w:r></w:p>` +
		`</w:hdr>`
}

// WatermarkText is the diagonal watermark across every page of a draft.
const WatermarkText = "DRAFT"

// VML namespaces of the watermark shape.
const (
	nsV = "urn:schemas-microsoft-com:vml"
	nsO = "urn:schemas-microsoft-com:office:office"
)

// watermarkShapeType is VML's standard text-path shape type (number 136),
// which Word writes beside every text watermark.
const watermarkShapeType = `<v:shapetype id="_x0000_t136" coordsize="21600,21600" o:spt="136" adj="10800" path="m@7,l@8,m@5,21600l@6,21600e">` +
	`<v:formulas><v:f eqn="sum #0 0 10800"/><v:f eqn="prod #0 2 1"/><v:f eqn="sum 21600 0 @1"/><v:f eqn="sum 0 0 @2"/>` +
	`<v:f eqn="sum 21600 0 @3"/><v:f eqn="if @0 @3 0"/><v:f eqn="if @0 21600 @1"/><v:f eqn="if @0 0 @2"/>` +
	`<v:f eqn="if @0 @4 21600"/><v:f eqn="mid @5 @6"/><v:f eqn="mid @8 @5"/><v:f eqn="mid @7 @8"/>` +
	`<v:f eqn="mid @6 @7"/><v:f eqn="sum @6 0 @5"/></v:formulas>` +
	`<v:path textpathok="t" o:connecttype="custom" o:connectlocs="@9,0;@10,10800;@11,21600;@12,10800" o:connectangles="270,180,90,0"/>` +
	`<v:textpath on="t" fitshape="t"/><v:handles><v:h position="#0,bottomRight" xrange="6629,14971"/></v:handles>` +
	`<o:lock v:ext="edit" text="t" shapetype="t"/></v:shapetype>`

// watermarkShape is text drawn light grey and half transparent, rotated
// 315 degrees, centred on the page's text area, behind the text.
func watermarkShape(text string) string {
	return `<v:shape id="MedchronDraftWatermark" o:spid="_x0000_s1025" type="#_x0000_t136"` +
		` style="position:absolute;margin-left:0;margin-top:0;width:440pt;height:140pt;rotation:315;z-index:-251657216;` +
		`mso-position-horizontal:center;mso-position-horizontal-relative:margin;mso-position-vertical:center;mso-position-vertical-relative:margin"` +
		` o:allowincell="f" fillcolor="silver" stroked="f"><v:fill opacity=".5"/>` +
		`<v:textpath style="font-family:&quot;Calibri&quot;;font-size:1pt" string="` + esc(text) + `"/></v:shape>`
}

func documentXML(d Draft, draft bool) string {
	var b strings.Builder
	b.WriteString(xmlHeader + `<w:document xmlns:w="` + nsW + `" xmlns:r="` + nsR + `"><w:body>`)
	para(&b, "Title", "", d.title())
	if draft {
		para(&b, "", "", "", run{text: NotApprovedNotice, bold: true, color: "C00000"})
	}
	if !d.GeneratedAt.IsZero() {
		para(&b, "", "", fmt.Sprintf("Generated %s from the chronology of matter %s.", d.GeneratedAt.UTC().Format(time.RFC3339), d.Matter.ID))
	}
	for _, s := range d.Sections {
		para(&b, "Heading1", "", s.Title)
		writeBody(&b, s.Text())
	}
	b.WriteString(`<w:sectPr>`)
	if draft {
		b.WriteString(`<w:headerReference w:type="default" r:id="rId2"/>`)
	}
	b.WriteString(`<w:pgSz w:w="12240" w:h="15840"/>` +
		`<w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440" w:header="720" w:footer="720" w:gutter="0"/>` +
		`</w:sectPr></w:body></w:document>`)
	return b.String()
}

const stylesXML = xmlHeader + `<w:styles xmlns:w="` + nsW + `">` +
	`<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Calibri" w:hAnsi="Calibri" w:eastAsia="Calibri" w:cs="Calibri"/>` +
	`<w:sz w:val="22"/><w:szCs w:val="22"/><w:lang w:val="en-US"/></w:rPr></w:rPrDefault>` +
	`<w:pPrDefault><w:pPr><w:spacing w:after="160" w:line="264" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>` +
	`<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>` +
	`<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>` +
	`<w:pPr><w:spacing w:after="240"/></w:pPr><w:rPr><w:b/><w:sz w:val="36"/><w:szCs w:val="36"/></w:rPr></w:style>` +
	`<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>` +
	`<w:pPr><w:keepNext/><w:spacing w:before="360" w:after="120"/><w:outlineLvl w:val="0"/></w:pPr>` +
	`<w:rPr><w:b/><w:color w:val="1F4E8C"/><w:sz w:val="30"/><w:szCs w:val="30"/></w:rPr></w:style>` +
	`<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>` +
	`<w:pPr><w:keepNext/><w:spacing w:before="240" w:after="80"/><w:outlineLvl w:val="1"/></w:pPr>` +
	`<w:rPr><w:b/><w:color w:val="1F4E8C"/><w:sz w:val="25"/><w:szCs w:val="25"/></w:rPr></w:style>` +
	`<w:style w:type="paragraph" w:styleId="ListBullet"><w:name w:val="List Bullet"/><w:basedOn w:val="Normal"/>` +
	`<w:pPr><w:spacing w:after="60"/><w:ind w:left="720" w:hanging="360"/></w:pPr></w:style>` +
	`<w:style w:type="paragraph" w:styleId="Header"><w:name w:val="header"/><w:basedOn w:val="Normal"/></w:style>` +
	`<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/>` +
	`<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>` +
	`<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:basedOn w:val="TableNormal"/>` +
	`<w:pPr><w:spacing w:before="40" w:after="40" w:line="240" w:lineRule="auto"/></w:pPr><w:tblPr><w:tblBorders>` +
	`<w:top w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:left w:val="single" w:sz="4" w:space="0" w:color="auto"/>` +
	`<w:bottom w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:right w:val="single" w:sz="4" w:space="0" w:color="auto"/>` +
	`<w:insideH w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="auto"/>` +
	`</w:tblBorders></w:tblPr></w:style>` +
	`</w:styles>`
