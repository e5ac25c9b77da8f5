package chronology

import (
	"strings"
	"testing"

	"github.com/medchron/medchron/extract"
)

// expect is an expected record on the page of visit number page (1-based,
// as matterOf numbers them), quoting part of that visit's text.
type expect struct {
	page                      int
	kind, what, quote, source string
	provider                  string
}

func matterWithExpected(vs []visit, xs []expect) []Source {
	srcs := matterOf(vs)
	for _, x := range xs {
		srcs[0].Result.Expected = append(srcs[0].Result.Expected, extract.ExpectedRecord{
			Kind: x.kind, What: x.what, Provider: x.provider, Source: x.source,
			Citations: []extract.Citation{cite("d", x.page, x.quote)}})
	}
	return srcs
}

// TestMissingRecordsFromEvidence: an expected record of any kind of care
// with no later record of that kind (or from the provider it names) raises
// one missing_records flag citing the page that proves it; fulfilled ones
// raise nothing.
func TestMissingRecordsFromEvidence(t *testing.T) {
	er := visit{date: "2023-03-10", provider: "Mercy Hospital", kind: "emergency", visitType: "emergency visit",
		text: "Arrived by ambulance. Refer to EMG/NCS of the upper extremities. Counseling referral for anxiety. Return in 2 weeks."}
	later := func(date, provider, kind, visitType, text string) visit {
		return visit{date: date, provider: provider, kind: kind, visitType: visitType, text: text}
	}
	ems := expect{page: 1, kind: extract.ExpectEMS, what: "ambulance", quote: "Arrived by ambulance."}
	emg := expect{page: 1, kind: extract.ExpectDiagnostic, what: "EMG/NCS of the upper extremities", quote: "Refer to EMG/NCS of the upper extremities."}
	counsel := expect{page: 1, kind: extract.ExpectReferral, what: "counseling for anxiety", quote: "Counseling referral for anxiety."}
	follow := expect{page: 1, kind: extract.ExpectFollowUp, what: "return in 2 weeks", quote: "Return in 2 weeks."}
	hp := visit{date: "2023-03-10", provider: "Mercy Hospital", kind: "hospital", visitType: "hospital admission",
		text: "Admit to trauma surgery. Neurosurgery consult requested."}
	consult := expect{page: 1, kind: extract.ExpectReferral, what: "neurosurgery consultation", quote: "Neurosurgery consult requested."}
	tests := []struct {
		name   string
		visits []visit
		xs     []expect
		want   []string // substrings of the flags' messages, in order
	}{
		{"EMS arrival, no EMS record", []visit{er}, []expect{ems}, []string{"Ambulance or EMS transport on 2023-03-10"}},
		{"EMS arrival with the run report", []visit{er, later("2023-03-10", "Metro Fire Rescue EMS", "ambulance", "ambulance transport", "PCR")}, []expect{ems}, nil},
		{"EMS run report dated the night before", []visit{later("2023-03-09", "County EMS", "", "patient care report", "Transport"), er}, []expect{{page: 2, kind: extract.ExpectEMS, what: "ambulance", quote: "Arrived by ambulance."}}, nil},
		{"the ambulance's own run report tells of the transport", []visit{later("2023-03-10", "Metro County EMS", "ambulance", "ambulance transport", "Transported to Mercy Hospital.")},
			[]expect{{page: 1, kind: extract.ExpectEMS, what: "ambulance transport", provider: "Metro County EMS", quote: "Transported to Mercy Hospital."}}, nil},
		{"follow-up with other care, seen there", []visit{er, later("2023-03-15", "Oak Family Medicine", "", "office visit", "Visit")},
			[]expect{{page: 1, kind: extract.ExpectFollowUp, what: "follow-up with primary care physician", quote: "Return in 2 weeks."}}, nil},
		{"follow-up with other care, never seen", []visit{er, later("2023-03-15", "Mercy Hospital", "emergency", "follow-up", "Recheck")},
			[]expect{{page: 1, kind: extract.ExpectFollowUp, what: "follow-up with primary care physician", quote: "Return in 2 weeks."}}, []string{"Follow-up with primary care physician"}},
		{"EMG/NCS never done", []visit{er}, []expect{emg}, []string{"Order for EMG/NCS"}},
		{"EMG/NCS done", []visit{er, later("2023-04-02", "Valley Neurodiagnostics", "", "EMG/NCS", "Normal study")}, []expect{emg}, nil},
		{"EMG before the order does not count", []visit{later("2023-03-01", "Valley Neurodiagnostics", "", "EMG/NCS", "Normal study"), er},
			[]expect{{page: 2, kind: extract.ExpectDiagnostic, what: "EMG/NCS", quote: "Refer to EMG/NCS of the upper extremities."}}, []string{"EMG/NCS"}},
		{"counselling referral, no visit", []visit{er}, []expect{counsel}, []string{"Referral to counseling for anxiety"}},
		{"counselling referral honoured by a psychologist", []visit{er, later("2023-05-01", "Bright Path Psychology", "", "intake", "Intake")}, []expect{counsel}, nil},
		{"follow-up never seen again", []visit{er}, []expect{follow}, []string{"Follow-up return in 2 weeks"}},
		{"follow-up seen", []visit{er, later("2023-03-24", "Mercy Hospital", "emergency", "follow-up", "Recheck")}, []expect{follow}, nil},
		{"follow-up: another provider is not a follow-up", []visit{er, later("2023-03-24", "Bright Path Psychology", "", "intake", "Intake")}, []expect{follow}, []string{"Follow-up"}},
		{"follow-up the same day is not a follow-up", []visit{er, later("2023-03-10", "Mercy Hospital", "emergency", "x-ray", "XR")}, []expect{follow}, []string{"Follow-up"}},
		{"MRI ordered, MRI report later", []visit{er, later("2023-03-20", "Open MRI of the Valley", "radiology", "MRI", "MRI C-spine")},
			[]expect{{page: 1, kind: extract.ExpectImaging, what: "MRI cervical spine", quote: "Arrived by ambulance."}}, nil},
		{"MRI ordered, only an X-ray later", []visit{er, later("2023-03-20", "Valley Imaging", "radiology", "X-ray", "XR C-spine")},
			[]expect{{page: 1, kind: extract.ExpectImaging, what: "MRI cervical spine", quote: "Arrived by ambulance."}}, []string{"Order for MRI cervical spine"}},
		{"report not received, report in the matter", []visit{later("2023-03-01", "Open MRI of the Valley", "radiology", "MRI", "MRI"), er},
			[]expect{{page: 2, kind: extract.ExpectReport, what: "MRI report", quote: "Arrived by ambulance."}}, nil},
		{"report not received, nothing", []visit{er}, []expect{{page: 1, kind: extract.ExpectReport, what: "MRI report", quote: "Arrived by ambulance."}},
			[]string{"Report not received: MRI report"}},
		{"referral to a named provider honoured", []visit{er, later("2023-04-01", "Dr. Anil Patel Neurology Associates", "", "consult", "Consult")},
			[]expect{{page: 1, kind: extract.ExpectReferral, what: "specialist", provider: "Patel Neurology Associates", quote: "Arrived by ambulance."}}, nil},
		{"referral to a named provider never seen", []visit{er, later("2023-04-01", "Dr. Anil Shah Neurology Associates", "", "consult", "Consult")},
			[]expect{{page: 1, kind: extract.ExpectReferral, what: "specialist", provider: "Patel Neurology Associates", quote: "Arrived by ambulance."}}, []string{"Referral to specialist"}},
		{"referral to a practice by name only", []visit{er, later("2023-04-01", "Hillcrest Vestibular Rehab", "", "evaluation", "Eval")},
			[]expect{{page: 1, kind: extract.ExpectReferral, what: "Hillcrest balance clinic", quote: "Arrived by ambulance."}}, nil},
		{"referral to a practice by name, not seen", []visit{er, later("2023-04-01", "Summit Orthopedics", "orthopedics", "evaluation", "Eval")},
			[]expect{{page: 1, kind: extract.ExpectReferral, what: "Hillcrest balance clinic", quote: "Arrived by ambulance."}}, []string{"Referral to Hillcrest"}},
		{"referral to an unnamed kind of care is not checked", []visit{er}, []expect{{page: 1, kind: extract.ExpectReferral, what: "", quote: "Arrived by ambulance."}}, nil},
		{"quote not on the page", []visit{er}, []expect{{page: 1, kind: extract.ExpectEMS, what: "ambulance", quote: "Arrived by helicopter."}}, nil},
		{"one flag per expected record, also listed as a referral", []visit{{date: "2023-03-10", provider: "Mercy Hospital", kind: "emergency",
			text: "Counseling referral for anxiety.", referrals: []string{"counseling for anxiety"}}},
			[]expect{{page: 1, kind: extract.ExpectReferral, what: "counseling for anxiety", quote: "Counseling referral for anxiety."}}, []string{"Referral to counseling"}},
		{"the same evidence twice", []visit{er}, []expect{emg, emg}, []string{"EMG/NCS"}},
		{"one transport told by the emergency record and the admission note", []visit{er, hp},
			[]expect{ems, {page: 2, kind: extract.ExpectEMS, what: "brought in by ambulance", quote: "Admit to trauma surgery."}}, []string{"Ambulance or EMS transport on 2023-03-10"}},
		{"transports on two days", []visit{er, later("2023-05-02", "Mercy Hospital", "emergency", "emergency visit", "Arrived by ambulance again.")},
			[]expect{ems, {page: 2, kind: extract.ExpectEMS, what: "ambulance", quote: "Arrived by ambulance again."}}, []string{"on 2023-03-10", "on 2023-05-02"}},
		{"consult asked for at admission, seen during the stay", []visit{hp, later("2023-03-11", "Capitol Neurosurgical Associates", "", "consultation", "Inpatient consult")},
			[]expect{consult}, nil},
		{"consult asked for at admission, only an office visit weeks later", []visit{hp, later("2023-04-20", "Capitol Neurosurgical Associates", "", "consultation", "New patient")},
			[]expect{consult}, []string{"Referral to neurosurgery consultation"}},
		{"outpatient consult asked for at discharge, seen weeks later", []visit{hp, later("2023-04-20", "Capitol Neurosurgical Associates", "", "consultation", "New patient")},
			[]expect{{page: 1, kind: extract.ExpectReferral, what: "outpatient neurosurgery consultation in 4 weeks", quote: "Admit to trauma surgery."}}, nil},
		{"therapy referral at discharge, seen weeks later", []visit{hp, later("2023-04-20", "Align Physical Therapy", "", "physical therapy", "Evaluation")},
			[]expect{{page: 1, kind: extract.ExpectReferral, what: "physical therapy", quote: "Admit to trauma surgery."}}, nil},
		{"speech-language referral honoured by a speech and cognitive rehabilitation practice", []visit{er, later("2023-04-20", "Clearview Speech & Cognitive Rehabilitation", "physical_therapy", "physical therapy", "Session")},
			[]expect{{page: 1, kind: extract.ExpectReferral, what: "speech-language pathology", quote: "Arrived by ambulance."}}, nil},
		{"neuropsychology referral honoured by a neuropsychological evaluation", []visit{er, later("2023-04-20", "Brightwater Cognitive Services", "neuropsychology", "neuropsychological evaluation", "Testing")},
			[]expect{{page: 1, kind: extract.ExpectReferral, what: "neuropsychology", quote: "Arrived by ambulance."}}, nil},
		{"referral from an office visit, seen weeks later", []visit{er, later("2023-04-20", "Capitol Neurosurgical Associates", "", "consultation", "New patient")},
			[]expect{{page: 1, kind: extract.ExpectReferral, what: "neurosurgery consultation", quote: "Arrived by ambulance."}}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := Build(Matter{ID: "m"}, matterWithExpected(tt.visits, tt.xs), Options{})
			fs := flagsOf(c, FlagMissingRecords)
			if len(fs) != len(tt.want) {
				t.Fatalf("flags %+v, want %d", fs, len(tt.want))
			}
			for i, w := range tt.want {
				if !strings.Contains(fs[i].Message, w) || len(fs[i].Citations) != 1 || fs[i].Citations[0].Bates == "" {
					t.Errorf("flag %q does not name %q or cite its page: %+v", fs[i].Message, w, fs[i].Citations)
				}
			}
		})
	}
}

// TestMissingRecordNotFromAdministrativePages: a records request listing
// the imaging it wants proves nothing missing.
func TestMissingRecordNotFromAdministrativePages(t *testing.T) {
	vs := []visit{{date: "2023-03-10", provider: "Mercy Hospital", text: "Records requested: MRI reports and films."}}
	for _, class := range []string{extract.PageAdmin, extract.PageClinical} {
		srcs := matterWithExpected(vs, []expect{{page: 1, kind: extract.ExpectImaging, what: "MRI", quote: "Records requested: MRI reports and films."}})
		srcs[0].Result.Pages = []extract.PageInfo{{Page: 1, Class: class}}
		c := Build(Matter{ID: "m"}, srcs, Options{})
		want := 1
		if class == extract.PageAdmin {
			want = 0
		}
		if fs := flagsOf(c, FlagMissingRecords); len(fs) != want {
			t.Errorf("%s page: flags %+v, want %d", class, fs, want)
		}
	}
}

// TestMissingRecordCitesItsPage: the flag cites the quote of the expected
// record and names the entry on its page.
func TestMissingRecordCitesItsPage(t *testing.T) {
	vs := []visit{{date: "2023-03-10", provider: "Mercy Hospital", text: "Neck pain."},
		{date: "2023-03-12", provider: "Mercy Hospital", text: "BIBA (brought in by ambulance)."}}
	c := Build(Matter{ID: "m"}, matterWithExpected(vs, []expect{{page: 2, kind: extract.ExpectEMS, what: "ambulance", quote: "BIBA (brought in by ambulance)."}}), Options{})
	fs := flagsOf(c, FlagMissingRecords)
	if len(fs) != 1 || fs[0].Citations[0].Page != 2 || fs[0].Citations[0].Quote != "BIBA (brought in by ambulance)." ||
		len(fs[0].EntryIDs) != 1 || fs[0].EntryIDs[0] != c.Entries[1].ID || !strings.Contains(fs[0].Message, "2023-03-12 (Mercy Hospital)") {
		t.Errorf("flags %+v", fs)
	}
}

// TestMissingRecordOnAPageOfTwoNotes: evidence printed on a page holding
// two notes belongs to the note it follows: a follow-up scheduled in the
// second note is missing when nothing comes after it, even though the
// second note came after the first.
func TestMissingRecordOnAPageOfTwoNotes(t *testing.T) {
	page := "Lakeside Ortho\nDate: 01/04/2024\nNeck pain. Return in 4 weeks.\n" +
		"Date: 02/05/2024\nNeck pain improving. Follow-up visit in 6 weeks."
	enc := func(date, quote string) extract.Encounter {
		return extract.Encounter{Date: d(date), Provider: "Lakeside Ortho", Citations: []extract.Citation{cite("d", 1, quote)}}
	}
	for _, tc := range []struct {
		quote string
		flags int
	}{
		{"Follow-up visit in 6 weeks.", 1}, // in the second note: nothing after it
		{"Return in 4 weeks.", 0},          // in the first note: the second note follows
	} {
		src := source("d", "ortho.pdf", []extract.Page{textPage("d", 1, page)}, extract.Result{
			Encounters: []extract.Encounter{enc("2024-01-04", "Date: 01/04/2024"), enc("2024-02-05", "Date: 02/05/2024")},
			Expected:   []extract.ExpectedRecord{{Kind: extract.ExpectFollowUp, What: "follow-up visit", Citations: []extract.Citation{cite("d", 1, tc.quote)}}},
		})
		c := Build(Matter{ID: "m"}, []Source{src}, Options{})
		if fs := flagsOf(c, FlagMissingRecords); len(fs) != tc.flags {
			t.Errorf("%q: flags %+v, want %d", tc.quote, fs, tc.flags)
		}
	}
	// Both notes cite the summary's header above them ("Encounters 1/4/24
	// to 2/5/24"): each note's own lines still tell which one the
	// follow-up is printed in.
	summary := "Lakeside Ortho   Encounters 1/4/24 to 2/5/24\n" + page
	both := func(date, quote string) extract.Encounter {
		e := enc(date, "Encounters 1/4/24 to 2/5/24")
		e.Citations = append(e.Citations, cite("d", 1, quote))
		return e
	}
	src := source("d", "ortho.pdf", []extract.Page{textPage("d", 1, summary)}, extract.Result{
		Encounters: []extract.Encounter{both("2024-01-04", "Date: 01/04/2024"), both("2024-02-05", "Date: 02/05/2024")},
		Expected:   []extract.ExpectedRecord{{Kind: extract.ExpectFollowUp, What: "follow-up visit", Citations: []extract.Citation{cite("d", 1, "Follow-up visit in 6 weeks.")}}},
	})
	if fs := flagsOf(Build(Matter{ID: "m"}, []Source{src}, Options{}), FlagMissingRecords); len(fs) != 1 {
		t.Errorf("under a shared header: flags %+v, want 1", fs)
	}
}

// TestMissingRecordAbbreviatedProvider: a referral to pain management is
// answered by a practice printed "Pain Mgmt".
func TestMissingRecordAbbreviatedProvider(t *testing.T) {
	vs := []visit{{date: "2024-01-08", provider: "Parkway Ortho", text: "Refer to pain management.", referrals: []string{"pain management"}},
		{date: "2024-02-01", provider: "Northgate Pain Mgmt Ctr", text: "Consultation."}}
	if fs := flagsOf(Build(Matter{ID: "m"}, matterOf(vs), Options{}), FlagMissingRecords); len(fs) != 0 {
		t.Errorf("flags %+v", fs)
	}
}

// TestFollowUpNotAnsweredByUndatedNote: a follow-up must come later, which
// an undated note of the same practice cannot show.
func TestFollowUpNotAnsweredByUndatedNote(t *testing.T) {
	vs := []visit{{date: "2024-08-05", provider: "Summit Sports Med", text: "Return to clinic in 6 weeks for re-evaluation."}}
	srcs := matterWithExpected(vs, []expect{{page: 1, kind: extract.ExpectFollowUp, what: "follow-up visit", quote: "Return to clinic in 6 weeks for re-evaluation."}})
	srcs[0].Pages = append(srcs[0].Pages, textPage("d", 2, "Summit Sports Med\nProgress note\nShoulder improving."))
	srcs[0].Result.Encounters = append(srcs[0].Result.Encounters, extract.Encounter{Undated: true, Provider: "Summit Sports Med",
		Citations: []extract.Citation{cite("d", 2, "Progress note")}})
	if fs := flagsOf(Build(Matter{ID: "m"}, srcs, Options{}), FlagMissingRecords); len(fs) != 1 {
		t.Errorf("flags %+v, want the follow-up flagged", fs)
	}
}

// TestMissingRecordOnANoteContinuationPage: evidence on a note's second
// page, which no fact of the note cites, belongs to the note the page
// continues: a consult asked for there during a hospital stay is not
// answered by an office visit weeks after discharge.
func TestMissingRecordOnANoteContinuationPage(t *testing.T) {
	hp := source("h", "hospital.pdf", []extract.Page{
		textPage("h", 1, "Saint Luke's Regional Hospital\nH&P - Hospital Medicine Admission\nDate of Admission: 16-May-2024\nAdmit for observation.\nPage 1 of 2"),
		textPage("h", 2, "H&P - Hospital Medicine Admission\nNeurosurgery consult requested to review the cervical imaging.\nPage 2 of 2"),
	}, extract.Result{
		Encounters: []extract.Encounter{{Date: d("2024-05-16"), Provider: "Saint Luke's Regional Hospital", VisitType: "hospital admission",
			Citations: []extract.Citation{cite("h", 1, "Date of Admission: 16-May-2024")}}},
		Expected: []extract.ExpectedRecord{{Kind: extract.ExpectReferral, What: "inpatient neurosurgery consultation",
			Citations: []extract.Citation{cite("h", 2, "Neurosurgery consult requested to review the cervical imaging.")}}},
	})
	office := source("n", "neuro.pdf", []extract.Page{textPage("n", 1, "Capitol Neurosurgery\nDate of visit: 06/21/2024\nNew patient consultation.")},
		extract.Result{Encounters: []extract.Encounter{{Date: d("2024-06-21"), Provider: "Capitol Neurosurgery", VisitType: "consultation",
			Citations: []extract.Citation{cite("n", 1, "Date of visit: 06/21/2024")}}}})
	c := Build(Matter{ID: "m"}, []Source{hp, office}, Options{})
	fs := flagsOf(c, FlagMissingRecords)
	if len(fs) != 1 || !strings.Contains(fs[0].Message, "neurosurgery") || len(fs[0].EntryIDs) != 1 {
		t.Errorf("flags %+v, want one for the inpatient consult, naming the admission", fs)
	}
}
