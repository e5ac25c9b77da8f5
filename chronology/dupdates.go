package chronology

import (
	"slices"

	"github.com/medchron/medchron/extract"
	"github.com/medchron/medchron/extract/dates"
)

// Forms filled in on another day (a superbill, a daily note from a
// template) print the same words as the day before but for the date: they
// are near copies in words, not in fact. Two pages whose text layer the
// extractor read without OCR, whose facts are dated, and which share no
// date of service are two records, never a page and its duplicate. OCR
// pages are left to the words alone, as OCR may misread a copy's date.

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

// otherDays returns the test findDuplicates uses to keep apart two text
// pages whose facts share no date (see factDates).
func otherDays(px *pageIndex, fd map[pageRef][]dates.Date) func(a, b pageRef) bool {
	text := func(r pageRef) bool {
		info := px.byRef[r]
		return info != nil && info.page != nil && info.page.Source == extract.SourceText
	}
	return func(a, b pageRef) bool {
		da, db := fd[a], fd[b]
		if len(da) == 0 || len(db) == 0 || !text(a) || !text(b) {
			return false
		}
		for _, d := range da {
			if slices.Contains(db, d) {
				return false
			}
		}
		return true
	}
}
