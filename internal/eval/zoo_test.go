package eval

import (
	"bytes"
	"strings"
	"testing"

	"github.com/medchron/medchron/chronology"
	"github.com/medchron/medchron/extract"
	"github.com/medchron/medchron/internal/fixture"
)

// zooCase is a five-page matter: a fax cover, an office note, a
// chiropractic log of two visits, a ledger and an undated note.
func zooCase(t *testing.T) (chronology.Chronology, fixture.Truth) {
	cite := func(pages ...int) []extract.Citation {
		var cs []extract.Citation
		for _, p := range pages {
			cs = append(cs, extract.Citation{DocumentID: "doc", Page: p, Quote: "q"})
		}
		return cs
	}
	truth := fixture.Truth{
		Providers: []fixture.Provider{
			{Name: "Riverside Internal Medicine Associates", Aliases: []string{"Riverside Int Med"}},
			{Name: "Spine Align Chiropractic Center", Aliases: []string{"Spine Align Chiro Ctr"}},
		},
		PageInfo: []fixture.PageTruth{
			{Page: 1, Family: "fax_cover", Class: extract.PageAdmin, Provider: "Riverside Internal Medicine Associates"},
			{Page: 2, Family: "letterhead_note", Class: extract.PageClinical, Provider: "Riverside Internal Medicine Associates"},
			{Page: 3, Family: "chiro_log", Class: extract.PageVisitLog, Provider: "Spine Align Chiropractic Center"},
			{Page: 4, Family: "ledger", Class: extract.PageBill, BillKind: "ledger", Provider: "Spine Align Chiropractic Center"},
			{Page: 5, Family: "undated_note", Class: extract.PageClinical, Provider: "Riverside Internal Medicine Associates"},
		},
		Encounters: []fixture.Encounter{
			{Date: date(t, "2024-01-05"), Provider: "Riverside Internal Medicine Associates", Diagnoses: []string{"S13.4XXA"}, Pages: []int{2}, Family: "letterhead_note"},
			{Date: date(t, "2024-01-10"), Provider: "Spine Align Chiropractic Center", Pages: []int{3}, Family: "chiro_log"},
			{Date: date(t, "2024-01-12"), Provider: "Spine Align Chiropractic Center", Pages: []int{3}, Family: "chiro_log"},
			{Provider: "Riverside Internal Medicine Associates", Pages: []int{5}, Family: "undated_note", Undated: true},
		},
		Bills: []fixture.Bill{
			{Date: date(t, "2024-01-10"), Provider: "Spine Align Chiropractic Center", Code: "98941", Charge: 65, Page: 4, Family: "ledger"},
			{Date: date(t, "2024-01-12"), Provider: "Spine Align Chiropractic Center", Code: "98941", Charge: 65, Page: 4, Family: "ledger"},
		},
		Specials:       fixture.Specials{Total: 130},
		MissingRecords: []fixture.MissingRecord{{Kind: extract.ExpectEMS, What: "ambulance transport", Page: 2}},
	}
	paid := 40.0
	c := chronology.Chronology{
		Providers: []chronology.Provider{{ID: "a", Name: "Riverside Int Med"}, {ID: "b", Name: "Spine Align Chiro Ctr"}, {ID: "u", Name: UnknownProvider}},
		Entries: []chronology.Entry{
			{Date: date(t, "2024-01-05"), ProviderID: "a", Provider: "Riverside Int Med", Diagnoses: []extract.Coded{{Code: "S13.4XXA"}}, Citations: cite(2)},
			{Date: date(t, "2024-01-10"), ProviderID: "u", Provider: UnknownProvider, Citations: cite(3)},
			{Date: date(t, "2024-01-12"), ProviderID: "b", Provider: "Spine Align Chiro Ctr", Citations: cite(3)},
			{Date: date(t, "2024-01-20"), ProviderID: "a", Provider: "Riverside Int Med", Citations: cite(1, 2)},
		},
		Bills: []chronology.Bill{
			{Date: date(t, "2024-01-10"), ProviderID: "b", Code: "98941", Charge: 65, Citations: cite(4)},
			{Date: date(t, "2024-02-10"), ProviderID: "b", Paid: &paid, Citations: cite(4)},
			{Date: date(t, "2024-01-12"), ProviderID: "b", Code: "98941", Charge: 56, Citations: cite(4)},
		},
		Specials: chronology.Specials{TotalCharges: 121},
		Flags: []chronology.Flag{
			{Kind: chronology.FlagUndated, Citations: cite(5)},
			{Kind: chronology.FlagMissingRecords, Message: "Patient arrived by ambulance on 2024-01-05: no EMS record was found.", Citations: cite(2)},
			{Kind: chronology.FlagMissingRecords, Message: "Referral to orthopedics on 2024-01-05: no later orthopedics record was found.", Citations: cite(2)},
		},
	}
	return c, truth
}

func TestCompareZoo(t *testing.T) {
	c, truth := zooCase(t)
	z := CompareZoo(c, truth)
	type want struct {
		field      string
		tp, fp, fn int
	}
	tests := []struct {
		family string
		scores []want
		// entries, unknown, admin entries
		entries, unknown, admin int
	}{
		{"letterhead_note", []want{{"encounters", 1, 1, 0}, {"icd10", 1, 0, 0}, {"encounter_pages", 1, 0, 0}}, 2, 0, 0},
		{"chiro_log", []want{{"encounters", 1, 1, 1}, {"encounter_pages", 1, 0, 0}}, 2, 1, 0},
		{"fax_cover", []want{{"encounters", 0, 1, 0}}, 1, 0, 1},
		{"ledger", []want{{"bill_lines", 1, 1, 1}, {"encounters", 0, 0, 0}}, 0, 0, 0},
		{"undated_note", []want{{"undated", 1, 0, 0}, {"encounters", 0, 0, 0}}, 0, 0, 0},
	}
	for _, tt := range tests {
		fs := z.Families[tt.family]
		if fs == nil {
			t.Fatalf("%s: not scored", tt.family)
		}
		for _, w := range tt.scores {
			s := map[string]Score{"encounters": fs.Encounters, "icd10": fs.ICD10, "bill_lines": fs.BillLines, "undated": fs.Undated,
				"encounter_pages": fs.EncounterPages}[w.field]
			if s.TP != w.tp || s.FP != w.fp || s.FN != w.fn {
				t.Errorf("%s %s: TP/FP/FN %d/%d/%d, want %d/%d/%d", tt.family, w.field, s.TP, s.FP, s.FN, w.tp, w.fp, w.fn)
			}
		}
		if fs.Entries != tt.entries || fs.Unknown != tt.unknown || fs.AdminEntries != tt.admin {
			t.Errorf("%s: entries %d unknown %d admin %d, want %d %d %d", tt.family, fs.Entries, fs.Unknown, fs.AdminEntries, tt.entries, tt.unknown, tt.admin)
		}
	}
	m := z.Matter
	if m.Missing.TP != 1 || m.Missing.FP != 1 || m.Missing.FN != 0 {
		t.Errorf("missing records TP/FP/FN %d/%d/%d, want 1/1/0", m.Missing.TP, m.Missing.FP, m.Missing.FN)
	}
	if m.SpecialsExact() || m.AdminEntries != 1 || m.Unknown != 1 || m.Entries != 4 {
		t.Errorf("matter: exact %v, admin %d, unknown %d, entries %d", m.SpecialsExact(), m.AdminEntries, m.Unknown, m.Entries)
	}
}

// TestCompareZooSharedVisit: a visit two families record (a sign-in sheet
// and an aquatic therapy log of the same session) is one entry citing
// both pages and both records' codes; each family is scored on its own
// page and codes, the other's are no false page or code, but a page or a
// code that no record of the visit holds still is.
func TestCompareZooSharedVisit(t *testing.T) {
	day := date(t, "2024-01-10")
	const clinic = "Spine Align Chiropractic Center"
	truth := fixture.Truth{
		Providers: []fixture.Provider{{Name: clinic}},
		PageInfo: []fixture.PageTruth{
			{Page: 1, Family: "signin_sheet", Class: extract.PageVisitLog, Provider: clinic},
			{Page: 2, Family: "aquatic_log", Class: extract.PageVisitLog, Provider: clinic},
			{Page: 3, Family: "ledger", Class: extract.PageBill, Provider: clinic},
		},
		Encounters: []fixture.Encounter{
			{Date: day, Provider: clinic, Pages: []int{1}, Family: "signin_sheet", Diagnoses: []string{"S13.4XXA"}},
			{Date: day, Provider: clinic, Pages: []int{2}, Family: "aquatic_log", Diagnoses: []string{"M54.2"}},
		},
	}
	var cs []extract.Citation
	for _, p := range []int{1, 2, 3} {
		cs = append(cs, extract.Citation{DocumentID: "doc", Page: p, Quote: "q"})
	}
	c := chronology.Chronology{
		Providers: []chronology.Provider{{ID: "b", Name: clinic}},
		Entries: []chronology.Entry{{Date: day, ProviderID: "b", Provider: clinic, Citations: cs,
			Diagnoses: []extract.Coded{{Code: "S13.4XXA"}, {Code: "M54.2"}, {Code: "M54.5"}}}},
	}
	z := CompareZoo(c, truth)
	for _, f := range []string{"signin_sheet", "aquatic_log"} {
		if s := z.Families[f].EncounterPages; s.TP != 1 || s.FP != 1 || s.FN != 0 {
			t.Errorf("%s: encounter pages TP/FP/FN %d/%d/%d, want 1/1/0", f, s.TP, s.FP, s.FN)
		}
		// So are its codes: the other record's code is no false code, a
		// code neither record holds still is.
		if s := z.Families[f].ICD10; s.TP != 1 || s.FP != 1 || s.FN != 0 {
			t.Errorf("%s: ICD-10 TP/FP/FN %d/%d/%d, want 1/1/0", f, s.TP, s.FP, s.FN)
		}
	}
}

// TestMissingRecordKind: a flag citing the right page with the wrong kind
// is a false flag and leaves the record missed.
func TestMissingRecordKind(t *testing.T) {
	c, truth := zooCase(t)
	c.Flags = []chronology.Flag{{Kind: chronology.FlagMissingRecords, Message: "Order for MRI cervical spine on 2024-01-05: no later MRI record was found.", Citations: c.Entries[0].Citations}}
	s := CompareZoo(c, truth).Matter.Missing
	if s.TP != 0 || s.FP != 1 || s.FN != 1 {
		t.Errorf("TP/FP/FN %d/%d/%d, want 0/1/1", s.TP, s.FP, s.FN)
	}
}

func TestFlagKind(t *testing.T) {
	for msg, want := range map[string]string{
		"Patient arrived by ambulance (Metro EMS): no EMS record.":          extract.ExpectEMS,
		"EMG/NCS report has not been received.":                             extract.ExpectReport,
		"Return to clinic in 6 weeks: no later record.":                     extract.ExpectFollowUp,
		"Referral to pain psychology on 2024-02-01: no later record.":       extract.ExpectReferral,
		"Order for MRI cervical spine on 2024-01-05: no later MRI record.":  extract.ExpectImaging,
		"Order for EMG/NCS of both upper extremities: no later EMG record.": extract.ExpectDiagnostic,
		"Something else entirely":                                           "",
	} {
		if got := flagKind(msg); got != want {
			t.Errorf("flagKind(%q) = %q, want %q", msg, got, want)
		}
	}
}

func TestWriteZooAndHeldOutRecord(t *testing.T) {
	c, truth := zooCase(t)
	z := CompareZoo(c, truth)
	runs := []ZooRun{{Matter: "m1", Rendering: "born-digital", Report: z}, {Matter: "m1", Rendering: "scanned-fax", Report: z}}
	reg := map[string]FamilyInfo{}
	for _, p := range truth.PageInfo {
		reg[p.Family] = FamilyInfo{Group: "clinical", Batch: "A", Status: StatusHeldOut}
	}
	var b bytes.Buffer
	WriteZoo(&b, runs, reg, map[string]string{"gaps F1": "0.950"})
	out := b.String()
	for _, want := range []string{
		"| encounters (date + provider) F1, born-digital | – | 0.500 | – |",
		"| gaps F1 | – | – | 0.950 |",
		"| missing-records recall | – | 1.00 (2 of 2) | – |",
		"| entries from administrative pages | – | 2 | – |",
		"| chiro_log | clinical | A | heldout | 1 | 0.500 | 0.500 | 50.0% |",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("WriteZoo output lacks %q:\n%s", want, out)
		}
	}
	b.Reset()
	WriteZoo(&b, runs, reg, nil)
	if !strings.Contains(b.String(), "| gaps F1 | – | – | not measured |") {
		t.Errorf("without real figures the column is not marked unmeasured:\n%s", b.String())
	}
	b.Reset()
	b.WriteString("## Held-out record\n\n" + HeldOutHeader + "\n|---|\n")
	if n := WriteHeldOutRecord(&b, runs, reg, "2026-12-01", "abc1234", "rules"); n != 5 {
		t.Errorf("%d held-out rows, want 5", n)
	}
	b.WriteString("\nafter the table\n| not_a_row | x | y | z | w | v |\n")
	rec := ParseHeldOutRecord(b.String())
	if len(rec) != 5 || rec["chiro_log"] != [2]string{"2026-12-01", "abc1234"} || rec["not_a_row"] != [2]string{} {
		t.Errorf("parsed record %v", rec)
	}
	// A dev family gets no held-out row.
	reg["chiro_log"] = FamilyInfo{Group: "visit_log", Batch: "A", Status: StatusDev}
	b.Reset()
	if n := WriteHeldOutRecord(&b, runs, reg, "2026-12-01", "abc1234", "rules"); n != 4 || strings.Contains(b.String(), "chiro_log") {
		t.Errorf("%d rows with a dev family:\n%s", n, b.String())
	}
}
