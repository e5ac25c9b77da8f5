package rules

import (
	"slices"
	"testing"

	"github.com/medchron/medchron/extract"
)

// TestSchedulingRecord: a table of appointments and their statuses that
// records nothing of the care is the office's scheduling record, however
// it is titled and whatever its columns are called: an administrative
// page, no encounter, even for the appointments kept. The same table with
// a pain score for each visit seen is a log of visits.
func TestSchedulingRecord(t *testing.T) {
	schedule := `Lakeview Sports Rehab
Scheduled Visits Report            Run 04/02/2024 08:15
Patient: Jordan Ames    MRN 00451
Appt        Start    Therapist      Visit kind           Outcome                Made
03/01/2024  8:30a    T. Ibarra      PT evaluation        Checked in             02/26/2024
03/05/2024  8:30a    T. Ibarra      PT follow-up         Completed              03/01/2024
03/08/2024  9:15a    T. Ibarra      PT follow-up         No-Show                03/01/2024
03/10/2024  9:15a    T. Ibarra      PT follow-up         Canceled - pt ill      03/05/2024
03/12/2024  8:30a    T. Ibarra      PT follow-up         Bumped by clinic       03/05/2024
03/14/2024  8:30a    T. Ibarra      PT follow-up         Confirmed              03/10/2024
`
	res := extractText(t, schedule)
	if len(res.Pages) != 1 || res.Pages[0].Class != extract.PageAdmin {
		t.Errorf("page classes %+v, want one administrative page", res.Pages)
	}
	for _, e := range res.Encounters {
		t.Errorf("encounter %s %q from a scheduling record", e.Date, e.Provider)
	}

	withPain := `Lakeview Sports Rehab
Scheduled Visits Report            Run 04/02/2024 08:15
Patient: Jordan Ames    MRN 00451
Appt        Start    Therapist      Visit kind           Outcome        Pain
03/01/2024  8:30a    T. Ibarra      PT evaluation        Checked in     6/10
03/05/2024  8:30a    T. Ibarra      PT follow-up         Completed      5/10
03/08/2024  9:15a    T. Ibarra      PT follow-up         No-Show
03/12/2024  8:30a    T. Ibarra      PT follow-up         Completed      4/10
`
	res = extractText(t, withPain)
	var got []string
	for _, e := range res.Encounters {
		got = append(got, e.Date.String())
	}
	if want := []string{"2024-03-01", "2024-03-05", "2024-03-12"}; len(res.Pages) != 1 || res.Pages[0].Class != extract.PageVisitLog || !slices.Equal(got, want) {
		t.Errorf("with pain scores: pages %+v, encounters %v, want a visit log with %v", res.Pages, got, want)
	}
}

// TestSessionLogWithoutColumnHeads: a log of sessions printed without
// column heads still lists visits: rows that open with a date and bill a
// procedure code, each followed by lines of its note. Every row kept is
// an encounter, a row cancelled is none, and the diagnoses the log's
// header line prints after the patient's date of birth hold for every
// session.
func TestSessionLogWithoutColumnHeads(t *testing.T) {
	log := `Harborlight Counseling Group
Individual Therapy - Session Record
Patient: Ames, Jordan   DOB 04/11/1986   Therapist: Lena Ruiz, LCSW   Diagnoses: F43.10, G47.00

Mar 4, 2024      2:00 PM     90837     55 min     Attended
    Topic: trauma narrative; sleep hygiene reviewed.
    Plan: continue weekly. L. Ruiz, LCSW
Mar 11, 2024     2:00 PM     --                   Canceled by patient
Mar 18, 2024     2:00 PM     90834     42 min     Attended
    Topic: exposure hierarchy for highway driving.
    Plan: keep the homework log. L. Ruiz, LCSW
`
	res := extractText(t, log)
	if len(res.Pages) != 1 || res.Pages[0].Class != extract.PageVisitLog {
		t.Errorf("page classes %+v, want one visit log", res.Pages)
	}
	var got []string
	for _, e := range res.Encounters {
		got = append(got, e.Date.String())
		dx := dxCodes(e)
		if !slices.Equal(dx, []string{"F43.10", "G47.00"}) {
			t.Errorf("%s: diagnoses %v, want F43.10 and G47.00", e.Date, dx)
		}
		if !quoteHasDate(e.Citations[0].Quote, e.Date) {
			t.Errorf("%s: first quote %q does not hold the date", e.Date, e.Citations[0].Quote)
		}
	}
	if want := []string{"2024-03-04", "2024-03-18"}; !slices.Equal(got, want) {
		t.Errorf("encounters %v, want %v", got, want)
	}

	// Scanned, OCR glued one row's code to its minutes ("9083455"): the
	// rows of appointments still record care, one of them a code.
	scanned := `Harborlight Counseling Group
Individual Therapy - Session Record
Patient: Ames, Jordan   DOB 04/11/1986   Therapist: Lena Ruiz, LCSW

04/01/2024      10:00      9083455        Attended
    Topic: sleep and pain diary reviewed.
04/08/2024      10:00      ~~             Late cancel - fee waived
04/15/2024      10:00      90834    47    Showed
    Topic: relaxation practice; driving exposure.
`
	res = extractText(t, scanned)
	got = got[:0]
	for _, e := range res.Encounters {
		got = append(got, e.Date.String())
	}
	if want := []string{"2024-04-01", "2024-04-15"}; len(res.Pages) != 1 || res.Pages[0].Class != extract.PageVisitLog || !slices.Equal(got, want) {
		t.Errorf("code glued by OCR: pages %+v, encounters %v, want a visit log with %v", res.Pages, got, want)
	}
}

// TestAquaticLogHomeProgram: an aquatic therapy record logs the sessions
// in the clinic's pool, each a visit of the clinic whose letterhead heads
// the page (the sessions' heading names no practice), then the home
// exercise program the patient kept between them, under its own heading:
// its days (exercises and repetitions, the patient's initials) are no
// visits. A log without such a heading keeps every dated row.
func TestAquaticLogHomeProgram(t *testing.T) {
	page := func(title, sessions, home string) string {
		return "Cornerstone Chiropractic\n5526 Riverside Dr, Brookfield, WI 53045\nPhone (262) 555-0105\n\n" +
			title + "\nPatient: DOE, JANE   DOB 07/20/1977   DOI 12/06/2023   Acct 74688159\n\n" +
			sessions + "\nDate          Water F    Minutes   Exercises                       Pain pre    Therapist\n" +
			"12/20/2023    93         30        water walking, squats           7/10        CC\n" +
			"12/22/2023    93         45        neck AROM, wall push-ups        5/10        AY\n" +
			"12/26/2023    94         30        deep water jog, noodle rows     5/10        CC\n\n" +
			home + "\nDate          Exercises done                   Reps        Pt initials\n" +
			"12/21/2023    chin tucks, scap squeezes        2x10        JD\n" +
			"12/23/2023    towel stretch, shoulder rolls    3x10        JD\n" +
			"12/24/2023    all HEP sheet 1                  3x10        JD\n"
	}
	sessions := []string{"2023-12-20", "2023-12-22", "2023-12-26"}
	for _, tt := range []struct {
		title, sessions, home string
		want                  []string
	}{
		{"Aquatic Therapy Session Log", "Pool sessions (clinic)", "HOME EXERCISE PROGRAM - PATIENT LOG (self-reported, no visit)", sessions},
		{"AQUATIC THERAPY & HOME PROGRAM RECORD", "IN-CLINIC AQUATIC SESSIONS", "Part B - Home program compliance (patient completes at home)", sessions},
		{"POOL THERAPY FLOW SHEET", "Part A", "Part B", []string{"2023-12-20", "2023-12-21", "2023-12-22", "2023-12-23", "2023-12-24", "2023-12-26"}},
	} {
		res := extractText(t, page(tt.title, tt.sessions, tt.home))
		var got []string
		for _, e := range res.Encounters {
			got = append(got, e.Date.String())
			if e.Provider != "Cornerstone Chiropractic" {
				t.Errorf("%q: encounter %s of %q", tt.sessions, e.Date, e.Provider)
			}
		}
		slices.Sort(got)
		if !slices.Equal(got, tt.want) {
			t.Errorf("%q, %q: encounters %v, want %v (pages %+v)", tt.sessions, tt.home, got, tt.want, res.Pages)
		}
	}
}

// TestLogTitleAboveLetterhead: a fax's OCR may read a log's title, printed
// right of the practice's name, on a line of its own above it. The title
// names the record, not who kept it.
func TestLogTitleAboveLetterhead(t *testing.T) {
	for _, title := range []string{"ACUPUNCTURE PROGRESS FLOW SHEET", "Massage Therapy Treatment Log", "CHIROPRACTIC DAILY TREATMENT SHEET"} {
		text := "RIVERBEND WELLNESS CENTER LLC  06-12-2024  13:00  #4077)  ~Pg 2/10\n\n" + title + "\n\n" +
			"RIVERBEND WELLNESS CENTER LLC\n8563 Pioneer Way, Lexington, KY 40503 Tel (859) 555-0142\n\n" +
			"Patient: Jane Doe  DOB: 07-20-1977 Date of injury: 12-06-2023\n\n" +
			"Tx#   Date         Pain pre/post  Treatment                  Min    CPT             Staff\n" +
			"1     12-26-2023  6/4           neck, upper back          30     97810, 97811     KO\n" +
			"2     01-02-2024  6/4           neck, upper back          30     97813, 97814     KO\n" +
			"3     01-08-2024  5/2           neck, shoulders           30     97813, 97814     KO\n"
		res := extractOCR(t, text)
		if len(res.Encounters) != 3 {
			t.Errorf("%q: %d encounters, want 3", title, len(res.Encounters))
		}
		for _, e := range res.Encounters {
			if e.Provider != "Riverbend Wellness Center LLC" && e.Provider != "RIVERBEND WELLNESS CENTER LLC" {
				t.Errorf("%q: encounter %s of %q", title, e.Date, e.Provider)
			}
		}
	}
}

// TestHomeProgramCountsMisread: a fax's OCR reads a home program's counts
// with look-alikes ("3x]0", "2xl0", "3xIO"); those rows are still days at
// home, no visits.
func TestHomeProgramCountsMisread(t *testing.T) {
	text := "Cornerstone Chiropractic\n5526 Riverside Dr, Brookfield, WI 53045\nPhone (262) 555-0105\n\n" +
		"Aquatic Therapy Session Log\nPatient: DOE, JANE   DOB 7/20/77   DOI 12/6/23   Acct 74688159\n\n" +
		"Part A - Pool sessions (clinic)\nDate           WaterF   Minutes   Exercises                       Pain pre     Therapist\n" +
		"12/20/23        92         30        water walking, squats          7/10         cc\n" +
		"12/22/23        94         30        neck AROM, wall push-ups       5/10         AY\n" +
		"12/26/23        94         30        deep water jog, noodle rows    5/10         cc\n\n" +
		"HOME EXERCISE PROGRAM - PATIENT LOG (self-reported, no visit)\nDate           Exercises done                    Reps          Ptinitials\n" +
		"12/21/23        towel stretch, shoulder rolls      3x10          SH\n" +
		"12/28/23        towel stretch, shoulder rolls      3x]0          SH\n" +
		"12/30/23        chin tucks, scap squeezes          2xl0          SH\n" +
		"1/3/24          all HEP sheet 1                    3xIO          SH\n"
	var got []string
	for _, e := range extractOCR(t, text).Encounters {
		got = append(got, e.Date.String())
	}
	if want := []string{"2023-12-20", "2023-12-22", "2023-12-26"}; !slices.Equal(got, want) {
		t.Errorf("encounters %v, want %v", got, want)
	}
}
