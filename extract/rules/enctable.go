package rules

import (
	"slices"
	"strings"

	"github.com/medchron/medchron/extract"
	"github.com/medchron/medchron/extract/dates"
	"github.com/medchron/medchron/extract/layout"
	"github.com/medchron/medchron/internal/lazyre"
)

// Encounters tables: an EHR's continuity-of-care summary (a C-CDA CCD
// printed for release) lists the visits of the practice in a section
// headed "Encounters", one row a visit: its date, the kind of visit, who
// saw the patient (the "Provider" or "Performer"), where, and the visit's
// diagnoses, in whatever order the system prints the columns. Each dated
// row is one encounter, dated by its own date cell and cited by its row.
// The summary's other dated tables (problems with their onset dates,
// vital signs repeating the visits' dates, medications with their start
// dates, immunizations) and its creation date are no visits. The
// organisation the document names as its custodian or author is the
// provider.

// reEncSection is the heading of a summary's list of visits, perhaps
// with OCR's speck after it ("Encounters”").
var reEncSection = lazyre.New(`(?i)^[\W_]{0,2}(?:encounters?|encounter history|past encounters|visits?|visit history|office visits)\s*:?[\W_]{0,2}$`)

// Column captions of an encounters table.
var (
	reEncDateHead = lazyre.New(`(?i)^(?:date|date\s*/\s*time|dates?\s+of\s+(?:service|visit)|visit date|encounter date|dos)$`)
	reEncWhoHead  = lazyre.New(`(?i)^(?:provider|performer|rendering provider|clinician|seen by|attending|practitioner)s?$`)
	reEncKindHead = lazyre.New(`(?i)^(?:encounter|encounter type|type|visit type|description)$`)
	reEncDxHead   = lazyre.New(`(?i)^(?:diagnos[ie]s|dx|reason|reason for visit|indications?)(?:\s*\(icd-?10\))?$`)
	reEncLocHead  = lazyre.New(`(?i)^(?:location|facility|place|department)$`)
)

// reDocOrg labels the organisation a summary was made or is kept by.
var reDocOrg = lazyre.New(`(?i)^\s*(?:custodian|author|document maintained by|represented organi[sz]ation|organi[sz]ation)\s*:\s*(.*)`)

// encColumn is a column of an encounters table's header row.
type encColumn struct {
	kind       string // date, who, kind, dx, loc, text
	start, end int
}

// reSummarySection is the heading of another section a care summary
// prints beside its encounters: an encounters table stands in one.
var reSummarySection = lazyre.New(`(?i)^[\W_]{0,2}(?:problems?(?: list)?|active problems|medications?|allergies(?: and adverse reactions)?|immunizations?|vital signs|results|plan of (?:treatment|care)|social history)\s*:?[\W_]{0,2}$`)

// encTable is the encounters read from a care summary's table, and the
// span of the summary it stands in, as line indexes (line.idx): from the
// first line of the page its table starts on to its last row.
type encTable struct {
	encs        []extract.Encounter
	first, last int
}

// encounterTable reads the encounters table of a run of lines, or
// reports false when they print none with a dated row, or print it
// outside a care summary (no other section of one: problems,
// medications, allergies, immunizations, vital signs).
func (e *Extractor) encounterTable(doc string, ls []line, prov, title string) (encTable, bool) {
	if !slices.ContainsFunc(ls, func(l line) bool { return reSummarySection.MatchString(l.trim) }) {
		return encTable{}, false
	}
	n := &note{lines: ls, title: title}
	for i := 0; i+2 < len(n.lines); i++ {
		if !reEncSection.MatchString(n.lines[i].trim) {
			continue
		}
		var cols []encColumn
		j := i + 1
		for ; j < len(n.lines) && j <= i+2; j++ {
			if cols = encHeader(n.lines[j]); cols != nil {
				break
			}
		}
		if cols == nil {
			continue
		}
		var out []extract.Encounter
		if org := documentOrg(ls); org != "" {
			prov = org
		}
		kind := providerKind(prov, n.title, n)
		dxCol := slices.ContainsFunc(cols, func(c encColumn) bool { return c.kind == "dx" })
		last := j
		for li, l := range n.lines[j+1:] {
			if l.noise {
				continue
			}
			ds := lineDates(l)
			var yearLine *line
			if len(ds) == 0 {
				if m, yl, ok := yearWrapped(l, n.lines[j+1+li+1:], cols); ok {
					ds, yearLine = []dates.Match{m}, &yl
				}
			}
			if len(ds) == 0 {
				if len(layout.InkedCells(l.text)) <= 1 && layout.HasLetters(l.trim) && len(out) > 0 || encHeader(l) != nil ||
					reSummarySection.MatchString(strings.TrimRight(l.trim, " .,:;'\"_-~*|")) {
					break // the next section's heading
				}
				continue // a cell wrapped onto a line of its own
			}
			var date *dates.Match
			for k := range ds {
				if encColumnOf(cols, ds[k].Start, ds[k].End) == "date" {
					date = &ds[k]
					break
				}
			}
			if date == nil {
				break // another table's row
			}
			enc := extract.Encounter{Date: date.Date, Provider: prov, ProviderKind: kind}
			cites := citer{doc: doc}
			if yearLine != nil && yearLine.page == l.page {
				// The row and the year under its date: one quote.
				cites.add(l, l.quoteAll()+"\n"+yearLine.quoteAll())
			} else {
				cites.add(l, l.quoteAll())
			}
			cs := layout.InkedCells(l.text)
			for k, c := range cs {
				v := strings.Trim(l.text[c.Start:c.End], " \t\"'“”‘’°-.,~*_|—–")
				col := encColumnOf(cols, c.Start, c.End)
				if len(cs) == len(cols) {
					// A cell under every caption: OCR keeps the cells'
					// order, not always where they stand.
					col = cols[k].kind
				}
				switch col {
				case "who":
					if enc.Clinician == "" && layout.HasLetters(v) && !layout.NamesFacility(v) {
						enc.Clinician = v
					}
				case "kind":
					if enc.VisitType == "" && layout.HasLetters(v) {
						enc.VisitType = strings.ToLower(v)
					}
				}
			}
			if dxCol {
				// The visit's codes, wherever OCR set its cells: no other
				// cell of the row prints one.
				rest := l
				rest.text = strings.Repeat(" ", date.End) + l.text[date.End:]
				for _, h := range icdIn(rest, true, e.opts.Codes) {
					desc := h.desc
					if desc == "" {
						desc = describe(rest, h)
					}
					enc.Diagnoses = append(enc.Diagnoses, extract.Coded{Code: h.code, Description: desc})
				}
			}
			if enc.VisitType == "" || !strings.Contains(enc.VisitType, "visit") {
				enc.VisitType = "office visit"
			}
			enc.Citations = cites.list
			out = append(out, enc)
			last = j + 1 + li
		}
		if len(out) > 0 {
			first := i
			for first > 0 && ls[first-1].page == ls[i].page {
				first--
			}
			return encTable{encs: out, first: ls[first].idx, last: ls[last].idx}, true
		}
	}
	return encTable{}, false
}

// reBareYear is a cell holding only a year.
var reBareYear = lazyre.New(`^(?:19|20)\d\d$`)

// yearWrapped reads the date of a row whose date cell wrapped its year
// onto the next line ("November 29," over "2022", as a printed table's
// narrow date column does): the row's date-column cell and the year cell
// under it on the next line that is no noise, read together. The match
// spans the row's cell.
func yearWrapped(l line, next []line, cols []encColumn) (dates.Match, line, bool) {
	var dc *layout.Cell
	cs := layout.InkedCells(l.text)
	for k := range cs {
		if encColumnOf(cols, cs[k].Start, cs[k].End) == "date" {
			dc = &cs[k]
			break
		}
	}
	if dc == nil || !layout.HasLetters(l.text[dc.Start:dc.End]) && !strings.ContainsAny(l.text[dc.Start:dc.End], "/-.") {
		return dates.Match{}, line{}, false
	}
	for _, nl := range next {
		if nl.noise {
			continue
		}
		for _, c := range layout.InkedCells(nl.text) {
			if encColumnOf(cols, c.Start, c.End) != "date" {
				continue
			}
			y := strings.TrimSpace(nl.text[c.Start:c.End])
			if !reBareYear.MatchString(y) {
				return dates.Match{}, line{}, false
			}
			cell := strings.TrimSpace(l.text[dc.Start:dc.End])
			ms := dates.FindAll(cell + " " + y)
			if len(ms) != 1 || ms[0].Start != 0 || ms[0].End != len(cell)+1+len(y) {
				return dates.Match{}, line{}, false
			}
			return dates.Match{Date: ms[0].Date, Start: dc.Start, End: dc.End, Raw: cell}, nl, true
		}
		return dates.Match{}, line{}, false
	}
	return dates.Match{}, line{}, false
}

// encHeader reads the header row of an encounters table: a date column
// and at least one caption only such a table prints (who, what kind of
// visit, the diagnoses). nil when the line is none.
func encHeader(l line) []encColumn {
	if len(lineDates(l)) > 0 {
		return nil
	}
	cs := layout.Cells(l.text)
	if len(cs) < 3 {
		return nil
	}
	var out []encColumn
	hasDate, other := false, 0
	for _, c := range cs {
		t := strings.TrimRight(strings.TrimSpace(l.text[c.Start:c.End]), ":")
		k := "text"
		switch {
		case reEncDateHead.MatchString(t) && !hasDate:
			k, hasDate = "date", true
		case reEncWhoHead.MatchString(t):
			k = "who"
		case reEncKindHead.MatchString(t):
			k = "kind"
		case reEncDxHead.MatchString(t):
			k = "dx"
		case reEncLocHead.MatchString(t):
			k = "loc"
		}
		if k != "text" && k != "date" && k != "loc" {
			other++
		}
		out = append(out, encColumn{kind: k, start: c.Start, end: c.End})
	}
	if !hasDate || other < 2 {
		return nil
	}
	return out
}

// encColumnOf returns the kind of the header column a cell [a, b) falls
// under: the last column that starts at or before the cell (a column's
// values start where its caption does, give or take a character), else
// the first.
func encColumnOf(cols []encColumn, a, b int) string {
	k := cols[0].kind
	for _, c := range cols {
		if c.start <= a+2 {
			k = c.kind
		}
	}
	return k
}

// reInnerLabel is a further label inside a label's value, where a text
// layer or OCR ran two cells together ("Author: Mercy Clinic Custodian:
// Mercy Clinic", its label perhaps garbled).
var reInnerLabel = lazyre.New(`\s([A-Za-z][^\s:]{2,}):\s+(\S.*)$`)

// documentOrg returns the organisation a summary's header names as the
// document's custodian (the organisation that keeps it), else as its
// author, when it reads as a facility's name.
func documentOrg(ls []line) string {
	var custodian, other string
	take := func(label, v string) {
		v = layout.CleanProvider(strings.TrimSpace(v))
		if !layout.NamesFacility(v) || layout.HasCredential(v) {
			return
		}
		if strings.HasPrefix(strings.ToLower(label), "custodian") {
			if custodian == "" {
				custodian = v
			}
		} else if other == "" {
			other = v
		}
	}
	value := func(label, v string) {
		if m := reInnerLabel.FindStringSubmatchIndex(v); m != nil {
			take(v[m[2]:m[3]], v[m[4]:m[5]])
			v = v[:m[0]]
		}
		take(label, v)
	}
	for _, l := range ls[:min(len(ls), 12)] {
		cs := layout.InkedCells(l.text) // a speck after a label is no value
		for k, c := range cs {
			cell := l.text[c.Start:c.End]
			m := reDocOrg.FindStringSubmatch(cell)
			if m == nil {
				continue
			}
			label := strings.TrimSpace(cell)
			if !layout.HasLetters(m[1]) && k+1 < len(cs) {
				// The label in its cell, the value in the next.
				value(label, l.text[cs[k+1].Start:cs[k+1].End])
				continue
			}
			value(label, m[1])
		}
	}
	if custodian != "" {
		return custodian
	}
	return other
}
