// Package docxtest gives tests a firm's Word template and a way to read
// back what a Word file says.
package docxtest

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"slices"
	"strings"
)

// Marks are what a document written in Template shows of it.
const (
	Font   = "Garamond"
	Legend = "PRIVILEGED AND CONFIDENTIAL"
	// Top and End are the boilerplate a letter carries at its start and
	// its end (docx.Boilerplate).
	Top = "SETTLEMENT COMMUNICATION - FRE 408"
	End = "This offer is made by Smith & Jones LLP on behalf of its client."
)

// Template is a firm's Word template: a Garamond (Font) Normal style, a
// footer with a confidentiality legend (Legend), and boilerplate content
// controls holding Top and End.
func Template() []byte {
	const nsW = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	const nsR = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
	parts := map[string]string{
		"word/document.xml": `<w:document xmlns:w="` + nsW + `" xmlns:r="` + nsR + `"><w:body>` +
			sdt("medchron:boilerplate-top", Top) + `<w:p/>` + sdt("medchron:boilerplate", End) +
			`<w:sectPr><w:footerReference w:type="default" r:id="rId5"/></w:sectPr></w:body></w:document>`,
		"word/styles.xml": `<w:styles xmlns:w="` + nsW + `"><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/>` +
			`<w:rPr><w:rFonts w:ascii="` + Font + `" w:hAnsi="` + Font + `"/></w:rPr></w:style></w:styles>`,
		"word/_rels/document.xml.rels": `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId5" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer" Target="footer1.xml"/></Relationships>`,
		"word/footer1.xml": `<w:ftr xmlns:w="` + nsW + `"><w:p><w:r><w:t>` + Legend + `</w:t></w:r></w:p></w:ftr>`,
	}
	names := make([]string, 0, len(parts))
	for name := range parts {
		names = append(names, name)
	}
	slices.Sort(names)
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for _, name := range names {
		w, _ := zw.Create(name)
		io.WriteString(w, parts[name])
	}
	zw.Close() // writing to memory cannot fail
	return b.Bytes()
}

// sdt is a content control tagged tag holding one paragraph of text.
func sdt(tag, text string) string {
	text = strings.ReplaceAll(text, "&", "&amp;")
	return `<w:sdt><w:sdtPr><w:tag w:val="` + tag + `"/></w:sdtPr><w:sdtContent><w:p><w:r><w:t>` + text + `</w:t></w:r></w:p></w:sdtContent></w:sdt>`
}

// Text is the XML of every part under word/ of a Word file, one after
// the other.
func Text(data []byte) (string, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return "", fmt.Errorf("not a Word file: %w", err)
	}
	var all strings.Builder
	for _, f := range zr.File {
		if strings.HasPrefix(f.Name, "word/") && strings.HasSuffix(f.Name, ".xml") {
			rc, err := f.Open()
			if err != nil {
				return "", err
			}
			b, err := io.ReadAll(rc)
			rc.Close()
			if err != nil {
				return "", err
			}
			all.Write(b)
		}
	}
	return all.String(), nil
}
