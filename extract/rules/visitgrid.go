package rules

import (
	"strings"

	"github.com/medchron/medchron/extract"
	"github.com/medchron/medchron/extract/dates"
	"github.com/medchron/medchron/extract/layout"
)

// Visit grids: a therapy flowsheet prints one visit per column, the dates
// across one labelled row and the visit's facts in the rows below (visit
// number, pain, treatments with their minutes or sets, the therapist's
// initials). Every date column is one encounter, cited by its date; a
// row's cell is the column's when it starts under that column's date.

// visitGrid is one block of a flowsheet: its row of dates and the rows
// below it on the same page.
type visitGrid struct {
	l     line
	dates []dates.Match
	rows  []line
}

// gridVisits builds the encounters of a grid's date columns.
func (e *Extractor) gridVisits(doc string, d *layout.Doc, g visitGrid, legend map[string]string, title string) []extract.Encounter {
	prov := d.ProviderAt(g.l.idx)
	kind := providerKind(prov, title, nil)
	if kind == "" || kind == "other" {
		var all strings.Builder
		all.WriteString(title)
		for _, r := range g.rows {
			all.WriteString(" " + r.text)
		}
		kind = logKind(all.String())
	}
	visit := "office visit"
	switch kind {
	case "chiropractic":
		visit = "chiropractic"
	case "physical_therapy":
		visit = "physical therapy"
	}
	out := make([]extract.Encounter, len(g.dates))
	for i, m := range g.dates {
		cites := citer{doc: doc}
		cites.add(g.l, g.l.quote(m.Start, m.End))
		out[i] = extract.Encounter{Date: m.Date, Provider: prov, ProviderKind: kind, VisitType: visit, Citations: cites.list}
	}
	// Column i runs from its date's start to the next date's start.
	col := func(a int) int {
		k := -1
		for i, m := range g.dates {
			if a >= m.Start-2 {
				k = i
			}
		}
		return k
	}
	var notes = make([][]string, len(g.dates))
	for _, r := range g.rows {
		var cs []layout.Cell
		for _, c := range layout.Cells(r.text) {
			if t := r.text[c.Start:c.End]; layout.HasLetters(t) || strings.ContainsAny(t, "0123456789") {
				cs = append(cs, c) // not OCR debris
			}
		}
		if len(cs) < 2 {
			continue
		}
		label := strings.TrimSpace(r.text[cs[0].Start:cs[0].End])
		low := strings.ToLower(label)
		codes := procCodesIn(line{text: label}, true)
		for _, c := range cs[1:] {
			k := col(c.Start)
			if k < 0 {
				continue
			}
			v := strings.TrimSpace(r.text[c.Start:c.End])
			enc := &out[k]
			switch {
			case v == "" || v == "-" || v == "—":
			case strings.Contains(low, "pain") || strings.Contains(low, "vas") || strings.Contains(low, "nprs"):
				if m := reLogPainValue.FindStringSubmatch(ocrDigits.Replace(strings.ToLower(v))); m != nil && enc.PainScore == nil {
					if p, ok := painValue(m[1], m[2]); ok {
						enc.PainScore = &p
					}
				}
			case reInitials.MatchString(v):
				if name := legend[v]; name != "" && enc.Clinician == "" {
					enc.Clinician = name
				}
			default:
				for _, h := range codes {
					enc.Procedures = append(enc.Procedures, extract.Coded{Code: h.code})
				}
				if len(codes) == 0 && !strings.HasPrefix(low, "visit") {
					notes[k] = append(notes[k], label+" "+v)
				}
			}
		}
	}
	for i := range out {
		if len(notes[i]) > 0 {
			out[i].Findings = clip(strings.Join(notes[i], "; "), 300)
		}
	}
	return out
}
