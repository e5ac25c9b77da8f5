package llmdraft

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/medchron/medchron/chronology"
	"github.com/medchron/medchron/demand/check"
	"github.com/medchron/medchron/extract"
	"github.com/medchron/medchron/prompts"
)

// Request asks for one section.
type Request struct {
	// Section is a prompt section (prompts.DemandSections): "treatment",
	// "injuries", "liability", "damages".
	Section string
	// PromptVersion selects the prompt ("demand-treatment-v1"); empty
	// takes the section's latest.
	PromptVersion string
	Chronology    chronology.Chronology
	// Eligible is the demand package's policy deciding which entries a
	// draft may use (reviewed, not rejected). Required: only the entries
	// it admits are sent.
	Eligible func(chronology.Entry) bool
	// Inputs are the attorney's figures and dates (demand, wages,
	// deadline): sent to the model and accepted by the checker.
	Inputs check.Options
	// Cite renders an entry's citation; nil renders Citation: "(Bates)" or
	// "(file p. N)" from the entry's first citation.
	Cite func(chronology.Entry) string
}

// Sentence is one drafted sentence.
type Sentence struct {
	// Text is the sentence as the model wrote it.
	Text string `json:"text"`
	// Entries are the entry ids the model cited.
	Entries []string `json:"entries"`
	// Rendered is Text followed by the rendered citations.
	Rendered string `json:"rendered"`
	// Problems are the drafter's objections: no citation, an unknown or
	// ineligible entry id, brackets in the text.
	Problems []string `json:"problems,omitempty"`
	// Check is the reconciliation of Rendered (offsets index Rendered).
	Check check.Sentence `json:"check"`
}

// Failed reports whether the sentence has a problem or a failing check.
func (s Sentence) Failed() bool { return len(s.Problems) > 0 || s.Check.Failed() }

// Reasons lists why the sentence failed, problems first.
func (s Sentence) Reasons() []string {
	out := slices.Clone(s.Problems)
	for _, f := range s.Check.Failures() {
		out = append(out, fmt.Sprintf("%s “%s”: %s", f.Kind, f.Text, f.Reason))
	}
	return out
}

// Draft is one drafted section.
type Draft struct {
	Section       string     `json:"section"`
	PromptVersion string     `json:"prompt_version"`
	Model         string     `json:"model"`
	Sentences     []Sentence `json:"sentences"`
	// Body is the section's Markdown: the rendered sentences, a paragraph
	// per run of sentences citing the same provider, each failing sentence
	// followed by FailNote and its reasons in brackets.
	Body  string        `json:"body"`
	Usage extract.Usage `json:"usage"`
}

// FailNote opens the bracketed note that follows a failing sentence in
// Draft.Body; the bracket keeps the section from approval until an editor
// removes it.
const FailNote = "[Check failed: "

// OK reports whether every sentence passed.
func (d Draft) OK() bool { return len(d.Failed()) == 0 }

// Failed returns the failing sentences.
func (d Draft) Failed() []Sentence {
	var out []Sentence
	for _, s := range d.Sentences {
		if s.Failed() {
			out = append(out, s)
		}
	}
	return out
}

// ErrNoFacts is returned when the policy admits no entry: there is nothing
// to draft from.
var ErrNoFacts = errors.New("llm draft: no eligible entries to draft from")

// Draft drafts one section. It returns an error when the request is
// invalid, the endpoint fails, or the answer stays malformed after the
// re-asks; sentences that fail validation or the check are returned
// marked, never dropped.
func (d *Drafter) Draft(ctx context.Context, req Request) (Draft, error) {
	if req.Eligible == nil {
		return Draft{}, errors.New("llm draft: no eligibility policy given")
	}
	p, err := d.prompt(req)
	if err != nil {
		return Draft{}, err
	}
	var eligible []chronology.Entry
	for _, e := range req.Chronology.AllEntries() {
		if req.Eligible(e) {
			eligible = append(eligible, e)
		}
	}
	if len(eligible) == 0 {
		return Draft{}, ErrNoFacts
	}
	sort.SliceStable(eligible, func(i, j int) bool { return eligible[i].Date.Before(eligible[j].Date) })
	raw, err := json.Marshal(buildFacts(p.Section, req.Chronology, eligible, req.Inputs))
	if err != nil {
		return Draft{}, fmt.Errorf("llm draft %s: encode facts: %w", p.Section, err)
	}
	system, err := p.System()
	if err != nil {
		return Draft{}, fmt.Errorf("llm draft: %w", err)
	}
	ans, usage, err := d.ask(ctx, system, p.User(raw))
	out := Draft{Section: p.Section, PromptVersion: p.Version, Model: d.cfg.Model, Usage: usage}
	if err != nil {
		return out, fmt.Errorf("llm draft %s: %w", p.Section, err)
	}
	opt := req.Inputs
	opt.Eligible, opt.CitedOnly = req.Eligible, true
	v := validator{c: req.Chronology, eligible: eligible, k: check.New(req.Chronology, opt), cite: req.Cite}
	for _, a := range ans.Sentences {
		if strings.TrimSpace(a.Text) == "" {
			continue
		}
		out.Sentences = append(out.Sentences, v.sentence(a))
	}
	out.Body = body(req.Chronology, out.Sentences)
	return out, nil
}

func (d *Drafter) prompt(req Request) (prompts.DemandPrompt, error) {
	if req.PromptVersion != "" {
		p, err := prompts.Demand(req.PromptVersion)
		if err == nil && p.Section != req.Section {
			err = fmt.Errorf("prompt %s is not for section %q", req.PromptVersion, req.Section)
		}
		if err != nil {
			return p, fmt.Errorf("llm draft: %w", err)
		}
		return p, nil
	}
	p, err := prompts.LatestDemand(req.Section)
	if err != nil {
		return p, fmt.Errorf("llm draft: %w", err)
	}
	return p, nil
}

// body joins the rendered sentences, starting a paragraph when the
// provider of the first cited entry changes, and notes failing sentences.
func body(c chronology.Chronology, ss []Sentence) string {
	provider := map[string]string{}
	for _, e := range c.AllEntries() {
		provider[e.ID] = e.ProviderID
	}
	var b strings.Builder
	last := ""
	for i, s := range ss {
		prov := ""
		if len(s.Entries) > 0 {
			prov = provider[s.Entries[0]]
		}
		switch {
		case i == 0:
		case prov != "" && last != "" && prov != last:
			b.WriteString("\n\n")
		default:
			b.WriteString(" ")
		}
		if prov != "" {
			last = prov
		}
		b.WriteString(s.Rendered)
		if s.Failed() {
			b.WriteString(" " + FailNote + strings.ReplaceAll(strings.Join(s.Reasons(), "; "), "]", ")") + "]")
		}
	}
	return b.String()
}
