package chronology

import (
	"testing"

	"github.com/medchron/medchron/extract"
)

func TestHoldsDate(t *testing.T) {
	day := d("2023-12-06")
	tests := []struct {
		quote string
		want  bool
	}{
		{"Date of Service: 12/06/2023", true},
		{"DOS 12/6/23", true},
		{"Visit date: 12.06.2023", true},
		{"12-06-2023 Office visit", true},
		{"Seen on 06-Dec-2023 for neck pain", true},
		{"initially visited our office on December 6, 2023 after the collision", true},
		{"2023-12-06", true},
		{"Date: @6/12/2023", false},           // June 12: US records print the month first
		{"DOS: l2/O6/2023", true},             // OCR slips repaired by extract/dates
		{"12/06  97110 ther ex x2  LB", true}, // a visit-log row: month and day, year in the heading
		{"Date of Service: 12/07/2023", false},
		{"DOB: 12/06/1980", false},
		{"12/06/2022", false},
		{"Assessment: cervical strain", false},
		{"12/0", false},
		{"Total 1206.00", false},
		{"11        12062023       Wed     3      98941", true}, // a table's date column, MMDDYYYY
		{"Acct 112062023", false},
		{"12  12062023  Mon  3  98941 97014", true}, // a billing system's row: MMDDCCYY
		{"DOS 120623", true},
		{"20231206 99213", true},
		{"Acct 4812062023", false},
		{"Claim 12062023-7", false},
		{"12072023", false},
		{"12052023 12062023 Tue", true},
	}
	for _, tt := range tests {
		if got := holdsDate(tt.quote, day); got != tt.want {
			t.Errorf("holdsDate(%q) = %v, want %v", tt.quote, got, tt.want)
		}
	}
}

// TestDateCitationEnforced: the first citation of an entry holds its date;
// a later citation that holds it is moved first; an entry none of whose
// quotes holds it is flagged date_not_quoted. The entry id does not change
// with the reordering.
func TestDateCitationEnforced(t *testing.T) {
	note := "Oakwood Family Medicine\nAssessment: cervical strain.\nVisit date: December 6, 2023\nPlan: PT."
	tests := []struct {
		name      string
		extractor string
		quotes    []string
		first     string // quote expected first
		flagged   bool
	}{
		{"date first", "rules", []string{"Visit date: December 6, 2023", "Assessment: cervical strain."}, "Visit date: December 6, 2023", false},
		{"date second, moved first", "llm:test", []string{"Assessment: cervical strain.", "Visit date: December 6, 2023"}, "Visit date: December 6, 2023", false},
		{"no quote holds the date", "llm:test", []string{"Assessment: cervical strain.", "Plan: PT."}, "Assessment: cervical strain.", true},
		{"rules extractor without the date", "rules", []string{"Oakwood Family Medicine"}, "Oakwood Family Medicine", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var cits []extract.Citation
			for _, q := range tt.quotes {
				cits = append(cits, cite("d", 1, q))
			}
			src := source("d", "pcp.pdf", []extract.Page{textPage("d", 1, note)}, extract.Result{Encounters: []extract.Encounter{{
				Date: d("2023-12-06"), Provider: "Oakwood Family Medicine", Citations: cits}}})
			src.Extractor = tt.extractor
			c := Build(Matter{ID: "m"}, []Source{src}, Options{})
			if len(c.Entries) != 1 {
				t.Fatalf("entries %+v", c.Entries)
			}
			e := c.Entries[0]
			if e.Citations[0].Quote != tt.first || len(e.Citations) != len(tt.quotes) {
				t.Errorf("citations %+v, want %q first", e.Citations, tt.first)
			}
			fs := flagsOf(c, FlagDateNotQuoted)
			if (len(fs) == 1) != tt.flagged || len(fs) > 1 {
				t.Errorf("date_not_quoted flags %+v, want flagged=%v", fs, tt.flagged)
			}
			if tt.flagged && (fs[0].EntryIDs[0] != e.ID || fs[0].Citations[0].Page != 1) {
				t.Errorf("flag %+v does not name the entry and its page", fs[0])
			}
			want := "ent-" + shortHash("2023-12-06", NormalizeProvider("Oakwood Family Medicine"), "d", "1")
			if e.ID != want {
				t.Errorf("id %s, want %s (stable whatever the order of quotes)", e.ID, want)
			}
		})
	}
}
