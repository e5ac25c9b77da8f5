package chronology

import (
	"strings"
	"testing"

	"github.com/medchron/medchron/extract"
	"github.com/medchron/medchron/extract/dates"
)

// visit is a compact encounter for table tests; its citation quotes the
// page it creates.
type visit struct {
	date, provider, kind, visitType, text string
	dx                                    []extract.Coded
	procs                                 []extract.Coded
	orders, referrals                     []string
}

// matterOf puts each visit on its own page of one document.
func matterOf(vs []visit) []Source {
	var pages []extract.Page
	var encs []extract.Encounter
	for i, v := range vs {
		text := v.provider + "\nDate: " + v.date + "\n" + v.text
		pages = append(pages, textPage("d", i+1, text))
		encs = append(encs, extract.Encounter{
			Date: d(v.date), Provider: v.provider, ProviderKind: v.kind, VisitType: v.visitType,
			Complaints: v.text, Diagnoses: v.dx, Procedures: v.procs, Orders: v.orders, Referrals: v.referrals,
			Citations: []extract.Citation{cite("d", i+1, "Date: "+v.date), cite("d", i+1, v.text)},
		})
	}
	return []Source{source("d", "records.pdf", pages, extract.Result{Encounters: encs})}
}

func TestPreExistingFlags(t *testing.T) {
	lumbarDx := []extract.Coded{{Code: "S33.5XXA", Description: "Sprain of ligaments of lumbar spine"}}
	tests := []struct {
		name   string
		visits []visit
		want   string // region named in the flag, "" for no flag
	}{
		{"low back before and after", []visit{
			{date: "2022-05-01", provider: "Family Clinic", text: "Chronic low back pain, refill meds."},
			{date: "2023-03-10", provider: "ER", text: "MVC today.", dx: lumbarDx},
		}, "lumbar"},
		{"by ICD code only", []visit{
			{date: "2022-05-01", provider: "Family Clinic", text: "Follow-up.", dx: []extract.Coded{{Code: "M54.2", Description: "Cervicalgia"}}},
			{date: "2023-03-11", provider: "ER", text: "MVC yesterday.", dx: []extract.Coded{{Code: "S13.4XXA", Description: "Whiplash injury"}}},
		}, "cervical"},
		{"different region", []visit{
			{date: "2022-05-01", provider: "Family Clinic", text: "Right knee pain after hiking."},
			{date: "2023-03-10", provider: "ER", text: "MVC today.", dx: lumbarDx},
		}, ""},
		{"no pre-incident visit", []visit{
			{date: "2023-03-10", provider: "ER", text: "Low back pain after MVC.", dx: lumbarDx},
		}, ""},
		{"post-incident mention without diagnosis", []visit{
			{date: "2022-05-01", provider: "Family Clinic", text: "Headaches for a month."},
			{date: "2023-03-10", provider: "ER", text: "Denies headache.", dx: lumbarDx},
		}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := Build(Matter{ID: "m", DateOfIncident: incident}, matterOf(tt.visits), Options{})
			fs := flagsOf(c, FlagPreExisting)
			if tt.want == "" {
				if len(fs) != 0 {
					t.Errorf("unexpected flags %+v", fs)
				}
				return
			}
			if len(fs) != 1 || !strings.Contains(fs[0].Message, tt.want) || len(fs[0].EntryIDs) != 2 || fs[0].EntryIDs[0] != c.Entries[0].ID {
				t.Errorf("flags %+v, want one naming %q", fs, tt.want)
			}
		})
	}
}

func TestMissingRecordFlags(t *testing.T) {
	er := func(orders, referrals []string) visit {
		return visit{date: "2023-03-10", provider: "Mercy Hospital", kind: "emergency", visitType: "emergency visit",
			text: "Neck pain after MVC.", orders: orders, referrals: referrals}
	}
	tests := []struct {
		name   string
		visits []visit
		want   []string // substrings of the flags' messages
	}{
		{"MRI ordered, never done", []visit{er([]string{"MRI cervical spine"}, nil)}, []string{"MRI cervical spine"}},
		{"MRI ordered and done", []visit{er([]string{"MRI cervical spine"}, nil),
			{date: "2023-03-20", provider: "Open MRI of the Valley", kind: "radiology", visitType: "imaging", text: "MRI C-spine: C5-6 disc protrusion."}}, nil},
		{"MRI ordered, only an X-ray after", []visit{er([]string{"MRI cervical spine"}, nil),
			{date: "2023-03-20", provider: "Valley Imaging", kind: "radiology", visitType: "imaging", text: "X-ray cervical spine.",
				procs: []extract.Coded{{Code: "72040", Description: "X-ray cervical spine"}}}}, []string{"MRI"}},
		{"X-ray done during the visit", []visit{{date: "2023-03-10", provider: "Mercy Hospital", kind: "emergency", text: "Neck pain.",
			orders: []string{"XR cervical spine"}, procs: []extract.Coded{{Code: "72040", Description: "XR cervical spine 2 views"}}}}, nil},
		{"referral to orthopedics honoured", []visit{er(nil, []string{"orthopedic surgery"}),
			{date: "2023-04-01", provider: "Coastal Orthopaedics", text: "Consult."}}, nil},
		{"referral to orthopedics before the referral only", []visit{
			{date: "2023-02-01", provider: "Coastal Orthopaedics", text: "Old consult."}, er(nil, []string{"orthopedics"})}, []string{"orthopedics"}},
		{"medication orders are not records", []visit{er([]string{"ibuprofen 800 mg"}, nil)}, nil},
		{"referral to PT and chiropractor", []visit{er(nil, []string{"physical therapy", "chiropractor"}),
			{date: "2023-03-15", provider: "Advanced PT", text: "Evaluation."}}, []string{"chiropractor"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := Build(Matter{ID: "m"}, matterOf(tt.visits), Options{})
			fs := flagsOf(c, FlagMissingRecords)
			if len(fs) != len(tt.want) {
				t.Fatalf("flags %+v, want %d", fs, len(tt.want))
			}
			for i, w := range tt.want {
				if !strings.Contains(fs[i].Message, w) || len(fs[i].Citations) != 1 {
					t.Errorf("flag %q does not name %q", fs[i].Message, w)
				}
			}
		})
	}
}

func TestVerification(t *testing.T) {
	note := "Lakeside Chiropractic\nDate: 05/02/2023\nSubluxation C5, C6. Adjustment performed. Pain 4/10."
	ocrNote := "Lakeside Chiropractic\nDate: @5/09/2023\nSub1uxation C5, C6. Adjustrnent perforrned. Pain 3/10."
	tests := []struct {
		name   string
		source extract.PageSource
		text   string
		quotes []string
		page   int
		want   bool
	}{
		{"all quotes found", extract.SourceText, note, []string{"Date: 05/02/2023", "Adjustment performed."}, 1, true},
		{"one fabricated quote", extract.SourceText, note, []string{"Date: 05/02/2023", "Patient fully recovered."}, 1, false},
		{"altered pain score", extract.SourceText, note, []string{"Pain 7/10"}, 1, false},
		{"quote on another page", extract.SourceText, note, []string{"Adjustment performed."}, 2, false},
		{"OCR page tolerates confusions", extract.SourceOCR, ocrNote, []string{"Date: 05/09/2023", "Subluxation C5, C6. Adjustment performed."}, 1, true},
		{"OCR page keeps digits strict", extract.SourceOCR, ocrNote, []string{"Date: 05/08/2023"}, 1, false},
		{"unreadable page", extract.SourceError, "", []string{"Adjustment performed."}, 1, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var cits []extract.Citation
			for _, q := range tt.quotes {
				cits = append(cits, cite("d", tt.page, q))
			}
			pages := []extract.Page{{DocumentID: "d", Number: 1, Source: tt.source, Text: tt.text, Confidence: 90}}
			src := source("d", "chiro.pdf", pages, extract.Result{Encounters: []extract.Encounter{{
				Date: dates.New(2023, 5, 2), Provider: "Lakeside Chiropractic", Citations: cits}}})
			c := Build(Matter{ID: "m"}, []Source{src}, Options{})
			if len(c.Entries) != 1 {
				t.Fatalf("entries %+v", c.Entries)
			}
			if c.Entries[0].Grounded != tt.want {
				t.Errorf("verified = %v, want %v", c.Entries[0].Grounded, tt.want)
			}
			fs := flagsOf(c, FlagUngrounded)
			if tt.want == (len(fs) != 0) {
				t.Errorf("unverified flags %+v", fs)
			}
			if !tt.want && (fs[0].EntryIDs[0] != c.Entries[0].ID || len(fs[0].Citations) == 0) {
				t.Errorf("flag does not name the entry and its quote: %+v", fs[0])
			}
		})
	}
}

// TestDuplicatePageFacts: a fact found only on a duplicate page is dropped
// when the original holds it, kept when it does not; a copy's encounters
// are dropped when its original page holds any (what differs on the copy
// is its banner, no visit).
func TestDuplicatePageFacts(t *testing.T) {
	note := "Mercy Hospital progress note. Date: 03/12/2023. The patient is seen for neck pain after the collision. " +
		"Examination shows paraspinal tenderness and reduced rotation. Continue naproxen and start physical therapy."
	enc := func(doc string) extract.Encounter {
		return extract.Encounter{Date: dates.New(2023, 3, 12), Provider: "Mercy Hospital",
			Citations: []extract.Citation{cite(doc, 1, "Date: 03/12/2023")}}
	}
	a := source("a", "a.pdf", []extract.Page{textPage("a", 1, note)}, extract.Result{Encounters: []extract.Encounter{enc("a")}})
	b := source("b", "b.pdf", []extract.Page{textPage("b", 1, note)}, extract.Result{Encounters: []extract.Encounter{enc("b")}})
	c := Build(Matter{ID: "m"}, []Source{a, b}, Options{})
	if len(c.Entries) != 1 || len(c.Entries[0].Citations) != 1 || c.Entries[0].Citations[0].DocumentID != "a" {
		t.Errorf("entries %+v", c.Entries)
	}
	// The original's extraction missed the visit: the copy still counts.
	a.Result.Encounters = nil
	c = Build(Matter{ID: "m"}, []Source{a, b}, Options{})
	if len(c.Entries) != 1 || c.Entries[0].Citations[0].DocumentID != "b" {
		t.Errorf("entries %+v", c.Entries)
	}
	// A copy another office faxed on: its banner named that office and
	// dated the fax, so the copy's facts came out under that provider and
	// on that day too. The original holds the visit: the copy adds none.
	a.Result.Encounters = []extract.Encounter{enc("a")}
	banner := "06/13/2024 10:02 FROM: Harborview Orthopaedic Surgery (319) 555-0162 P.002/009\n"
	faxed := source("b", "b.pdf", []extract.Page{textPage("b", 1, banner+note)}, extract.Result{Encounters: []extract.Encounter{
		{Date: dates.New(2023, 3, 12), Provider: "Harborview Orthopaedic Surgery", Citations: []extract.Citation{cite("b", 1, "Date: 03/12/2023")}},
		{Date: dates.New(2024, 6, 13), Provider: "Harborview Orthopaedic Surgery", Citations: []extract.Citation{cite("b", 1, "06/13/2024 10:02 FROM: Harborview Orthopaedic Surgery")}}}})
	c = Build(Matter{ID: "m"}, []Source{a, faxed}, Options{})
	if len(c.Duplicates) != 1 || len(c.Entries) != 1 || c.Entries[0].Provider != "Mercy Hospital" {
		t.Errorf("copy faxed on: duplicates %d, entries %+v", len(c.Duplicates), c.Entries)
	}
	// The same file twice (same document id) is one document.
	c = Build(Matter{ID: "m"}, []Source{b, b}, Options{})
	if len(c.Documents) != 1 || len(c.Entries) != 1 || len(c.Duplicates) != 0 {
		t.Errorf("documents %d entries %d duplicates %d", len(c.Documents), len(c.Entries), len(c.Duplicates))
	}
}
