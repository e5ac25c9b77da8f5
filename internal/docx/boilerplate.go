package docx

import (
	"encoding/xml"
	"strings"

	"github.com/medchron/medchron/internal/lazyre"
)

// Boilerplate is what a firm's template marks as text every letter must
// carry word for word — a settlement-communication legend, a closing
// paragraph: paragraphs inside a content control (Word's Developer tab)
// tagged "medchron:boilerplate" go at the end of the letter,
// "medchron:boilerplate-top" at its start. Only their text is kept (no
// images, fields or links); the letter writes them inside a content
// control locked against editing and deletion.
type Boilerplate struct {
	Top, End []string // paragraphs of text
}

// Boilerplate tags of a template's content controls.
const (
	BoilerplateTag    = "medchron:boilerplate"
	BoilerplateTopTag = "medchron:boilerplate-top"
)

// maxBoilerplate bounds the boilerplate text a template may carry.
const maxBoilerplate = 20_000

var (
	sdtRe    = lazyre.New(`(?s)<w:sdt>.*?</w:sdt>|<w:sdt .*?</w:sdt>`)
	sdtTagRe = lazyre.New(`<w:tag w:val="([^"]*)"\s*/>`)
	paraRe   = lazyre.New(`(?s)<w:p[ >].*?</w:p>|<w:p/>`)
)

// parseBoilerplate reads the boilerplate content controls of a
// template's document part. Nested controls are not looked into.
func parseBoilerplate(doc string) Boilerplate {
	var bp Boilerplate
	size := 0
	for _, sdt := range sdtRe.FindAllString(doc, -1) {
		pr, _, _ := strings.Cut(sdt, "</w:sdtPr>")
		m := sdtTagRe.FindStringSubmatch(pr)
		if m == nil {
			continue
		}
		var dst *[]string
		switch strings.ToLower(strings.TrimSpace(m[1])) {
		case BoilerplateTag:
			dst = &bp.End
		case BoilerplateTopTag:
			dst = &bp.Top
		default:
			continue
		}
		_, content, _ := strings.Cut(sdt, "<w:sdtContent>")
		for _, p := range paraRe.FindAllString(content, -1) {
			text := paraText(p)
			if size += len(text); size > maxBoilerplate {
				return bp
			}
			*dst = append(*dst, text)
		}
	}
	return bp
}

// paraText is the text of a w:p: its w:t runs, tabs and breaks.
func paraText(p string) string {
	var b strings.Builder
	dec := xml.NewDecoder(strings.NewReader(`<x xmlns:w="` + NSW + `">` + p + `</x>`))
	inText := false
	for {
		tok, err := dec.Token()
		if err != nil {
			break
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "t":
				inText = true
			case "tab":
				b.WriteByte('\t')
			case "br", "cr":
				b.WriteByte('\n')
			}
		case xml.EndElement:
			if t.Name.Local == "t" {
				inText = false
			}
		case xml.CharData:
			if inText {
				b.Write(t)
			}
		}
	}
	return b.String()
}

// Boilerplate returns the template's boilerplate; the zero Boilerplate
// for a nil template.
func (t *Template) Boilerplate() Boilerplate {
	if t == nil {
		return Boilerplate{}
	}
	return t.boilerplate
}

// LockedParas writes paras as plain paragraphs inside a content control
// locked against editing and deletion, titled title.
func LockedParas(b *strings.Builder, title string, paras []string) {
	if len(paras) == 0 {
		return
	}
	b.WriteString(`<w:sdt><w:sdtPr><w:alias w:val="` + Esc(title) + `"/><w:tag w:val="` + BoilerplateTag + `"/><w:lock w:val="sdtContentLocked"/></w:sdtPr><w:sdtContent>`)
	for _, p := range paras {
		Para(b, "", "", Run{Text: p}) // a newline in Text is a line break
	}
	b.WriteString(`</w:sdtContent></w:sdt>`)
}
