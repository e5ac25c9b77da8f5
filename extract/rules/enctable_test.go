package rules

import (
	"fmt"
	"strings"
	"testing"
)

// TestEncountersTable: a continuity-of-care summary lists the practice's
// visits in its Encounters section, one row a visit, its date column
// wherever the system prints it; each row is a visit of the organisation
// the document names as its custodian (or author), seen by the row's
// provider, with the row's codes. The problems' onset dates, the vital
// signs repeating the visits' dates, the medications' start dates and the
// creation date are no visits.
func TestEncountersTable(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string // date provider | clinician | codes
	}{
		{"date first, custodian on its own line", `Continuity of Care Document                                          DOE, JANE | 02/03/1981

Created on:                 06/04/2024 11:12 AM            Document ID: 2.16.840.1.113883.325863
Author:                     ELM STREET FAMILY MEDICINE
                                                           Custodian: Elm Street Family Med
Patient:                    Jane Doe                       Birth date: 02/03/1981   Sex: F

Problems
Problem                                               Code          Onset          Status
Essential (primary) hypertension                      I10           07/22/2018     Active
Cervicalgia                                           M54.2         12/06/2023     Active

Encounters
Date              Encounter             Provider                      Location          Diagnosis
08/22/2023        Outpatient            Ann Lee, FNP-C                Suite 200         I10
12/11/2023        Office Visit          Ann Lee, FNP-C                Suite 200         S13.4XXA; M54.2

Vital Signs
Date              BP            Pulse          Weight          Pain (0-10)
08/22/2023        133/71        83             136 lb          --
12/11/2023        134/83        81             134 lb          7

Medications
Medication                                            Start date       Status
cyclobenzaprine 10 mg tablet, 1 at bedtime            08/23/2023       Active
`, []string{"2023-08-22 Elm Street Family Med | Ann Lee, FNP-C | I10", "2023-12-11 Elm Street Family Med | Ann Lee, FNP-C | S13.4XXA M54.2"}},
		{"date last, one organisation label", `Summary of Care Record                                               DOE, JANE | 1981-02-03
Created on:   2024-06-04                    Author:   Oak Valley Medical Group
ENCOUNTERS
Encounter                 Performer                          Location                     Date
Checkup Examination       Ray Tam, MD                        Oak Valley Clinic            2024-01-05
Office Visit              Ray Tam, MD                        Oak Valley Clinic            2024-02-09
IMMUNIZATIONS
Vaccine                   Date                Status
Tdap                      2021-04-03          Completed
`, []string{"2024-01-05 Oak Valley Medical Group | Ray Tam, MD | ", "2024-02-09 Oak Valley Medical Group | Ray Tam, MD | "}},
		{"a long date wrapped in its cell, the year under it", `Clinical Summary - CCD                                             VARGA, RAVI | 09/08/1969
Created on:                   November 18, 2023 10:50 AM                 Document ID: 2.16.840.1.113883.240195
Author:                       Westbrook Family & Int Med                 Custodian: Westbrook Int Med
Problems
Problem                                                           Code                     Onset                      Status
Cervicalgia                                                       M54.2                    May 8, 2019                Active
Encounters
Date              Encounter             Provider                               Location                 Diagnosis
November 29,      Office Visit          Tamsin Ortega, FNP-C                   Suite 200                I10; E78.5
2022
May 12, 2023      Office Visit (Est.)   Tamsin Ortega, FNP-C                   Suite 200                S13.4XXD; M54.2
Vital Signs
Date              BP            Pulse          Weight          Pain (0-10)
May 12, 2023      134/83        81             134 lb          7
`, []string{"2022-11-29 Westbrook Int Med | Tamsin Ortega, FNP-C | I10 E78.5", "2023-05-12 Westbrook Int Med | Tamsin Ortega, FNP-C | S13.4XXD M54.2"}},
	}
	ocr := map[string]bool{"a fax: specks after the headings": true}
	tests = append(tests, struct {
		name string
		text string
		want []string
	}{"a fax: specks after the headings", `WESTBROOK FAMILY AND INTERNAL MEDICINE  4/19/24  7:40 AM  #4001  Pg 1/2
Clinical Summary - CCD                                        DOE, JANE | 1986-05-20
Created on:     .          2024-04-18 1:08 PM                  Document ID: 2.16.840.1.113883.225084
Author:                   Westbrook Family & Internal Medicine  Custodian: Westbrook Family & Int Med
Problems
Problem                                        Code              Onset                Status-
Cervicalgia                                        -  M54,2             2017-09-14          Active
Encounters”
Date            Encounter         Provider                         Location           Diagnosis
2023-06-23     Office Visit (Est.)   Ann Lee, FNP-C         Main Office         I10; E78.5
2023-10-30     Office Visit (Est.)   Ann Lee, FNP-C         Main Office         S13.4XXD; M54.2
Vital Signs                             .
Date            .       BP                Pulse           Weight            Pain (0-10)
2023-06-23             131/70             67               154 lb               -
2023-10-30            112/78             68              152 lb             5
`, []string{"2023-06-23 Westbrook Family & Int Med | Ann Lee, FNP-C | I10 E78.5", "2023-10-30 Westbrook Family & Int Med | Ann Lee, FNP-C | S13.4XXD M54.2"}})
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			extract := extractText
			if ocr[tc.name] {
				extract = extractOCR
			}
			res := extract(t, tc.text)
			var got []string
			for _, e := range res.Encounters {
				dx := dxCodes(e)
				got = append(got, fmt.Sprintf("%s %s | %s | %s", e.Date, e.Provider, e.Clinician, strings.Join(dx, " ")))
				if !quoteHasDate(e.Citations[0].Quote, e.Date) {
					t.Errorf("%s: first quote %q does not hold the date", e.Date, e.Citations[0].Quote)
				}
			}
			if strings.Join(got, "\n") != strings.Join(tc.want, "\n") {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tc.want, "\n"))
			}
		})
	}
}
