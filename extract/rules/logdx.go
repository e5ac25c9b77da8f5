package rules

import (
	"regexp"
	"strings"

	"github.com/medchron/medchron/extract"
	"github.com/medchron/medchron/extract/layout"
)

// reLogDxLabel labels a log's diagnoses, printed once above its rows
// ("Dx: M54.2, S13.4XXD", "Diagnoses: …", "Diagnoses (plan of care): …"),
// on a line of their own or as
// the last label of the log's header line ("Client: … Clinician: … Dx:
// …"), perhaps after a speck OCR set before it ("_Dx:").
var reLogDxLabel = regexp.MustCompile(`(?i)(?:^|\s)[_'‘’"“”*~.,-]?(?:dx|diagnos[ie]s|icd-?10(?:-cm)?(?: codes?)?|treating diagnos[ie]s)(?:\s*\([a-z ,/-]{1,30}\))?\s*[:#-]`)

// logDiagnoses reads the diagnoses a visit log prints once above its
// rows, on a labelled line: they hold for every visit of the page. Only
// the codes after the label count (the labels before it name the patient
// and the clinician). It returns them with the line to cite, or nothing.
func (e *Extractor) logDiagnoses(l line) ([]extract.Coded, bool) {
	loc := reLogDxLabel.FindStringIndex(l.text)
	if loc == nil {
		return nil, false
	}
	after := l
	after.text = strings.Repeat(" ", loc[0]) + l.text[loc[0]:]
	var out []extract.Coded
	for _, h := range icdIn(after, true, e.opts.Codes) {
		desc := h.desc
		if desc == "" {
			desc = describe(after, h)
		}
		out = append(out, extract.Coded{Code: h.code, Description: desc})
	}
	return out, len(out) > 0
}

// dxLabelAt is where a log's diagnosis label stands in s, or -1.
func dxLabelAt(s string) int {
	if loc := reLogDxLabel.FindStringIndex(s); loc != nil {
		return loc[0]
	}
	return -1
}

// addLogDiagnoses gives each visit of a log page the diagnoses its page
// prints above the rows (dx, by page), citing that line too; a page that
// prints none goes on with the diagnoses of the nearest page before it of
// the same section (a log prints its header on its first page only).
func addLogDiagnoses(d *layout.Doc, encs []extract.Encounter, dx map[int]line, codes map[int][]extract.Coded, doc string) {
	for i := range encs {
		if len(encs[i].Citations) == 0 || len(encs[i].Diagnoses) > 0 {
			continue
		}
		p := encs[i].Citations[0].Page
		l, ok := dx[p]
		for q := p - 1; !ok && q >= 1 && sameSection(d, p, q); q-- {
			if l, ok = dx[q]; ok {
				p = q
			}
		}
		if !ok {
			continue
		}
		encs[i].Diagnoses = append([]extract.Coded(nil), codes[p]...)
		encs[i].Citations = append(encs[i].Citations, l.cite(doc, l.quoteAll()))
	}
}

// sameSection reports whether pages p and q (numbers) belong to one section
// of the document.
func sameSection(d *layout.Doc, p, q int) bool {
	i, j := d.PageIndex(p), d.PageIndex(q)
	return i >= 0 && j >= 0 && d.Pages[i].Section >= 0 && d.Pages[i].Section == d.Pages[j].Section
}
