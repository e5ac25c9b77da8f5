package rules

import "testing"

// TestClinicianColumn: a physician group's statement (hospitalists,
// anesthesia, emergency physicians) prints the clinician who rendered
// each service in a column of its own: who saw the patient, no part of
// what the row bills. Born-digital and on a scan. A payment row's words
// that run under the caption are the payer's name, kept.
func TestClinicianColumn(t *testing.T) {
	page := `Lakeview Hospitalist Group
STATEMENT OF PROFESSIONAL SERVICES
Statement date Jun 3, 2024   Account H1200456
Date            CPT       Description                          Physician                  Charge
Apr 2, 2024     99223     INITIAL HOSPITAL CARE HIGH           Thanh Nguyen               530.00
Apr 3, 2024     99232     SUBSEQUENT HOSP CARE MOD 35          NGUYEN, T                  201.00
Apr 4, 2024     99239     HOSP DISCHARGE MGMT >30              Rosa Alvarez, MD           273.00
May 10, 2024              PAYMENT - SUMMIT MUTUAL INSURANCE                               (600.00)
Total charges                                                                         1,004.00
`
	want := []string{"INITIAL HOSPITAL CARE HIGH", "SUBSEQUENT HOSP CARE MOD 35", "HOSP DISCHARGE MGMT >30"}
	for _, ocr := range []bool{false, true} {
		var res = extractText(t, page)
		if ocr {
			res = extractOCR(t, page)
		}
		if len(res.Bills) != len(want)+1 {
			t.Fatalf("ocr %v: %d lines, want %d", ocr, len(res.Bills), len(want))
		}
		if d := res.Bills[3].Description; d != "PAYMENT - SUMMIT MUTUAL INSURANCE" {
			t.Errorf("ocr %v: payment row %q", ocr, d)
		}
		for i, b := range res.Bills[:3] {
			if b.Description != want[i] {
				t.Errorf("ocr %v: line %d description %q, want %q", ocr, i+1, b.Description, want[i])
			}
		}
	}
}
