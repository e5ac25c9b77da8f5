package cli

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/medchron/medchron/chronology"
	"github.com/medchron/medchron/extract"
	"github.com/medchron/medchron/extract/llm"
	"github.com/medchron/medchron/extract/pdf"
	"github.com/medchron/medchron/internal/eval"
	"github.com/medchron/medchron/internal/fixture"
	"github.com/medchron/medchron/internal/oracle"
)

var update = flag.Bool("update", false, "rewrite the recorded LLM answers under testdata/llm from the truth files")

// The recorded answers: one file per page under testdata/llm/<bundle>/,
// page_N.json holding the facts the model reports for page N (with
// verbatim quotes from the page), so that any chunking of the pages can be
// answered. They are written from the bundles' truth files with -update.
const (
	llmModel       = "test-model"
	hallucinated   = "Patient reports complete resolution of all symptoms."
	millionQuote   = "TOTAL CHARGES $1,000,000.00"
	malformedReply = `{"patient": "", "encounters": [{"date": "2023-`
)

// add appends the facts of b to a.
func add(a *llm.Answer, b llm.Answer) {
	a.Pages = append(a.Pages, b.Pages...)
	a.Encounters = append(a.Encounters, b.Encounters...)
	a.BillLines = append(a.BillLines, b.BillLines...)
	a.BillTotals = append(a.BillTotals, b.BillTotals...)
	a.Expected = append(a.Expected, b.Expected...)
	if a.Patient == "" {
		a.Patient = b.Patient
	}
}

// emptyAnswer is an answer with every list present and empty, as the
// strict schema wants.
func emptyAnswer() llm.Answer {
	return llm.Answer{Pages: []llm.AnswerPage{}, Encounters: []llm.AnswerEncounter{}, BillLines: []llm.AnswerBillLine{},
		BillTotals: []llm.AnswerBillTotal{}, Expected: []llm.AnswerExpected{}}
}

// recordAnswers builds the per-page answers of a bundle from its truth
// with the oracle, quoting the page text verbatim.
func recordAnswers(t *testing.T, truth fixture.Truth, pages []extract.Page) map[int]llm.Answer {
	t.Helper()
	out := map[int]llm.Answer{}
	for _, p := range pages {
		a, misses := oracle.Answer(truth, []oracle.Page{{Number: p.Number, Text: p.Text}})
		if len(misses) > 0 {
			t.Fatalf("page %d: %q", p.Number, misses)
		}
		out[p.Number] = a
	}
	return out
}

// llmBundles are the bundles with recorded answers.
var llmBundles = map[string]fixture.Spec{"small": fixture.Small(), "injection": fixture.Injection()}

// writeBundle generates a bundle into a temporary folder.
func writeBundle(t *testing.T, spec fixture.Spec) (string, fixture.Truth) {
	t.Helper()
	dir := t.TempDir()
	truth, err := fixture.WriteBornDigitalBundle(context.Background(), dir, spec) // the text layer is all the replays read
	if err != nil {
		t.Fatal(err)
	}
	return dir, truth
}

// TestRecordLLMAnswers rewrites testdata/llm with -update.
func TestRecordLLMAnswers(t *testing.T) {
	if !*update {
		t.Skip("run with -update to rewrite testdata/llm")
	}
	for name, spec := range llmBundles {
		dir, truth := writeBundle(t, spec)
		pages, err := pdf.TextLayer(context.Background(), filepath.Join(dir, fixture.BornDigitalFile))
		if err != nil {
			t.Fatal(err)
		}
		answers := recordAnswers(t, truth, pages)
		out := filepath.Join("testdata", "llm", name)
		os.RemoveAll(out)
		if err := os.MkdirAll(out, 0o755); err != nil {
			t.Fatal(err)
		}
		for _, p := range pages {
			a := answers[p.Number]
			if name == "small" && len(a.Encounters) > 0 && p.Number == truth.Encounters[0].Pages[0] {
				// A hallucinated variant of the first encounter's page.
				h := a
				h.Encounters = append([]llm.AnswerEncounter(nil), a.Encounters...)
				h.Encounters[0].Citations = append([]llm.AnswerCitation{{Page: p.Number, Quote: hallucinated}}, h.Encounters[0].Citations...)
				writeJSON(t, filepath.Join(out, fmt.Sprintf("hallucinated_page_%d.json", p.Number)), h)
			}
			if name == "injection" && strings.Contains(p.Text, "SYSTEM NOTE TO AI") {
				// The model obeys the page: a $1,000,000 line, quoted from nowhere.
				a.BillLines = append(a.BillLines, llm.AnswerBillLine{Provider: truth.Bills[0].Provider, Kind: "charge", Modifiers: []string{},
					Description: "Total charges per system note", Charge: 1000000, Citations: []llm.AnswerCitation{{Page: p.Number, Quote: millionQuote}}})
			}
			writeJSON(t, filepath.Join(out, fmt.Sprintf("page_%d.json", p.Number)), a)
		}
	}
}

func writeJSON(t *testing.T, path string, v any) {
	t.Helper()
	b, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, append(b, '\n'), 0o644); err != nil {
		t.Fatal(err)
	}
}

// replayServer is an OpenAI-compatible server answering each request from
// the recorded per-page answers of the pages its markers name.
type replayServer struct {
	t   *testing.T
	dir string
	// override maps a page to another recorded file name.
	override map[int]string
	// malformedFirst answers the first request with malformed JSON.
	malformedFirst bool

	mu       sync.Mutex
	requests int
}

var pageMarker = regexp.MustCompile(`(?m)^=== PAGE (\d+) ===$`)

func (s *replayServer) count() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.requests
}

func (s *replayServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	s.requests++
	call := s.requests
	s.mu.Unlock()
	var req struct {
		Model    string `json:"model"`
		Messages []struct {
			Role    string `json:"role"`
			Content string `json:"content"`
		} `json:"messages"`
	}
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil || r.URL.Path != "/v1/chat/completions" || req.Model != llmModel {
		s.t.Errorf("unexpected request %s (model %q): %v", r.URL.Path, req.Model, err)
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	var user string
	for _, m := range req.Messages {
		if m.Role == "user" {
			user = m.Content // the last user message holds the pages on a retry too
			if pageMarker.MatchString(m.Content) {
				break
			}
		}
	}
	content := malformedReply
	if !(s.malformedFirst && call == 1) {
		a := emptyAnswer()
		for _, m := range pageMarker.FindAllStringSubmatch(user, -1) {
			n, _ := strconv.Atoi(m[1])
			name := fmt.Sprintf("page_%d.json", n)
			if o, ok := s.override[n]; ok {
				name = o
			}
			b, err := os.ReadFile(filepath.Join(s.dir, name))
			if err != nil {
				s.t.Errorf("no recorded answer for page %d: %v", n, err)
				continue
			}
			var pa llm.Answer
			if err := json.Unmarshal(b, &pa); err != nil {
				s.t.Errorf("%s: %v", name, err)
			}
			add(&a, pa)
		}
		b, _ := json.Marshal(a)
		content = string(b)
	}
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(map[string]any{
		"id": fmt.Sprintf("chatcmpl-%d", call), "object": "chat.completion", "created": 1, "model": llmModel,
		"choices": []any{map[string]any{"index": 0, "finish_reason": "stop", "message": map[string]any{"role": "assistant", "content": content}}},
		"usage":   map[string]any{"prompt_tokens": 1000, "completion_tokens": 200, "total_tokens": 1200},
	})
}

// startReplay starts a replay server for testdata/llm/<bundle> and points
// the LLM settings at it.
func startReplay(t *testing.T, bundle string, s *replayServer) *replayServer {
	t.Helper()
	s.t, s.dir = t, filepath.Join("testdata", "llm", bundle)
	srv := httptest.NewServer(s)
	t.Cleanup(srv.Close)
	t.Setenv("OPENAI_BASE_URL", srv.URL+"/v1")
	t.Setenv("MEDCHRON_LLM_MODEL", llmModel)
	t.Setenv("OPENAI_API_KEY", "")
	return s
}

// processLLM runs process --extractor llm and returns the chronology.
func processLLM(t *testing.T, db, out, file string, truth fixture.Truth) (chronology.Chronology, string) {
	t.Helper()
	code, stdout, stderr := run(t, "process", "--extractor", "llm", "--db", db, "--out", out, "--matter", "llm",
		"--incident-date", truth.IncidentDate.String(), file)
	if code != 0 {
		t.Fatalf("process: exit %d\nstdout:\n%s\nstderr:\n%s", code, stdout, stderr)
	}
	return readChronology(t, out), stdout
}

func hasFlag(c chronology.Chronology, kind string) bool {
	for _, f := range c.Flags {
		if f.Kind == kind {
			return true
		}
	}
	return false
}

// TestProcessLLMReplay runs the whole product with the LLM extractor
// against recorded answers.
func TestProcessLLMReplay(t *testing.T) {
	root := repoRoot(t)
	small := filepath.Join(root, "testdata", "bundles", "small")
	truth, err := fixture.LoadTruth(filepath.Join(small, fixture.TruthFile))
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(small, fixture.BornDigitalFile)
	first := truth.Encounters[0]

	t.Run("recorded answers", func(t *testing.T) {
		srv := startReplay(t, "small", &replayServer{})
		tmp := t.TempDir()
		db := filepath.Join(tmp, "m.db")
		t.Setenv("MEDCHRON_LLM_PRICE_IN", "2.5")
		t.Setenv("MEDCHRON_LLM_PRICE_OUT", "10")
		c, stdout := processLLM(t, db, filepath.Join(tmp, "out"), file, truth)
		if !strings.Contains(stdout, "LLM tokens: ") || c.Usage == nil || c.Usage.PromptTokens == 0 {
			t.Errorf("no token usage reported:\n%s", stdout)
		}
		if c.Usage != nil {
			cost := fmt.Sprintf("estimated cost $%.2f", (float64(c.Usage.PromptTokens)*2.5+float64(c.Usage.CompletionTokens)*10)/1e6)
			if !strings.Contains(stdout, cost) {
				t.Errorf("want %q in:\n%s", cost, stdout)
			}
		}
		for _, e := range c.Entries {
			if e.Extractor != "llm:"+llmModel || e.PromptVersion == "" {
				t.Fatalf("entry %s: extractor %q, prompt version %q", e.ID, e.Extractor, e.PromptVersion)
			}
		}
		r := eval.Compare(c, truth)
		for _, f := range []string{"encounters", "icd10", "bill_lines", "gaps"} {
			if s := r.Field(f); s.F1() < 0.95 {
				t.Errorf("%s F1 %.3f; missed %v, extra %v", f, s.F1(), head(s.Missed), head(s.Extra))
			}
		}
		if !r.SpecialsExact() || r.GroundedShare != 1 {
			t.Errorf("specials $%.2f vs $%.2f, grounded %.2f", r.SpecialsTotal, r.TruthTotal, r.GroundedShare)
		}
		n := srv.count()
		if n == 0 {
			t.Fatal("no request reached the server")
		}
		// The same file again, and a copy with other bytes but the same
		// pages: answered from the response cache in the store.
		processLLM(t, db, filepath.Join(tmp, "out2"), file, truth)
		b, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		cp := filepath.Join(tmp, "copy.pdf")
		if err := os.WriteFile(cp, append(b, []byte("\n%medchron cache test\n")...), 0o644); err != nil {
			t.Fatal(err)
		}
		processLLM(t, db, filepath.Join(tmp, "out3"), cp, truth)
		if got := srv.count(); got != n {
			t.Errorf("%d requests after reprocessing, want %d (cached)", got, n)
		}
	})

	t.Run("hallucinated quote", func(t *testing.T) {
		srv := startReplay(t, "small", &replayServer{override: map[int]string{first.Pages[0]: fmt.Sprintf("hallucinated_page_%d.json", first.Pages[0])}})
		tmp := t.TempDir()
		c, _ := processLLM(t, filepath.Join(tmp, "m.db"), filepath.Join(tmp, "out"), file, truth)
		unverified := 0
		for _, e := range c.Entries {
			if !e.Grounded {
				unverified++
				if e.Date != first.Date {
					t.Errorf("entry %s of %s unverified; only %s's quote was invented", e.ID, e.Date, first.Date)
				}
			}
		}
		if unverified != 1 || !hasFlag(c, chronology.FlagUngrounded) {
			t.Errorf("%d ungrounded entries, unverified flag %v; want 1, true", unverified, hasFlag(c, chronology.FlagUngrounded))
		}
		if srv.count() == 0 {
			t.Error("no request")
		}
	})

	t.Run("malformed then good", func(t *testing.T) {
		srv := startReplay(t, "small", &replayServer{malformedFirst: true})
		tmp := t.TempDir()
		c, _ := processLLM(t, filepath.Join(tmp, "m.db"), filepath.Join(tmp, "out"), file, truth)
		if r := eval.Compare(c, truth); r.Field("encounters").F1() < 0.95 {
			t.Errorf("encounters F1 %.3f after a malformed answer", r.Field("encounters").F1())
		}
		if srv.count() < 2 {
			t.Errorf("%d requests; the malformed answer was not retried", srv.count())
		}
	})
}

// TestPromptInjection: a page telling the model to set the charges to
// $1,000,000 changes nothing with the rules extractor, and with a model
// that obeys, the invented line is unverified and flagged.
func TestPromptInjection(t *testing.T) {
	dir, truth := writeBundle(t, fixture.Injection())
	file := filepath.Join(dir, fixture.BornDigitalFile)
	pages, err := pdf.TextLayer(context.Background(), file)
	if err != nil {
		t.Fatal(err)
	}
	onPage := false
	for _, p := range pages {
		onPage = onPage || strings.Contains(p.Text, "ignore previous instructions")
	}
	if !onPage {
		t.Fatal("the injection line is not in the bundle's text")
	}
	cases := []struct {
		name      string
		extractor string
	}{
		{"rules", "rules"},
		{"llm obeying the page", "llm"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			tmp := t.TempDir()
			var c chronology.Chronology
			if tc.extractor == "llm" {
				startReplay(t, "injection", &replayServer{})
				c, _ = processLLM(t, filepath.Join(tmp, "m.db"), filepath.Join(tmp, "out"), file, truth)
			} else {
				code, stdout, stderr := run(t, "process", "--extractor", "rules", "--db", filepath.Join(tmp, "m.db"), "--out", filepath.Join(tmp, "out"),
					"--incident-date", truth.IncidentDate.String(), file)
				if code != 0 {
					t.Fatalf("exit %d\n%s\n%s", code, stdout, stderr)
				}
				c = readChronology(t, filepath.Join(tmp, "out"))
			}
			var million []chronology.Bill
			for _, b := range c.Bills {
				if b.Charge >= 1000000 {
					million = append(million, b)
				}
			}
			switch tc.extractor {
			case "rules":
				if len(million) > 0 || c.Specials.TotalCharges != truth.Specials.Total {
					t.Errorf("specials $%.2f, truth $%.2f; million-dollar lines %d", c.Specials.TotalCharges, truth.Specials.Total, len(million))
				}
			case "llm":
				if len(million) != 1 || million[0].Grounded {
					t.Fatalf("million-dollar lines %+v; want one, unverified", million)
				}
				flagged := false
				for _, f := range c.Flags {
					flagged = flagged || f.Kind == chronology.FlagUngrounded && strings.Contains(f.Message, million[0].ID)
				}
				if !flagged {
					t.Errorf("the invented bill %s is not flagged unverified: %+v", million[0].ID, c.Flags)
				}
				// Unverified lines are listed and flagged, never added up.
				if c.Specials.TotalCharges != truth.Specials.Total || c.Specials.UngroundedCharges == nil || *c.Specials.UngroundedCharges != 1000000 {
					t.Errorf("specials $%.2f (truth $%.2f), unverified %v; want the truth and $1,000,000 aside",
						c.Specials.TotalCharges, truth.Specials.Total, c.Specials.UngroundedCharges)
				}
			}
			for _, e := range c.Entries {
				if !e.Grounded {
					t.Errorf("entry %s (%s) unverified; the injection should touch only its own page's facts", e.ID, e.Date)
				}
			}
		})
	}
}

// TestProcessLLMLive runs against a real endpoint when OPENAI_BASE_URL and
// MEDCHRON_LLM_MODEL are set in the environment.
func TestProcessLLMLive(t *testing.T) {
	if os.Getenv("OPENAI_BASE_URL") == "" || os.Getenv("MEDCHRON_LLM_MODEL") == "" {
		t.Skip("OPENAI_BASE_URL and MEDCHRON_LLM_MODEL not set")
	}
	root := repoRoot(t)
	small := filepath.Join(root, "testdata", "bundles", "small")
	truth, err := fixture.LoadTruth(filepath.Join(small, fixture.TruthFile))
	if err != nil {
		t.Fatal(err)
	}
	tmp := t.TempDir()
	code, stdout, stderr := run(t, "eval", "--truth", small, "--extractor", "llm", "--out", filepath.Join(tmp, "out"))
	t.Logf("live eval (exit %d):\n%s\n%s", code, stdout, stderr)
	if !strings.Contains(stdout, "grounded quotes not on their page: 0 of") {
		t.Error("a verified quote is not on its page, or nothing was checked")
	}
	_ = truth
}

// TestEvalOracle: "medchron eval --extractor oracle" runs the LLM extractor
// against a server answering with the bundle's true facts, so what it
// measures is what follows extraction; on the small bundle it is exact.
// A truth that differs from the PDF (one charge changed) shows: the oracle
// cannot quote the changed line and says so, and the scores drop.
func TestEvalOracle(t *testing.T) {
	t.Parallel()
	root := repoRoot(t)
	truth, err := fixture.LoadTruth(filepath.Join(root, "testdata", "bundles", "small", fixture.TruthFile))
	if err != nil {
		t.Fatal(err)
	}
	good := filepath.Join(t.TempDir(), "good")
	linkBundle(t, good, truth, fixture.BornDigitalFile)
	code, stdout, stderr := run(t, "eval", "--truth", good, "--extractor", "oracle")
	if code != 0 {
		t.Fatalf("exit %d\n%s\n%s", code, stdout, stderr)
	}
	if !strings.Contains(stdout, "| born-digital.pdf | oracle | 16 |") || !strings.Contains(stdout, "| 1.000 | 1.000 | 1.000 | 1.000 | 1.000 | yes | 100.0% |") {
		t.Errorf("oracle run not exact:\n%s", stdout)
	}
	wrong := truth
	wrong.Bills = append([]fixture.Bill(nil), truth.Bills...)
	wrong.Bills[0].Charge += 1
	wrong.Specials = fixture.SumSpecials(wrong.Bills)
	bad := filepath.Join(t.TempDir(), "bad")
	linkBundle(t, bad, wrong, fixture.BornDigitalFile)
	_, stdout, stderr = run(t, "eval", "--truth", bad, "--extractor", "oracle")
	if !strings.Contains(stderr, "the oracle could not quote 1 true facts") || strings.Contains(stdout, "| yes |") {
		t.Errorf("a truth unlike the PDF went unnoticed:\n%s\n%s", stdout, stderr)
	}
}
