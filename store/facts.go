package store

import (
	"encoding/json"
	"fmt"

	"github.com/medchron/medchron/extract"
)

// Fact kinds as the stores keep them, one row per fact.
const (
	FactEncounter = "encounter"
	FactBill      = "bill"
	FactBillTotal = "bill_total"
	FactPage      = "page"     // an extract.PageInfo: a page's class and section provider
	FactExpected  = "expected" // an extract.ExpectedRecord
)

// FactRow is one fact of a Result as a store writes it: its kind, the
// first page it cites, and the value to encode as JSON.
type FactRow struct {
	Kind  string
	Page  int
	Value any
}

// FactRows lists the facts of r in a fixed order (encounters, bill lines,
// bill totals, page infos, expected records), the order in which AddFact
// rebuilds them. Undated encounters and the bill fields are part of the
// encoded values.
func FactRows(r extract.Result) []FactRow {
	rows := make([]FactRow, 0, len(r.Encounters)+len(r.Bills)+len(r.BillTotals)+len(r.Pages)+len(r.Expected))
	for _, e := range r.Encounters {
		rows = append(rows, FactRow{FactEncounter, firstPage(e.Citations), e})
	}
	for _, b := range r.Bills {
		rows = append(rows, FactRow{FactBill, firstPage(b.Citations), b})
	}
	for _, t := range r.BillTotals {
		rows = append(rows, FactRow{FactBillTotal, firstPage(t.Citations), t})
	}
	for _, p := range r.Pages {
		rows = append(rows, FactRow{FactPage, p.Page, p})
	}
	for _, x := range r.Expected {
		rows = append(rows, FactRow{FactExpected, firstPage(x.Citations), x})
	}
	return rows
}

func firstPage(c []extract.Citation) int {
	if len(c) == 0 {
		return 0
	}
	return c[0].Page
}

// ResultMeta is what a Result holds besides its facts, stored as one JSON
// value per document.
type ResultMeta struct {
	Patient    string         `json:"patient,omitempty"`
	Usage      extract.Usage  `json:"usage,omitzero"`
	PageErrors map[int]string `json:"page_errors,omitempty"`
}

// MetaOf returns r's ResultMeta.
func MetaOf(r extract.Result) ResultMeta {
	return ResultMeta{Patient: r.Patient, Usage: r.Usage, PageErrors: r.PageErrors}
}

// Apply copies m into r.
func (m ResultMeta) Apply(r *extract.Result) {
	r.Patient, r.Usage, r.PageErrors = m.Patient, m.Usage, m.PageErrors
}

// AddFact decodes one stored fact of the given kind into r.
func AddFact(r *extract.Result, kind string, data []byte) error {
	switch kind {
	case FactEncounter:
		var e extract.Encounter
		if err := json.Unmarshal(data, &e); err != nil {
			return err
		}
		r.Encounters = append(r.Encounters, e)
	case FactBill:
		var b extract.BillLine
		if err := json.Unmarshal(data, &b); err != nil {
			return err
		}
		r.Bills = append(r.Bills, b)
	case FactBillTotal:
		var t extract.BillTotal
		if err := json.Unmarshal(data, &t); err != nil {
			return err
		}
		r.BillTotals = append(r.BillTotals, t)
	case FactPage:
		var p extract.PageInfo
		if err := json.Unmarshal(data, &p); err != nil {
			return err
		}
		r.Pages = append(r.Pages, p)
	case FactExpected:
		var x extract.ExpectedRecord
		if err := json.Unmarshal(data, &x); err != nil {
			return err
		}
		r.Expected = append(r.Expected, x)
	default:
		return fmt.Errorf("unknown fact kind %q", kind)
	}
	return nil
}
