package chronology

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// sharedDir returns ../shared next to the repository root (the directory
// holding go.mod), or skips the test when it is absent.
func sharedDir(t *testing.T) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Skip("repository root not found")
		}
		dir = parent
	}
	shared := filepath.Join(dir, "..", "shared")
	if _, err := os.Stat(shared); err != nil {
		t.Skipf("%s absent", shared)
	}
	return shared
}

func TestChronologyValidatesAgainstSchema(t *testing.T) {
	path := filepath.Join(sharedDir(t), "spec", "chronology.schema.json")
	f, err := os.Open(path)
	if err != nil {
		t.Skipf("schema absent: %v", err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	if err := c.AddResource("file:///chronology.schema.json", doc); err != nil {
		t.Fatal(err)
	}
	sch, err := c.Compile("file:///chronology.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	cases := map[string]Chronology{
		"rich":  Build(richMatter(), richSources(), Options{GeneratedAt: testTime}),
		"empty": Build(Matter{ID: "m"}, nil, Options{}),
	}
	for name, chron := range cases {
		js, err := json.Marshal(chron)
		if err != nil {
			t.Fatal(err)
		}
		inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(js))
		if err != nil {
			t.Fatal(err)
		}
		if err := sch.Validate(inst); err != nil {
			t.Errorf("%s chronology does not validate: %v", name, err)
		}
	}
	// The validator really validates: a broken chronology fails.
	broken := Build(richMatter(), richSources(), Options{})
	broken.Entries[0].Citations = nil
	js, _ := json.Marshal(broken)
	inst, _ := jsonschema.UnmarshalJSON(bytes.NewReader(js))
	if sch.Validate(inst) == nil {
		t.Error("an entry without citations validated")
	}
}

var hex64 = regexp.MustCompile(`^[0-9a-f]{64}$`)

// TestRequiredFields checks, without the schema file, that every property
// the schema requires is filled in the rich chronology.
func TestRequiredFields(t *testing.T) {
	c := Build(richMatter(), richSources(), Options{})
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
