package exhibit_test

import (
	"bytes"
	"context"
	"fmt"
	"log"
	"os"

	"github.com/pdfcpu/pdfcpu/pkg/api"

	"github.com/medchron/medchron/chronology"
	"github.com/medchron/medchron/chronology/exhibit"
	"github.com/medchron/medchron/extract"
	"github.com/medchron/medchron/extract/pdf"
)

// Build the exhibit of two uploads: the Bates numbers come from the
// chronology, the order (by provider) from the caller.
func Example() {
	born, err := os.ReadFile("../../testdata/bundles/small/born-digital.pdf")
	if err != nil {
		log.Fatal(err)
	}
	scanned, err := os.ReadFile("../../testdata/bundles/small/scanned.pdf")
	if err != nil {
		log.Fatal(err)
	}
	// chronology.Build numbers the pages in upload order.
	c := chronology.Build(chronology.Matter{ID: "m1"}, []chronology.Source{
		{Document: chronology.Document{Document: extract.Document{ID: "a", File: "born-digital.pdf", Pages: 16}}},
		{Document: chronology.Document{Document: extract.Document{ID: "b", File: "scanned.pdf", Pages: 16}}},
	}, chronology.Options{})
	a, b := c.Documents[0], c.Documents[1]

	docs := []exhibit.Doc{
		{Provider: "Copy service", Title: "Scanned records", File: b.File, Bytes: scanned, BatesFirst: b.BatesFirst, BatesLast: b.BatesLast, Pages: b.Pages},
		{Provider: "Law office", Title: "Records as received", File: a.File, Bytes: born, BatesFirst: a.BatesFirst, BatesLast: a.BatesLast, Pages: a.Pages},
	}
	var out bytes.Buffer
	if err := exhibit.Build(context.Background(), &out, docs, exhibit.Options{Footer: "CONFIDENTIAL"}); err != nil {
		log.Fatal(err)
	}
	bms, err := api.Bookmarks(bytes.NewReader(out.Bytes()), pdf.Config())
	if err != nil {
		log.Fatal(err)
	}
	for _, p := range bms {
		fmt.Printf("%s (page %d)\n", p.Title, p.PageFrom)
		for _, d := range p.Kids {
			fmt.Printf("  %s (page %d)\n", d.Title, d.PageFrom)
		}
	}
	n, err := api.PageCount(bytes.NewReader(out.Bytes()), pdf.Config())
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(n, "pages; scanned.pdf carries", b.BatesFirst, "to", b.BatesLast)
	// Output:
	// Copy service (page 1)
	//   Scanned records (page 1)
	// Law office (page 17)
	//   Records as received (page 17)
	// 32 pages; scanned.pdf carries MC000017 to MC000032
}
