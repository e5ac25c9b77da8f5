package report

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/medchron/medchron/chronology"
	"github.com/medchron/medchron/chronology/report/reporttest"
)

func writeJSON(t *testing.T, c chronology.Chronology) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := WriteJSON(&b, c); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestWriteJSONRoundTrip(t *testing.T) {
	c := reporttest.Sample()
	out := writeJSON(t, c)
	var back chronology.Chronology
	if err := json.Unmarshal(out, &back); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(back, c) {
		t.Errorf("round trip changed the chronology:\n got %+v\nwant %+v", back, c)
	}
	if again := writeJSON(t, back); !bytes.Equal(again, out) {
		t.Error("writing the read-back chronology gives different bytes")
	}
	golden(t, "chronology.json", out)
}

func TestWriteJSONEmptyArrays(t *testing.T) {
	c := chronology.Chronology{Matter: chronology.Matter{ID: "m1"}, Entries: []chronology.Entry{{ID: "e1", ProviderID: "p", Provider: "P"}}}
	out := string(writeJSON(t, c))
	for _, want := range []string{`"schema": "medchron.chronology/v1"`, `"documents": []`, `"providers": []`, `"gaps": []`,
		`"bills": []`, `"by_provider": []`, `"citations": []`} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %s:\n%s", want, out)
		}
	}
	if strings.Contains(out, "null") {
		t.Errorf("output holds null:\n%s", out)
	}
	if c.Documents != nil || c.Entries[0].Citations != nil {
		t.Error("WriteJSON modified its argument")
	}
}

func TestWriteJSONValidatesAgainstSchema(t *testing.T) {
	schemaPath := filepath.Join(sharedDir(t), "spec", "chronology.schema.json")
	comp := jsonschema.NewCompiler()
	sch, err := comp.Compile(schemaPath)
	if err != nil {
		t.Fatal(err)
	}
	minimal := chronology.Chronology{Matter: chronology.Matter{ID: "m1"}}
	noBates := reporttest.Sample()
	noBates.Flags, noBates.Duplicates, noBates.Specials.TotalPaid = nil, nil, nil
	for name, c := range map[string]chronology.Chronology{"sample": reporttest.Sample(), "minimal": minimal, "sparse": noBates} {
		t.Run(name, func(t *testing.T) {
			inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(writeJSON(t, c)))
			if err != nil {
				t.Fatal(err)
			}
			if err := sch.Validate(inst); err != nil {
				t.Errorf("chronology.json is not valid: %v", err)
			}
		})
	}
	// The schema must be able to fail: an entry without citations is invalid.
	bad := reporttest.Sample()
	bad.Entries[0].Citations = nil
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(writeJSON(t, bad)))
	if err != nil {
		t.Fatal(err)
	}
	if err := sch.Validate(inst); err == nil {
		t.Error("an entry with no citations validated")
	}
}
