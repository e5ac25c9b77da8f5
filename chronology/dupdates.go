package chronology

import (
	"slices"
	"strings"

	"github.com/medchron/medchron/extract"
	"github.com/medchron/medchron/extract/dates"
	"github.com/medchron/medchron/internal/lazyre"
)

// Forms filled in on another day (a superbill, a daily note from a
// template) print the same words as the day before but for the date: they
// are near copies in words, not in fact. Two pages whose text layer the
// extractor read without OCR, whose facts are dated, and which share no
// date of service are two records, never a page and its duplicate. Other
// pages (no dated fact cites them, as a medication administration record's
// day pages, or OCR read them) are kept apart by the labelled dates they
// print outside their stamp lines: one printing a date the other does not,
// they are two days of one form (the admission day's page prints only the
// admission date), while a copy prints the same dates and differs only in
// its stamps (a fax banner, "Printed on"). On OCR pages a date one digit
// apart from the other page's, a digit OCR takes for another (6 and 8), is
// the same date misread.

// factDates returns, for every page that a dated encounter or bill line
// of the sources cites, the dates of those facts.
func factDates(sources []Source) map[pageRef][]dates.Date {
	out := map[pageRef][]dates.Date{}
	add := func(d dates.Date, cs []extract.Citation) {
		if d.IsZero() {
			return
		}
		for _, c := range cs {
			ref := pageRef{c.DocumentID, c.Page}
			if !slices.Contains(out[ref], d) {
				out[ref] = append(out[ref], d)
			}
		}
	}
	for _, s := range sources {
		for _, e := range s.Result.Encounters {
			add(e.Date, e.Citations)
		}
		for _, b := range s.Result.Bills {
			add(b.Date, b.Citations)
		}
	}
	return out
}

// otherDays returns the test findDuplicates uses to keep apart two pages:
// text pages whose facts share no date (see factDates), and scanned pages
// whose facts (two or more each) share none, none a date OCR may have
// misread of the other's; else, text or OCR
// pages of which one prints a labelled date the other does not
// (printedDates), on a scan not a date OCR may have misread (hasUnread).
func otherDays(px *pageIndex, fd map[pageRef][]dates.Date) func(a, b pageRef) bool {
	text := func(r pageRef) bool {
		info := px.byRef[r]
		return info != nil && info.page != nil && info.page.Source == extract.SourceText
	}
	ocr := func(r pageRef) bool {
		info := px.byRef[r]
		return info != nil && info.page != nil && info.page.Source == extract.SourceOCR
	}
	printed := map[pageRef][]dates.Date{} // findDuplicates asks one pair at a time
	printedOn := func(r pageRef) []dates.Date {
		ds, ok := printed[r]
		if !ok {
			ds = printedDates(px.byRef[r].page.Text, ocr(r))
			printed[r] = ds
		}
		return ds
	}
	return func(a, b pageRef) bool {
		if text(a) && text(b) {
			if da, db := fd[a], fd[b]; len(da) > 0 && len(db) > 0 {
				return !shareDate(da, db)
			}
		} else if !(text(a) || ocr(a)) || !(text(b) || ocr(b)) {
			return false
		} else if da, db := fd[a], fd[b]; len(da) >= 2 && len(db) >= 2 && !shareDate(da, db) && hasUnread(da, db) && hasUnread(db, da) {
			// Scanned pages whose facts are days apart, none a misreading
			// of the other's (a visit log's cards of two years, the same
			// words but for their rows' dates), are records of other days.
			return true
		}
		// A scan's labelled dates count too, but a date one digit apart
		// from the other page's, a digit OCR takes for another (6 and 8),
		// may be the same date misread.
		same := slices.Equal[[]dates.Date]
		if ocr(a) || ocr(b) {
			same = func(x, y []dates.Date) bool { return !hasUnread(x, y) && !hasUnread(y, x) }
		}
		pa, pb := printedOn(a), printedOn(b)
		return !same(pa, pb) && (hasOther(pa, pb) || hasOther(pb, pa))
	}
}

// hasUnread reports whether a holds a date that no date of b is, nor
// could be as OCR misread it (one digit taken for one it looks like).
func hasUnread(a, b []dates.Date) bool {
	return slices.ContainsFunc(a, func(d dates.Date) bool {
		return !slices.ContainsFunc(b, func(o dates.Date) bool { return d == o || misreadDate(d, o) })
	})
}

// misreadDate reports whether two dates print with one digit apart, a
// digit OCR takes for the other (see confusable).
func misreadDate(a, b dates.Date) bool {
	return oneDigitMisread(a.Time().Format("20060102"), b.Time().Format("20060102"))
}

// printedDates returns the distinct dates a page prints on lines that
// label a date ("Date:", "Administration Date", "Adm Dt", "Date of
// service", "Shift", see dateLabel), but for the stamp lines at its top
// and bottom (its first and last edgeLines lines with text, see isStamp):
// the day a form was filled in for is labelled, while a fax banner, a
// print footer and the pieces of two banners printed over each other
// ("11/05/2024" alone on a line) are no part of the page. A line inside
// the page that only looks like a stamp (a medication record's "Date:
// 05/16/2024  Period: 0700-0659") is. On a page OCR read (ocr), a
// labelled date with a digit misread past any calendar ("05/08/2623")
// counts as the dates it reads as with that digit read back (see
// dates.OneDigitReadings): the copy OCR read right prints one of them.
func printedDates(text string, ocr bool) []dates.Date {
	lines := strings.Split(text, "\n")
	var filled []int
	for i, l := range lines {
		if strings.TrimSpace(l) != "" {
			filled = append(filled, i)
		}
	}
	var out []dates.Date
	for k, i := range filled {
		if (k < edgeLines || k >= len(filled)-edgeLines) && isStamp(lines[i]) || !dateLabel.MatchString(lines[i]) {
			continue
		}
		ds := dates.FindAll(lines[i])
		for _, m := range ds {
			if !slices.Contains(out, m.Date) {
				out = append(out, m.Date)
			}
		}
		if !ocr {
			continue
		}
		for _, raw := range unreadDates(lines[i], ds) {
			for _, d := range dates.OneDigitReadings(raw) {
				if !slices.Contains(out, d) {
					out = append(out, d)
				}
			}
		}
	}
	return out
}

// dateShape matches what prints as a numeric date, read or not
// ("05/08/2623", "13/45/2024").
var dateShape = lazyre.New(`\b\d{1,2}([/.-])\d{1,2}[/.-](\d{4}|\d{2})\b`)

// unreadDates returns the date-shaped strings of line (see dateShape) that
// none of found, the dates read on it, covers: dates OCR misread past any
// calendar.
func unreadDates(line string, found []dates.Match) []string {
	var out []string
	for _, loc := range dateShape.FindAllStringIndex(line, -1) {
		if !slices.ContainsFunc(found, func(m dates.Match) bool { return m.Start < loc[1] && loc[0] < m.End }) {
			out = append(out, line[loc[0]:loc[1]])
		}
	}
	return out
}

// dateLabel matches the words that label a form's date.
var dateLabel = lazyre.New(`(?i)\b(dates?|dt|dos|day|admit\w*|adm|admission|visit|service|shift|discharge\w*)\b`)

// edgeLines is how many lines with text at a page's top and at its bottom
// may be stamps for printedDates.
const edgeLines = 3

// shareDate reports whether a and b hold a date in common.
func shareDate(a, b []dates.Date) bool {
	return slices.ContainsFunc(a, func(d dates.Date) bool { return slices.Contains(b, d) })
}

// hasOther reports whether a holds a date b does not.
func hasOther(a, b []dates.Date) bool {
	return slices.ContainsFunc(a, func(d dates.Date) bool { return !slices.Contains(b, d) })
}

// otherSenders reports whether two administrative pages (a fax cover
// sheet, an authorization, a custodian's certificate) are of two
// providers, as the extractor resolved each page's provider: one
// template filled in by two offices, no copy of the other.
func otherSenders(classes classIndex) func(a, b pageRef) bool {
	return func(a, b pageRef) bool {
		pa, pb := classes[a], classes[b]
		if pa.Class != extract.PageAdmin || pb.Class != extract.PageAdmin || pa.Provider == "" || pb.Provider == "" {
			return false
		}
		ka, kb := providerKey(pa.Provider), providerKey(pb.Provider)
		return ka != kb && !similarKeys(ka, kb)
	}
}

// otherClasses reports whether one of two pages is administrative and the
// other a record page (a note, a visit log, a report, a bill), as the
// extractor classed each: an administrative page that reproduces a record
// (a fax transmission report's reduced image of the first page it sent)
// is no copy of it; a copy keeps its page's class.
func otherClasses(classes classIndex) func(a, b pageRef) bool {
	record := func(c string) bool {
		return c == extract.PageClinical || c == extract.PageVisitLog || c == extract.PageReport || c == extract.PageBill
	}
	return func(a, b pageRef) bool {
		ca, cb := classes[a].Class, classes[b].Class
		return ca == extract.PageAdmin && record(cb) || cb == extract.PageAdmin && record(ca)
	}
}
