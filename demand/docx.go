package demand

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/medchron/medchron/internal/docx"
)

// Namespaces of the draft header's watermark.
const (
	nsW = docx.NSW
	nsR = docx.NSR
)

// WriteDOCX writes d as demand.docx: a Word document with Heading1 section
// titles, Heading2 sub-headings, the specials as a Word table and
// citations as the bracketed references of the text. While any section
// awaits approval (d.Approved() is false) every page carries a "DRAFT —
// not approved for sending" header and a diagonal "DRAFT" watermark, and
// each unapproved section opens with DraftBanner; an approved letter has
// none of them.
func WriteDOCX(w io.Writer, d Draft) error { return WriteDOCXTemplate(w, d, nil) }

// WriteDOCXTemplate writes demand.docx as WriteDOCX does, in the firm's
// Word template when tpl is not nil: its styles, and its page headers and
// footers (a draft's notice replaces the template's header until every
// section is approved).
func WriteDOCXTemplate(w io.Writer, d Draft, tpl *docx.Template) error {
	draft := !d.Approved()
	doc := docx.Doc{Title: "Demand letter draft", Modified: d.GeneratedAt, Body: documentBody(d, draft, tpl.Boilerplate()), Template: tpl}
	if draft {
		doc.Header = headerXML()
	}
	if err := docx.Write(w, doc); err != nil {
		return fmt.Errorf("demand.docx: %w", err)
	}
	return nil
}

// headerXML is the page header of a draft: the not-approved notice on
// every page, and behind the text a large, light, diagonal "DRAFT"
// watermark, drawn as Word draws its own watermarks (a VML text-path shape
// anchored in the header), which LibreOffice also shows.
func headerXML() string {
	return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" + `<w:hdr xmlns:w="` + nsW + `" xmlns:r="` + nsR + `" xmlns:v="` + nsV + `" xmlns:o="` + nsO + `">` +
		`<w:p><w:pPr><w:pStyle w:val="Header"/><w:jc w:val="center"/></w:pPr>` +
		`<w:r><w:rPr><w:noProof/></w:rPr><w:pict>` + watermarkShapeType + watermarkShape(WatermarkText) + `</w:pict></w:r>` +
		`<w:r><w:rPr><w:b/><w:color w:val="C00000"/><w:sz w:val="28"/></w:rPr><w:t xml:space="preserve">` + docx.Esc(NotApprovedNotice) + `</w:t></w:r></w:p>` +
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
		`<v:textpath style="font-family:&quot;Calibri&quot;;font-size:1pt" string="` + docx.Esc(text) + `"/></v:shape>`
}

func documentBody(d Draft, draft bool, bp docx.Boilerplate) string {
	var b strings.Builder
	docx.LockedParas(&b, "Firm boilerplate", bp.Top)
	para(&b, "Title", "", d.title())
	if draft {
		para(&b, "", "", "", run{Text: NotApprovedNotice, Bold: true, Color: "C00000"})
	}
	if !d.GeneratedAt.IsZero() {
		para(&b, "", "", fmt.Sprintf("Generated %s from the chronology of matter %s.", d.GeneratedAt.UTC().Format(time.RFC3339), d.Matter.ID))
	}
	for _, s := range d.Sections {
		para(&b, "Heading1", "", s.Title)
		writeBody(&b, s.Text())
	}
	docx.LockedParas(&b, "Firm boilerplate", bp.End)
	return b.String()
}
