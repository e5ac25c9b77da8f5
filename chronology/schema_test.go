package chronology

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/medchron/medchron/extract"
	"github.com/medchron/medchron/internal/testutil"
)

// compileSchema compiles the JSON schema at path.
func compileSchema(t *testing.T, path string) *jsonschema.Schema {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	url := "file:///" + filepath.Base(path)
	if err := c.AddResource(url, doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile(url)
	if err != nil {
		t.Fatal(err)
	}
	return sch
}

func validate(sch *jsonschema.Schema, c Chronology) error {
	js, err := json.Marshal(c)
	if err != nil {
		return err
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(js))
	if err != nil {
		return err
	}
	return sch.Validate(inst)
}

// TestChronologyValidatesAgainstSchema validates chronologies, one holding
// every optional property added since v1 was written, against the contract
// in ../shared/spec and against the shapes of the additions kept in
// testdata/v1-additions.schema.json.
func TestChronologyValidatesAgainstSchema(t *testing.T) {
	additions := compileSchema(t, filepath.Join("testdata", "v1-additions.schema.json"))
	cases := map[string]Chronology{
		"rich":      Build(richMatter(), richSources(), Options{GeneratedAt: testTime}),
		"empty":     Build(Matter{ID: "m"}, nil, Options{}),
		"new facts": Build(Matter{ID: "m", DateOfIncident: d("2024-01-01")}, newFactsSources(), Options{GeneratedAt: testTime}),
	}
	withRun := Build(richMatter(), richSources(), Options{GeneratedAt: testTime})
	first, last := 6.0, 3.0
	withRun.Runs = []Run{{ID: "run-1", ProviderID: "p", Provider: "P", VisitType: "physical therapy", EntryIDs: []string{"a", "b", "c"},
		Visits: 3, FirstDate: d("2024-01-02"), LastDate: d("2024-01-09"), PainFirst: &first, PainLast: &last, PainTrend: TrendImproving}}
	withRun.Entries[0].RunID = "run-1"
	cases["runs"] = withRun
	sender := Build(Matter{ID: "m", BatesPrefix: "SMITH", KeepSenderBates: true}, []Source{
		source("b", "imaging.pdf", stampedPages("b", 2, func(i int) string { return fmt.Sprintf("VIS %06d", 41+i) }), extract.Result{})}, Options{})
	if !sender.Documents[0].SenderBates {
		t.Fatal("the sender's numbers were not kept")
	}
	cases["sender bates"] = sender
	for name, chron := range cases {
		if err := validate(additions, chron); err != nil {
			t.Errorf("%s chronology does not validate against the additions: %v", name, err)
		}
	}
	js, _ := json.Marshal(cases["new facts"])
	for _, key := range []string{`"page_classes":["administrative","clinical_note","bill","clinical_note","bill","eob"]`,
		`"revenue_code":"0450"`, `"modifiers":["25"]`, `"units":2`, `"kind":"payment"`, `"kind":"adjustment"`, `"eob":true`,
		`"total_adjustments":900`, `"adjustments":900`, `"bill_totals":[`, `"kind":"balance"`, `"lines_total":3020`, `"reconciled":true`,
		`"undated_entries":[`, `"kind":"undated"`, `"kind":"unknown_provider"`, `"kind":"missing_records"`, `"kind":"date_not_quoted"`,
		`"claim_references":[{"kind":"claim_number","value":"BC2024-00912","label":"Claim #","pages":1,`, `{"kind":"payer","value":"Blue Cross PPO","label":"Primary insurance","pages":1,`} {
		if !bytes.Contains(js, []byte(key)) {
			t.Errorf("the new-facts chronology lacks %s", key)
		}
	}
	if bytes.Contains(js, []byte(`"value":"neck strain"`)) {
		t.Error("a clinical page's \"Primary:\" was taken for a payer")
	}
	// The additions schema really validates: an undated entry with a date,
	// and a bill of an unknown kind, fail.
	broken := cases["new facts"]
	broken.UndatedEntries = []Entry{broken.Entries[0]}
	if validate(additions, broken) == nil {
		t.Error("an undated entry with a date validated")
	}
	broken = Build(Matter{ID: "m"}, newFactsSources(), Options{})
	broken.Bills[0].Kind = "refund"
	if validate(additions, broken) == nil {
		t.Error("a bill of kind refund validated")
	}

	sch := compileSchema(t, testutil.Shared(t, "spec", "chronology.schema.json"))
	for name, chron := range cases {
		if err := validate(sch, chron); err != nil {
			t.Errorf("%s chronology does not validate: %v", name, err)
		}
	}
	// The validator really validates: a broken chronology fails.
	broken = Build(richMatter(), richSources(), Options{})
	broken.Entries[0].Citations = nil
	if validate(sch, broken) == nil {
		t.Error("an entry without citations validated")
	}
}

// TestNewFacts checks what the new-facts matter must give.
func TestNewFacts(t *testing.T) {
	c := Build(Matter{ID: "m", DateOfIncident: d("2024-01-01")}, newFactsSources(), Options{})
	if len(c.Entries) != 2 || len(c.UndatedEntries) != 1 || c.UndatedEntries[0].Provider != "Mercy General Hospital" {
		t.Errorf("entries %d undated %+v", len(c.Entries), c.UndatedEntries)
	}
	for _, p := range c.Providers {
		if p.Name == "Law Office of Dana Pike" {
			t.Error("the fax cover made a provider")
		}
	}
	if c.Specials.TotalCharges != 3020 || *c.Specials.TotalPaid != 1500 || *c.Specials.TotalAdjustments != 900 {
		t.Errorf("specials %+v", c.Specials)
	}
	if fs := flagsOf(c, FlagBillTotalMismatch); len(fs) != 0 {
		t.Errorf("mismatch flags %+v", fs)
	}
	if fs := flagsOf(c, FlagDateNotQuoted); len(fs) != 1 || fs[0].Citations[0].DocumentID != "x" {
		t.Errorf("date_not_quoted flags %+v", fs)
	}
	if fs := flagsOf(c, FlagMissingRecords); len(fs) != 1 || fs[0].Citations[0].Quote != "Arrived by ambulance." {
		t.Errorf("missing records %+v", fs)
	}
	if fs := flagsOf(c, FlagUnknownProvider); len(fs) != 1 || fs[0].Citations[0].DocumentID != "x" {
		t.Errorf("unknown provider %+v", fs)
	}
	if c.Entries[0].Provider != "Mercy General Hospital" {
		t.Errorf("the emergency department is not a department of its hospital: %q", c.Entries[0].Provider)
	}
	if c.Entries[0].Citations[0].Quote != "Date of Service: 01/02/2024" {
		t.Errorf("the date-bearing quote is not first: %+v", c.Entries[0].Citations)
	}
}

var hex64 = regexp.MustCompile(`^[0-9a-f]{64}$`)

// TestRequiredFields checks, without the schema file, that every property
// the schema requires is filled in the rich chronology.
func TestRequiredFields(t *testing.T) {
	for _, c := range []Chronology{Build(richMatter(), richSources(), Options{}),
		Build(Matter{ID: "m"}, newFactsSources(), Options{})} {
		requiredFields(t, c)
	}
}

func requiredFields(t *testing.T, c Chronology) {
	if c.Schema != SchemaVersion || c.Matter.ID == "" {
		t.Error("schema or matter id missing")
	}
	for _, d := range c.Documents {
		if d.ID == "" || !hex64.MatchString(d.SHA256) || len(d.PageSources) != d.Pages {
			t.Errorf("document %+v", d)
		}
	}
	names := map[string]string{}
	for _, p := range c.Providers {
		if p.ID == "" || p.Name == "" {
			t.Errorf("provider %+v", p)
		}
		names[p.ID] = p.Name
	}
	for _, e := range c.Entries {
		if e.ID == "" || !e.Date.Valid() || names[e.ProviderID] != e.Provider || len(e.Citations) == 0 {
			t.Errorf("entry %+v", e)
		}
		checkCitations(t, e.ID, e.Citations)
	}
	for _, e := range c.UndatedEntries {
		if e.ID == "" || !e.Date.IsZero() || names[e.ProviderID] != e.Provider || len(e.Citations) == 0 {
			t.Errorf("undated entry %+v", e)
		}
		checkCitations(t, e.ID, e.Citations)
	}
	for _, bt := range c.BillTotals {
		if names[bt.ProviderID] != bt.Provider || bt.Kind == "" || len(bt.Citations) == 0 {
			t.Errorf("bill total %+v", bt)
		}
		checkCitations(t, bt.Kind, bt.Citations)
	}
	for _, b := range c.Bills {
		if b.ID == "" || names[b.ProviderID] != b.Provider || len(b.Citations) == 0 {
			t.Errorf("bill %+v", b)
		}
		checkCitations(t, b.ID, b.Citations)
	}
	for _, g := range c.Gaps {
		if g.Days < 1 || !g.From.Valid() || !g.To.Valid() {
			t.Errorf("gap %+v", g)
		}
	}
	for _, f := range c.Flags {
		if f.Kind == "" || f.Message == "" {
			t.Errorf("flag %+v", f)
		}
		checkCitations(t, f.Kind, f.Citations)
	}
}

func checkCitations(t *testing.T, owner string, cs []extractCitation) {
	t.Helper()
	for _, c := range cs {
		if c.DocumentID == "" || c.Page < 1 || c.Quote == "" || c.Bates == "" {
			t.Errorf("%s: citation %+v", owner, c)
		}
	}
}
