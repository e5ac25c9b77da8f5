package chronology

import (
	"slices"
	"strings"
	"testing"

	"github.com/medchron/medchron/extract"
)

const (
	faxCover  = "FAX COVER SHEET\nFROM: Brightline Records Retrieval\nTO: Law Office of Dana Pike\nDate: 01/15/2024\nPages: 4"
	hipaaAuth = "AUTHORIZATION FOR RELEASE OF PROTECTED HEALTH INFORMATION\nI authorize Lakeside Chiropractic to release records.\nSigned 01/02/2024"
	chiroNote = "Lakeside Chiropractic\nDaily note 01/05/2024\nCervical adjustment. Pain 4/10."
	chiroUnd  = "Lakeside Chiropractic\nProgress note\nPatient improving. Continue care."
	plainNote = "Progress note\nDate of service: 02/01/2024\nNeck pain improving."
)

// TestAdministrativePagesCreateNothing: facts cited only on pages classed
// administrative or blank create no entry, bill, total or provider, from
// either extractor; the same facts on an unclassified page do.
func TestAdministrativePagesCreateNothing(t *testing.T) {
	for _, extractor := range []string{"rules", "llm:test-model"} {
		for _, class := range []string{extract.PageAdmin, extract.PageBlank, "", extract.PageClinical} {
			t.Run(extractor+"/"+class, func(t *testing.T) {
				pages := []extract.Page{textPage("d", 1, faxCover), textPage("d", 2, chiroNote)}
				r := extract.Result{
					Pages: []extract.PageInfo{{Page: 1, Class: class}, {Page: 2, Class: extract.PageClinical, Provider: "Lakeside Chiropractic"}},
					Encounters: []extract.Encounter{
						{Date: d("2024-01-15"), Provider: "Brightline Records Retrieval", Citations: []extract.Citation{cite("d", 1, "Date: 01/15/2024")}},
						{Date: d("2024-01-05"), Provider: "Lakeside Chiropractic", Citations: []extract.Citation{cite("d", 2, "Daily note 01/05/2024")}},
					},
					Bills: []extract.BillLine{{Date: d("2024-01-15"), Provider: "Law Office of Dana Pike", Charge: 4,
						Citations: []extract.Citation{cite("d", 1, "Pages: 4")}}},
					BillTotals: []extract.BillTotal{{Provider: "Law Office of Dana Pike", Total: 4, Citations: []extract.Citation{cite("d", 1, "Pages: 4")}}},
				}
				src := source("d", "records.pdf", pages, r)
				src.Extractor = extractor
				c := Build(Matter{ID: "m"}, []Source{src}, Options{})
				var names []string
				for _, p := range c.Providers {
					names = append(names, p.Name)
				}
				admin := class == extract.PageAdmin || class == extract.PageBlank
				wantEntries, wantNames := 2, []string{"Brightline Records Retrieval", "Lakeside Chiropractic", "Law Office of Dana Pike"}
				if admin {
					wantEntries, wantNames = 1, []string{"Lakeside Chiropractic"}
				}
				if len(c.Entries) != wantEntries || !slices.Equal(names, wantNames) {
					t.Errorf("entries %d providers %q, want %d %q", len(c.Entries), names, wantEntries, wantNames)
				}
				if admin && (len(c.Bills) != 0 || len(c.BillTotals) != 0 || len(c.Flags) != 0) {
					t.Errorf("bills %+v totals %+v flags %+v from an %s page", c.Bills, c.BillTotals, c.Flags, class)
				}
				wantClasses := []string{class, extract.PageClinical}
				if class == "" {
					wantClasses[0] = PageUnclassified
				}
				if !slices.Equal(c.Documents[0].PageClasses, wantClasses) {
					t.Errorf("page classes %q, want %q", c.Documents[0].PageClasses, wantClasses)
				}
			})
		}
	}
}

// TestPageClassesOmitted: an extractor that classifies no page leaves
// documents[].page_classes out.
func TestPageClassesOmitted(t *testing.T) {
	c := Build(Matter{ID: "m"}, []Source{source("d", "a.pdf", []extract.Page{textPage("d", 1, chiroNote)}, extract.Result{})}, Options{})
	if c.Documents[0].PageClasses != nil {
		t.Errorf("page classes %q", c.Documents[0].PageClasses)
	}
}

// TestUnknownProviderPerDocument: facts that name no provider take their
// page's section provider; when none is known each document gets its own
// unknown provider, flagged once per document and citing its page.
func TestUnknownProviderPerDocument(t *testing.T) {
	enc := func(doc, date, printed string) extract.Encounter {
		return extract.Encounter{Date: d(date), Provider: printed, Citations: []extract.Citation{cite(doc, 1, "Date of service: 02/01/2024")}}
	}
	// Three notes of the day, none a copy of another (a copy's visit is its
	// original's: TestDuplicatePageFacts).
	a := source("a", "a.pdf", []extract.Page{textPage("a", 1, plainNote+"\nRange of motion full.")}, extract.Result{Encounters: []extract.Encounter{enc("a", "2024-02-01", "")}})
	b := source("b", "b.pdf", []extract.Page{textPage("b", 1, plainNote+"\nReturn in two weeks.")}, extract.Result{Encounters: []extract.Encounter{enc("b", "2024-02-01", "Unknown provider")},
		Bills: []extract.BillLine{{Date: d("2024-02-01"), Charge: 60, Citations: []extract.Citation{cite("b", 1, "Neck pain improving.")}}}})
	// The same kind of page with a section provider decided for it.
	sect := source("s", "s.pdf", []extract.Page{textPage("s", 1, plainNote+"\nAdjusted C5-C6.")}, extract.Result{
		Pages:      []extract.PageInfo{{Page: 1, Class: extract.PageClinical, Provider: "Lakeside Chiropractic"}},
		Encounters: []extract.Encounter{enc("s", "2024-02-01", "N/A")}})
	c := Build(Matter{ID: "m"}, []Source{a, b, sect}, Options{})
	var names []string
	ids := map[string]string{} // document → provider id
	for _, e := range c.Entries {
		names = append(names, e.Provider)
		ids[e.Citations[0].DocumentID] = e.ProviderID
	}
	slices.Sort(names)
	want := []string{"Lakeside Chiropractic", UnknownProvider, UnknownProvider}
	if !slices.Equal(names, want) {
		t.Fatalf("entry providers %q, want %q", names, want)
	}
	if ids["a"] == ids["b"] || len(c.Providers) != 3 {
		t.Errorf("one unknown provider shared by two documents: %v, providers %+v", ids, c.Providers)
	}
	if c.Bills[0].ProviderID != ids["b"] {
		t.Errorf("bill provider %s, want b's unknown provider %s", c.Bills[0].ProviderID, ids["b"])
	}
	fs := flagsOf(c, FlagUnknownProvider)
	if len(fs) != 2 {
		t.Fatalf("unknown_provider flags %+v, want one per document", fs)
	}
	for i, doc := range []string{"a", "b"} {
		if fs[i].Citations[0].DocumentID != doc || fs[i].Citations[0].Page != 1 || len(fs[i].EntryIDs) != 1 ||
			!strings.Contains(fs[i].Message, doc+".pdf") {
			t.Errorf("flag %d %+v", i, fs[i])
		}
	}
	if !strings.Contains(fs[1].Message, "1 entries and 1 bill lines") {
		t.Errorf("flag does not count the bill: %q", fs[1].Message)
	}
}

// TestUndatedEntries: a record without a date of service is kept as an
// undated entry (never dropped, never given a date), with one undated flag
// citing its page; its copy on a duplicate page adds nothing; undated
// entries take no part in gaps.
func TestUndatedEntries(t *testing.T) {
	und := func(doc string, page int) extract.Encounter {
		return extract.Encounter{Undated: true, Provider: "Lakeside Chiropractic", Assessment: "improving",
			Citations: []extract.Citation{cite(doc, page, "Progress note")}}
	}
	dated := extract.Encounter{Date: d("2024-01-05"), Provider: "Lakeside Chiropractic",
		Citations: []extract.Citation{cite("a", 1, "Daily note 01/05/2024")}}
	a := source("a", "a.pdf", []extract.Page{textPage("a", 1, chiroNote), textPage("a", 2, chiroUnd)},
		extract.Result{Encounters: []extract.Encounter{dated, und("a", 2)}})
	copyOf := source("b", "b.pdf", []extract.Page{textPage("b", 1, chiroUnd), textPage("b", 2, hipaaAuth)},
		extract.Result{Encounters: []extract.Encounter{und("b", 1)}})
	// An encounter whose date is not a date is undated too.
	bad := source("c", "c.pdf", []extract.Page{textPage("c", 1, chiroUnd+"\nSecond note.")},
		extract.Result{Encounters: []extract.Encounter{{Provider: "Lakeside Chiropractic", Citations: []extract.Citation{cite("c", 1, "Second note.")}}}})
	c := Build(Matter{ID: "m", DateOfIncident: d("2023-12-01")}, []Source{a, copyOf, bad}, Options{})
	if len(c.Entries) != 1 || len(c.UndatedEntries) != 2 {
		t.Fatalf("entries %d undated %d, want 1 and 2", len(c.Entries), len(c.UndatedEntries))
	}
	for i, e := range c.UndatedEntries {
		if !e.Date.IsZero() || e.PreIncident || e.Provider != "Lakeside Chiropractic" || e.ID == "" || !e.Grounded {
			t.Errorf("undated entry %+v", e)
		}
		if i == 0 && (e.Citations[0].DocumentID != "a" || e.Citations[0].Page != 2 || e.Summary == "") {
			t.Errorf("first undated entry %+v", e)
		}
	}
	fs := flagsOf(c, FlagUndated)
	if len(fs) != 2 || fs[0].EntryIDs[0] != c.UndatedEntries[0].ID || fs[0].Citations[0].Bates != "MC000002" {
		t.Errorf("undated flags %+v", fs)
	}
	if len(c.Gaps) != 1 || c.Gaps[0].From != d("2023-12-01") || c.Gaps[0].To != d("2024-01-05") {
		t.Errorf("gaps %+v", c.Gaps)
	}
	if fs := flagsOf(c, FlagDateNotQuoted); len(fs) != 0 {
		t.Errorf("undated entries flagged for their date: %+v", fs)
	}
}

// TestSectionAliases: a name printed only inside another provider's
// document sections, sharing a distinctive word with it, is that
// provider's own (a practice billing under its trade name); a provider
// that shares no word, or that is printed elsewhere too, stays apart.
func TestSectionAliases(t *testing.T) {
	const (
		note   = "Lakeside Bone & Joint Spec. - HALVORSEN, SHAUNA\nVisit Date: 01/04/2024\nNeck pain."
		ledger = "Lakeside Ortho - Sports Med\nACCOUNT LEDGER\n01/04/2024 99214 OFFICE VISIT 247.00"
		radio  = "Meridian Diagnostic Radiology\n01/04/2024 72040 XR C-SPINE 117.00"
	)
	bill := func(page int, provider, quote string) extract.BillLine {
		return extract.BillLine{Date: d("2024-01-04"), Provider: provider, Charge: 1, Citations: []extract.Citation{cite("d", page, quote)}}
	}
	tests := []struct {
		name     string
		sections []string // section provider of pages 1-3
		bills    []extract.BillLine
		want     int // providers
	}{
		{"trade name in the practice's section", []string{"Lakeside Bone & Joint Specialists", "Lakeside Bone & Joint Specialists", "Lakeside Bone & Joint Specialists"},
			[]extract.BillLine{bill(2, "Lakeside Ortho - Sports Med", "01/04/2024 99214 OFFICE VISIT 247.00")}, 1},
		{"another provider's bill inside a hospital's section", []string{"Lakeside Bone & Joint Specialists", "Lakeside Bone & Joint Specialists", "Lakeside Bone & Joint Specialists"},
			[]extract.BillLine{bill(3, "Meridian Diagnostic Radiology", "01/04/2024 72040 XR C-SPINE 117.00")}, 2},
		{"trade name printed in a section of its own too", []string{"Lakeside Bone & Joint Specialists", "Lakeside Bone & Joint Specialists", "Lakeside Ortho - Sports Med"},
			[]extract.BillLine{bill(2, "Lakeside Ortho - Sports Med", "01/04/2024 99214 OFFICE VISIT 247.00"),
				bill(3, "Lakeside Ortho - Sports Med", "01/04/2024 72040 XR C-SPINE 117.00")}, 2},
		{"no sections decided", []string{"", "", ""},
			[]extract.BillLine{bill(2, "Lakeside Ortho - Sports Med", "01/04/2024 99214 OFFICE VISIT 247.00")}, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := extract.Result{
				Encounters: []extract.Encounter{{Date: d("2024-01-04"), Provider: "Lakeside Bone & Joint Spec.",
					Citations: []extract.Citation{cite("d", 1, "Visit Date: 01/04/2024")}}},
				Bills: tt.bills,
			}
			for i, s := range tt.sections {
				r.Pages = append(r.Pages, extract.PageInfo{Page: i + 1, Class: extract.PageClinical, Provider: s})
			}
			c := Build(Matter{ID: "m"}, []Source{source("d", "d.pdf", []extract.Page{textPage("d", 1, note), textPage("d", 2, ledger), textPage("d", 3, radio)}, r)}, Options{})
			if len(c.Providers) != tt.want {
				t.Errorf("providers %+v, want %d", c.Providers, tt.want)
			}
		})
	}
}

// TestNothingReadFlagged: a document the extractor read no fact from is
// flagged once, citing its first page that is not administrative, blank or
// unreadable; documents with a fact, administrative documents and pages
// already flagged unreadable are not.
func TestNothingReadFlagged(t *testing.T) {
	const scrawl = "PatientSelnDet,h as\nadhuittd i lEQUe\npuequ a"
	unread := source("hw", "hand_written_note.pdf",
		[]extract.Page{textPage("hw", 1, faxCover), textPage("hw", 2, scrawl), textPage("hw", 3, scrawl), textPage("hw", 4, scrawl)},
		extract.Result{Pages: []extract.PageInfo{{Page: 1, Class: extract.PageAdmin}, {Page: 2, Class: extract.PageOther}, {Page: 3}, {Page: 4, Class: extract.PageOther}}})
	admin := source("ad", "authorization.pdf", []extract.Page{textPage("ad", 1, hipaaAuth)},
		extract.Result{Pages: []extract.PageInfo{{Page: 1, Class: extract.PageAdmin}}})
	broken := source("br", "broken.pdf", []extract.Page{{DocumentID: "br", Number: 1, Source: extract.SourceError, Err: "broken content stream"}}, extract.Result{})
	read := source("rd", "chiro.pdf", []extract.Page{textPage("rd", 1, chiroNote), textPage("rd", 2, scrawl)},
		extract.Result{Encounters: []extract.Encounter{{Date: d("2024-01-05"), Provider: "Lakeside Chiropractic",
			Citations: []extract.Citation{cite("rd", 1, "Daily note 01/05/2024")}}}})
	c := Build(Matter{ID: "m"}, []Source{unread, admin, broken, read}, Options{})
	fs := flagsOf(c, FlagNothingRead)
	if len(fs) != 1 {
		t.Fatalf("nothing-read flags %+v, want one", fs)
	}
	f := fs[0]
	if !strings.Contains(f.Message, "hand_written_note.pdf") || !strings.Contains(f.Message, "pages 2-4") ||
		f.Citations[0].DocumentID != "hw" || f.Citations[0].Page != 2 || f.Citations[0].Quote != "PatientSelnDet,h as" {
		t.Errorf("flag %+v", f)
	}
}
