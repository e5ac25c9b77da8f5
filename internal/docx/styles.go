package docx

import (
	"strings"

	"github.com/medchron/medchron/internal/lazyre"
)

// docDefaults are medchron's document defaults: Calibri 11 pt.
const docDefaults = `<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Calibri" w:hAnsi="Calibri" w:eastAsia="Calibri" w:cs="Calibri"/>` +
	`<w:sz w:val="22"/><w:szCs w:val="22"/><w:lang w:val="en-US"/></w:rPr></w:rPrDefault>` +
	`<w:pPrDefault><w:pPr><w:spacing w:after="160" w:line="264" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>`

// styles are the paragraph and table styles the writers use, by id, in
// the order written. A template lacking one of them gets this definition.
var styles = []struct{ id, xml string }{
	{"Normal", `<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>`},
	{"Title", `<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>` +
		`<w:pPr><w:spacing w:after="240"/></w:pPr><w:rPr><w:b/><w:sz w:val="36"/><w:szCs w:val="36"/></w:rPr></w:style>`},
	{"Heading1", `<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>` +
		`<w:pPr><w:keepNext/><w:spacing w:before="360" w:after="120"/><w:outlineLvl w:val="0"/></w:pPr>` +
		`<w:rPr><w:b/><w:color w:val="1F4E8C"/><w:sz w:val="30"/><w:szCs w:val="30"/></w:rPr></w:style>`},
	{"Heading2", `<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>` +
		`<w:pPr><w:keepNext/><w:spacing w:before="240" w:after="80"/><w:outlineLvl w:val="1"/></w:pPr>` +
		`<w:rPr><w:b/><w:color w:val="1F4E8C"/><w:sz w:val="25"/><w:szCs w:val="25"/></w:rPr></w:style>`},
	{"ListBullet", `<w:style w:type="paragraph" w:styleId="ListBullet"><w:name w:val="List Bullet"/><w:basedOn w:val="Normal"/>` +
		`<w:pPr><w:spacing w:after="60"/><w:ind w:left="720" w:hanging="360"/></w:pPr></w:style>`},
	{"Header", `<w:style w:type="paragraph" w:styleId="Header"><w:name w:val="header"/><w:basedOn w:val="Normal"/></w:style>`},
	{"TableText", `<w:style w:type="paragraph" w:styleId="TableText"><w:name w:val="Table Text"/><w:basedOn w:val="Normal"/><w:qFormat/>` +
		`<w:pPr><w:spacing w:before="20" w:after="20" w:line="240" w:lineRule="auto"/></w:pPr><w:rPr><w:sz w:val="18"/><w:szCs w:val="18"/></w:rPr></w:style>`},
	{"TableNormal", `<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/>` +
		`<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>`},
	{"TableGrid", `<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:basedOn w:val="TableNormal"/>` +
		`<w:pPr><w:spacing w:before="40" w:after="40" w:line="240" w:lineRule="auto"/></w:pPr><w:tblPr><w:tblBorders>` +
		`<w:top w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:left w:val="single" w:sz="4" w:space="0" w:color="auto"/>` +
		`<w:bottom w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:right w:val="single" w:sz="4" w:space="0" w:color="auto"/>` +
		`<w:insideH w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="auto"/>` +
		`</w:tblBorders></w:tblPr></w:style>`},
}

// stylesXML is medchron's styles part.
var stylesXML = func() string {
	var b strings.Builder
	b.WriteString(xmlHeader + `<w:styles xmlns:w="` + NSW + `">` + docDefaults)
	for _, s := range styles {
		b.WriteString(s.xml)
	}
	b.WriteString(`</w:styles>`)
	return b.String()
}()

var styleIDAttr = lazyre.New(`w:styleId="([^"]*)"`)

// mergeStyles adds to a template's styles part the styles the writers use
// that it lacks, before its closing tag. A default style of a type the
// template already has a default for is added without its default mark.
func mergeStyles(tpl string) string {
	have := map[string]bool{}
	for _, m := range styleIDAttr.FindAllStringSubmatch(tpl, -1) {
		have[m[1]] = true
	}
	end := strings.LastIndex(tpl, "</w:styles>")
	if end < 0 {
		return stylesXML
	}
	var add strings.Builder
	for _, s := range styles {
		if have[s.id] {
			continue
		}
		x := s.xml
		if strings.Contains(x, `w:default="1"`) {
			x = strings.Replace(x, ` w:default="1"`, "", 1)
		}
		add.WriteString(x)
	}
	return tpl[:end] + add.String() + tpl[end:]
}
