package rules

import (
	"slices"
	"strings"
	"testing"
)

// TestVitalsFlowsheetVisits: a practice's vital signs flowsheet printed
// for a date range gives one visit a row its staff took the vitals in
// (date, time, readings, pain, who took them); the problem list above the
// rows holds for every visit; a reading the patient reported from home (a
// row without a visit's time or staff, marked "Patient reported") is no
// visit.
func TestVitalsFlowsheetVisits(t *testing.T) {
	page := `Lakeview Pain & Spine Clinic                                             VITAL SIGNS FLOWSHEET
DOE, JANE   DOB: 01/02/1980   MRN: 40211
Range: 02/01/2024 - 07/15/2024
Problem list: M54.16, M51.26
Date          Time       BP        Pulse   Resp   Temp   SpO2   Weight   Pain   Taken by
03/04/2024    9:10 AM    128/80    72      16     98.4   98%    171 lb   6      RT, MA
03/21/2024    2:45 PM    131/84    77      18     98.1   97%    170 lb   5      KL, LPN
03/26/2024               142/90    81                                           Patient reported
04/11/2024    10:05 AM   126/78    70      16     98.6   99%    170 lb   3      RT, MA
3 encounters with vitals in range
Printed 07/15/2024                                                     Page 1 of 1
`
	res := extractText(t, page)
	if got := encounterDates(res); got != "2024-03-04 2024-03-21 2024-04-11" {
		t.Fatalf("visits %q, want 2024-03-04 2024-03-21 2024-04-11", got)
	}
	for _, e := range res.Encounters {
		codes := dxCodes(e)
		if !slices.Equal(codes, []string{"M54.16", "M51.26"}) {
			t.Errorf("%s: diagnoses %v, want the problem list's [M54.16 M51.26]", e.Date, codes)
		}
		if !strings.Contains(e.Provider, "Lakeview") {
			t.Errorf("%s: provider %q", e.Date, e.Provider)
		}
	}
}

// TestVitalsFlowsheetTitleAlone: the same flowsheet as OCR reads it, its
// title on a line of its own above the practice's name: a flowsheet
// whose rows are each a day of their own, with the pain scored and who
// took the readings, logs visits (a nursing flowsheet's rows are hours of
// the same days).
func TestVitalsFlowsheetTitleAlone(t *testing.T) {
	page := `VITALS FLOWSHEET

Lakeview Pain & Spine Clinic

DOE, JANE   DOB: 01/02/1980   MRN: 40211
Range: 02/01/2024 - 07/15/2024
Problem list: M54.16, M51.26
Date        Time      BP        Pulse  Resp   Temp    SpO2   Weight    Pain   Taken by
03/04/2024  9:10 AM   128/80    72     16     98.4    98%    171 lb    6      RT, MA
03/21/2024  2:45 PM   131/84    77     18     98.1    97%    170 Lb    5      KL, LPN
04/11/2024  10:05 AM  126/78    70     16     98.6    99%    170 lb    3      RT, MA

3 encounters with vitals in range

Printed 07/15/2024
`
	res := extractOCR(t, page)
	if got := encounterDates(res); got != "2024-03-04 2024-03-21 2024-04-11" {
		t.Fatalf("visits %q, want 2024-03-04 2024-03-21 2024-04-11", got)
	}
	for _, e := range res.Encounters {
		if !strings.Contains(e.Provider, "Lakeview") || len(e.Diagnoses) != 2 {
			t.Errorf("%s: provider %q diagnoses %v", e.Date, e.Provider, e.Diagnoses)
		}
	}
}

// TestNursingFlowsheetNoVisits: a ward's vital signs flowsheet prints a
// row an hour the nurses took readings, several a day: its rows are no
// visits of their own.
func TestNursingFlowsheetNoVisits(t *testing.T) {
	page := `VITALS FLOWSHEET

Mercy General Hospital - 4 West

DOE, JANE   DOB: 01/02/1980   MRN: 40211
Date        Time      BP        Pulse  Resp   Temp    SpO2   Pain   Taken by
03/04/2024  08:00     128/80    72     16     98.4    98%    6      RT, RN
03/04/2024  12:00     131/84    77     18     98.1    97%    5      RT, RN
03/04/2024  16:00     126/78    70     16     98.6    99%    4      KL, RN
03/05/2024  08:00     122/76    70     16     98.6    99%    3      KL, RN
`
	if res := extractOCR(t, page); len(res.Encounters) > 1 {
		t.Errorf("visits %q, want at most the stay's one", encounterDates(res))
	}
}

// TestProblemListYieldsToNote: the flowsheet's problem list holds every
// problem over its range; a visit whose own note, in the same records,
// prints its diagnoses takes them from the note, not from the list.
func TestProblemListYieldsToNote(t *testing.T) {
	note := `LAKEVIEW PAIN & SPINE CLINIC
220 Lake Rd, Erie, PA 16501   Tel (814) 555-0140
FOLLOW-UP VISIT
Patient: Jane Doe   DOB: 01/02/1980
Date of service: 04/11/2024
Subjective: low back pain improved after the injection, 3/10.
Assessment: Lumbar radiculopathy (M54.16).
Plan: continue home exercise, return in 6 weeks.
`
	flow := `Lakeview Pain Ctr                                                        VITAL SIGNS FLOWSHEET
DOE, JANE   DOB: 01/02/1980   MRN: 40211
Problem list: M54.16, M51.26
Date          Time       BP        Pulse   Resp   Temp   SpO2   Weight   Pain   Taken by
03/04/2024    9:10 AM    128/80    72      16     98.4   98%    171 lb   6      RT, MA
04/11/2024    10:05 AM   126/78    70      16     98.6   99%    170 lb   3      RT, MA
05/02/2024    11:20 AM   124/80    71      16     98.5   98%    170 lb   3      KL, LPN
`
	res := extractText(t, note, flow)
	got := map[string][]string{}
	for _, e := range res.Encounters {
		if e.Citations[0].Page != 2 {
			continue
		}
		codes := dxCodes(e)
		got[e.Date.String()] = codes
	}
	if len(got) != 3 || len(got["2024-03-04"]) != 2 || len(got["2024-04-11"]) != 0 || len(got["2024-05-02"]) != 2 {
		t.Errorf("flowsheet visits' diagnoses %v, want the list on 03-04 and 05-02, none on 04-11 (its note's)", got)
	}
}
