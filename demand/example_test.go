package demand_test

import (
	"fmt"
	"time"

	"github.com/medchron/medchron/chronology/report/reporttest"
	"github.com/medchron/medchron/demand"
)

func ExampleGenerate() {
	d := demand.Generate(reporttest.Sample(), demand.Options{Now: time.Date(2026, 1, 15, 10, 0, 0, 0, time.UTC)})
	for _, s := range d.Sections {
		fmt.Printf("%-18s %d citations, %d unreviewed entries\n", s.Key, len(s.Citations), len(s.Unreviewed))
	}
	for _, x := range d.Excluded {
		fmt.Println("left out:", x.EntryID, x.Reason)
	}
	// Output:
	// introduction       0 citations, 0 unreviewed entries
	// facts              2 citations, 0 unreviewed entries
	// injuries           3 citations, 1 unreviewed entries
	// treatment          6 citations, 3 unreviewed entries
	// causation          2 citations, 0 unreviewed entries
	// gaps               0 citations, 0 unreviewed entries
	// future_care        1 citations, 1 unreviewed entries
	// lost_wages         3 citations, 1 unreviewed entries
	// specials           4 citations, 0 unreviewed entries
	// pain_and_suffering 1 citations, 1 unreviewed entries
	// demand             0 citations, 0 unreviewed entries
	// exhibits           0 citations, 0 unreviewed entries
	// left out: e6 ungrounded
	// left out: e8 rejected
}
