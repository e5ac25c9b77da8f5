package pipeline

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
)

// FactRow is one fact of a Result as a store writes it: its kind, the
// first page it cites, and the value to encode as JSON.
type FactRow struct {
	Kind  string
	Page  int
	Value any
}

// FactRows lists the facts of r in a fixed order (encounters, bill lines,
// bill totals), the order in which AddFact rebuilds them.
func FactRows(r extract.Result) []FactRow {
	rows := make([]FactRow, 0, len(r.Encounters)+len(r.Bills)+len(r.BillTotals))
	for _, e := range r.Encounters {
		rows = append(rows, FactRow{FactEncounter, firstPage(e.Citations), e})
	}
	for _, b := range r.Bills {
		rows = append(rows, FactRow{FactBill, firstPage(b.Citations), b})
	}
	for _, t := range r.BillTotals {
		rows = append(rows, FactRow{FactBillTotal, firstPage(t.Citations), t})
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
	default:
		return fmt.Errorf("unknown fact kind %q", kind)
	}
	return nil
}
