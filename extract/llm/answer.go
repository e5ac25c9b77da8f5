package llm

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/sashabaranov/go-openai/jsonschema"
)

// Answer is the JSON object the model must return (its JSON schema is
// generated from these types). Every field is required (strict structured
// output); empty values mean "not printed". It is exported for replay and
// oracle servers, which answer the extractor's requests in this form.
type Answer struct {
	Patient    string            `json:"patient" description:"the patient's name as printed, or empty"`
	Pages      []AnswerPage      `json:"pages" description:"one entry per page of the message: its class and the provider of its section"`
	Encounters []AnswerEncounter `json:"encounters"`
	BillLines  []AnswerBillLine  `json:"bill_lines" description:"bill line items, payment and adjustment rows; never totals"`
	BillTotals []AnswerBillTotal `json:"bill_totals" description:"totals, subtotals and balance-due rows printed on bills"`
	Expected   []AnswerExpected  `json:"expected_records" description:"evidence that another record should exist: EMS arrival, orders, referrals, follow-ups, reports not received"`
}

// AnswerPage is a page's class and section provider.
type AnswerPage struct {
	Page     int    `json:"page"`
	Class    string `json:"class" enum:"clinical_note,visit_log,report,bill,eob,administrative,blank,other"`
	BillKind string `json:"bill_kind" enum:",ub04,cms1500,itemized,ledger,pharmacy,invoice" description:"the bill family of a bill page, else empty"`
	Provider string `json:"provider" description:"the provider of the page's document section as printed, or empty"`
}

// AnswerExpected is evidence that another record should exist.
type AnswerExpected struct {
	Kind      string           `json:"kind" enum:"ems,imaging,diagnostic,referral,follow_up,report"`
	What      string           `json:"what" description:"the care asked for, as printed"`
	Provider  string           `json:"provider" description:"who should hold that record, when printed, else empty"`
	Date      string           `json:"date" description:"date of service of the page that asks, YYYY-MM-DD, or empty"`
	Citations []AnswerCitation `json:"citations"`
}

// AnswerCitation is a page number and a verbatim quote.
type AnswerCitation struct {
	Page  int    `json:"page" description:"the page number from the === PAGE n === marker"`
	Quote string `json:"quote" description:"text copied exactly, character for character, from that page"`
}

// AnswerCoded is a diagnosis or procedure as printed.
type AnswerCoded struct {
	Code        string `json:"code" description:"ICD-10/CPT/HCPCS code exactly as printed, or empty"`
	Description string `json:"description"`
}

// AnswerEncounter is one visit or medical event, or an undated record.
type AnswerEncounter struct {
	Date         string           `json:"date" description:"date of service, YYYY-MM-DD; empty only when undated"`
	Undated      bool             `json:"undated" description:"true for a clinical record that prints no date of service"`
	EndDate      string           `json:"end_date" description:"discharge date YYYY-MM-DD for a stay, else empty"`
	Provider     string           `json:"provider" description:"facility or practice as printed"`
	ProviderKind string           `json:"provider_kind" enum:"emergency,hospital,radiology,orthopedics,chiropractic,physical_therapy,primary_care,pain_management,neurology,pharmacy,ambulance,billing,other"`
	NPI          string           `json:"npi"`
	Clinician    string           `json:"clinician"`
	VisitType    string           `json:"visit_type"`
	Complaints   string           `json:"complaints"`
	Findings     string           `json:"findings"`
	Assessment   string           `json:"assessment"`
	Plan         string           `json:"plan"`
	Diagnoses    []AnswerCoded    `json:"diagnoses"`
	Procedures   []AnswerCoded    `json:"procedures"`
	Medications  []string         `json:"medications"`
	PainScore    *float64         `json:"pain_score" nullable:"true" description:"0-10 pain score as printed, or null"`
	WorkStatus   string           `json:"work_status"`
	Referrals    []string         `json:"referrals"`
	Orders       []string         `json:"orders"`
	Citations    []AnswerCitation `json:"citations" description:"first citation quotes the date of service (the title or first line when undated)"`
}

// AnswerBillLine is a bill's line: a charge, a payment or an adjustment row.
type AnswerBillLine struct {
	Date        string           `json:"date" description:"service date YYYY-MM-DD, or empty"`
	Provider    string           `json:"provider"`
	Kind        string           `json:"kind" enum:"charge,payment,adjustment"`
	RevenueCode string           `json:"revenue_code" description:"the 4-digit revenue code of a facility bill line, or empty"`
	Code        string           `json:"code" description:"the CPT or HCPCS code as printed, or empty"`
	Modifiers   []string         `json:"modifiers" description:"CPT/HCPCS modifiers printed with the code"`
	Units       *float64         `json:"units" nullable:"true" description:"service units or quantity printed on the line, or null"`
	Description string           `json:"description"`
	Charge      float64          `json:"charge" description:"billed amount of a charge line; 0 for payment and adjustment rows"`
	Adjustment  *float64         `json:"adjustment" nullable:"true"`
	Paid        *float64         `json:"paid" nullable:"true"`
	Balance     *float64         `json:"balance" nullable:"true"`
	Citations   []AnswerCitation `json:"citations"`
}

// AnswerBillTotal is a total printed on a bill, with its kind.
type AnswerBillTotal struct {
	Provider  string           `json:"provider"`
	Kind      string           `json:"kind" enum:"charges,payments,adjustments,balance"`
	Total     float64          `json:"total"`
	Citations []AnswerCitation `json:"citations"`
}

// schemaName names the schema in response_format.
const schemaName = "medical_record_facts"

// answerSchema generates the strict JSON schema of answer. go-openai marks
// nullable fields with a "nullable" keyword that strict servers do not
// know; they are rewritten as anyOf [type, null].
func answerSchema() (*jsonschema.Definition, error) {
	def, err := jsonschema.GenerateSchemaForType(Answer{})
	if err != nil {
		return nil, fmt.Errorf("generate answer schema: %w", err)
	}
	fixNullable(def)
	return def, nil
}

func fixNullable(d *jsonschema.Definition) {
	for k, p := range d.Properties {
		if p.Nullable {
			p.Nullable = false
			desc := p.Description
			p.Description = ""
			p = jsonschema.Definition{Description: desc, AnyOf: []jsonschema.Definition{p, {Type: jsonschema.Null}}}
		}
		fixNullable(&p)
		d.Properties[k] = p
	}
	for k, sub := range d.Defs {
		fixNullable(&sub)
		d.Defs[k] = sub
	}
	if d.Items != nil {
		fixNullable(d.Items)
	}
}

// errMalformed marks an answer that is not what the schema and the chunk
// allow; such an answer is re-asked.
var errMalformed = errors.New("malformed answer")

// parseCached decodes an answer stored in the cache: it was checked when
// stored, possibly by an earlier version of the schema, so fields added
// since may be missing; what checkAnswer checks is checked again.
func parseCached(content []byte, c chunk) (Answer, error) {
	var a Answer
	if err := json.Unmarshal(content, &a); err != nil {
		return a, fmt.Errorf("%w: cached answer is not valid JSON", errMalformed)
	}
	if err := checkAnswer(a, c); err != nil {
		return a, fmt.Errorf("%w: %w", errMalformed, err)
	}
	return a, nil
}

// parseAnswer checks content against the schema, decodes it strictly (no
// unknown fields, nothing after the object) and checks what the schema
// cannot: citations on pages of the chunk, non-empty quotes, ISO dates.
// Its errors never quote the content.
func parseAnswer(schema *jsonschema.Definition, content string, c chunk) (Answer, error) {
	var a Answer
	content = strings.TrimSpace(content)
	var raw any
	if err := json.Unmarshal([]byte(content), &raw); err != nil {
		return a, fmt.Errorf("%w: not valid JSON", errMalformed)
	}
	if !jsonschema.Validate(*schema, raw) {
		return a, fmt.Errorf("%w: does not match the JSON schema", errMalformed)
	}
	dec := json.NewDecoder(bytes.NewReader([]byte(content)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&a); err != nil {
		return a, fmt.Errorf("%w: unexpected field or type", errMalformed)
	}
	if err := checkAnswer(a, c); err != nil {
		return a, fmt.Errorf("%w: %w", errMalformed, err)
	}
	return a, nil
}

// checkAnswer validates what the JSON schema cannot express.
func checkAnswer(a Answer, c chunk) error {
	cites := func(what string, i int, cs []AnswerCitation) error {
		if len(cs) == 0 {
			return fmt.Errorf("%s %d has no citation", what, i+1)
		}
		for _, ct := range cs {
			if !c.has(ct.Page) {
				return fmt.Errorf("%s %d cites page %d, outside pages %d-%d", what, i+1, ct.Page, c.first(), c.last())
			}
			if strings.TrimSpace(ct.Quote) == "" {
				return fmt.Errorf("%s %d has an empty quote", what, i+1)
			}
		}
		return nil
	}
	for _, p := range a.Pages {
		if !c.has(p.Page) {
			return fmt.Errorf("page class given for page %d, outside pages %d-%d", p.Page, c.first(), c.last())
		}
	}
	for i, e := range a.Encounters {
		if err := cites("encounter", i, e.Citations); err != nil {
			return err
		}
		switch {
		case e.Undated && e.Date != "":
			return fmt.Errorf("encounter %d: undated but with a date (leave date empty when undated)", i+1)
		case e.Undated:
		case e.Date == "":
			return fmt.Errorf("encounter %d: no date (set undated when the record prints no date of service)", i+1)
		default:
			if _, err := parseDate(e.Date); err != nil {
				return fmt.Errorf("encounter %d: date is not a date (want YYYY-MM-DD)", i+1)
			}
		}
		if e.EndDate != "" {
			if _, err := parseDate(e.EndDate); err != nil {
				return fmt.Errorf("encounter %d: end_date is not a date (want YYYY-MM-DD)", i+1)
			}
		}
		if e.PainScore != nil && (*e.PainScore < 0 || *e.PainScore > 10) {
			return fmt.Errorf("encounter %d: pain_score outside 0-10", i+1)
		}
	}
	for i, b := range a.BillLines {
		if err := cites("bill line", i, b.Citations); err != nil {
			return err
		}
		if b.Date != "" {
			if _, err := parseDate(b.Date); err != nil {
				return fmt.Errorf("bill line %d: date is not a date (want YYYY-MM-DD)", i+1)
			}
		}
		if b.Units != nil && *b.Units < 0 {
			return fmt.Errorf("bill line %d: negative units", i+1)
		}
	}
	for i, t := range a.BillTotals {
		if err := cites("bill total", i, t.Citations); err != nil {
			return err
		}
	}
	for i, x := range a.Expected {
		if err := cites("expected record", i, x.Citations); err != nil {
			return err
		}
		if x.Date != "" {
			if _, err := parseDate(x.Date); err != nil {
				return fmt.Errorf("expected record %d: date is not a date (want YYYY-MM-DD)", i+1)
			}
		}
	}
	return nil
}
