package llm

import (
	"slices"
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
func toResult(docID string, a Answer) extract.Result {
	var r extract.Result
	r.Patient = strings.TrimSpace(a.Patient)
	for _, p := range a.Pages {
		info := extract.PageInfo{Page: p.Page, Class: p.Class, Provider: strings.TrimSpace(p.Provider)}
		if p.Class == extract.PageBill {
			info.BillKind = p.BillKind
		}
		r.Pages = append(r.Pages, info)
	}
	for _, e := range a.Encounters {
		var d, end dates.Date
		if !e.Undated {
			d, _ = parseDate(e.Date)
			end, _ = parseDate(e.EndDate)
		}
		r.Encounters = append(r.Encounters, extract.Encounter{
			Undated:      e.Undated,
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
		var units float64
		if b.Units != nil {
			units = *b.Units
		}
		r.Bills = append(r.Bills, extract.BillLine{
			Date:        d,
			Provider:    strings.TrimSpace(b.Provider),
			Kind:        lineKind(b.Kind),
			RevenueCode: strings.TrimSpace(b.RevenueCode),
			Modifiers:   nonEmpty(b.Modifiers),
			Units:       units,
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
			Kind:      totalKind(t.Kind),
			Total:     t.Total,
			Citations: toCitations(docID, t.Citations),
		})
	}
	for _, x := range a.Expected {
		var d dates.Date
		if x.Date != "" {
			d, _ = parseDate(x.Date)
		}
		r.Expected = append(r.Expected, extract.ExpectedRecord{
			Kind:      x.Kind,
			What:      strings.TrimSpace(x.What),
			Provider:  strings.TrimSpace(x.Provider),
			Date:      d,
			Citations: toCitations(docID, x.Citations),
		})
	}
	return r
}

// lineKind maps the answer's bill line kind to extract's ("charge" is the
// default, written "").
func lineKind(k string) string {
	switch k {
	case "payment":
		return extract.LinePayment
	case "adjustment":
		return extract.LineAdjustment
	}
	return extract.LineCharge
}

// totalKind maps the answer's total kind to extract's ("charges" is the
// default, written "").
func totalKind(k string) string {
	switch k {
	case "payments":
		return extract.TotalPayments
	case "adjustments":
		return extract.TotalAdjustments
	case "balance":
		return extract.TotalBalance
	}
	return extract.TotalCharges
}

// withLayout completes the model's page classes with the layout's: a page
// the model gave no class (or no provider) takes the layout's. Pages are
// returned in page order, one per page the layout knows.
func withLayout(model, layout []extract.PageInfo) []extract.PageInfo {
	byPage := map[int]extract.PageInfo{}
	for _, p := range model {
		if _, dup := byPage[p.Page]; !dup {
			byPage[p.Page] = p
		}
	}
	out := make([]extract.PageInfo, 0, len(layout))
	for _, l := range layout {
		p, ok := byPage[l.Page]
		delete(byPage, l.Page)
		switch {
		case !ok || p.Class == "":
			p = l
		case p.Provider == "" && p.Class != extract.PageAdmin && p.Class != extract.PageEOB:
			p.Provider = l.Provider
		}
		out = append(out, p)
	}
	for _, p := range model { // pages the layout did not see
		if q, ok := byPage[p.Page]; ok {
			out = append(out, q)
			delete(byPage, p.Page)
		}
	}
	slices.SortStableFunc(out, func(a, b extract.PageInfo) int { return a.Page - b.Page })
	return out
}

func toCitations(docID string, cs []AnswerCitation) []extract.Citation {
	out := make([]extract.Citation, 0, len(cs))
	for _, c := range cs {
		out = append(out, extract.Citation{DocumentID: docID, Page: c.Page, Quote: c.Quote})
	}
	return out
}

func toCoded(cs []AnswerCoded) []extract.Coded {
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
	r.Pages = append(r.Pages, part.Pages...)
	r.Expected = append(r.Expected, part.Expected...)
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
