package chronology_test

import (
	"fmt"

	"github.com/medchron/medchron/chronology"
	"github.com/medchron/medchron/extract"
	"github.com/medchron/medchron/extract/dates"
)

func ExampleBuild() {
	page := extract.Page{DocumentID: "doc-1", Number: 1, Source: extract.SourceText, Text: "" +
		"ST MARYS REG MED CTR - EMERGENCY DEPARTMENT\n" +
		"Date of Service: 03/10/2023. Neck pain after motor vehicle collision.\n" +
		"Dx: S13.4XXA cervical strain.\n" +
		"03/10/2023 99284 ER VISIT 1,250.00"}
	ptPage := extract.Page{DocumentID: "doc-2", Number: 1, Source: extract.SourceText, Text: "" +
		"Advanced PT, LLC - Initial evaluation 04/24/2023. Neck pain 5/10."}
	cite := func(p extract.Page, q string) []extract.Citation {
		return []extract.Citation{{DocumentID: p.DocumentID, Page: p.Number, Quote: q}}
	}
	sources := []chronology.Source{{
		Document:  chronology.Document{Document: extract.Document{ID: "doc-1", File: "er.pdf", Pages: 1}},
		Pages:     []extract.Page{page},
		Extractor: "rules",
		Result: extract.Result{
			Encounters: []extract.Encounter{{
				Date: dates.New(2023, 3, 10), Provider: "ST MARYS REG MED CTR", ProviderKind: "emergency",
				VisitType: "emergency visit", Complaints: "neck pain after motor vehicle collision",
				Diagnoses: []extract.Coded{{Code: "S13.4XXA", Description: "cervical strain"}},
				Citations: cite(page, "Date of Service: 03/10/2023"),
			}},
			Bills: []extract.BillLine{{Date: dates.New(2023, 3, 10), Provider: "Saint Mary's Regional Medical Center",
				Code: "99284", Charge: 1250, Citations: cite(page, "03/10/2023 99284 ER VISIT 1,250.00")}},
		},
	}, {
		Document:  chronology.Document{Document: extract.Document{ID: "doc-2", File: "pt.pdf", Pages: 1}},
		Pages:     []extract.Page{ptPage},
		Extractor: "rules",
		Result: extract.Result{Encounters: []extract.Encounter{{
			Date: dates.New(2023, 4, 24), Provider: "Advanced PT, LLC", VisitType: "physical therapy evaluation",
			Citations: cite(ptPage, "Initial evaluation 04/24/2023. Neck pain 6/10."), // not what the page says
		}}},
	}}
	matter := chronology.Matter{ID: "matter-1", DateOfIncident: dates.New(2023, 3, 10)}

	c := chronology.Build(matter, sources, chronology.Options{})

	for _, e := range c.Entries {
		fmt.Printf("%s  %s  grounded=%v  [%s p.%d]\n  %s\n", e.Date, e.Provider, e.Grounded,
			e.Citations[0].Bates, e.Citations[0].Page, e.Summary)
	}
	for _, g := range c.Gaps {
		fmt.Printf("gap: %s to %s, %d days\n", g.From, g.To, g.Days)
	}
	for _, p := range c.Specials.ByProvider {
		fmt.Printf("specials: %s $%.2f\n", p.Provider, p.Charges)
	}
	for _, f := range c.Flags {
		fmt.Printf("flag %s: %s\n", f.Kind, f.Message)
	}
	// Output:
	// 2023-03-10  Saint Mary's Regional Medical Center  grounded=true  [MC000001 p.1]
	//   Emergency visit at Saint Mary's Regional Medical Center for neck pain after motor vehicle collision. Diagnoses: cervical strain (S13.4XXA).
	// 2023-04-24  Advanced PT, LLC  grounded=false  [MC000002 p.1]
	//   Physical therapy evaluation at Advanced PT, LLC.
	// gap: 2023-03-10 to 2023-04-24, 45 days
	// specials: Saint Mary's Regional Medical Center $1250.00
	// flag ungrounded: Entry ent-113253b301 (2023-04-24, Advanced PT, LLC): 1 of 1 quotes were not found on the cited page.
}
