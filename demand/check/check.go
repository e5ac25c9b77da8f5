package check

import (
	"github.com/medchron/medchron/chronology"
	"github.com/medchron/medchron/extract/dates"
)

// Kind is what a finding is about.
type Kind string

// Kinds of findings.
const (
	KindAmount     Kind = "amount"
	KindDate       Kind = "date"
	KindProvider   Kind = "provider"
	KindDiagnosis  Kind = "diagnosis"
	KindVisitCount Kind = "visit_count"
	// KindCitation is a citation that names no record of the chronology:
	// an unknown entry id, or a bracketed reference to a page no entry or
	// bill cites.
	KindCitation Kind = "citation"
)

// Finding is one figure, date, name or count found in a sentence and
// compared with the chronology. Start and End are byte offsets in the text
// given to Check (or to CheckSentence).
type Finding struct {
	Kind  Kind   `json:"kind"`
	Text  string `json:"text"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	OK    bool   `json:"ok"`
	// Basis says what the text matched when OK, e.g. "charges of Momentum
	// Physical Therapy".
	Basis string `json:"basis,omitempty"`
	// Reason says why the text failed when not OK.
	Reason string `json:"reason,omitempty"`
}

// Sentence is one sentence (or heading, bullet or table row) of the text,
// with the entry ids its citations name and its findings.
type Sentence struct {
	Start    int       `json:"start"`
	End      int       `json:"end"`
	Text     string    `json:"text"`
	Cited    []string  `json:"cited,omitempty"`
	Findings []Finding `json:"findings,omitempty"`
}

// Failed reports whether a finding of the sentence failed.
func (s Sentence) Failed() bool { return len(s.Failures()) > 0 }

// Failures returns the findings that failed.
func (s Sentence) Failures() []Finding {
	var out []Finding
	for _, f := range s.Findings {
		if !f.OK {
			out = append(out, f)
		}
	}
	return out
}

// Report is the result of checking one text.
type Report struct {
	Sentences []Sentence `json:"sentences"`
}

// OK reports whether no sentence failed.
func (r Report) OK() bool { return len(r.Failed()) == 0 }

// Failed returns the sentences with a failing finding, in text order.
func (r Report) Failed() []Sentence {
	var out []Sentence
	for _, s := range r.Sentences {
		if s.Failed() {
			out = append(out, s)
		}
	}
	return out
}

// Checked counts the findings of the report, and those that failed.
func (r Report) Checked() (findings, failed int) {
	for _, s := range r.Sentences {
		findings += len(s.Findings)
		failed += len(s.Failures())
	}
	return findings, failed
}

// Figure is an amount the attorney supplies, not in the ledger: the
// demand, a policy limit, lost wages, an out-of-pocket expense.
type Figure struct {
	Label  string
	Amount float64
}

// NamedDate is a date the attorney supplies, not in the records: the
// letter's date, a response deadline, a date of hire.
type NamedDate struct {
	Label string
	Date  dates.Date
}

// Options tune a Checker. The zero Options check against the chronology
// alone.
type Options struct {
	// Eligible is the policy deciding which entries a draft may use (the
	// demand package's); visit counts may then also be counted over the
	// eligible entries. Nil counts over the chronology's entries only.
	Eligible func(chronology.Entry) bool
	// Amounts and Dates are attorney inputs the text may state. An amount
	// may also be the total charges plus some of Amounts (the economic
	// damages: specials, wages, future care), or a sum of several of them.
	Amounts []Figure
	Dates   []NamedDate
	// Names are names the text may give that are not providers: the
	// carrier, the insured, the employer, the firm, the adjuster.
	Names []string
	// CitedOnly requires, when a sentence cites entries, a date that is an
	// entry's date to be the date of a cited entry, and a diagnosis (code
	// or name) to be recorded by a cited entry. The LLM drafter sets it:
	// each of its sentences names its entries.
	CitedOnly bool
}
