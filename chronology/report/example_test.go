package report_test

import (
	"os"

	"github.com/medchron/medchron/chronology"
	"github.com/medchron/medchron/chronology/report"
	"github.com/medchron/medchron/extract"
	"github.com/medchron/medchron/extract/dates"
)

func ExampleWriteCSV() {
	c := chronology.Chronology{
		Documents: []chronology.Document{{Document: extract.Document{ID: "d1", File: "ER records.pdf"}}},
		Entries: []chronology.Entry{{
			ID: "e1", Date: dates.New(2023, 3, 14), Provider: "Saint Mary's", VisitType: "emergency visit",
			Summary:   "=neck pain, \"severe\"",
			Diagnoses: []extract.Coded{{Code: "S13.4XXA", Description: "Cervical sprain"}},
			Citations: []extract.Citation{{DocumentID: "d1", Page: 3, Bates: "MC000003", Quote: "neck pain"}},
			Grounded:  true,
		}},
	}
	if err := report.WriteCSV(os.Stdout, c); err != nil {
		panic(err)
	}
	// Output:
	// date,end_date,provider,clinician,visit_type,summary,diagnoses,procedures,medications,pain_score,pre_incident,grounded,review,citations,run_id
	// 2023-03-14,,Saint Mary's,,emergency visit,"'=neck pain, ""severe""",S13.4XXA Cervical sprain,,,,no,yes,unreviewed,ER records.pdf p.3 (MC000003),
}
