package rules

import (
	"strings"
	"testing"
)

// TestDispensingPharmacyBills: a health plan's prescription claims
// history heads its page with the plan's name, which says nothing of
// being a payer ("Keystone Health Alliance"); the pharmacy its label names
// filled and billed each prescription.
func TestDispensingPharmacyBills(t *testing.T) {
	page := `Keystone Health Alliance                                                 Pharmacy benefits administered by RxAxis Pharmacy Solutions
RX CLAIM HISTORY - ALL CLAIMS                                                                                                      Page 1
Member: DOE, JANE DOB: 1973-02-17 ID: THO92339582 Group: 68763 Period: 2024-09-28 - 2025-01-23
Dispensing pharmacy: GREENLEAF RX, Lexington, KY 40503 (NCPDP 2105161)
Fill date      Rx #          Drug                                   NDC                 Qty     DS     Status        Total        Plan Member

2024-09-28     8116915       CYCLOBENZAPRINE 10MG T                 00591-5658-01       20      10     PAID          15.04        5.04        10.00
2024-10-15     6835495       MELOXICAM 15MG TAB                     29300-0125-10       30      30     PAID          16.80       11.80         5.00

                                                                    Paid claims: 2 Total cost                       31.84
`
	res := extractText(t, page)
	if len(res.Bills) != 2 {
		t.Fatalf("got %d bill lines, want 2", len(res.Bills))
	}
	for _, b := range res.Bills {
		if !strings.EqualFold(b.Provider, "Greenleaf Rx") {
			t.Errorf("bill line %s %v: provider %q, want the dispensing pharmacy", b.Date, b.Charge, b.Provider)
		}
	}
}

// TestDrugLetterhead: a pharmacy whose name ends in "Drug" ("CAREPLUS
// DRUG") heads its prescription history, after another provider's page:
// its fills are its own, not the provider's of the page before.
func TestDrugLetterhead(t *testing.T) {
	prev := `TRI-COUNTY EMERGENCY PHYSICIANS                                                        ROI DISCLOSURE HISTORY
Health Information Management     (717) 555-0162                                                             Page 1
Patient: DOE, JANE                   DOB: Jul 20, 1977                  MRN: 37479683
Received    Requested by           Purpose         Authorization       DOS released       Pages   Released / by

Dec 15, 2023 Patient (self)        Personal copy Photo ID              Dec 6, 2023 -      1       Dec 15, 2023
`
	page := `CAREPLUS DRUG                                                                                                           PATIENT PRESCRIPTION HISTORY
7965 County Rd 12 Cedar Falls, IA 50613   Ph (319) 555-0141  NABP 4970061
Patient: DOE, JANE DOB: 07/20/1977 Range: 12/06/2023 - 03/23/2024
Rx#           Filled         Drug / Strength                              NDC                     Qty       DS      Prescriber                 Price
6643477   12/06/2023 CYCLOBENZAPRINE 10MG TAB                             00591-5658-01           20        10      Dr. Finnegan               18.99
6714484   12/06/2023 IBUPROFEN 800MG TAB                                  53746-0466-01           30        10      Dr. Finnegan               12.45

                                                                          TOTAL RX CHARGES                                                     31.44
`
	res := extractText(t, prev, page)
	if len(res.Bills) != 2 {
		t.Fatalf("got %d bill lines, want 2", len(res.Bills))
	}
	for _, b := range res.Bills {
		if !strings.EqualFold(b.Provider, "CarePlus Drug") {
			t.Errorf("bill line %s %v: provider %q, want the pharmacy", b.Date, b.Charge, b.Provider)
		}
	}
}
