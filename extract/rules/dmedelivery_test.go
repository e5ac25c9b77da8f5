package rules

import (
	"fmt"
	"testing"
)

// TestDeviceDeliveryDate: a practice's DME department or an orthotist
// dates a fitting and delivery ticket by the day the device was handed
// over ("Delivery date:", "Date delivered:", "Date dispensed:"), its date
// of service, beside the order's date and a warranty's. The ticket is the
// visit of that day, not the first page of the procedure record the same
// practice printed next.
func TestDeviceDeliveryDate(t *testing.T) {
	ticket := `Summit Sports Med
DME Department
4942 Industrial Pkwy, Bakersfield, CA 93301
Phone (661) 555-0171 Fax (661) 555-0198

ORTHOTIC FITTING AND DELIVERY NOTE
Patient: ROE, JANE                                   DOB: 09/08/1969
MRN: 688267                                          Date of injury: 05/06/2023
%s 06/07/2023                                        Place: Office (POS 11)
ORDER
 Ordering physician: Anika Crane, DO NPI 1015494903
 Order date: 05/22/2023 Length of need: 3 months
 Diagnosis: M50.120, M54.12, M25.511
DEVICE
 HCPCS L3960 Qty 1 Side/area: right shoulder Size: L
FITTING
  Device fitted to the right shoulder; straps adjusted for fit, skin checked. Patient able to don
  and doff independently after instruction. Pain today 6/10.
Manufacturer warranty through: 12/06/2023
Received by patient: ______________________ Date: 06/07/2023
Fitter: Hiroshi Venkataraman, CO
`
	procedure := `Summit Sports Med                                                  PROCEDURE RECORD
 Patient                          ROE, JANE                         DOB                   9/8/69
 Date                             8/1/23                            Date of injury        5/6/23
 Physician                        Anika Crane, DO                   Referring             Anika Crane, DO
 Procedure                        Right shoulder arthroscopy, subacromial decompression
 Diagnosis                        S43.401A, M25.511
Narrative: Consent obtained. Time-out performed. Procedure completed without complication.
Disposition: Discharged home ambulatory; driver present.
Anika Crane, DO - signed 8/2/23
`
	for _, label := range []string{"Delivery date:", "Date delivered:", "Date dispensed:"} {
		page := fmt.Sprintf(ticket, label)
		for _, scan := range []bool{false, true} {
			res := extractText(t, page, procedure)
			if scan {
				res = extractOCR(t, page, procedure)
			}
			if got := encounterDates(res); got != "2023-06-07 2023-08-01" {
				t.Errorf("%s scan %v: encounters %s, want 2023-06-07 2023-08-01", label, scan, got)
			}
		}
	}
}
