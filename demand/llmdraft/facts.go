package llmdraft

import (
	"slices"

	"github.com/medchron/medchron/chronology"
	"github.com/medchron/medchron/demand/check"
	"github.com/medchron/medchron/extract/dates"
	"github.com/medchron/medchron/internal/textutil"
)

// facts is the user message's JSON: what the model may use, and nothing
// else.
type facts struct {
	Section   string         `json:"section"`
	Matter    factMatter     `json:"matter"`
	Entries   []factEntry    `json:"entries"`
	Providers []factProvider `json:"providers"`
	Gaps      []factGap      `json:"gaps,omitempty"`
	Ledger    factLedger     `json:"ledger"`
	Inputs    []factInput    `json:"attorney_inputs,omitempty"`
}

type factMatter struct {
	Client         string `json:"client,omitempty"`
	DateOfIncident string `json:"date_of_incident,omitempty"`
}

type factCoded struct {
	Code        string `json:"code,omitempty"`
	Description string `json:"description"`
}

type factEntry struct {
	ID          string      `json:"id"`
	Date        string      `json:"date"`
	EndDate     string      `json:"end_date,omitempty"`
	Provider    string      `json:"provider"`
	Clinician   string      `json:"clinician,omitempty"`
	VisitType   string      `json:"visit_type,omitempty"`
	Complaints  string      `json:"complaints,omitempty"`
	Findings    string      `json:"findings,omitempty"`
	Assessment  string      `json:"assessment,omitempty"`
	Plan        string      `json:"plan,omitempty"`
	Diagnoses   []factCoded `json:"diagnoses,omitempty"`
	Procedures  []factCoded `json:"procedures,omitempty"`
	Medications []string    `json:"medications,omitempty"`
	PainScore   *float64    `json:"pain_score,omitempty"`
	WorkStatus  string      `json:"work_status,omitempty"`
	PreIncident bool        `json:"pre_incident,omitempty"`
}

type factProvider struct {
	Name      string `json:"name"`
	Kind      string `json:"kind,omitempty"`
	Visits    int    `json:"visits"`
	FirstDate string `json:"first_date"`
	LastDate  string `json:"last_date"`
}

type factGap struct {
	From string `json:"from"`
	To   string `json:"to"`
	Days int    `json:"days"`
}

type factLedger struct {
	ByProvider       []factSpecial `json:"by_provider"`
	TotalCharges     string        `json:"total_charges"`
	TotalPaid        string        `json:"total_paid,omitempty"`
	TotalAdjustments string        `json:"total_adjustments,omitempty"`
}

type factSpecial struct {
	Provider    string `json:"provider"`
	Charges     string `json:"charges"`
	Paid        string `json:"paid,omitempty"`
	Adjustments string `json:"adjustments,omitempty"`
	FirstDate   string `json:"first_date,omitempty"`
	LastDate    string `json:"last_date,omitempty"`
}

type factInput struct {
	Label string `json:"label"`
	Value string `json:"value"`
}

// longDate writes a date as the letter does: "March 14, 2023".
func longDate(d dates.Date) string {
	if d.IsZero() {
		return ""
	}
	return d.Time().Format("January 2, 2006")
}

// buildFacts gathers the eligible entries (in date order) and the ledger.
func buildFacts(section string, c chronology.Chronology, eligible []chronology.Entry, in check.Options) facts {
	f := facts{Section: section, Matter: factMatter{Client: c.Matter.Client, DateOfIncident: longDate(c.Matter.DateOfIncident)},
		Entries: []factEntry{}, Providers: []factProvider{}}
	type acc struct {
		p           factProvider
		first, last dates.Date
	}
	var order []string
	byProv := map[string]*acc{}
	for _, e := range eligible {
		fe := factEntry{ID: e.ID, Date: longDate(e.Date), EndDate: longDate(e.EndDate), Provider: e.Provider,
			Clinician: e.Clinician, VisitType: e.VisitType, Complaints: e.Complaints, Findings: e.Findings,
			Assessment: e.Assessment, Plan: e.Plan, Medications: e.Medications, PainScore: e.PainScore,
			WorkStatus: e.WorkStatus, PreIncident: e.PreIncident}
		for _, d := range e.Diagnoses {
			fe.Diagnoses = append(fe.Diagnoses, factCoded{Code: d.Code, Description: d.Description})
		}
		for _, p := range e.Procedures {
			fe.Procedures = append(fe.Procedures, factCoded{Code: p.Code, Description: p.Description})
		}
		f.Entries = append(f.Entries, fe)
		if e.Date.IsZero() {
			continue
		}
		a := byProv[e.ProviderID]
		if a == nil {
			a = &acc{p: factProvider{Name: providerName(c, e)}, first: e.Date}
			for _, p := range c.Providers {
				if p.ID == e.ProviderID {
					a.p.Kind = p.Kind
				}
			}
			byProv[e.ProviderID] = a
			order = append(order, e.ProviderID)
		}
		a.p.Visits++
		if e.Date.Before(a.first) {
			a.first = e.Date
		}
		last := e.Date
		if e.EndDate.After(last) {
			last = e.EndDate
		}
		if last.After(a.last) {
			a.last = last
		}
	}
	for _, id := range order {
		a := byProv[id]
		a.p.FirstDate, a.p.LastDate = longDate(a.first), longDate(a.last)
		f.Providers = append(f.Providers, a.p)
	}
	for _, g := range c.Gaps {
		f.Gaps = append(f.Gaps, factGap{From: longDate(g.From), To: longDate(g.To), Days: g.Days})
	}
	sp := c.Specials
	f.Ledger.ByProvider = []factSpecial{}
	for _, p := range sp.ByProvider {
		fs := factSpecial{Provider: p.Provider, Charges: textutil.Dollars(p.Charges), FirstDate: longDate(p.FirstDate), LastDate: longDate(p.LastDate)}
		if p.Paid != nil {
			fs.Paid = textutil.Dollars(*p.Paid)
		}
		if p.Adjustments != nil {
			fs.Adjustments = textutil.Dollars(*p.Adjustments)
		}
		f.Ledger.ByProvider = append(f.Ledger.ByProvider, fs)
	}
	f.Ledger.TotalCharges = textutil.Dollars(sp.TotalCharges)
	if sp.TotalPaid != nil {
		f.Ledger.TotalPaid = textutil.Dollars(*sp.TotalPaid)
	}
	if sp.TotalAdjustments != nil {
		f.Ledger.TotalAdjustments = textutil.Dollars(*sp.TotalAdjustments)
	}
	for _, a := range in.Amounts {
		f.Inputs = append(f.Inputs, factInput{Label: a.Label, Value: textutil.Dollars(a.Amount)})
	}
	for _, d := range in.Dates {
		f.Inputs = append(f.Inputs, factInput{Label: d.Label, Value: longDate(d.Date)})
	}
	return f
}

// providerName is the canonical name of an entry's provider.
func providerName(c chronology.Chronology, e chronology.Entry) string {
	i := slices.IndexFunc(c.Providers, func(p chronology.Provider) bool { return p.ID == e.ProviderID })
	if i >= 0 && c.Providers[i].Name != "" {
		return c.Providers[i].Name
	}
	return e.Provider
}
