package rules

import (
	"slices"
	"strings"

	"github.com/medchron/medchron/extract"
	"github.com/medchron/medchron/extract/layout"
	"github.com/medchron/medchron/internal/lazyre"
)

// reLogDxLabel labels a log's diagnoses, printed once above its rows
// ("Dx: M54.2, S13.4XXD", "Diagnoses: …", "Diagnoses (plan of care): …",
// a flowsheet's "Problem list: …" or "Active problems: …"),
// on a line of their own or as
// the last label of the log's header line ("Client: … Clinician: … Dx:
// …"), perhaps after a speck OCR set before it ("_Dx:").
var reLogDxLabel = lazyre.New(`(?i)(?:^|\s)[_'‘’"“”*~.,-]?(?:dx|diagnos[ie]s|icd-?10(?:-cm)?(?: codes?)?|treating diagnos[ie]s|(?:active )?problems?(?: list)?)(?:\s*\([a-z ,/-]{1,30}\))?\s*[:#-]`)

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
	return e.codesOn(after)
}

// reLeadLabel opens a line with a label of its own ("Plan of care:",
// "Goals:"): another field, no list run on from the line above.
var reLeadLabel = lazyre.New(`^\s*[A-Za-z][A-Za-z /&'()-]{0,30}:`)

// wrappedDiagnoses reads the codes of a line that a log's diagnoses,
// too long for one line, run on to ("(F07.81); Attention deficit
// (R41.840)"): a line without a label of its own that prints codes.
func (e *Extractor) wrappedDiagnoses(l line) ([]extract.Coded, bool) {
	if reLeadLabel.MatchString(l.text) {
		return nil, false
	}
	return e.codesOn(l)
}

// codesOn returns the diagnosis codes line l prints, each with the
// description the code book or the line gives it.
func (e *Extractor) codesOn(l line) ([]extract.Coded, bool) {
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

// reProblemList is a label that lists the patient's problems ("Problem
// list:", "Active problems:"), not the diagnoses of one visit.
var reProblemList = lazyre.New(`(?i)\bproblems?(?: list)?\s*[:#-]`)

// problemLists returns the citations of the problem lists among a log's
// diagnosis lines (dx, by page).
func problemLists(dx map[int]line, doc string) []extract.Citation {
	var out []extract.Citation
	for _, l := range dx {
		if loc := reLogDxLabel.FindStringIndex(l.text); loc != nil && reProblemList.MatchString(l.text[loc[0]:loc[1]]) {
			out = append(out, l.cite(doc, l.quoteAll()))
		}
	}
	return out
}

// yieldProblemLists takes a problem list's codes off the log's visits a
// note of the same day and practice documents with diagnoses of its own:
// the list holds every problem of the patient's over the range the log
// prints (a visit's and the next one's alike), the note says which were
// that visit's. lists are the problem lists' citations (problemLists).
func yieldProblemLists(encs []extract.Encounter, lists []extract.Citation) {
	if len(lists) == 0 {
		return
	}
	listed := func(e extract.Encounter) int {
		for i, c := range e.Citations {
			if slices.ContainsFunc(lists, func(l extract.Citation) bool { return l == c }) {
				return i
			}
		}
		return -1
	}
	var drop []int
	for i, e := range encs {
		ci := listed(e)
		if ci < 0 || len(e.Diagnoses) == 0 {
			continue
		}
		for j, o := range encs {
			if j != i && len(o.Diagnoses) > 0 && o.Date == e.Date && !o.Date.IsZero() && listed(o) < 0 && samePractice(o.Provider, e.Provider) {
				drop = append(drop, i)
				break
			}
		}
	}
	for _, i := range drop {
		ci := listed(encs[i])
		encs[i].Diagnoses = nil
		encs[i].Citations = slices.Delete(slices.Clone(encs[i].Citations), ci, ci+1)
	}
}

// samePractice reports whether two names of providers name one practice:
// alike (layout.SameProvider), or opening with the same name of four
// letters or more, as a practice's letterhead and its shorter name on a
// printout do ("Keystone Spine & Pain Management", "Keystone Pain Mgmt").
func samePractice(a, b string) bool {
	if layout.SameProvider(a, b) {
		return true
	}
	fa, fb := strings.Fields(a), strings.Fields(b)
	if len(fa) == 0 || len(fb) == 0 {
		return false
	}
	ka, kb := layout.ProviderKey(fa[0]), layout.ProviderKey(fb[0])
	return len(ka) >= 4 && ka == kb
}

// dxLabelAt is where a log's diagnosis label stands in s, or -1.
func dxLabelAt(s string) int {
	if loc := reLogDxLabel.FindStringIndex(s); loc != nil {
		return loc[0]
	}
	return -1
}

// addLogDiagnoses gives each visit of a log page the diagnoses its page
// prints above the rows (dx, by page, and the lines they run on to,
// more), citing those lines too; a page that
// prints none goes on with the diagnoses of the nearest page before it of
// the same section (a log prints its header on its first page only).
func addLogDiagnoses(d *layout.Doc, encs []extract.Encounter, dx map[int]line, more map[int][]line, codes map[int][]extract.Coded, doc string) {
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
		for _, m := range more[p] {
			encs[i].Citations = append(encs[i].Citations, m.cite(doc, m.quoteAll()))
		}
	}
}

// sameSection reports whether pages p and q (numbers) belong to one section
// of the document.
func sameSection(d *layout.Doc, p, q int) bool {
	i, j := d.PageIndex(p), d.PageIndex(q)
	return i >= 0 && j >= 0 && d.Pages[i].Section >= 0 && d.Pages[i].Section == d.Pages[j].Section
}
