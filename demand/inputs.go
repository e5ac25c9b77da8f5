package demand

import (
	"encoding/json"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// Letter variants (Inputs.Variant).
const (
	// VariantBodilyInjury is a third-party bodily-injury demand to the
	// insurer of the person at fault (the default).
	VariantBodilyInjury = "bodily_injury"
	// VariantUMUIM is a claim to the client's own carrier under its
	// uninsured/underinsured-motorist coverage.
	VariantUMUIM = "um_uim"
	// VariantPolicyLimits is a time-limited offer to settle for the
	// insured's policy limits.
	VariantPolicyLimits = "policy_limits"
)

// Variants lists the variants in the order a form offers them.
var Variants = []string{VariantBodilyInjury, VariantUMUIM, VariantPolicyLimits}

// VariantTitle names a variant for people.
func VariantTitle(v string) string {
	switch v {
	case VariantUMUIM:
		return "UM/UIM claim"
	case VariantPolicyLimits:
		return "Time-limited policy-limits demand"
	}
	return "Bodily-injury demand"
}

// Lien is a lien or reimbursement claim asserted against the recovery.
type Lien struct {
	Holder string  `json:"holder"`
	Amount float64 `json:"amount"`
}

// Inputs are what the attorney supplies and the records cannot: the
// parties, the claim, money figures and the demand itself. An empty field
// leaves a bracketed placeholder in the letter (so the section cannot be
// approved) where the letter needs it. A nil amount means "not entered";
// zero means "none".
type Inputs struct {
	Variant string `json:"variant,omitempty"`

	Adjuster    string `json:"adjuster,omitempty"`
	Carrier     string `json:"carrier,omitempty"`
	ClaimNumber string `json:"claim_number,omitempty"`
	Insured     string `json:"insured,omitempty"`
	// PolicyLimits is the insured's bodily-injury limit (policy-limits
	// variant) or the UM/UIM limit.
	PolicyLimits *float64 `json:"policy_limits,omitempty"`

	// Liability is the attorney's account of fault (police report,
	// witnesses, citations issued); the records give only the mechanism.
	Liability string `json:"liability,omitempty"`

	Employer   string   `json:"employer,omitempty"`
	Occupation string   `json:"occupation,omitempty"`
	DailyWage  *float64 `json:"daily_wage,omitempty"`
	DaysMissed *int     `json:"days_missed,omitempty"`

	PIP         *float64 `json:"pip,omitempty"`
	MedPay      *float64 `json:"medpay,omitempty"`
	OutOfPocket *float64 `json:"out_of_pocket,omitempty"`
	// Liens are the liens asserted; LiensEntered says the list is complete
	// (an empty list then means no liens).
	Liens        []Lien `json:"liens,omitempty"`
	LiensEntered bool   `json:"liens_entered,omitempty"`

	FutureCareCost *float64 `json:"future_care_cost,omitempty"`
	// Impact is the client's own account of daily-life effects, added to
	// what the records describe.
	Impact string `json:"impact,omitempty"`

	DemandAmount *float64 `json:"demand_amount,omitempty"`
	// Deadline is the response date, YYYY-MM-DD.
	Deadline string `json:"deadline,omitempty"`
	// Signature is the firm and attorney signing the letter.
	Signature string `json:"signature,omitempty"`

	// Answers are the attorney's answers to the adjuster's read (package
	// demand/adjuster), by point ID: the letter states them in the gaps
	// section (gaps, delayed first treatment) or after causation (the
	// other points).
	Answers map[string]string `json:"adjuster_answers,omitempty"`
}

// Bounds of the adjuster answers an Inputs may carry.
const (
	MaxAnswers     = 200
	MaxAnswerRunes = 4000
)

// ReadInputs decodes inputs from JSON (the --demand-inputs file of the
// command line) and checks them.
func ReadInputs(r io.Reader) (Inputs, error) {
	var in Inputs
	dec := json.NewDecoder(r)
	dec.DisallowUnknownFields()
	if err := dec.Decode(&in); err != nil {
		return in, fmt.Errorf("demand inputs: %w", err)
	}
	return in, in.Validate()
}

// Validate checks the variant, the deadline and that no amount or count
// is negative.
func (in Inputs) Validate() error {
	switch in.Variant {
	case "", VariantBodilyInjury, VariantUMUIM, VariantPolicyLimits:
	default:
		return fmt.Errorf("demand inputs: variant %q is not one of %s", in.Variant, strings.Join(Variants, ", "))
	}
	if in.Deadline != "" {
		if _, err := time.Parse("2006-01-02", in.Deadline); err != nil {
			return fmt.Errorf("demand inputs: deadline %q is not a date YYYY-MM-DD", in.Deadline)
		}
	}
	for name, v := range map[string]*float64{"policy_limits": in.PolicyLimits, "daily_wage": in.DailyWage, "pip": in.PIP,
		"medpay": in.MedPay, "out_of_pocket": in.OutOfPocket, "future_care_cost": in.FutureCareCost, "demand_amount": in.DemandAmount} {
		if v != nil && (*v < 0 || math.IsNaN(*v) || math.IsInf(*v, 0)) {
			return fmt.Errorf("demand inputs: %s must be a non-negative amount", name)
		}
	}
	if in.DaysMissed != nil && *in.DaysMissed < 0 {
		return fmt.Errorf("demand inputs: days_missed must not be negative")
	}
	for _, l := range in.Liens {
		if l.Amount < 0 || strings.TrimSpace(l.Holder) == "" {
			return fmt.Errorf("demand inputs: a lien needs a holder and a non-negative amount")
		}
	}
	if len(in.Answers) > MaxAnswers {
		return fmt.Errorf("demand inputs: %d adjuster answers, at most %d", len(in.Answers), MaxAnswers)
	}
	for _, a := range in.Answers {
		if utf8.RuneCountInString(a) > MaxAnswerRunes {
			return fmt.Errorf("demand inputs: an adjuster answer is longer than %d characters", MaxAnswerRunes)
		}
	}
	return nil
}

// variant returns the variant, bodily injury when unset.
func (in Inputs) variant() string {
	if in.Variant == "" {
		return VariantBodilyInjury
	}
	return in.Variant
}

// ParseAmount reads an amount as a person types it ("$12,500", "12500.00");
// empty gives nil.
func ParseAmount(s string) (*float64, error) {
	s = strings.TrimSpace(strings.NewReplacer("$", "", ",", "").Replace(s))
	if s == "" {
		return nil, nil
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || v < 0 || math.IsInf(v, 0) || math.IsNaN(v) {
		return nil, fmt.Errorf("%q is not an amount", s)
	}
	v = math.Round(v*100) / 100
	return &v, nil
}

// ParseLiens reads one lien a line, "holder: amount".
func ParseLiens(s string) ([]Lien, error) {
	var out []Lien
	for _, ln := range strings.Split(s, "\n") {
		ln = strings.TrimSpace(ln)
		if ln == "" {
			continue
		}
		i := strings.LastIndex(ln, ":")
		if i <= 0 {
			return nil, fmt.Errorf("lien %q: write it as holder: amount", ln)
		}
		v, err := ParseAmount(ln[i+1:])
		if err != nil || v == nil {
			return nil, fmt.Errorf("lien %q: write it as holder: amount", ln)
		}
		out = append(out, Lien{Holder: strings.TrimSpace(ln[:i]), Amount: *v})
	}
	return out, nil
}

// LiensText writes liens back in the form ParseLiens reads.
func LiensText(ls []Lien) string {
	var b strings.Builder
	for _, l := range ls {
		fmt.Fprintf(&b, "%s: %.2f\n", l.Holder, l.Amount)
	}
	return b.String()
}
