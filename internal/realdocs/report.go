package realdocs

import (
	"fmt"
	"io"
	"slices"
	"strings"
)

// Totals sum the results of a group of runs.
type Totals struct {
	Runs, Failed, Skipped       int
	DatedRuns, DateRight        int
	RecordRuns, ProvRight       int
	Invented, InventedRuns      int
	UndatedRuns, UndatedFlagged int
	NonRecordRuns, NonRecordOK  int
	NegatedDx, OffPage, Quotes  int
}

// Sum totals the results whose rendering is one of renderings (all when
// none is given). Failed and skipped runs count only as such.
func Sum(results []Result, renderings ...string) Totals {
	var t Totals
	for _, r := range results {
		if len(renderings) > 0 && !slices.Contains(renderings, r.Rendering) {
			continue
		}
		t.Runs++
		switch {
		case r.Skipped != "":
			t.Skipped++
			continue
		case r.Err != nil:
			t.Failed++
			continue
		}
		if r.Dated {
			t.DatedRuns++
			t.DateRight += b2i(r.DateRight)
		}
		if r.Record {
			t.RecordRuns++
			t.ProvRight += b2i(r.ProvRight)
		} else {
			t.NonRecordRuns++
			t.NonRecordOK += b2i(r.NonRecordClean)
		}
		if r.Undated {
			t.UndatedRuns++
			t.UndatedFlagged += b2i(r.UndatedFlagged)
		}
		t.Invented += r.Invented
		t.InventedRuns += b2i(r.Invented > 0)
		t.NegatedDx += r.NegatedDx
		t.OffPage += r.OffPage
		t.Quotes += r.Quotes
	}
	return t
}

// Failures returns the errors of runs that could not be processed.
func (rep Report) Failures() []error {
	var out []error
	for _, r := range rep.Results {
		if r.Err != nil {
			out = append(out, r.Err)
		}
	}
	return out
}

// WriteMarkdown writes the figures of rep: totals for born-digital and
// scanned renderings and overall, then one line per run. It writes
// document ids, dates and provider names of public documents only.
func WriteMarkdown(w io.Writer, rep Report) {
	all := Sum(rep.Results)
	fmt.Fprintf(w, "Real documents, hand-labelled (testdata/real), %s extractor: %d documents, %d runs (%d skipped, %d failed) in %s\n\n",
		rep.Extractor, rep.Documents, all.Runs, all.Skipped, all.Failed, rep.Took.Round(1e8))
	fmt.Fprintln(w, "| renderings | runs | right date (dated) | right provider (records) | invented dates (runs) | undated flagged | non-records without entries | negated findings as diagnoses | grounded quotes off page |")
	fmt.Fprintln(w, "|---|---|---|---|---|---|---|---|---|")
	for _, g := range []struct {
		name string
		ren  []string
	}{{"born-digital", []string{RenderingClean}}, {"scanned", []string{RenderingScanned}}, {"image", []string{RenderingImage}}, {"all", nil}} {
		t := Sum(rep.Results, g.ren...)
		if t.Runs == 0 {
			continue
		}
		runs := fmt.Sprint(t.Runs - t.Skipped)
		if t.Skipped > 0 {
			runs += fmt.Sprintf(" (%d skipped)", t.Skipped)
		}
		fmt.Fprintf(w, "| %s | %s | %s | %s | %d (%d) | %s | %s | %d | %d of %d |\n", g.name, runs,
			frac(t.DateRight, t.DatedRuns), frac(t.ProvRight, t.RecordRuns), t.Invented, t.InventedRuns,
			frac(t.UndatedFlagged, t.UndatedRuns), frac(t.NonRecordOK, t.NonRecordRuns), t.NegatedDx, t.OffPage, t.Quotes)
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "| document | rendering | class | date | provider | invented | undated flagged | entries (date provider) |")
	fmt.Fprintln(w, "|---|---|---|---|---|---|---|---|")
	for _, r := range rep.Results {
		fmt.Fprintf(w, "| %s | %s | %s | %s |\n", r.ID, r.Rendering, r.Class, runLine(r))
	}
}

// runLine is the per-run part of a report line after the class.
func runLine(r Result) string {
	switch {
	case r.Skipped != "":
		return "skipped: " + r.Skipped + " | | | | |"
	case r.Err != nil:
		return "failed | | | | |"
	}
	date := "-"
	if r.Dated {
		date = yesNo(r.DateRight)
		if len(r.Missing) > 0 {
			date += " (missing " + strings.Join(r.Missing, ", ") + ")"
		}
	}
	prov := yesNo(r.ProvRight)
	if !r.Record {
		prov = "- (not a record: " + yesNo(r.NonRecordClean) + " without entries)"
	}
	undated := "-"
	if r.Undated {
		undated = yesNo(r.UndatedFlagged)
	}
	got := strings.Join(r.Got, "; ")
	if got == "" {
		got = "none"
	}
	if r.Bills > 0 {
		got += fmt.Sprintf("; %d bill lines", r.Bills)
	}
	if r.NegatedDx > 0 {
		got += fmt.Sprintf("; %d negated findings as diagnoses", r.NegatedDx)
	}
	if r.OffPage > 0 {
		got += fmt.Sprintf("; %d grounded quotes off their page", r.OffPage)
	}
	return fmt.Sprintf("%s | %s | %d | %s | %s", date, prov, r.Invented, undated, got)
}

func frac(n, d int) string {
	if d == 0 {
		return "-"
	}
	return fmt.Sprintf("%d of %d (%.0f %%)", n, d, 100*float64(n)/float64(d))
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}
