package rules

import (
	"slices"
	"testing"
)

// TestClinicianReviewHoldsDiagnoses: a screening form (PHQ-9, GAD-7)
// closes with the clinician's review of it under a heading that names
// who reviews ("CLINICIAN REVIEW", "PROVIDER REVIEW"): that is the
// visit's own assessment, its diagnoses and pain score the visit's, not
// a review of earlier records.
func TestClinicianReviewHoldsDiagnoses(t *testing.T) {
	for _, head := range []string{"CLINICIAN REVIEW", "PROVIDER REVIEW", "Physician Review:"} {
		page := `Lakeside Family Medicine
410 Elm St, Dayton, OH 45402
DEPRESSION AND ANXIETY SCREENING
Patient: Jane Doe                                   DOB: 01/02/1980
Screening date: 03/14/2024                          MRN: 55120
1. Little interest or pleasure in doing things                          X
2. Feeling down, depressed, or hopeless                                  X
PHQ-9 total: 6 / 27                                 Severity: mild
GAD-7 total: 4 / 21                                 Severity: minimal
` + head + `
Administered by: Ann Lee, MA                        Pain today: 6/10
Visit diagnoses: S13.4XXD, M54.2
Discussed with patient, will rescreen at follow-up.
Reviewed by: Mark Hill, NP  Date: 03/14/2024
`
		res := extractText(t, page)
		if len(res.Encounters) != 1 {
			t.Fatalf("%s: got %d encounters, want 1", head, len(res.Encounters))
		}
		e := res.Encounters[0]
		codes := dxCodes(e)
		if e.Date.String() != "2024-03-14" || !slices.Equal(codes, []string{"S13.4XXD", "M54.2"}) {
			t.Errorf("%s: %s diagnoses %v, want 2024-03-14 [S13.4XXD M54.2]", head, e.Date, codes)
		}
		if e.PainScore == nil || *e.PainScore != 6 {
			t.Errorf("%s: pain %v, want 6", head, e.PainScore)
		}
	}
}

// TestRecordsReviewStaysHistory: a heading that reviews records ("CHART
// REVIEW") still lists earlier care, whose codes are not this visit's.
func TestRecordsReviewStaysHistory(t *testing.T) {
	page := `OFFICE VISIT
Visit Date: 03/14/2024
Assessment: cervical strain (S13.4XXD)
CHART REVIEW
02/01/2024 ED visit, lumbar strain S39.012A
`
	res := extractText(t, page)
	if len(res.Encounters) != 1 {
		t.Fatalf("got %d encounters, want 1", len(res.Encounters))
	}
	for _, c := range res.Encounters[0].Diagnoses {
		if c.Code == "S39.012A" {
			t.Errorf("a reviewed record's code %s taken as the visit's", c.Code)
		}
	}
}

// TestImpressionDxHeading: an emergency T-sheet heads its diagnoses
// "IMPRESSION / Dx:" (capitals and a mixed-case abbreviation): the
// diagnoses' section, where a code OCR damaged at the head of its line
// ("513.4XXA" for S13.4XXA) is still read.
func TestImpressionDxHeading(t *testing.T) {
	page := `MERCY GENERAL HOSPITAL                        EMERGENCY PHYSICIAN RECORD
Date of service: 02/08/2024
Pain scale: 7/10
IMPRESSION / Dx:
513.4XXA - Sprain of ligaments of cervical spine, initial encounter
$16.1XXA - Strain of muscle, fascia and tendon at neck level, initial encounter
DISPOSITION: [X] Discharged home
`
	res := extractOCR(t, page)
	if len(res.Encounters) != 1 {
		t.Fatalf("got %d encounters, want 1", len(res.Encounters))
	}
	codes := dxCodes(res.Encounters[0])
	if !slices.Equal(codes, []string{"S13.4XXA", "S16.1XXA"}) {
		t.Errorf("diagnoses %v, want [S13.4XXA S16.1XXA]", codes)
	}
}
