package layout

import (
	"regexp"
	"strings"

	"github.com/medchron/medchron/extract/dates"
)

// Table rows of visit logs, read by where their dates stand rather than by
// any one log's wording. A log prints one visit per row, its date in the
// row's first cell or after a short visit-number cell ("12", "#3",
// "Eval"); a flowsheet prints one visit per column, the dates across one
// row under a label ("Date of visit", "DOS") and the visit's other facts in
// labelled rows below (visit number, therapist, treatments).

// reOrdinalCell is a cell that numbers a row: a visit number, or the
// evaluation and re-evaluation visits that some logs print instead.
var reOrdinalCell = regexp.MustCompile(`(?i)^(?:#?\d{1,3}|v\d{1,3}|visit\s*#?\d{1,3}|eval|ie|re|re-?eval|initial)$`)

// rowSpecks are what OCR strews before a row's date.
const rowSpecks = " \t\"'“”‘’°-.,~*"

// RowDate returns the date that opens a table row of text: the first of
// its dates ds when it stands at the start of the row's first cell, or of
// its second cell when the first only numbers the row.
func RowDate(text string, ds []dates.Match) (dates.Match, bool) {
	if len(ds) == 0 {
		return dates.Match{}, false
	}
	m := ds[0]
	if strings.TrimLeft(text[:m.Start], rowSpecks) == "" || m.Start <= len(text)-len(strings.TrimLeft(text, " \t"))+1 {
		return m, true
	}
	cs := Cells(text)
	// OCR's specks may stand before the date in its cell ("1   ~ Apr 17").
	if len(cs) >= 3 && cs[1].Start <= m.Start && strings.Trim(text[cs[1].Start:m.Start], rowSpecks) == "" && reOrdinalCell.MatchString(text[cs[0].Start:cs[0].End]) {
		return m, true
	}
	return dates.Match{}, false
}

// reDateRowLabel labels a row of visit dates across a flowsheet.
var reDateRowLabel = regexp.MustCompile(`(?i)^(?:date(?:\s+of\s+(?:visit|service|treatment|tx))?|visit\s+date|dos|treatment\s+date|tx\s+date|session\s+date)\s*:?$`)

// reVisitRowLabel labels a row that only a grid of visits prints: the
// visit number, who treated, or a billed treatment ("Manual therapy
// (97140)").
var reVisitRowLabel = regexp.MustCompile(`(?i)^(?:visit\s*(?:#|no\.?|number)?|therapist|clinician|provider|treating|initials|staff|signed|signature)\s*:?$|\(\s*[0-9G]\d{3}[0-9T]\s*\)`)

// DateColumns returns the visit dates a flowsheet prints across one row:
// a first cell that labels them ("Date of visit", "DOS"), then cells each
// holding one date and nothing else, on distinct days. nil when the row is
// not one. (A page is a grid of visits only when such a row has three
// dates or more, or goes on from one: see classifyPage.)
func DateColumns(text string, ds []dates.Match) []dates.Match {
	if len(ds) == 0 {
		return nil
	}
	// Cells of OCR debris (a speck read as "." or ":") stand nowhere.
	var cs []Cell
	for _, c := range Cells(text) {
		if HasLetters(text[c.Start:c.End]) || strings.ContainsAny(text[c.Start:c.End], "0123456789") {
			cs = append(cs, c)
		}
	}
	if len(cs) < 2 || !reDateRowLabel.MatchString(text[cs[0].Start:cs[0].End]) {
		return nil
	}
	var out []dates.Match
	seen := map[dates.Date]bool{}
	k := 0
	for _, c := range cs[1:] {
		for k < len(ds) && ds[k].Start < c.Start {
			k++
		}
		if k == len(ds) || ds[k].Start != c.Start || ds[k].End != c.End || seen[ds[k].Date] {
			return nil
		}
		seen[ds[k].Date] = true
		out = append(out, ds[k])
	}
	return out
}

// VisitRowLabel reports whether a row's first cell labels what only a grid
// of visits prints per column: the visit number, the treating clinician,
// a billed treatment.
func VisitRowLabel(text string) bool {
	return len(Cells(text)) >= 2 && reVisitRowLabel.MatchString(FirstCell(text))
}
