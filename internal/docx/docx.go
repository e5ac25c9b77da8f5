// Package docx writes Word documents (WordprocessingML, ECMA-376 part 1)
// from their XML parts, without a dependency: a package of content types,
// relationships, core properties, styles, the document body and an
// optional page header. The demand letter (package demand) and the
// chronology table (package chronology/report) are written with it.
//
// A firm's own Word template (Template, read by ParseTemplate) lends the
// document its styles, so the firm's fonts, sizes and colours apply, and
// its page headers and footers (letterhead, confidentiality legend) with
// the images they show. Styles the writers use and the template lacks are
// added with medchron's definitions.
//
// Text from medical records is escaped by Esc everywhere it enters XML;
// core properties carry a fixed title and never a client or matter name.
package docx

import (
	"archive/zip"
	"encoding/xml"
	"fmt"
	"io"
	"strings"
	"time"
)

const (
	xmlHeader = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"
	// NSW is the WordprocessingML main namespace.
	NSW = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	// NSR is the namespace of relationship ids inside parts.
	NSR       = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
	nsPkgRels = "http://schemas.openxmlformats.org/package/2006/relationships"
	relBase   = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
	ctBase    = "application/vnd.openxmlformats-officedocument.wordprocessingml."
)

// Page sizes and margins in twentieths of a point (twips), US Letter.
const (
	pageShort = 12240 // 8.5 in
	pageLong  = 15840 // 11 in
)

// TextWidth is the width between the margins in twips: 6.5 in on a
// portrait page with 1 in margins, 10 in on a landscape page with 0.5 in
// margins.
func TextWidth(landscape bool) int {
	if landscape {
		return pageLong - 2*720
	}
	return pageShort - 2*1440
}

// Doc is one Word document.
type Doc struct {
	// Title is the document's core-properties title (never a client or
	// matter name: metadata travels further than the document).
	Title string
	// Modified stamps the core properties and the zip entries; zero means
	// 2000-01-01, so that equal input writes equal bytes.
	Modified time.Time
	// Landscape turns the pages (and narrows the margins to 0.5 in).
	Landscape bool
	// Body is the content of w:body without its w:sectPr: paragraphs and
	// tables as Para and Table write them.
	Body string
	// Header, when set, is a complete w:hdr part used as the page header
	// of every page, in place of the template's (a draft's notice).
	Header string
	// Template, when set, lends its styles, headers and footers.
	Template *Template
}

type part struct{ name, contentType, body string }

// Write writes d as a .docx package to w.
func Write(w io.Writer, d Doc) error {
	modified := d.Modified
	if modified.IsZero() {
		modified = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	}
	styles := stylesXML
	if d.Template != nil {
		styles = d.Template.mergedStyles()
	}
	var parts []part
	var rels []string // the document's relationships, rId2 onwards
	var refs []string // header and footer references of the section
	if d.Template != nil {
		tp, tr, trefs := d.Template.pageParts(d.Header != "")
		parts, rels, refs = append(parts, tp...), append(rels, tr...), append(refs, trefs...)
	}
	if d.Header != "" {
		id := fmt.Sprintf("rId%d", len(rels)+2)
		parts = append(parts, part{"word/header1.xml", ctBase + "header+xml", d.Header})
		rels = append(rels, `<Relationship Id="`+id+`" Type="`+relBase+`header" Target="header1.xml"/>`)
		refs = append(refs, `<w:headerReference w:type="default" r:id="`+id+`"/>`)
		if d.Template != nil && d.Template.titlePg {
			refs = append(refs, `<w:headerReference w:type="first" r:id="`+id+`"/>`)
		}
	}
	parts = append(parts,
		part{"_rels/.rels", "", packageRels},
		part{"docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml", coreProps(d.Title, modified)},
		part{"word/_rels/document.xml.rels", "", documentRels(rels)},
		part{"word/styles.xml", ctBase + "styles+xml", styles},
		part{"word/document.xml", ctBase + "document.main+xml", documentXML(d, refs)},
	)
	var media []string
	if d.Template != nil {
		media = d.Template.mediaTypes()
	}
	zw := zip.NewWriter(w)
	all := append([]part{{"[Content_Types].xml", "", contentTypes(parts, media)}}, parts...)
	for _, p := range all {
		fw, err := zw.CreateHeader(&zip.FileHeader{Name: p.name, Method: zip.Deflate, Modified: modified})
		if err != nil {
			return fmt.Errorf("write docx part %s: %w", p.name, err)
		}
		if _, err := io.WriteString(fw, p.body); err != nil {
			return fmt.Errorf("write docx part %s: %w", p.name, err)
		}
	}
	if d.Template != nil {
		for _, m := range d.Template.media {
			fw, err := zw.CreateHeader(&zip.FileHeader{Name: m.name, Method: zip.Store, Modified: modified})
			if err != nil {
				return fmt.Errorf("write docx part %s: %w", m.name, err)
			}
			if _, err := fw.Write(m.data); err != nil {
				return fmt.Errorf("write docx part %s: %w", m.name, err)
			}
		}
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("write docx: %w", err)
	}
	return nil
}

func contentTypes(parts []part, media []string) string {
	var b strings.Builder
	b.WriteString(xmlHeader + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">`)
	b.WriteString(`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>`)
	b.WriteString(`<Default Extension="xml" ContentType="application/xml"/>`)
	for _, m := range media {
		b.WriteString(m)
	}
	for _, p := range parts {
		if p.contentType != "" {
			b.WriteString(`<Override PartName="/` + Esc(p.name) + `" ContentType="` + p.contentType + `"/>`)
		}
	}
	b.WriteString(`</Types>`)
	return b.String()
}

const packageRels = xmlHeader + `<Relationships xmlns="` + nsPkgRels + `">` +
	`<Relationship Id="rId1" Type="` + relBase + `officeDocument" Target="word/document.xml"/>` +
	`<Relationship Id="rId2" Type="` + nsPkgRels + `/metadata/core-properties" Target="docProps/core.xml"/>` +
	`</Relationships>`

func documentRels(rels []string) string {
	return xmlHeader + `<Relationships xmlns="` + nsPkgRels + `">` +
		`<Relationship Id="rId1" Type="` + relBase + `styles" Target="styles.xml"/>` +
		strings.Join(rels, "") + `</Relationships>`
}

func coreProps(title string, t time.Time) string {
	ts := t.UTC().Format("2006-01-02T15:04:05Z")
	return xmlHeader + `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"` +
		` xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"` +
		` xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
		`<dc:title>` + Esc(title) + `</dc:title><dc:creator>medchron</dc:creator>` +
		`<dcterms:created xsi:type="dcterms:W3CDTF">` + ts + `</dcterms:created>` +
		`<dcterms:modified xsi:type="dcterms:W3CDTF">` + ts + `</dcterms:modified>` +
		`</cp:coreProperties>`
}

func documentXML(d Doc, refs []string) string {
	var b strings.Builder
	b.WriteString(xmlHeader + `<w:document xmlns:w="` + NSW + `" xmlns:r="` + NSR + `"><w:body>`)
	b.WriteString(d.Body)
	b.WriteString(`<w:sectPr>`)
	b.WriteString(strings.Join(refs, ""))
	if d.Landscape {
		fmt.Fprintf(&b, `<w:pgSz w:w="%d" w:h="%d" w:orient="landscape"/>`, pageLong, pageShort)
		b.WriteString(`<w:pgMar w:top="720" w:right="720" w:bottom="720" w:left="720" w:header="360" w:footer="360" w:gutter="0"/>`)
	} else {
		fmt.Fprintf(&b, `<w:pgSz w:w="%d" w:h="%d"/>`, pageShort, pageLong)
		b.WriteString(`<w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440" w:header="720" w:footer="720" w:gutter="0"/>`)
	}
	if d.Template != nil && d.Template.titlePg {
		b.WriteString(`<w:titlePg/>`)
	}
	b.WriteString(`</w:sectPr></w:body></w:document>`)
	return b.String()
}

// Esc escapes text for XML character data and attribute values; characters
// XML cannot hold become U+FFFD.
func Esc(s string) string {
	var b strings.Builder
	_ = xml.EscapeText(&b, []byte(s)) // writes to a strings.Builder cannot fail
	return b.String()
}
