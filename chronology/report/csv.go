package report

import (
	"encoding/csv"
	"fmt"
	"io"
	"strings"

	"github.com/medchron/medchron/chronology"
)

// CSVHeader is the header row of chronology.csv.
var CSVHeader = []string{
	"date", "end_date", "provider", "clinician", "visit_type", "summary",
	"diagnoses", "procedures", "medications", "pain_score", "pre_incident",
	"grounded", "review", "citations", "run_id",
}

// WriteCSV writes one row per entry of c, after a header row, as RFC 4180
// CSV, then one row per undated entry with "undated" as its date. run_id
// names the repetitive run (chronology.json "runs") a visit belongs to.
// Diagnoses and procedures are "CODE description; …", citations
// "file p.N (Bates); …". A cell that starts with =, +, - or @ (and so could
// be run as a formula by a spreadsheet) is prefixed with a single quote.
func WriteCSV(w io.Writer, c chronology.Chronology) error {
	ix := indexDocs(c)
	cw := csv.NewWriter(w)
	if err := cw.Write(CSVHeader); err != nil {
		return fmt.Errorf("write chronology.csv header: %w", err)
	}
	for _, e := range append(append([]chronology.Entry(nil), c.Entries...), c.UndatedEntries...) {
		row := entryRow(ix, e)
		for i := range row {
			row[i] = guardFormula(row[i])
		}
		if err := cw.Write(row); err != nil {
			return fmt.Errorf("write chronology.csv entry %s: %w", e.ID, err)
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return fmt.Errorf("write chronology.csv: %w", err)
	}
	return nil
}

// entryRow returns the cells of one entry in CSVHeader order.
func entryRow(ix docIndex, e chronology.Entry) []string {
	date := e.Date.String()
	if e.Date.IsZero() {
		date = "undated"
	}
	return []string{
		date,
		e.EndDate.String(),
		e.Provider,
		e.Clinician,
		e.VisitType,
		summaryOf(e),
		codedList(e.Diagnoses),
		codedList(e.Procedures),
		strings.Join(e.Medications, "; "),
		score(e.PainScore),
		yesNo(e.PreIncident),
		yesNo(e.Grounded),
		reviewOf(e),
		ix.citations(e.Citations),
		e.RunID,
	}
}

// guardFormula prefixes a cell that a spreadsheet would read as a formula
// with a single quote (OWASP CSV injection guidance). Leading tab and
// carriage return are guarded too, as some spreadsheets skip them.
func guardFormula(s string) string {
	if s == "" {
		return s
	}
	switch s[0] {
	case '=', '+', '-', '@', '\t', '\r':
		return "'" + s
	}
	return s
}
