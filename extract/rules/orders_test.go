package rules

import (
	"testing"

	"github.com/medchron/medchron/extract"
)

// TestOrderForm: a requisition for a study is an order, whatever the study
// and the form's wording: an administrative page, no encounter and no
// diagnosis from its dates (ordered, signed, booked), even where its
// "Appointment" and "Date" lines and its clinical history read like a
// note's. A report of the study that prints the order's fields above its
// findings stays a report of a visit, and so does a note that lists its
// orders with the same fields.
func TestOrderForm(t *testing.T) {
	order := `Northside Orthopaedic Group
LABORATORY / DIAGNOSTIC REQUISITION
Ordering provider: Priya Nair, MD                 Order date: 04/09/2024
Patient: Jordan Ames                              DOB: 04/11/1986
Tests requested:
  [x] EMG/NCS bilateral upper extremities
Diagnosis: M54.12 Radiculopathy, cervical region
Priority: urgent
Performing location: Valley Neurodiagnostics, 55 Elm St, Erie, PA
Clinical history: neck pain radiating to the right arm since a fall.
Please schedule within 10 days and fax the report to our office.
Appointment: 04/16/2024 9:00 am
Date: 04/09/2024
Ordering provider signature: ______________
`
	res := extractText(t, order)
	if len(res.Pages) != 1 || res.Pages[0].Class != extract.PageAdmin {
		t.Errorf("requisition: page classes %+v, want one administrative page", res.Pages)
	}
	for _, e := range res.Encounters {
		t.Errorf("requisition: encounter %s %q %v", e.Date, e.Provider, e.Diagnoses)
	}

	report := `Valley Neurodiagnostics
ELECTRODIAGNOSTIC REPORT
Ordering provider: Priya Nair, MD                 Order date: 04/09/2024
Patient: Jordan Ames                              DOB: 04/11/1986
Date of study: 04/16/2024                         Priority: urgent
Tests requested: EMG/NCS bilateral upper extremities
FINDINGS: Prolonged right median and ulnar F-waves; fibrillations in right C6 myotome.
IMPRESSION: Right C6 radiculopathy, subacute (M54.12).
Priya Nair, MD
`
	res = extractText(t, report)
	if len(res.Encounters) != 1 || res.Encounters[0].Date.String() != "2024-04-16" {
		var got []string
		for _, e := range res.Encounters {
			got = append(got, e.Date.String())
		}
		t.Errorf("report with the order's fields: encounters %v, want one on 2024-04-16", got)
	}

	note := `Northside Orthopaedic Group
OFFICE VISIT
Date of service: 04/09/2024                       Provider: Priya Nair, MD
HISTORY: Neck pain radiating to the right arm since a fall on the ice in
February, worse with overhead work, with numbness of the thumb at night.
EXAMINATION: Spurling positive on the right; biceps reflex diminished.
ASSESSMENT: Cervical radiculopathy (M54.12).
PLAN: EMG/NCS of both arms.
Orders: Tests requested: EMG/NCS bilateral upper extremities. Ordering provider: Priya Nair, MD.
Priority: urgent. Performing location: Valley Neurodiagnostics. Prior authorization submitted.
`
	res = extractText(t, note)
	if len(res.Encounters) != 1 || res.Encounters[0].Date.String() != "2024-04-09" {
		t.Errorf("note listing its orders: encounters %d, want one on 2024-04-09", len(res.Encounters))
	}
}
