package llm

import (
	"strings"

	"github.com/medchron/medchron/extract"
	"github.com/medchron/medchron/extract/dates"
)

// parseDate reads a date the model wrote. The prompt asks for YYYY-MM-DD;
// a date the model left as printed ("03/14/2023") is read by dates.Parse.
// Anything else is an error, and the answer is re-asked.
func parseDate(s string) (dates.Date, error) {
	s = strings.TrimSpace(s)
	d, err := dates.ParseISO(s)
	if err == nil {
		return d, nil
	}
	if d, ok := dates.Parse(s); ok {
		return d, nil
	}
	return dates.Date{}, err
}

// toResult converts a checked answer into extractor facts cited in doc.
// Quotes are kept exactly as the model wrote them.
func toResult(docID string, a answer) extract.Result {
	var r extract.Result
	r.Patient = strings.TrimSpace(a.Patient)
	for _, e := range a.Encounters {
		d, _ := parseDate(e.Date)
		end, _ := parseDate(e.EndDate)
		r.Encounters = append(r.Encounters, extract.Encounter{
			Date:         d,
			EndDate:      end,
			Provider:     strings.TrimSpace(e.Provider),
			ProviderKind: e.ProviderKind,
			NPI:          strings.TrimSpace(e.NPI),
			Clinician:    strings.TrimSpace(e.Clinician),
			VisitType:    strings.TrimSpace(e.VisitType),
			Complaints:   strings.TrimSpace(e.Complaints),
			Findings:     strings.TrimSpace(e.Findings),
			Assessment:   strings.TrimSpace(e.Assessment),
			Plan:         strings.TrimSpace(e.Plan),
			Diagnoses:    toCoded(e.Diagnoses),
			Procedures:   toCoded(e.Procedures),
			Medications:  nonEmpty(e.Medications),
			PainScore:    e.PainScore,
			WorkStatus:   strings.TrimSpace(e.WorkStatus),
			Referrals:    nonEmpty(e.Referrals),
			Orders:       nonEmpty(e.Orders),
			Citations:    toCitations(docID, e.Citations),
		})
	}
	for _, b := range a.BillLines {
		var d dates.Date
		if b.Date != "" {
			d, _ = parseDate(b.Date)
		}
		r.Bills = append(r.Bills, extract.BillLine{
			Date:        d,
			Provider:    strings.TrimSpace(b.Provider),
			Code:        strings.TrimSpace(b.Code),
			Description: strings.TrimSpace(b.Description),
			Charge:      b.Charge,
			Adjustment:  b.Adjustment,
			Paid:        b.Paid,
			Balance:     b.Balance,
			Citations:   toCitations(docID, b.Citations),
		})
	}
	for _, t := range a.BillTotals {
		r.BillTotals = append(r.BillTotals, extract.BillTotal{
			Provider:  strings.TrimSpace(t.Provider),
			Total:     t.Total,
			Citations: toCitations(docID, t.Citations),
		})
	}
	return r
}

func toCitations(docID string, cs []ansCitation) []extract.Citation {
	out := make([]extract.Citation, 0, len(cs))
	for _, c := range cs {
		out = append(out, extract.Citation{DocumentID: docID, Page: c.Page, Quote: c.Quote})
	}
	return out
}

func toCoded(cs []ansCoded) []extract.Coded {
	var out []extract.Coded
	for _, c := range cs {
		if strings.TrimSpace(c.Description) == "" && strings.TrimSpace(c.Code) == "" {
			continue
		}
		out = append(out, extract.Coded{Code: strings.TrimSpace(c.Code), Description: strings.TrimSpace(c.Description)})
	}
	return out
}

func nonEmpty(ss []string) []string {
	var out []string
	for _, s := range ss {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// merge appends the facts of part to r, in chunk order.
func merge(r *extract.Result, part extract.Result) {
	r.Encounters = append(r.Encounters, part.Encounters...)
	r.Bills = append(r.Bills, part.Bills...)
	r.BillTotals = append(r.BillTotals, part.BillTotals...)
	if r.Patient == "" {
		r.Patient = part.Patient
	}
	r.Usage.PromptTokens += part.Usage.PromptTokens
	r.Usage.CompletionTokens += part.Usage.CompletionTokens
}

// Cost is the price of usage at the given prices per million input and
// output tokens.
func Cost(usage extract.Usage, pricePerMTokIn, pricePerMTokOut float64) float64 {
	return float64(usage.PromptTokens)/1e6*pricePerMTokIn + float64(usage.CompletionTokens)/1e6*pricePerMTokOut
}
