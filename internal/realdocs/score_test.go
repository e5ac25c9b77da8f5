package realdocs

import (
	"testing"

	"github.com/medchron/medchron/chronology"
	"github.com/medchron/medchron/extract"
	"github.com/medchron/medchron/extract/dates"
)

func day(s string) dates.Date {
	d, err := dates.ParseISO(s)
	if err != nil {
		panic(err)
	}
	return d
}

// entry is a verified entry of document "d" citing page 1 with quote.
func entry(date, provider, quote string, dx ...string) chronology.Entry {
	e := chronology.Entry{Provider: provider, Grounded: true,
		Citations: []extract.Citation{{DocumentID: "d", Page: 1, Quote: quote}}}
	if date != "" {
		e.Date = day(date)
	}
	for _, d := range dx {
		e.Diagnoses = append(e.Diagnoses, extract.Coded{Description: d})
	}
	return e
}

func chron(entries ...chronology.Entry) chronology.Chronology {
	return chronology.Chronology{Entries: entries}
}

const pageText = "Lakeview Clinic\nDATE OF SERVICE: 03/04/2024\nSeen for neck pain."

func lookup(doc string, n int) (extract.Page, bool) {
	if doc != "d" || n != 1 {
		return extract.Page{}, false
	}
	return extract.Page{DocumentID: "d", Number: 1, Source: extract.SourceText, Text: pageText}, true
}

// undatedChron puts entries where the chronology keeps records without a
// date of service: Chronology.UndatedEntries.
func undatedChron(entries ...chronology.Entry) chronology.Chronology {
	return chronology.Chronology{UndatedEntries: entries}
}

func TestScore(t *testing.T) {
	dated := Truth{ID: "x", Class: ClassClinicalNote, Provider: "St. Mary's Hosp.",
		Dates:      []ServiceDate{{Date: day("2024-03-04"), Text: "DATE OF SERVICE: 03/04/2024"}},
		Acceptable: []dates.Date{day("2024-03-05")}, Negated: []string{"fever"}}
	stay := Truth{ID: "s", Class: ClassDischarge, Provider: "Lakeview Clinic", ProviderAliases: []string{"Lakeview Hospital"},
		Dates: []ServiceDate{{Date: day("2024-03-01"), End: day("2024-03-04"), Text: "from 03/01 to 03/04/2024"}}}
	unknown := Truth{ID: "u", Class: ClassClinicalNote, Dates: dated.Dates}
	undated := Truth{ID: "n", Class: ClassIME, Undated: true, Acceptable: []dates.Date{day("2024-03-05")}}
	card := Truth{ID: "c", Class: ClassNotRecord}
	const q = "DATE OF SERVICE: 03/04/2024"
	flagged := chron()
	flagged.Flags = []chronology.Flag{{Kind: chronology.FlagUndated}}
	unverifiedOff := entry("2024-03-04", "Saint Marys Hospital", "not on the page")
	unverifiedOff.Grounded = false
	wrongPage := entry("2024-03-04", "Saint Marys Hospital", q)
	wrongPage.Citations[0].Page = 2
	billed := chron()
	billed.Bills = []chronology.Bill{{Charge: 10, Grounded: true, Citations: []extract.Citation{{DocumentID: "d", Page: 1, Quote: "nowhere"}}}}

	cases := []struct {
		name  string
		truth Truth
		c     chronology.Chronology
		want  Result
	}{
		{"right date and provider, normalised", dated, chron(entry("2024-03-04", "Saint Marys Hospital", q)),
			Result{DateRight: true, ProvRight: true, Quotes: 1}},
		{"history date is invented, label date missing", dated, chron(entry("2019-01-01", "St Marys Hospital", q)),
			Result{Invented: 1, ProvRight: true, Quotes: 1}},
		{"acceptable date is neither right nor invented", dated, chron(entry("2024-03-05", "St Marys Hospital", q)),
			Result{ProvRight: true, Quotes: 1}},
		{"right date beside an invented one", dated, chron(entry("2024-03-04", "St Marys Hospital", q), entry("2024-02-01", "St Marys Hospital", q)),
			Result{DateRight: true, Invented: 1, ProvRight: true, Quotes: 2}},
		{"one entry under another provider spoils the provider", dated, chron(entry("2024-03-04", "St Marys Hospital", q), entry("2024-03-04", "Lakeview Clinic", q)),
			Result{DateRight: true, Quotes: 2}},
		{"a printed provider is not unknown", dated, chron(entry("2024-03-04", "Unknown provider", q)),
			Result{DateRight: true, Quotes: 1}},
		{"no entry: no date, no provider", dated, chron(), Result{}},
		{"negated finding as a diagnosis", dated, chron(entry("2024-03-04", "St Marys Hospital", q, "Fevers", "Afebrile", "Neck sprain")),
			Result{DateRight: true, ProvRight: true, NegatedDx: 1, Quotes: 1}},
		{"quote off its page", dated, chron(entry("2024-03-04", "St Marys Hospital", "Seen for back pain.")),
			Result{DateRight: true, ProvRight: true, Quotes: 1, OffPage: 1}},
		{"quote on a page the document does not have", dated, chron(wrongPage),
			Result{DateRight: true, ProvRight: true, Quotes: 1, OffPage: 1}},
		{"ungrounded quotes are not checked", dated, chron(unverifiedOff),
			Result{DateRight: true, ProvRight: true}},
		{"stay: admission date right, alias matches", stay, chron(entry("2024-03-01", "Lakeview Hospital", q)),
			Result{DateRight: true, ProvRight: true, Quotes: 1}},
		{"stay: a day inside is not invented, discharge alone is not right", stay, chron(entry("2024-03-04", "Lakeview Clinic", q)),
			Result{ProvRight: true, Quotes: 1}},
		{"stay: a day after discharge is invented", stay, chron(entry("2024-03-05", "Lakeview Clinic", q)),
			Result{Invented: 1, ProvRight: true, Quotes: 1}},
		{"no provider printed: unknown is right", unknown, chron(entry("2024-03-04", "", q)),
			Result{DateRight: true, ProvRight: true, Quotes: 1}},
		{"no provider printed: a named one is invented", unknown, chron(entry("2024-03-04", "Chiropractic IME", q)),
			Result{DateRight: true, Quotes: 1}},
		{"undated: an undated entry flags it", undated, chron(entry("", "", q)),
			Result{UndatedFlagged: true, ProvRight: true, Quotes: 1}},
		{"undated: an entry of UndatedEntries flags it and carries the provider", undated, undatedChron(entry("", "", q)),
			Result{UndatedFlagged: true, ProvRight: true, Quotes: 1}},
		{"undated: a named provider in UndatedEntries is wrong when none is printed", undated, undatedChron(entry("", "Lakeview Clinic", q)),
			Result{UndatedFlagged: true, Quotes: 1}},
		{"not a record: an undated entry is wrong", card, undatedChron(entry("", "", q)), Result{Quotes: 1}},
		{"undated: a flag of kind undated flags it", undated, flagged, Result{UndatedFlagged: true}},
		{"undated: nothing", undated, chron(), Result{}},
		{"undated: an invented date spoils the flag", undated, chron(entry("", "", q), entry("2019-01-01", "", q)),
			Result{Invented: 1, ProvRight: true, Quotes: 2}},
		{"undated: an acceptable date alone is not a flag", undated, chron(entry("2024-03-05", "", q)),
			Result{ProvRight: true, Quotes: 1}},
		{"not a record: nothing is right", card, chron(), Result{NonRecordClean: true}},
		{"not a record: an entry is wrong", card, chron(entry("", "", q)), Result{Quotes: 1}},
		{"not a record: a bill line is wrong, its quote off page", card, billed, Result{Quotes: 1, OffPage: 1}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := Score(tc.truth, RenderingClean, tc.c, lookup)
			w := tc.want
			if got.DateRight != w.DateRight || got.ProvRight != w.ProvRight || got.Invented != w.Invented ||
				got.UndatedFlagged != w.UndatedFlagged || got.NonRecordClean != w.NonRecordClean ||
				got.NegatedDx != w.NegatedDx || got.Quotes != w.Quotes || got.OffPage != w.OffPage {
				t.Errorf("got date %v provider %v invented %d undated-flagged %v non-record-clean %v negated %d quotes %d off %d\n"+
					"want date %v provider %v invented %d undated-flagged %v non-record-clean %v negated %d quotes %d off %d (entries %v)",
					got.DateRight, got.ProvRight, got.Invented, got.UndatedFlagged, got.NonRecordClean, got.NegatedDx, got.Quotes, got.OffPage,
					w.DateRight, w.ProvRight, w.Invented, w.UndatedFlagged, w.NonRecordClean, w.NegatedDx, w.Quotes, w.OffPage, got.Got)
			}
		})
	}
}

func TestSum(t *testing.T) {
	results := []Result{
		{Rendering: RenderingClean, Record: true, Dated: true, DateRight: true, ProvRight: true},
		{Rendering: RenderingScanned, Record: true, Dated: true, Invented: 2},
		{Rendering: RenderingClean, Record: true, Undated: true, UndatedFlagged: true, ProvRight: true},
		{Rendering: RenderingImage, Skipped: "PNG"},
		{Rendering: RenderingScanned, Record: true, Undated: true, Err: errBoom},
		{Rendering: RenderingClean, NegatedDx: 1, OffPage: 1, Quotes: 3, NonRecordClean: false},
	}
	all := Sum(results)
	want := Totals{Runs: 6, Failed: 1, Skipped: 1, DatedRuns: 2, DateRight: 1, RecordRuns: 3, ProvRight: 2,
		Invented: 2, InventedRuns: 1, UndatedRuns: 1, UndatedFlagged: 1, NonRecordRuns: 1, NonRecordOK: 0,
		NegatedDx: 1, OffPage: 1, Quotes: 3}
	if all != want {
		t.Errorf("Sum = %+v\nwant  %+v", all, want)
	}
	if s := Sum(results, RenderingScanned); s.Runs != 2 || s.Failed != 1 || s.Invented != 2 || s.DateRight != 0 {
		t.Errorf("scanned = %+v", s)
	}
}

type boom struct{}

func (boom) Error() string { return "boom" }

var errBoom error = boom{}
