package chronology

import (
	"fmt"
	"runtime"
	"strings"
	"testing"

	"github.com/medchron/medchron/extract"
)

// TestPositionsSearchPreparedPage: placing the lines of a long bill
// searches the page text Build normalised once for grounding; it does not
// normalise the page again for each line (a 500-line statement did, 80 KB
// of allocation a line on a 4 KB page). The places found are those of
// extract.FindQuote, repeated quotes at their next place.
func TestPositionsSearchPreparedPage(t *testing.T) {
	var b strings.Builder
	var quotes []string
	for i := range 60 {
		q := fmt.Sprintf("01/%02d/2024 97110 Therapeutic exercise %d.00", i%28+1, 40+i)
		quotes = append(quotes, q)
		b.WriteString(q + "   Patient paid in full\n")
	}
	b.WriteString("TOTAL 1.00\nTOTAL 1.00\n")
	quotes = append(quotes, "TOTAL 1.00", "TOTAL 1.00", "not on the page at all")
	page := textPage("d", 1, b.String())
	var cs []extract.Citation
	for _, q := range quotes {
		cs = append(cs, cite("d", 1, q))
	}
	px, _ := indexPages([]Source{source("d", "d.pdf", []extract.Page{page}, extract.Result{})}, "", false)
	px.prepareGrounding([]Source{source("d", "d.pdf", []extract.Page{page}, extract.Result{Bills: []extract.BillLine{{Citations: cs[:1]}}})})

	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	at := px.positions(cs)
	runtime.ReadMemStats(&after)
	if per := (after.TotalAlloc - before.TotalAlloc) / uint64(len(cs)); per > uint64(len(page.Text)) {
		t.Errorf("%d bytes allocated a citation on a %d-byte page: the page is normalised again", per, len(page.Text))
	}

	for i, q := range quotes[:60] {
		s, _, ok := extract.FindQuote(q, page.Text, false)
		if !ok || at[i].off != s {
			t.Errorf("quote %d at %d, FindQuote says %d %v", i, at[i].off, s, ok)
		}
	}
	first := strings.Index(page.Text, "TOTAL 1.00")
	if at[60].off != first || at[61].off != first+len("TOTAL 1.00\n") {
		t.Errorf("repeated totals at %d and %d, want %d and %d", at[60].off, at[61].off, first, first+len("TOTAL 1.00\n"))
	}
	if at[62].off != -1 {
		t.Errorf("missing quote at %d", at[62].off)
	}
}
