package eval

import (
	"fmt"
	"io"
	"math"
	"time"

	"github.com/medchron/medchron/chronology"
	"github.com/medchron/medchron/extract"
)

// SpecialsExact reports whether the specials total found equals the
// truth's to the cent.
func (r Report) SpecialsExact() bool {
	return math.Abs(r.SpecialsTotal-r.TruthTotal) < 0.005
}

// Total micro-averages reports: per field, true and false positives and
// false negatives are summed over the reports, so that a large file weighs
// more than a small one. Specials totals, entry counts and grounding counts
// are summed too; the verified share is recomputed from the sums.
func Total(rs []Report) Report {
	var t Report
	index := map[string]int{}
	for _, r := range rs {
		for _, s := range r.Scores {
			i, ok := index[s.Field]
			if !ok {
				i = len(t.Scores)
				index[s.Field] = i
				t.Scores = append(t.Scores, Score{Field: s.Field})
			}
			t.Scores[i].TP += s.TP
			t.Scores[i].FP += s.FP
			t.Scores[i].FN += s.FN
		}
		t.SpecialsTotal += r.SpecialsTotal
		t.TruthTotal += r.TruthTotal
		t.Entries += r.Entries
		t.GroundedEntries += r.GroundedEntries
		t.Grounding.Checked += r.Grounding.Checked
		t.Grounding.NotOnPage += r.Grounding.NotOnPage
		t.Grounding.Examples = append(t.Grounding.Examples, r.Grounding.Examples...)
	}
	t.SpecialsTotal = math.Round(t.SpecialsTotal*100) / 100
	t.TruthTotal = math.Round(t.TruthTotal*100) / 100
	t.GroundedShare = ratio(t.GroundedEntries, t.Entries)
	return t
}

// Grounding is the re-check of the quotes of grounded entries and bills
// against the stored text of their pages.
type Grounding struct {
	// Checked counts the quotes of grounded entries and bills.
	Checked int
	// NotOnPage counts those whose quote is not on its cited page: a
	// verified fact that cannot be found is the one error a paralegal must
	// never see, so this must be 0.
	NotOnPage int
	// Examples name a few failures by entry or bill, document and page.
	// They hold no quote text: quotes are PHI.
	Examples []string
}

// PageLookup returns the stored page of a document, false when unknown.
type PageLookup func(documentID string, page int) (extract.Page, bool)

// CheckGrounding re-checks every citation of c's grounded entries and
// bills with extract.Grounded against the pages page returns. Ungrounded
// facts are not counted: they are shown as ungrounded already.
func CheckGrounding(c chronology.Chronology, page PageLookup) Grounding {
	var g Grounding
	check := func(what string, cs []extract.Citation) {
		for _, ct := range cs {
			g.Checked++
			p, ok := page(ct.DocumentID, ct.Page)
			if ok && extract.Grounded(ct.Quote, p) {
				continue
			}
			g.NotOnPage++
			if len(g.Examples) < 5 {
				g.Examples = append(g.Examples, fmt.Sprintf("%s: document %s page %d", what, ct.DocumentID, ct.Page))
			}
		}
	}
	for _, e := range c.Entries {
		if e.Grounded {
			check("entry "+e.ID, e.Citations)
		}
	}
	for _, b := range c.Bills {
		if b.Grounded {
			check("bill "+b.ID, b.Citations)
		}
	}
	return g
}

// Run is one scored run of the pipeline over one file.
type Run struct {
	// Name is the file, as the user should find it.
	Name      string
	Extractor string
	Pages     int
	Took      time.Duration
	Report    Report
	// Err is set when the file could not be processed.
	Err error
}

// summaryFields are the fields shown in the one-line-per-file summary.
var summaryFields = []string{"encounters", "providers", "icd10", "bill_lines", "gaps"}

// WriteRuns prints, in Markdown, one summary row per run, each run's table
// and the micro-averaged total of the runs that did not fail.
func WriteRuns(w io.Writer, runs []Run) {
	ok := WriteRunSummary(w, runs)
	for _, r := range runs {
		if r.Err != nil {
			continue
		}
		fmt.Fprintf(w, "\n### %s\n\n", r.Name)
		r.Report.Write(w)
		for _, ex := range r.Report.Grounding.Examples {
			fmt.Fprintln(w, "- not on its page:", ex)
		}
	}
	if len(ok) == 0 {
		return
	}
	t := Total(ok)
	fmt.Fprintf(w, "\n### Total, micro-averaged over %d file(s)\n\n", len(ok))
	t.Write(w)
	exact := 0
	for _, r := range ok {
		if r.SpecialsExact() {
			exact++
		}
	}
	fmt.Fprintf(w, "specials total exact in %d of %d file(s)\n", exact, len(ok))
}

// WriteRunSummary prints one summary row per run and returns the reports
// of the runs that did not fail.
func WriteRunSummary(w io.Writer, runs []Run) []Report {
	fmt.Fprint(w, "| file | extractor | pages | seconds |")
	for _, f := range summaryFields {
		fmt.Fprintf(w, " %s F1 |", f)
	}
	fmt.Fprintln(w, " specials exact | grounded entries | grounded quotes not on page |")
	fmt.Fprint(w, "|---|---|---|---|")
	for range summaryFields {
		fmt.Fprint(w, "---|")
	}
	fmt.Fprintln(w, "---|---|---|")
	var ok []Report
	for _, r := range runs {
		if r.Err != nil {
			fmt.Fprintf(w, "| %s | %s | %d | %.1f | failed: %v |\n", r.Name, r.Extractor, r.Pages, r.Took.Seconds(), r.Err)
			continue
		}
		ok = append(ok, r.Report)
		writeRow(w, r.Name, r.Extractor, r.Pages, r.Took, r.Report)
	}
	return ok
}

func writeRow(w io.Writer, name, extractor string, pages int, took time.Duration, r Report) {
	fmt.Fprintf(w, "| %s | %s | %d | %.1f |", name, extractor, pages, took.Seconds())
	for _, f := range summaryFields {
		fmt.Fprintf(w, " %.3f |", r.Field(f).F1())
	}
	exact := "yes"
	if !r.SpecialsExact() {
		exact = fmt.Sprintf("no ($%.2f vs $%.2f)", r.SpecialsTotal, r.TruthTotal)
	}
	fmt.Fprintf(w, " %s | %.1f%% | %d of %d |\n", exact, 100*r.GroundedShare, r.Grounding.NotOnPage, r.Grounding.Checked)
}
