package llm

import (
	"encoding/json"
	"errors"
	"math"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/medchron/medchron/extract"
	openai "github.com/sashabaranov/go-openai"
)

func TestNormaliseBaseURL(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"http://localhost:11434/v1", "http://localhost:11434/v1"},
		{"http://localhost:11434/v1/", "http://localhost:11434/v1"},
		{"http://localhost:11434", "http://localhost:11434/v1"},
		{"http://localhost:8000/", "http://localhost:8000/v1"},
		{"https://llm.example.test/openai/v1", "https://llm.example.test/openai/v1"},
		{"http://localhost:8080/v1/chat/completions", "http://localhost:8080/v1"},
		{" http://h:1/v1 ", "http://h:1/v1"},
		{"http://localhost:11434/api", ""},
		{"localhost:11434/v1", ""},
		{"ftp://h/v1", ""},
		{"", ""},
	} {
		got, err := NormaliseBaseURL(tc.in)
		if tc.want == "" {
			if err == nil {
				t.Errorf("NormaliseBaseURL(%q) = %q, want an error", tc.in, got)
			}
			continue
		}
		if err != nil || got != tc.want {
			t.Errorf("NormaliseBaseURL(%q) = %q, %v; want %q", tc.in, got, err, tc.want)
		}
	}
}

func TestConfigValidate(t *testing.T) {
	for _, tc := range []struct {
		name, base, model string
		ok                bool
	}{
		{"no model", "http://localhost:11434/v1", "", false},
		{"no base URL", "", "m", false},
		{"ollama bare host", "http://localhost:11434", "llama3.1:8b", true},
		{"bad path", "http://localhost:11434/api", "m", false},
		{"https", "https://h.test/v1", "m", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			cfg := Config{BaseURL: tc.base, Model: tc.model}
			err := cfg.Validate()
			if (err == nil) != tc.ok {
				t.Errorf("Validate() = %v, want ok %v", err, tc.ok)
			}
			if cfg.BaseURL != tc.base || cfg.MaxRetries != 0 {
				t.Errorf("Validate changed the caller's config: %+v", cfg)
			}
		})
	}
}

func TestMaxRetriesNegativeMeansNone(t *testing.T) {
	cfg := Config{BaseURL: "http://h/v1", Model: "m", MaxRetries: -1}
	if err := cfg.normalise(); err != nil || cfg.MaxRetries != 0 {
		t.Errorf("MaxRetries %d, %v", cfg.MaxRetries, err)
	}
}

func TestChunkPages(t *testing.T) {
	page := func(n, size int) extract.Page { return extract.Page{Number: n, Text: strings.Repeat("x", size)} }
	for _, tc := range []struct {
		name               string
		pages              []extract.Page
		maxPages, maxChars int
		want               [][]int
	}{
		{"by page count", []extract.Page{page(1, 10), page(2, 10), page(3, 10)}, 2, 1000, [][]int{{1, 2}, {3}}},
		{"by characters", []extract.Page{page(1, 60), page(2, 50), page(3, 40)}, 10, 100, [][]int{{1}, {2, 3}}},
		{"oversized page alone", []extract.Page{page(1, 10), page(2, 500), page(3, 10)}, 10, 100, [][]int{{1}, {2}, {3}}},
		{"blank pages skipped", []extract.Page{page(1, 10), {Number: 2, Text: "  \n"}, {Number: 3}, page(4, 10)}, 2, 100, [][]int{{1, 4}}},
		{"nothing", []extract.Page{{Number: 1}}, 2, 100, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var got [][]int
			for i, c := range chunkPages(tc.pages, tc.maxPages, tc.maxChars) {
				if c.index != i {
					t.Errorf("chunk %d has index %d", i, c.index)
				}
				var ns []int
				for _, p := range c.pages {
					ns = append(ns, p.Number)
				}
				got = append(got, ns)
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("chunks %v, want %v", got, tc.want)
			}
		})
	}
}

func TestAnswerSchemaIsStrict(t *testing.T) {
	s, err := answerSchema()
	if err != nil {
		t.Fatal(err)
	}
	raw, _ := json.Marshal(s)
	if strings.Contains(string(raw), "nullable") {
		t.Error("schema still uses the non-standard nullable keyword")
	}
	var doc map[string]any
	json.Unmarshal(raw, &doc)
	defs, _ := doc["$defs"].(map[string]any)
	objs := map[string]any{"root": doc}
	for k, v := range defs {
		objs[k] = v
	}
	for name, o := range objs {
		m := o.(map[string]any)
		props, _ := m["properties"].(map[string]any)
		req, _ := m["required"].([]any)
		if m["additionalProperties"] != false || len(req) != len(props) || len(props) == 0 {
			t.Errorf("%s: additionalProperties %v, %d of %d properties required", name, m["additionalProperties"], len(req), len(props))
		}
	}
	enc := defs["AnswerEncounter"].(map[string]any)["properties"].(map[string]any)
	pain := enc["pain_score"].(map[string]any)
	if any, _ := pain["anyOf"].([]any); len(any) != 2 {
		t.Errorf("pain_score = %v, want anyOf number|null", pain)
	}
}

// enc is an encounter of the answer schema with the given date fields.
func enc(dateFields string) string {
	return `{` + dateFields + `,"end_date":"","provider":"A","provider_kind":"other","npi":"","clinician":"","visit_type":"",` +
		`"complaints":"","findings":"","assessment":"","plan":"","diagnoses":[],"procedures":[],"medications":[],` +
		`"pain_score":null,"work_status":"","referrals":[],"orders":[],"citations":[{"page":1,"quote":"Progress note"}]}`
}

func TestParseAnswer(t *testing.T) {
	s, _ := answerSchema()
	c := chunk{pages: []extract.Page{{Number: 1}, {Number: 2}}}
	const tail = `"expected_records":[],"pages":[]`
	empty := `{"patient":"","encounters":[],"bill_lines":[],"bill_totals":[],` + tail + `}`
	for _, tc := range []struct {
		name, content, wantErr string
	}{
		{"empty arrays", empty, ""},
		{"surrounding space", "\n " + empty + "\n", ""},
		{"not JSON", "Here is the JSON: {", "not valid JSON"},
		{"code fence", "```json\n" + empty + "\n```", "not valid JSON"},
		{"missing field", `{"patient":"","encounters":[],"bill_lines":[],` + tail + `}`, "schema"},
		{"answer of the first schema", `{"patient":"","encounters":[],"bill_lines":[],"bill_totals":[]}`, "schema"},
		{"unknown field", `{"patient":"","encounters":[],"bill_lines":[],"bill_totals":[],` + tail + `,"notes":"x"}`, "unexpected field"},
		{"total without citation", `{"patient":"","encounters":[],"bill_lines":[],"bill_totals":[{"provider":"A","kind":"charges","total":5,"citations":[]}],` + tail + `}`, "no citation"},
		{"empty quote", `{"patient":"","encounters":[],"bill_lines":[],"bill_totals":[{"provider":"A","kind":"charges","total":5,"citations":[{"page":1,"quote":" "}]}],` + tail + `}`, "empty quote"},
		{"page outside", `{"patient":"","encounters":[],"bill_lines":[],"bill_totals":[{"provider":"A","kind":"balance","total":5,"citations":[{"page":3,"quote":"q"}]}],` + tail + `}`, "outside pages 1-2"},
		{"total of an unknown kind", `{"patient":"","encounters":[],"bill_lines":[],"bill_totals":[{"provider":"A","kind":"due","total":5,"citations":[{"page":1,"quote":"q"}]}],` + tail + `}`, "schema"},
		{"page class outside", `{"patient":"","encounters":[],"bill_lines":[],"bill_totals":[],"expected_records":[],"pages":[{"page":4,"class":"bill","bill_kind":"ub04","provider":""}]}`, "page class given for page 4"},
		{"page class unknown", `{"patient":"","encounters":[],"bill_lines":[],"bill_totals":[],"expected_records":[],"pages":[{"page":1,"class":"letter","bill_kind":"","provider":""}]}`, "schema"},
		{"expected record without citation", `{"patient":"","encounters":[],"bill_lines":[],"bill_totals":[],"pages":[],"expected_records":[{"kind":"ems","what":"ambulance","provider":"","date":"","citations":[]}]}`, "no citation"},
		{"expected record bad date", `{"patient":"","encounters":[],"bill_lines":[],"bill_totals":[],"pages":[],"expected_records":[{"kind":"ems","what":"ambulance","provider":"","date":"yesterday","citations":[{"page":1,"quote":"BIBA"}]}]}`, "not a date"},
		{"undated encounter", `{"patient":"","encounters":[` + enc(`"date":"","undated":true`) + `],"bill_lines":[],"bill_totals":[],` + tail + `}`, ""},
		{"undated with a date", `{"patient":"","encounters":[` + enc(`"date":"2024-01-02","undated":true`) + `],"bill_lines":[],"bill_totals":[],` + tail + `}`, "undated but with a date"},
		{"no date, not undated", `{"patient":"","encounters":[` + enc(`"date":"","undated":false`) + `],"bill_lines":[],"bill_totals":[],` + tail + `}`, "set undated"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := parseAnswer(s, tc.content, c)
			if tc.wantErr == "" {
				if err != nil {
					t.Errorf("err = %v", err)
				}
				return
			}
			if !errors.Is(err, errMalformed) || !strings.Contains(err.Error(), tc.wantErr) {
				t.Errorf("err = %v, want %q", err, tc.wantErr)
			}
		})
	}
}

func TestParseRetryAfter(t *testing.T) {
	now := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	for _, tc := range []struct {
		in   string
		want time.Duration
		ok   bool
	}{
		{"1", time.Second, true},
		{" 30 ", 30 * time.Second, true},
		{now.Add(90 * time.Second).Format("Mon, 02 Jan 2006 15:04:05 GMT"), 90 * time.Second, true},
		{now.Add(-time.Minute).Format("Mon, 02 Jan 2006 15:04:05 GMT"), 0, true},
		{"", 0, false},
		{"-3", 0, false},
		{"soon", 0, false},
	} {
		got, ok := parseRetryAfter(tc.in, now)
		if got != tc.want || ok != tc.ok {
			t.Errorf("parseRetryAfter(%q) = %v, %v; want %v, %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
}

func TestBackoff(t *testing.T) {
	for _, j := range []func(int64) int64{func(int64) int64 { return 0 }, func(n int64) int64 { return n - 1 }} {
		e := &Extractor{jitter: j}
		prevHi := time.Duration(0)
		for n := 1; n <= 12; n++ {
			d := e.backoff(n)
			if d < backoffBase/2 || d > backoffMax {
				t.Errorf("backoff(%d) = %v outside [%v, %v]", n, d, backoffBase/2, backoffMax)
			}
			if d < prevHi/2 {
				t.Errorf("backoff(%d) = %v shrank", n, d)
			}
			prevHi = d
		}
	}
}

func TestTransient(t *testing.T) {
	for status, want := range map[int]bool{0: true, 200: true, 400: false, 401: false, 404: false, 408: true, 429: true, 500: true, 502: true, 503: true} {
		if transient(status) != want {
			t.Errorf("transient(%d) = %v", status, !want)
		}
	}
}

func TestRequestTemperature(t *testing.T) {
	for _, tc := range []struct {
		model string
		want  float32
	}{
		{"llama3.1:8b", Temperature},
		{"gpt-4o-mini", Temperature},
		{"gpt-5-mini", 0}, // reasoning models refuse a temperature
		{"o3-mini", 0},
	} {
		e := &Extractor{cfg: Config{Model: tc.model}, system: "s"}
		req := e.request(modeJSONSchema, []openai.ChatCompletionMessage{{Role: "user", Content: "u"}})
		if req.Temperature != tc.want || req.Seed == nil || *req.Seed != Seed {
			t.Errorf("%s: temperature %v seed %v", tc.model, req.Temperature, req.Seed)
		}
		if err := openai.NewReasoningValidator().Validate(req); err != nil {
			t.Errorf("%s: %v", tc.model, err)
		}
	}
}

func TestMergeInto(t *testing.T) {
	dst := map[string]any{"model": "m", "options": map[string]any{"seed": 1.0}}
	mergeInto(dst, map[string]any{"options": map[string]any{"num_ctx": 8192}, "keep_alive": "5m"})
	want := map[string]any{"model": "m", "keep_alive": "5m", "options": map[string]any{"seed": 1.0, "num_ctx": 8192}}
	if !reflect.DeepEqual(dst, want) {
		t.Errorf("got %v", dst)
	}
}

func TestCost(t *testing.T) {
	for _, tc := range []struct {
		u       extract.Usage
		in, out float64
		want    float64
	}{
		{extract.Usage{PromptTokens: 1_000_000, CompletionTokens: 500_000}, 0.15, 0.60, 0.45},
		{extract.Usage{PromptTokens: 12_345}, 2.5, 10, 0.0308625},
		{extract.Usage{}, 3, 15, 0},
	} {
		if got := Cost(tc.u, tc.in, tc.out); math.Abs(got-tc.want) > 1e-12 {
			t.Errorf("Cost(%+v) = %v, want %v", tc.u, got, tc.want)
		}
	}
}

func TestCacheKey(t *testing.T) {
	base := CacheKey("m", "extract-v1", "h")
	for _, k := range []string{CacheKey("m2", "extract-v1", "h"), CacheKey("m", "extract-v2", "h"), CacheKey("m", "extract-v1", "h2"), CacheKey("m\x00extract-v1", "", "h")} {
		if k == base {
			t.Error("different inputs share a cache key")
		}
	}
	if CacheKey("m", "extract-v1", "h") != base || len(base) != 64 {
		t.Error("cache key not stable")
	}
}

func TestParseDate(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want string
	}{
		{"2023-03-14", "2023-03-14"},
		{" 2023-03-14 ", "2023-03-14"},
		{"03/14/2023", "2023-03-14"}, // left as printed: read by dates.Parse
		{"March 14, 2023", "2023-03-14"},
		{"2023-02-30", ""},
		{"next Tuesday", ""},
		{"", ""},
	} {
		d, err := parseDate(tc.in)
		if tc.want == "" {
			if err == nil {
				t.Errorf("parseDate(%q) = %v, want an error", tc.in, d)
			}
			continue
		}
		if err != nil || d.String() != tc.want {
			t.Errorf("parseDate(%q) = %v, %v; want %s", tc.in, d, err, tc.want)
		}
	}
}
