package pipeline_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/medchron/medchron/chronology"
	"github.com/medchron/medchron/extract/dates"
	"github.com/medchron/medchron/internal/app"
	"github.com/medchron/medchron/pipeline"
)

// Example runs the embedded pipeline on a born-digital record bundle: submit
// the file to a matter, wait for its jobs, read the chronology.
func Example() {
	ctx := context.Background()
	dir, _ := os.MkdirTemp("", "medchron-example-")
	defer os.RemoveAll(dir)
	e, err := app.OpenEmbedded(ctx, app.Config{DBPath: filepath.Join(dir, "medchron.db"), NoOCR: true})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer e.Close(ctx)
	if err := e.Start(ctx); err != nil {
		fmt.Println(err)
		return
	}
	data, _ := os.ReadFile("../testdata/bundles/small/born-digital.pdf")
	m := chronology.Matter{ID: "abernathy", DateOfIncident: dates.New(2023, time.December, 6)}
	if _, bad, err := e.Pipeline.Submit(ctx, m, []pipeline.Input{{Name: "records.pdf", Data: data}}); err != nil || len(bad) > 0 {
		fmt.Println(err, bad)
		return
	}
	if _, err := e.Pipeline.Wait(ctx, m.ID, nil); err != nil {
		fmt.Println(err)
		return
	}
	c, _, _ := e.Store.Chronology(ctx, m.ID)
	fmt.Printf("%d entries, first %s at %s\n", len(c.Entries), c.Entries[0].Date, c.Entries[0].Provider)
	charges := 0
	for _, b := range c.Bills {
		if b.Kind == chronology.BillCharge {
			charges++
		}
	}
	fmt.Printf("specials $%.2f from %d charge lines (%d payment or adjustment rows); %d gap(s)\n",
		c.Specials.TotalCharges, charges, len(c.Bills)-charges, len(c.Gaps))
	// Output:
	// 13 entries, first 2023-08-07 at Oakwood Family Medicine
	// specials $6927.72 from 29 charge lines (1 payment or adjustment rows); 1 gap(s)
}
