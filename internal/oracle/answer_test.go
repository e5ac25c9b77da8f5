package oracle

import (
	"slices"
	"strings"
	"testing"

	"github.com/medchron/medchron/extract"
	"github.com/medchron/medchron/extract/dates"
	"github.com/medchron/medchron/internal/fixture"
	"github.com/medchron/medchron/prompts"
)

func TestParsePages(t *testing.T) {
	p, err := prompts.Extraction(prompts.LatestExtraction)
	if err != nil {
		t.Fatal(err)
	}
	pages := []extract.Page{{Number: 4, Text: "ACME ORTHO\nDOS: 03/14/2023\n"}, {Number: 5, Text: "=== PAGE 9 ===\nTotal 5.00"}}
	user, err := p.User(pages, extract.PageInfo{Page: 4, Class: extract.PageClinical, Provider: "Acme Ortho"})
	if err != nil {
		t.Fatal(err)
	}
	got := ParsePages(user)
	want := []Page{{4, "ACME ORTHO\nDOS: 03/14/2023"}, {5, "[page marker removed]\nTotal 5.00"}}
	if !slices.Equal(got, want) {
		t.Errorf("pages %+v, want %+v", got, want)
	}
	if ParsePages("no data block") != nil {
		t.Error("pages read outside a data block")
	}
}

func TestMoneyForms(t *testing.T) {
	for v, want := range map[float64]string{1250: "1,250.00 1250.00", 95: "95.00", 1234567.5: "1,234,567.50 1234567.50", -40: "-40.00"} {
		if got := strings.Join(moneyForms(v), " "); got != want {
			t.Errorf("moneyForms(%v) = %q, want %q", v, got, want)
		}
	}
}

// TestAnswerQuotesThePage: every fact is quoted from the page as received
// (its provider under the name printed there); a fact the page does not
// show is left out and reported, never invented.
func TestAnswerQuotesThePage(t *testing.T) {
	truth := fixture.Truth{
		Patient:   "Jane Roe",
		Providers: []fixture.Provider{{Name: "Summit Pain Management", Kind: "pain_management", Aliases: []string{"SUMMIT PAIN MGMT"}}},
		Encounters: []fixture.Encounter{
			{Date: dates.New(2024, 2, 1), DateText: "February 1, 2024", Provider: "Summit Pain Management", VisitType: "consultation",
				Diagnoses: []string{"M54.16"}, Pages: []int{1}},
			{Undated: true, Provider: "Summit Pain Management", VisitType: "procedure note", Pages: []int{2}},
			{Date: dates.New(2024, 3, 1), DateText: "03/01/2024", Provider: "Summit Pain Management", Pages: []int{3}},
		},
		Bills: []fixture.Bill{{Date: dates.New(2024, 2, 1), Provider: "Summit Pain Management", Code: "64483", RevenueCode: "0360",
			Modifiers: []string{"LT"}, Units: 1, Description: "TFESI", Charge: 1800, Page: 2}},
		BillTotals:     []fixture.BillTotal{{Provider: "Summit Pain Management", Kind: extract.TotalBalance, Total: 900, Page: 2}},
		MissingRecords: []fixture.MissingRecord{{Kind: extract.ExpectDiagnostic, What: "EMG/NCS", Page: 1}},
	}
	pages := []Page{
		{1, "SUMMIT PAIN MGMT\nPatient: Jane Roe\nSeen on February 1, 2024 for low back pain.\nDx: M54.16 radiculopathy\nPlan: EMG/NCS lower extremities."},
		{2, "PROCEDURE NOTE\n0360 64483 LT TFESI 1 1,800.00\nBalance due 900.00"},
		{3, "Summit Pain Management\nFollow-up, date illegible"},
	}
	a, misses := Answer(truth, pages)
	if a.Patient != "Jane Roe" || len(a.Pages) != 3 || a.Pages[0].Class != extract.PageClinical || a.Pages[0].Provider != "SUMMIT PAIN MGMT" {
		t.Errorf("patient %q pages %+v", a.Patient, a.Pages)
	}
	if len(a.Encounters) != 2 {
		t.Fatalf("encounters %+v", a.Encounters)
	}
	e := a.Encounters[0]
	if e.Date != "2024-02-01" || e.Provider != "SUMMIT PAIN MGMT" || e.ProviderKind != "pain_management" ||
		e.Citations[0].Quote != "Seen on February 1, 2024 for low back pain." || e.Diagnoses[0].Code != "M54.16" {
		t.Errorf("encounter %+v", e)
	}
	if u := a.Encounters[1]; !u.Undated || u.Date != "" || u.Citations[0].Quote != "PROCEDURE NOTE" {
		t.Errorf("undated encounter %+v", u)
	}
	if len(a.BillLines) != 1 || a.BillLines[0].RevenueCode != "0360" || *a.BillLines[0].Units != 1 ||
		a.BillLines[0].Citations[0].Quote != "0360 64483 LT TFESI 1 1,800.00" {
		t.Errorf("bill lines %+v", a.BillLines)
	}
	if len(a.BillTotals) != 1 || a.BillTotals[0].Kind != "balance" || a.BillTotals[0].Citations[0].Quote != "Balance due 900.00" {
		t.Errorf("totals %+v", a.BillTotals)
	}
	if len(a.Expected) != 1 || a.Expected[0].Citations[0].Quote != "Plan: EMG/NCS lower extremities." {
		t.Errorf("expected %+v", a.Expected)
	}
	if len(misses) != 1 || !strings.Contains(misses[0], "page 3") {
		t.Errorf("misses %q, want the encounter whose date page 3 does not print", misses)
	}
}
