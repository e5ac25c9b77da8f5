package rules

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/medchron/medchron/extract"
	"github.com/medchron/medchron/extract/dates"
)

// quoteHasDate reports whether a quote prints the date d.
func quoteHasDate(q string, d dates.Date) bool {
	for _, m := range dates.FindAll(q) {
		if m.Date == d {
			return true
		}
	}
	if dates.HoldsCompact(q, d) {
		return true
	}
	if row, year, ok := strings.Cut(q, "\n"); ok {
		// A table row and the year its date cell wrapped onto the next
		// line: the row's first cell and the year read together.
		cell, _, _ := strings.Cut(strings.TrimSpace(row), "   ")
		for _, m := range dates.FindAll(cell + " " + strings.TrimSpace(year)) {
			if m.Date == d {
				return true
			}
		}
	}
	// A visit-log row whose year the table's heading prints holds the
	// month and day alone, as chronology accepts it.
	for _, m := range reMonthDay.FindAllStringSubmatch(q, -1) {
		if m[1] == strconv.Itoa(int(d.Month)) && m[2] == strconv.Itoa(d.Day) {
			return true
		}
	}
	return false
}

// reMonthDay is a month and day without a year ("11/27", "3/4").
var reMonthDay = regexp.MustCompile(`(?:^|[^0-9/.-])0?([1-9]|1[0-2])/0?([1-9]|[12][0-9]|3[01])(?:$|[^0-9/-])`)

// TestSynthea runs the extractor on every Synthea note as a one-page
// document and measures date accuracy and diagnosis recall against the
// patients' truth files.
func TestSynthea(t *testing.T) {
	dir := sharedData(t, "synthea", "notes-and-truth")
	truths, err := filepath.Glob(filepath.Join(dir, "*__truth.json"))
	if err != nil || len(truths) == 0 {
		t.Skip("no truth files")
	}
	ex := New(Options{})
	var notes, dateOK, dxWant, dxGot int
	for _, tf := range truths {
		var truth struct {
			Encounters []struct {
				Start      string   `json:"start"`
				Conditions []string `json:"conditions_diagnosed"`
				NoteFiles  []string `json:"note_files"`
			} `json:"encounters"`
		}
		b, err := os.ReadFile(tf)
		if err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(b, &truth); err != nil {
			t.Fatal(err)
		}
		for _, enc := range truth.Encounters {
			for _, nf := range enc.NoteFiles {
				text, err := os.ReadFile(filepath.Join(dir, nf))
				if err != nil {
					continue
				}
				notes++
				page := extract.Page{DocumentID: "s", Number: 1, Source: extract.SourceText, Text: string(text)}
				res, err := ex.Extract(context.Background(), extract.Document{ID: "s", File: nf, Pages: 1}, []extract.Page{page})
				if err != nil {
					t.Fatal(err)
				}
				assertGrounded(t, nf, []extract.Page{page}, res)
				if len(res.Encounters) == 1 && res.Encounters[0].Date.String() == enc.Start[:10] {
					dateOK++
				} else {
					t.Logf("note %d: date wrong: %d encounters", notes, len(res.Encounters))
				}
				var got []string
				for _, e := range res.Encounters {
					for _, d := range e.Diagnoses {
						got = append(got, normDx(d.Description))
					}
				}
				for _, c := range enc.Conditions {
					dxWant++
					want := normDx(c)
					for _, g := range got {
						if g == want || strings.Contains(g, want) {
							dxGot++
							break
						}
					}
				}
			}
		}
	}
	if notes == 0 {
		t.Skip("no notes")
	}
	dateAcc := float64(dateOK) / float64(notes)
	recall := float64(dxGot) / float64(max(dxWant, 1))
	t.Logf("synthea: %d notes, date accuracy %.3f, diagnosis recall %.3f (%d/%d)", notes, dateAcc, recall, dxGot, dxWant)
	if dateAcc < 0.99 {
		t.Errorf("date accuracy %.3f < 0.99", dateAcc)
	}
	if recall < 0.90 {
		t.Errorf("diagnosis recall %.3f < 0.90", recall)
	}
}

// assertGrounded fails the test when a quote is not a substring of its
// page or would not be grounded there (extract.Grounded: too short), or an
// encounter has no citation.
func assertGrounded(t *testing.T, name string, pages []extract.Page, res extract.Result) {
	t.Helper()
	byNum := map[int]string{}
	for _, p := range pages {
		byNum[p.Number] = p.Text
	}
	check := func(what string, cs []extract.Citation) {
		if len(cs) == 0 {
			t.Errorf("%s: %s without citation", name, what)
		}
		for _, c := range cs {
			if c.Quote == "" || !strings.Contains(byNum[c.Page], c.Quote) {
				t.Errorf("%s: %s quote %q not on page %d", name, what, c.Quote, c.Page)
			} else if !extract.Grounded(c.Quote, extract.Page{Number: c.Page, Text: byNum[c.Page]}) {
				// On its page but too short to prove anything: the
				// chronology would mark the entry ungrounded.
				t.Errorf("%s: %s quote %q too short to ground", name, what, c.Quote)
			}
		}
	}
	for _, e := range res.Encounters {
		check("encounter "+e.Date.String(), e.Citations)
		if e.Undated != e.Date.IsZero() {
			t.Errorf("%s: encounter dated %q but undated %v", name, e.Date, e.Undated)
		}
		if !e.Undated && len(e.Citations) > 0 && !quoteHasDate(e.Citations[0].Quote, e.Date) {
			t.Errorf("%s: first quote %q lacks the date %s", name, e.Citations[0].Quote, e.Date)
		}
	}
	for _, b := range res.Bills {
		check("bill", b.Citations)
	}
	for _, b := range res.BillTotals {
		check("bill total", b.Citations)
	}
}
