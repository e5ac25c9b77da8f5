package rules

import (
	"regexp"

	"github.com/medchron/medchron/extract"
)

// reLogDxLabel opens a log's diagnosis line, printed once above its rows
// ("Dx: M54.2, S13.4XXD", "Diagnoses: …").
var reLogDxLabel = regexp.MustCompile(`(?i)^\s*(?:dx|diagnos[ie]s|icd-?10(?:-cm)?(?: codes?)?|treating diagnos[ie]s)\s*[:#-]`)

// logDiagnoses reads the diagnoses a visit log prints once above its
// rows, on a labelled line of its own: they hold for every visit of the
// page. It returns them with the line to cite, or nothing.
func (e *Extractor) logDiagnoses(l line) ([]extract.Coded, bool) {
	if !reLogDxLabel.MatchString(l.text) {
		return nil, false
	}
	var out []extract.Coded
	for _, h := range icdIn(l, true, e.opts.Codes) {
		desc := h.desc
		if desc == "" {
			desc = describe(l, h)
		}
		out = append(out, extract.Coded{Code: h.code, Description: desc})
	}
	return out, len(out) > 0
}

// addLogDiagnoses gives each visit of a log page the diagnoses its page
// prints above the rows (dx, by page), citing that line too.
func addLogDiagnoses(encs []extract.Encounter, dx map[int]line, codes map[int][]extract.Coded, doc string) {
	for i := range encs {
		if len(encs[i].Citations) == 0 || len(encs[i].Diagnoses) > 0 {
			continue
		}
		p := encs[i].Citations[0].Page
		l, ok := dx[p]
		if !ok {
			continue
		}
		encs[i].Diagnoses = append([]extract.Coded(nil), codes[p]...)
		encs[i].Citations = append(encs[i].Citations, l.cite(doc, l.quoteAll()))
	}
}
