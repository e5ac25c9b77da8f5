package llm

import (
	"context"
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"github.com/medchron/medchron/extract"
	"github.com/medchron/medchron/extract/dates"
	"github.com/medchron/medchron/extract/layout"
	"github.com/medchron/medchron/prompts"
)

// newFactsPages reads testdata/newfacts_pages.json: a fax cover, a UB-04,
// a ledger and an undated nursing note.
func newFactsPages(t *testing.T) []extract.Page {
	t.Helper()
	var raw []struct {
		Page int    `json:"page"`
		Text string `json:"text"`
	}
	if err := json.Unmarshal([]byte(testdata(t, "newfacts_pages.json")), &raw); err != nil {
		t.Fatal(err)
	}
	var pages []extract.Page
	for _, r := range raw {
		pages = append(pages, extract.Page{DocumentID: "doc-1", Number: r.Page, Source: extract.SourceText, Text: r.Text})
	}
	return pages
}

// TestExtractNewFacts: the model sees each page's layout class and section
// provider; its answer's page classes, undated records, bill line kinds,
// revenue codes, modifiers and units, totals by kind and expected records
// come back as extractor facts.
func TestExtractNewFacts(t *testing.T) {
	pages := newFactsPages(t)
	f := newFakeServer(t, "", func(int, seen) reply { return reply{content: testdata(t, "answer_newfacts.json")} })
	e, _ := newTest(t, f, "", nil, func(c *Config) { c.PagesPerChunk = 4 })
	got, err := e.Extract(context.Background(), extract.Document{ID: "doc-1", File: "mercy.pdf", Pages: 4}, pages)
	if err != nil {
		t.Fatal(err)
	}
	calls := f.calls()
	if len(calls) != 1 {
		t.Fatalf("%d requests", len(calls))
	}
	infos := layout.Analyze(pages).PageInfos()
	for _, in := range infos {
		hint := prompts.PageMarker(in.Page) + "\n" + prompts.Hint(in.Class, in.BillKind, in.Provider) + "\n"
		if in.Class == "" || !strings.Contains(calls[0].user[0], hint) {
			t.Errorf("page %d: the request does not show the layout line %q", in.Page, hint)
		}
	}
	if !strings.Contains(calls[0].system[0], "Administrative pages are sent so you know who produced the records: they create no encounters") {
		t.Error("the system prompt does not say administrative pages create no encounters")
	}
	wantPages := []extract.PageInfo{
		{Page: 1, Class: extract.PageAdmin, Provider: "Mercy General Hospital"},
		{Page: 2, Class: extract.PageBill, BillKind: "ub04", Provider: "MERCY GENERAL HOSPITAL"},
		{Page: 3, Class: extract.PageBill, BillKind: "ledger", Provider: infos[2].Provider}, // the model named none
		infos[3], // the model left page 4 out
	}
	if !reflect.DeepEqual(got.Pages, wantPages) {
		t.Errorf("pages %+v\nwant %+v", got.Pages, wantPages)
	}
	if len(got.Encounters) != 1 || !got.Encounters[0].Undated || !got.Encounters[0].Date.IsZero() {
		t.Errorf("encounters %+v, want one undated", got.Encounters)
	}
	d := dates.New(2023, 3, 14)
	wantBills := []extract.BillLine{
		{Date: d, Provider: "MERCY GENERAL HOSPITAL", RevenueCode: "0450", Code: "99284", Modifiers: []string{"25"}, Units: 1,
			Description: "EMERGENCY ROOM", Charge: 2400, Citations: []extract.Citation{cite(2, "0450 99284 25  EMERGENCY ROOM         03/14/2023  1       2,400.00")}},
		{Date: d, Provider: "MERCY GENERAL HOSPITAL", RevenueCode: "0320", Code: "72040", Modifiers: []string{"TC"}, Units: 2,
			Description: "XR C-SPINE 2-3 VIEWS", Charge: 620, Citations: []extract.Citation{cite(2, "0320 72040 TC  XR C-SPINE 2-3 VIEWS   03/14/2023  2         620.00")}},
		{Date: dates.New(2023, 4, 20), Provider: "MERCY GENERAL HOSPITAL", Kind: extract.LinePayment, Description: "PAYMENT - BLUE CROSS",
			Paid: ptr(1500), Citations: []extract.Citation{cite(3, "04/20/2023  PAYMENT - BLUE CROSS            (1,500.00)")}},
		{Date: dates.New(2023, 4, 20), Provider: "MERCY GENERAL HOSPITAL", Kind: extract.LineAdjustment, Description: "CONTRACTUAL ADJUSTMENT",
			Adjustment: ptr(900), Citations: []extract.Citation{cite(3, "04/20/2023  CONTRACTUAL ADJUSTMENT            (900.00)")}},
	}
	if !reflect.DeepEqual(got.Bills, wantBills) {
		t.Errorf("bills %+v\nwant %+v", got.Bills, wantBills)
	}
	var kinds []string
	for _, bt := range got.BillTotals {
		kinds = append(kinds, bt.Kind)
	}
	if strings.Join(kinds, ",") != ","+extract.TotalPayments+","+extract.TotalBalance {
		t.Errorf("total kinds %q", kinds)
	}
	if len(got.Expected) != 2 || got.Expected[0].Kind != extract.ExpectEMS || got.Expected[1].Kind != extract.ExpectReport ||
		got.Expected[1].What != "CT head report" || got.Expected[0].Citations[0].Page != 4 {
		t.Errorf("expected records %+v", got.Expected)
	}
}

// TestCachedAnswerOfTheFirstSchema: an answer cached before the schema had
// page classes, kinds and expected records is still read from the cache.
func TestCachedAnswerOfTheFirstSchema(t *testing.T) {
	pages := testPages(t)[:2]
	f := newFakeServer(t, "", byPages(t))
	cache := NewMemoryCache()
	e, _ := newTest(t, f, "", cache, nil)
	user, err := e.prompt.User(pages, layout.Analyze(pages).PageInfos()...)
	if err != nil {
		t.Fatal(err)
	}
	old := `{"patient":"Jane Q. Sample","encounters":[{"date":"2023-03-14","end_date":"","provider":"MERCY GENERAL HOSPITAL",` +
		`"provider_kind":"emergency","npi":"","clinician":"","visit_type":"","complaints":"","findings":"","assessment":"","plan":"",` +
		`"diagnoses":[],"procedures":[],"medications":[],"pain_score":null,"work_status":"","referrals":[],"orders":[],` +
		`"citations":[{"page":1,"quote":"Date of Service: 03/14/2023"}]}],"bill_lines":[],"bill_totals":[]}`
	if err := cache.Put(context.Background(), CacheKey(testModel, e.PromptVersion(), contentHash(user)), []byte(old)); err != nil {
		t.Fatal(err)
	}
	got, err := e.Extract(context.Background(), testDoc, pages)
	if err != nil {
		t.Fatal(err)
	}
	if len(f.calls()) != 0 || len(got.Encounters) != 1 || got.Encounters[0].Date != dates.New(2023, 3, 14) {
		t.Errorf("%d requests, encounters %+v; want the cached answer", len(f.calls()), got.Encounters)
	}
}
