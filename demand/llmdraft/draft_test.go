package llmdraft

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/medchron/medchron/chronology"
	"github.com/medchron/medchron/chronology/report/reporttest"
	"github.com/medchron/medchron/demand/check"
	"github.com/medchron/medchron/extract/llm"
)

// reviewed is the test's eligibility policy: a person verified or
// corrected the entry (the demand package's policy is wired in by callers).
func reviewed(e chronology.Entry) bool {
	return e.Review == chronology.ReviewVerified || e.Review == chronology.ReviewCorrected
}

func draftWith(t *testing.T, files ...string) (Draft, *replayServer) {
	t.Helper()
	srv := newReplayServer(t, files...)
	d, err := New(Config{BaseURL: srv.url(), Model: testModel})
	if err != nil {
		t.Fatal(err)
	}
	out, err := d.Draft(context.Background(), Request{Section: "treatment", Chronology: reporttest.Sample(), Eligible: reviewed})
	if err != nil {
		t.Fatal(err)
	}
	return out, srv
}

// TestDraftReplayed drafts the treatment section from recorded answers:
// failing sentences are kept, marked and explained; the others pass.
func TestDraftReplayed(t *testing.T) {
	for _, tc := range []struct {
		file string
		// fail maps the index of each failing sentence to a word its
		// reasons must hold.
		fail      map[int]string
		sentences int
	}{
		{"answer_good.json", nil, 6},
		{"answer_invented_amount.json", map[int]string{2: "amount “$3,280.00”"}, 6},
		{"answer_wrong_date.json", map[int]string{3: "date “March 21, 2023”"}, 6},
		{"answer_unknown_entry.json", map[int]string{4: "e42, which is not in the chronology", 6: "e9, which the draft may not use"}, 7},
	} {
		t.Run(tc.file, func(t *testing.T) {
			d, _ := draftWith(t, tc.file)
			if len(d.Sentences) != tc.sentences {
				t.Fatalf("%d sentences, want %d (none dropped)", len(d.Sentences), tc.sentences)
			}
			for i, s := range d.Sentences {
				want, bad := tc.fail[i]
				if s.Failed() != bad {
					t.Errorf("sentence %d failed=%v, want %v: %q %v", i, s.Failed(), bad, s.Rendered, s.Reasons())
					continue
				}
				if bad && !strings.Contains(strings.Join(s.Reasons(), "; "), want) {
					t.Errorf("sentence %d reasons %v, want one holding %q", i, s.Reasons(), want)
				}
				if !strings.Contains(d.Body, s.Rendered) {
					t.Errorf("body lacks sentence %d: %q", i, s.Rendered)
				}
			}
			if got := strings.Count(d.Body, FailNote); got != len(tc.fail) {
				t.Errorf("body holds %d fail notes, want %d:\n%s", got, len(tc.fail), d.Body)
			}
			if d.OK() != (len(tc.fail) == 0) || len(d.Failed()) != len(tc.fail) {
				t.Errorf("OK %v with %d failed, want %d", d.OK(), len(d.Failed()), len(tc.fail))
			}
			if d.PromptVersion != "demand-treatment-v1" || d.Model != testModel || d.Usage.PromptTokens != 900 {
				t.Errorf("draft header %q %q %+v", d.PromptVersion, d.Model, d.Usage)
			}
		})
	}
}

// TestDraftSendsOnlyEligibleFacts: the user message holds the reviewed
// entries only, with the ledger; the system message holds no record data;
// the rendered citations are the demand package's.
func TestDraftSendsOnlyEligibleFacts(t *testing.T) {
	d, srv := draftWith(t, "answer_good.json")
	calls := srv.calls()
	if len(calls) != 1 {
		t.Fatalf("%d requests, want 1", len(calls))
	}
	c := calls[0]
	for _, id := range []string{"e1", "e2", "e3", "e7"} {
		if !strings.Contains(c.user, `"id":"`+id+`"`) {
			t.Errorf("reviewed entry %s not sent", id)
		}
	}
	for _, id := range []string{"e4", "e5", "e6", "e8", "e9"} {
		if strings.Contains(c.user, `"id":"`+id+`"`) {
			t.Errorf("entry %s sent, which is not reviewed", id)
		}
	}
	for _, want := range []string{`"total_charges":"$6,095.50"`, `"visits":2`, `"date_of_incident":"March 14, 2023"`} {
		if !strings.Contains(c.user, want) {
			t.Errorf("user message lacks %s", want)
		}
	}
	if strings.Contains(c.system, "Jane") || strings.Contains(c.system, "Saint Mary") {
		t.Error("system message holds record data")
	}
	if c.format != "json_object" {
		t.Errorf("response_format %q, want json_object", c.format)
	}
	if !strings.Contains(d.Body, "box truck. (MC000003)") ||
		!strings.Contains(d.Body, "physical therapy. (Summit Ortho records.pdf p. 1) (Summit Ortho records.pdf p. 3)") {
		t.Errorf("citations not rendered as the demand letter does:\n%s", d.Body)
	}
	if !strings.Contains(d.Body, "\n\n") {
		t.Error("no new paragraph where the provider changes")
	}
	// The body reconciles as a whole, too.
	if r := check.New(reporttest.Sample(), check.Options{Eligible: reviewed}).Check(d.Body); !r.OK() {
		t.Errorf("body fails the checker: %+v", r.Failed())
	}
}

// TestDraftReasksMalformed: a malformed answer is re-asked once, telling
// the model why; a second malformed answer is an error.
func TestDraftReasksMalformed(t *testing.T) {
	d, srv := draftWith(t, "answer_malformed.txt", "answer_good.json")
	if len(d.Sentences) != 6 || !d.OK() {
		t.Errorf("after a re-ask: %d sentences, OK %v", len(d.Sentences), d.OK())
	}
	calls := srv.calls()
	if len(calls) != 2 || !strings.Contains(calls[1].user, "could not be used") {
		t.Errorf("re-ask: %d calls, last user message %q", len(calls), calls[len(calls)-1].user)
	}
	bad := newReplayServer(t, "answer_malformed.txt")
	dr, err := New(Config{BaseURL: bad.url(), Model: testModel})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := dr.Draft(context.Background(), Request{Section: "treatment", Chronology: reporttest.Sample(), Eligible: reviewed}); err == nil ||
		!strings.Contains(err.Error(), "malformed answer") {
		t.Errorf("two malformed answers: err %v", err)
	}
}

func TestDraftRefusesBadRequests(t *testing.T) {
	srv := newReplayServer(t, "answer_good.json")
	d, err := New(Config{BaseURL: srv.url(), Model: testModel})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	c := reporttest.Sample()
	for name, req := range map[string]Request{
		"no policy":          {Section: "treatment", Chronology: c},
		"unknown section":    {Section: "nosuch", Chronology: c, Eligible: reviewed},
		"prompt of another":  {Section: "treatment", PromptVersion: "demand-injuries-v1", Chronology: c, Eligible: reviewed},
		"nothing admissible": {Section: "treatment", Chronology: c, Eligible: func(chronology.Entry) bool { return false }},
	} {
		if _, err := d.Draft(ctx, req); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
	if len(srv.calls()) != 0 {
		t.Errorf("%d requests sent for refused drafts", len(srv.calls()))
	}
	for _, cfg := range []Config{{Model: testModel}, {BaseURL: "ftp://x/v1", Model: testModel}, {BaseURL: srv.url()}} {
		if _, err := New(cfg); err == nil {
			t.Errorf("New(%+v) succeeded", cfg)
		}
	}
}

// TestDraftCiteHook: a caller's citation renderer is used, and its
// citations are still read by the checker.
func TestDraftCiteHook(t *testing.T) {
	srv := newReplayServer(t, "answer_good.json")
	d, err := New(Config{BaseURL: srv.url(), Model: testModel})
	if err != nil {
		t.Fatal(err)
	}
	c := reporttest.Sample()
	ex := map[string]int{"p-stmary": 2, "p-summit": 3}
	cite := func(e chronology.Entry) string {
		return fmt.Sprintf("(Ex. %d, %s)", ex[e.ProviderID], strings.Trim(Citation(c, e), "()"))
	}
	out, err := d.Draft(context.Background(), Request{Section: "treatment", Chronology: c, Eligible: reviewed, Cite: cite})
	if err != nil {
		t.Fatal(err)
	}
	if !out.OK() || !strings.Contains(out.Body, "box truck. (Ex. 2, MC000003)") {
		t.Errorf("OK %v, body:\n%s", out.OK(), out.Body)
	}
	if got := out.Sentences[3].Check.Cited; len(got) != 2 {
		t.Errorf("the checker read %v from the exhibit citations, want e3 and e7", got)
	}
}

func TestFromExtractor(t *testing.T) {
	srv := newReplayServer(t, "answer_good.json")
	cfg := FromExtractor(llm.Config{BaseURL: srv.url(), Model: testModel, APIKey: "k", Timeout: time.Minute})
	if cfg.BaseURL != srv.url() || cfg.Model != testModel || cfg.APIKey != "k" || cfg.Timeout != time.Minute {
		t.Errorf("config %+v", cfg)
	}
	if _, err := New(cfg); err != nil {
		t.Fatal(err)
	}
}
