package rules

import (
	"context"
	"testing"

	"github.com/medchron/medchron/extract"
)

// TestTransferFormDatedByTransfer: an emergency department's transfer
// form (the EMTALA memorandum of transfer) prints the day the patient left
// for the receiving hospital, under "Date of transfer"; that is the day of
// the sending department's visit. The physician's certification and the
// patient's consent are signed that day or the next, and dates of signing
// are no visit. A diagnosis whose code wraps onto a line of its own after
// "initial encounter" is no label of a date OCR destroyed.
func TestTransferFormDatedByTransfer(t *testing.T) {
	for _, label := range []string{"Date of transfer:", "Transfer date:", "Date/time of transfer:"} {
		page := `Lakeshore Community Hospital
Emergency Department
400 Harbor Rd, Duluth, MN 55802   Phone (218) 555-0100

PATIENT TRANSFER FORM
DOE, JANE      DOB 05/14/1980    MRN 77120

` + label + ` 03/04/2024                                  Time patient left: 2210
SENDING FACILITY
Sending physician: Tom Reyes, MD                             Sending RN: Ann Cole, RN
RECEIVING FACILITY
Northland Trauma Center                                      Service: Neurosurgery
Accepting physician: Lena Ortiz, MD                          Accepted at 2105
Reason for transfer:      Neurosurgical evaluation not available here
Diagnosis:                Sprain of ligaments of cervical spine, initial encounter (S13.4XXA); Car driver
                          injured in collision with other type car in traffic accident, initial encounter
                          (V43.52XA)
Condition:                Stable for transfer
Physician signature: Tom Reyes, MD   Date: 03/05/2024   Time: 0015
Patient signature: Jane Doe (signed)   Date: 03/05/2024   Time: 0020
`
		res, err := New(Options{}).Extract(context.Background(), extract.Document{ID: "doc1", File: "t.pdf", Pages: 1}, pagesOf([]string{page}))
		if err != nil {
			t.Fatal(err)
		}
		if got, want := encounterDates(res), "2024-03-04"; got != want {
			t.Errorf("%s visits %q, want %s", label, got, want)
		}
	}
}
