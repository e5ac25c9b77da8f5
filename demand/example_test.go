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
		fmt.Printf("%-18s %s, %d citations\n", s.Key, s.Status, len(s.Citations))
	}
	for _, x := range d.Excluded {
		fmt.Println("left out:", x.EntryID, x.Reason)
	}
	// Output:
	// introduction       draft, 0 citations
	// facts              draft, 2 citations
	// prior_history      draft, 1 citations
	// treatment          draft, 9 citations
	// specials           draft, 4 citations
	// pain_and_suffering draft, 7 citations
	// demand             draft, 0 citations
	// excluded_note      draft, 0 citations
	// left out: e6 unverified
	// left out: e8 rejected
}
