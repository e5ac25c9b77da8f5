package layout

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/medchron/medchron/extract/dates"
	"github.com/medchron/medchron/internal/lazyre"
)

// Table rows of visit logs, read by where their dates stand rather than by
// any one log's wording. A log prints one visit per row, its date in the
// row's first cell or after a short visit-number cell ("12", "#3",
// "Eval"); a flowsheet prints one visit per column, the dates across one
// row under a label ("Date of visit", "DOS") and the visit's other facts in
// labelled rows below (visit number, therapist, treatments).

// reOrdinalCell is a cell that numbers a row: a visit number, or the
// evaluation and re-evaluation visits that some logs print instead.
var reOrdinalCell = lazyre.New(`(?i)^(?:#?\d{1,3}|v\d{1,3}|visit\s*#?\d{1,3}|eval|ie|re|re-?eval|initial)$`)

// leadSpecks are what OCR strews before a row's date or a line's first
// word: quote marks, underscores, points, commas, dashes, bars, bullets
// degree signs and guillemets ("’ Ms. Dana Whitfield", "~ 10/28/2024",
// "» 2024-01-18").
const leadSpecks = " \t\"'`“”‘’°-.,~*•_|—–»«"

// RowDate returns the date that opens a table row of text: the first of
// its dates ds when it stands at the start of the row's first cell, after
// the day of the week only ("Mon  25-Nov-2024", as diaries and sign-in
// sheets print it), or of its second cell when the first only numbers the
// row.
func RowDate(text string, ds []dates.Match) (dates.Match, bool) {
	if len(ds) == 0 {
		return dates.Match{}, false
	}
	m := ds[0]
	if pre := strings.TrimLeft(text[:m.Start], leadSpecks); pre == "" || m.Start <= len(text)-len(strings.TrimLeft(text, " \t"))+1 || Weekday(pre) {
		return m, true
	}
	cs := Cells(text)
	// OCR's specks may stand before the date in its cell ("1   ~ Apr 17").
	if len(cs) >= 3 && cs[1].Start <= m.Start && strings.Trim(text[cs[1].Start:m.Start], leadSpecks) == "" && reOrdinalCell.MatchString(strings.Trim(text[cs[0].Start:cs[0].End], leadSpecks)) {
		return m, true
	}
	return dates.Match{}, false
}

// reDateRowLabel labels a row of visit dates across a flowsheet.
var reDateRowLabel = lazyre.New(`(?i)^(?:dates?(?:\s+of\s+(?:visits?|services?|treatments?|tx|sessions?))?|visit\s+dates?|dos|[bd]0s|bos|treatment\s+dates?|tx\s+dates?|session\s+dates?|service\s+dates?)\s*:?$`)

// reVisitRowLabel labels a row that only a grid of visits prints: the
// visit number or type, who treated, or a billed treatment ("Manual therapy
// (97140)").
var reVisitRowLabel = lazyre.New(`(?i)^(?:visit\s*(?:#|no\.?|number|type)?|therapist|clinician|provider|treating|seen\s+by|rounded\s+by|initials|staff|signed|signature)\s*:?$|\(\s*[0-9G]\d{3}[0-9T]\s*\)`)

// DateColumns returns the visit dates a flowsheet prints across one row:
// cells each holding dates and nothing else, on distinct days, after a
// first cell that labels them ("Date of visit", "DOS"). Where the dates
// stand tells the orientation more than any label does: a row of three
// dates or more that run forward in time is one too under another short
// label of no figures that calls them nothing else (onset, birth), or
// under none. Dates set one space apart make one
// cell, each of them a column all the same. nil when the row is not one.
// (A page is a grid of visits only when such a row has three dates or
// more, or goes on from one: see classifyPage.)
func DateColumns(text string, ds []dates.Match) []dates.Match {
	return dateColumns(text, ds, 0)
}

// DateColumnsUnderDays is DateColumns for the row under a row of day
// headings (see DayHeads): a hospital's grid of progress notes heads each
// column with the day of the stay ("Hospital day 2", "HD 3", "POD 1") and
// prints its date below, under a label of no figures ("Topic") or none.
// Those heads say the dates are the columns' days, so two dates are a
// grid too when they are as many as the heads and run forward.
func DateColumnsUnderDays(text string, ds []dates.Match, days int) []dates.Match {
	return dateColumns(text, ds, days)
}

// reDayHead is a column heading that names a day of a stay or of a course
// after surgery: "Hospital day 3", "Hosp day #2", "HD 4", "POD 1",
// "Post-op day 2", "Day 5".
var reDayHead = lazyre.New(`(?i)^(?:hosp(?:ital|\.)?\s*day|hd|pod|post-?op(?:erative)?\s+day|day)\s*#?\s*\d{1,3}$`)

// DayHeads returns the number of a row's cells when every one of them,
// two or more, heads a column with a day of a stay (reDayHead), else 0.
func DayHeads(text string) int {
	n := 0
	for _, c := range Cells(text) {
		cell := strings.Trim(text[c.Start:c.End], leadSpecks)
		if cell == "" {
			continue
		}
		if !reDayHead.MatchString(cell) {
			return 0
		}
		n++
	}
	if n < 2 {
		return 0
	}
	return n
}

// dateColumns is DateColumns; days, when not 0, is the number of day
// headings over the row (DateColumnsUnderDays).
func dateColumns(text string, ds []dates.Match, days int) []dates.Match {
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
	if len(cs) < 2 {
		return nil
	}
	// OCR's specks may stand before the label ("” Topic").
	label := strings.TrimLeft(text[cs[0].Start:cs[0].End], leadSpecks)
	labelled := reDateRowLabel.MatchString(label)
	if !labelled && ds[0].Start > cs[0].Start {
		if !visitDatesLabel(label) {
			return nil
		}
		cs = cs[1:]
	} else if labelled {
		cs = cs[1:]
	}
	var out []dates.Match
	seen := map[dates.Date]bool{}
	var damaged []Cell // cells OCR made of a date past reading as one
	k := 0
	for _, c := range cs {
		for k < len(ds) && ds[k].Start < c.Start {
			k++
		}
		at := c.Start
		// OCR's specks on a date ("5/29/23.", "«6/5/23") are no text.
		for k < len(ds) && ds[k].End <= c.End && strings.Trim(text[at:ds[k].Start], dateSpecks) == "" && !seen[ds[k].Date] {
			seen[ds[k].Date] = true
			out = append(out, ds[k])
			at = ds[k].End
			k++
		}
		if at == c.Start && (damagedDateCell(text[c.Start:c.End]) || labelled && slashesLost(text[c.Start:c.End])) {
			damaged = append(damaged, c)
			continue
		}
		if strings.Trim(text[at:c.End], dateSpecks) != "" {
			return nil
		}
	}
	if len(damaged) > 0 {
		// A row of dates OCR damaged in a few cells is still the row:
		// the cells it read stand, and a cell whose slash before the
		// year was lost ("5/3123") is read back when it falls between
		// the dates beside it.
		if len(out) < 2 {
			return nil
		}
		n := len(out)
		out = mendLostYearSlash(text, out, damaged)
		if lost := len(damaged) - (len(out) - n); lost > len(out) {
			return nil
		}
	}
	if !labelled && (len(out) < 3 && !(days >= 2 && len(out) == days) || !forward(out)) {
		return nil
	}
	return out
}

// dateSpecks are the specks OCR sets on a date in a row of dates
// ("5/29/23.", "«6/5/23", "6/7/23:"); no dash, which would join a range.
const dateSpecks = " \t\"'`“”‘’°.,:;~*•_|»«()[]"

// damagedDateCell reports whether a cell may be a date OCR damaged past
// reading: one word of three digits or more with a slash, and few
// letters ("5/3123", "SIA7/23", "/5/23").
func damagedDateCell(cell string) bool {
	t := strings.Trim(cell, dateSpecks)
	if len(t) < 3 || len(t) > 10 || strings.ContainsAny(t, " \t") || !strings.Contains(t, "/") {
		return false
	}
	digits, letters := 0, 0
	for _, r := range t {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case unicode.IsLetter(r):
			letters++
		case r != '/':
			return false
		}
	}
	return digits >= 3 && letters <= 3
}

// slashesLost reports whether a cell of a labelled row of dates may be a
// date whose slashes OCR read as letters ("L4i24" for 1/4/24, "1I8I24"):
// one word of four to eight characters, three digits or more, and the
// rest letters that look like a slash or a digit.
func slashesLost(cell string) bool {
	t := strings.Trim(cell, dateSpecks)
	if len(t) < 4 || len(t) > 8 || strings.ContainsAny(t, " \t") {
		return false
	}
	digits := 0
	for i := 0; i < len(t); i++ {
		switch c := t[i]; {
		case c >= '0' && c <= '9':
			digits++
		case strings.IndexByte(slashLookAlikes, c) < 0:
			return false
		}
	}
	return digits >= 3 && len(t)-digits <= 2
}

// slashLookAlikes are the letters and signs OCR reads for a slash or for
// a digit of a date: "1/4/24" read "L4i24", "1I8I24".
const slashLookAlikes = "/|IiLlJjOoSsBZ!"

// reLostYearSlash is a month and day run into a two-digit year: "5/3123"
// for 5/31/23.
var reLostYearSlash = lazyre.New(`^(\d{1,2})/(\d{1,2})(\d{2})$`)

// mendLostYearSlash adds to out, the dates of a row in the order of its
// cells, each damaged cell that reads as a month and day run into the
// year of the dates beside it and falls strictly between them (after the
// last or before the first in that year when it stands at an end).
func mendLostYearSlash(text string, out []dates.Match, damaged []Cell) []dates.Match {
	for _, c := range damaged {
		raw := text[c.Start:c.End]
		t := strings.Trim(raw, dateSpecks)
		m := reLostYearSlash.FindStringSubmatch(t)
		if m == nil {
			continue
		}
		i := 0
		for i < len(out) && out[i].Start < c.Start {
			i++
		}
		var lo, hi dates.Date
		if i > 0 {
			lo = out[i-1].Date
		}
		if i < len(out) {
			hi = out[i].Date
		}
		year := cmp.Or(lo.Year, hi.Year)
		if !lo.IsZero() && !hi.IsZero() && lo.Year != hi.Year && !(lo.Month == time.December && hi.Month == time.January) {
			continue
		}
		month, _ := strconv.Atoi(m[1])
		day, _ := strconv.Atoi(m[2])
		yy, _ := strconv.Atoi(m[3])
		if yy != year%100 {
			if hi.IsZero() || yy != hi.Year%100 {
				continue
			}
			year = hi.Year
		}
		d := dates.New(year, time.Month(month), day)
		if !d.Valid() || !lo.IsZero() && !lo.Before(d) || !hi.IsZero() && !d.Before(hi) {
			continue
		}
		at := c.Start + strings.Index(raw, t)
		out = slices.Insert(out, i, dates.Match{Date: d, Start: at, End: at + len(t), Raw: t})
	}
	return out
}

// reGridLabel is a short label of no figures before a row of dates.
var reGridLabel = lazyre.New(`^[A-Za-z][A-Za-z ./#&()-]{0,24}:?$`)

// visitDatesLabel reports whether a short label may stand before a row of
// visit dates: it says nothing else of them (not onset or injury, birth,
// discharge, signature or a day to come).
func visitDatesLabel(s string) bool {
	if !reGridLabel.MatchString(s) {
		return false
	}
	switch labelOf(s) {
	case NoLabel, ServiceLabel, BareLabel:
		return true
	}
	return false
}

// forward reports whether dates run forward in time.
func forward(ds []dates.Match) bool {
	for i := 1; i < len(ds); i++ {
		if !ds[i-1].Date.Before(ds[i].Date) {
			return false
		}
	}
	return true
}

// VisitRowLabel reports whether a row's first cell labels what only a grid
// of visits prints per column: the visit number, the treating clinician,
// a billed treatment. Specks OCR set around the label ("Seen by”",
// "“Initials.") are no part of it.
func VisitRowLabel(text string) bool {
	if len(Cells(text)) < 2 {
		return false
	}
	cell := FirstCell(text)
	return reVisitRowLabel.MatchString(cell) || reVisitRowLabel.MatchString(strings.Trim(cell, dateSpecks))
}
