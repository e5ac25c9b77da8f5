package ui

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"

	"github.com/medchron/medchron/chronology"
	"github.com/medchron/medchron/demand"
	"github.com/medchron/medchron/demand/adjuster"
)

// inputFields are the attorney's demand inputs as the generate form shows
// them: amounts and counts as typed, liens one per line.
type inputFields struct {
	Variant                                 string
	Adjuster, Carrier, ClaimNumber, Insured string
	PolicyLimits                            string
	Liability                               string
	Employer, Occupation                    string
	DailyWage, DaysMissed                   string
	PIP, MedPay, OutOfPocket                string
	Liens                                   string
	NoLiens                                 bool
	FutureCareCost, Impact                  string
	DemandAmount, Deadline, Signature       string
}

// variantOption is one choice of letter variant.
type variantOption struct{ Value, Title string }

func variantOptions() []variantOption {
	var out []variantOption
	for _, v := range demand.Variants {
		out = append(out, variantOption{v, demand.VariantTitle(v)})
	}
	return out
}

func amountField(v *float64) string {
	if v == nil {
		return ""
	}
	return strconv.FormatFloat(*v, 'f', 2, 64)
}

// fieldsOf shows stored inputs in the form.
func fieldsOf(in demand.Inputs) inputFields {
	f := inputFields{
		Variant: in.Variant, Adjuster: in.Adjuster, Carrier: in.Carrier, ClaimNumber: in.ClaimNumber, Insured: in.Insured,
		PolicyLimits: amountField(in.PolicyLimits), Liability: in.Liability, Employer: in.Employer, Occupation: in.Occupation,
		DailyWage: amountField(in.DailyWage), PIP: amountField(in.PIP), MedPay: amountField(in.MedPay), OutOfPocket: amountField(in.OutOfPocket),
		Liens: demand.LiensText(in.Liens), NoLiens: in.LiensEntered && len(in.Liens) == 0,
		FutureCareCost: amountField(in.FutureCareCost), Impact: in.Impact, DemandAmount: amountField(in.DemandAmount),
		Deadline: in.Deadline, Signature: in.Signature,
	}
	if in.DaysMissed != nil {
		f.DaysMissed = strconv.Itoa(*in.DaysMissed)
	}
	if f.Variant == "" {
		f.Variant = demand.VariantBodilyInjury
	}
	return f
}

// inputText is a form field's text, trimmed, without NUL characters.
func inputText(r *http.Request, name string) string {
	return formText(strings.ReplaceAll(r.PostFormValue(name), "\x00", ""))
}

// demandInputsForm reads the attorney's inputs from the generate form; an
// error names the field for the person who typed it.
func demandInputsForm(r *http.Request) (demand.Inputs, error) {
	in := demand.Inputs{
		Variant: inputText(r, "variant"), Adjuster: inputText(r, "adjuster"), Carrier: inputText(r, "carrier"),
		ClaimNumber: inputText(r, "claim_number"), Insured: inputText(r, "insured"), Liability: inputText(r, "liability"),
		Employer: inputText(r, "employer"), Occupation: inputText(r, "occupation"), Impact: inputText(r, "impact"),
		Deadline: inputText(r, "deadline"), Signature: inputText(r, "signature"),
	}
	amounts := []struct {
		name, label string
		to          **float64
	}{
		{"policy_limits", "Policy limits", &in.PolicyLimits}, {"daily_wage", "Daily wage", &in.DailyWage},
		{"pip", "PIP paid", &in.PIP}, {"medpay", "MedPay paid", &in.MedPay}, {"out_of_pocket", "Out of pocket", &in.OutOfPocket},
		{"future_care_cost", "Future care cost", &in.FutureCareCost}, {"demand_amount", "Demand amount", &in.DemandAmount},
	}
	for _, a := range amounts {
		v, err := demand.ParseAmount(inputText(r, a.name))
		if err != nil {
			return in, fmt.Errorf("%s: %w", a.label, err)
		}
		*a.to = v
	}
	if s := inputText(r, "days_missed"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 0 {
			return in, fmt.Errorf("days of work missed: %q is not a number of days", s)
		}
		in.DaysMissed = &n
	}
	liens, err := demand.ParseLiens(inputText(r, "liens"))
	if err != nil {
		return in, fmt.Errorf("liens: %w", err)
	}
	in.Liens = liens
	in.LiensEntered = len(liens) > 0 || r.PostFormValue("no_liens") == "yes"
	for name := range r.PostForm {
		if id, ok := strings.CutPrefix(name, "answer_"); ok && id != "" {
			if a := inputText(r, name); a != "" {
				if in.Answers == nil {
					in.Answers = map[string]string{}
				}
				in.Answers[id] = a
			}
		}
	}
	if err := in.Validate(); err != nil {
		return in, err
	}
	return in, nil
}

// adjusterPoint is one point of the adjuster's read as the demand page
// shows it, with the attorney's answer in the inputs form.
type adjusterPoint struct {
	ID, Kind, Title, Explanation, Answer string
	Cites                                []citeLink
}

// adjusterPoints reads the points an insurer would attack in c (package
// demand/adjuster), with the answers saved in the inputs.
func adjusterPoints(matterID string, c chronology.Chronology, in demand.Inputs) []adjusterPoint {
	points, _ := adjuster.WithAnswers(adjuster.Read(c, adjuster.Options{}), in.Answers)
	ix := indexDocuments(&c)
	var out []adjusterPoint
	for _, p := range points {
		ap := adjusterPoint{ID: p.ID, Kind: p.Kind, Title: p.Title, Explanation: p.Explanation, Answer: p.Answer}
		for _, ct := range p.Citations {
			ap.Cites = append(ap.Cites, citeLink{Label: ix.pageLabel(ct.DocumentID, ct.Page, ct.Bates), Quote: ct.Quote, Found: true,
				Href: pagePath(matterID, ct.DocumentID, ct.Page)})
		}
		out = append(out, ap)
	}
	return out
}
