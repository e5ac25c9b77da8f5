package docx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"sort"
	"strings"

	"github.com/medchron/medchron/internal/lazyre"
)

// Template is a firm's Word template (.docx or .dotx) as medchron uses it:
// its styles, the page headers and footers of its last section with the
// images they show, and the boilerplate it marks (Boilerplate). Its other
// body text is not used.
type Template struct {
	styles      string
	boilerplate Boilerplate
	titlePg     bool
	pages       []pagePart // headers and footers
	media       []mediaPart
}

type pagePart struct {
	kind  string // "header" or "footer"
	typ   string // "default", "first" or "even"
	name  string // part name in the written package
	body  string
	rels  string // its relationships part, or empty
	relsN string // the relationships part's name
}

type mediaPart struct {
	name string
	ext  string
	data []byte
}

// Limits on a template: it is a file a user uploads.
const (
	maxTemplateEntries = 2000
	maxTemplatePart    = 16 << 20 // bytes, uncompressed, per part read
	maxTemplateTotal   = 48 << 20 // bytes, uncompressed, of all parts read
)

// ErrNotTemplate is returned for a file that is not a Word document.
var ErrNotTemplate = errors.New("not a Word document (.docx or .dotx)")

// imageTypes are the image formats a header may show, by extension.
var imageTypes = map[string]string{
	"png": "image/png", "jpeg": "image/jpeg", "jpg": "image/jpeg", "gif": "image/gif",
	"bmp": "image/bmp", "tif": "image/tiff", "tiff": "image/tiff", "emf": "image/x-emf", "wmf": "image/x-wmf",
}

var (
	sectPrRe  = lazyre.New(`(?s)<w:sectPr[ >].*?</w:sectPr>`)
	pageRefRe = lazyre.New(`<w:(header|footer)Reference\b[^>]*?/>`)
	attrRe    = lazyre.New(`\b(w:type|r:id)="([^"]*)"`)
	relRe     = lazyre.New(`<Relationship\b[^>]*?/>`)
	relAttrRe = lazyre.New(`\b(Id|Type|Target|TargetMode)="([^"]*)"`)
)

// ParseTemplate reads a Word template. It fails when the file is not a
// Word document or has no styles part; a header or footer that shows
// anything but text, fields and images (an embedded object, a chart) is
// left out rather than copied.
func ParseTemplate(b []byte) (*Template, error) {
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		return nil, ErrNotTemplate
	}
	if len(zr.File) > maxTemplateEntries {
		return nil, fmt.Errorf("template has %d parts (at most %d)", len(zr.File), maxTemplateEntries)
	}
	files := map[string]*zip.File{}
	for _, f := range zr.File {
		files[f.Name] = f
	}
	budget := int64(maxTemplateTotal)
	read := func(name string) (string, error) {
		f := files[name]
		if f == nil {
			return "", fmt.Errorf("template has no part %s", name)
		}
		rc, err := f.Open()
		if err != nil {
			return "", fmt.Errorf("template part %s: %w", name, err)
		}
		defer rc.Close()
		limit := min(int64(maxTemplatePart), budget)
		data, err := io.ReadAll(io.LimitReader(rc, limit+1))
		if err != nil {
			return "", fmt.Errorf("template part %s: %w", name, err)
		}
		if int64(len(data)) > limit {
			return "", fmt.Errorf("template part %s is larger than %d MB uncompressed", name, limit>>20)
		}
		budget -= int64(len(data))
		return string(data), nil
	}
	doc, err := read("word/document.xml")
	if err != nil {
		return nil, ErrNotTemplate
	}
	styles, err := read("word/styles.xml")
	if err != nil {
		return nil, fmt.Errorf("template: %w", err)
	}
	if err := wellFormed(styles); err != nil || !strings.Contains(styles, `xmlns:w="`+NSW+`"`) {
		return nil, fmt.Errorf("template: word/styles.xml is not a WordprocessingML styles part")
	}
	t := &Template{styles: styles, boilerplate: parseBoilerplate(doc)}
	secs := sectPrRe.FindAllString(doc, -1)
	if len(secs) == 0 {
		return t, nil
	}
	sec := secs[len(secs)-1]
	t.titlePg = strings.Contains(sec, "<w:titlePg/>") || strings.Contains(sec, `<w:titlePg w:val="1"/>`) || strings.Contains(sec, `<w:titlePg w:val="true"/>`)
	docRels := map[string]rel{}
	if s, err := read("word/_rels/document.xml.rels"); err == nil {
		docRels = parseRels(s)
	}
	for _, ref := range pageRefRe.FindAllStringSubmatch(sec, -1) {
		kind, attrs := ref[1], map[string]string{}
		for _, a := range attrRe.FindAllStringSubmatch(ref[0], -1) {
			attrs[a[1]] = a[2]
		}
		r, ok := docRels[attrs["r:id"]]
		if !ok || r.mode == "External" {
			continue
		}
		typ := attrs["w:type"]
		if typ == "" {
			typ = "default"
		}
		if err := t.addPage(read, kind, typ, path.Join("word", r.target)); err != nil {
			continue // a header or footer medchron cannot carry over is left out
		}
	}
	return t, nil
}

type rel struct{ id, typ, target, mode string }

func parseRels(s string) map[string]rel {
	out := map[string]rel{}
	for _, m := range relRe.FindAllString(s, -1) {
		var r rel
		for _, a := range relAttrRe.FindAllStringSubmatch(m, -1) {
			v := html2text(a[2])
			switch a[1] {
			case "Id":
				r.id = v
			case "Type":
				r.typ = v
			case "Target":
				r.target = v
			case "TargetMode":
				r.mode = v
			}
		}
		out[r.id] = r
	}
	return out
}

func html2text(s string) string {
	return strings.NewReplacer("&amp;", "&", "&lt;", "<", "&gt;", ">", "&quot;", `"`, "&apos;", "'").Replace(s)
}

// addPage copies one header or footer part with its images under new
// names: "word/tpl-header1.xml", "word/media/tpl-1.png".
func (t *Template) addPage(read func(string) (string, error), kind, typ, name string) error {
	body, err := read(name)
	if err != nil {
		return err
	}
	if err := wellFormed(body); err != nil {
		return err
	}
	p := pagePart{kind: kind, typ: typ, body: body}
	p.name = fmt.Sprintf("word/tpl-%s%d.xml", kind, len(t.pages)+1)
	dir, base := path.Split(name)
	if rs, err := read(dir + "_rels/" + base + ".rels"); err == nil {
		var out strings.Builder
		out.WriteString(xmlHeader + `<Relationships xmlns="` + nsPkgRels + `">`)
		for _, r := range sortedRels(parseRels(rs)) {
			switch {
			case strings.HasSuffix(r.typ, "/hyperlink") && r.mode == "External":
				out.WriteString(`<Relationship Id="` + Esc(r.id) + `" Type="` + Esc(r.typ) + `" Target="` + Esc(r.target) + `" TargetMode="External"/>`)
			case strings.HasSuffix(r.typ, "/image") && r.mode != "External":
				ext := strings.ToLower(strings.TrimPrefix(path.Ext(r.target), "."))
				if imageTypes[ext] == "" {
					return fmt.Errorf("image type %q", ext)
				}
				data, err := read(path.Join(dir, r.target))
				if err != nil {
					return err
				}
				m := mediaPart{name: fmt.Sprintf("word/media/tpl-%d.%s", len(t.media)+1, ext), ext: ext, data: []byte(data)}
				t.media = append(t.media, m)
				out.WriteString(`<Relationship Id="` + Esc(r.id) + `" Type="` + Esc(r.typ) + `" Target="media/` + path.Base(m.name) + `"/>`)
			default:
				return fmt.Errorf("relationship type %q", r.typ)
			}
		}
		out.WriteString(`</Relationships>`)
		p.rels = out.String()
		p.relsN = "word/_rels/" + path.Base(p.name) + ".rels"
	}
	t.pages = append(t.pages, p)
	return nil
}

func sortedRels(m map[string]rel) []rel {
	out := make([]rel, 0, len(m))
	for _, r := range m {
		out = append(out, r)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].id < out[j].id })
	return out
}

// wellFormed reports whether s parses as XML.
func wellFormed(s string) error {
	d := xml.NewDecoder(strings.NewReader(s))
	for {
		if _, err := d.Token(); err == io.EOF {
			return nil
		} else if err != nil {
			return err
		}
	}
}

func (t *Template) mergedStyles() string { return mergeStyles(t.styles) }

// pageParts returns the template's header and footer parts, the
// document's relationships to them (rId2 onwards) and the section's
// references. With ownHeader the template's headers are left out: the
// caller's header replaces them.
func (t *Template) pageParts(ownHeader bool) (parts []part, rels, refs []string) {
	for _, p := range t.pages {
		if ownHeader && p.kind == "header" {
			continue
		}
		id := fmt.Sprintf("rId%d", len(rels)+2)
		parts = append(parts, part{p.name, ctBase + p.kind + "+xml", p.body})
		if p.rels != "" {
			parts = append(parts, part{p.relsN, "", p.rels})
		}
		rels = append(rels, `<Relationship Id="`+id+`" Type="`+relBase+p.kind+`" Target="`+path.Base(p.name)+`"/>`)
		refs = append(refs, `<w:`+p.kind+`Reference w:type="`+Esc(p.typ)+`" r:id="`+id+`"/>`)
	}
	sort.SliceStable(refs, func(i, j int) bool { // headers before footers
		return strings.HasPrefix(refs[i], "<w:header") && !strings.HasPrefix(refs[j], "<w:header")
	})
	return parts, rels, refs
}

// mediaTypes returns the content-type defaults of the template's images.
func (t *Template) mediaTypes() []string {
	seen := map[string]bool{}
	var out []string
	for _, m := range t.media {
		if !seen[m.ext] {
			seen[m.ext] = true
			out = append(out, `<Default Extension="`+m.ext+`" ContentType="`+imageTypes[m.ext]+`"/>`)
		}
	}
	return out
}
