package llm

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/sashabaranov/go-openai/jsonschema"
)

// answer is the JSON object the model must return. Every field is required
// (strict structured output); empty values mean "not printed".
type answer struct {
	Patient    string         `json:"patient" description:"the patient's name as printed, or empty"`
	Encounters []ansEncounter `json:"encounters"`
	BillLines  []ansBillLine  `json:"bill_lines" description:"billed line items only, never totals"`
	BillTotals []ansBillTotal `json:"bill_totals" description:"totals, subtotals and balance-due rows printed on bills"`
}

type ansCitation struct {
	Page  int    `json:"page" description:"the page number from the === PAGE n === marker"`
	Quote string `json:"quote" description:"text copied exactly, character for character, from that page"`
}

type ansCoded struct {
	Code        string `json:"code" description:"ICD-10/CPT/HCPCS code exactly as printed, or empty"`
	Description string `json:"description"`
}

type ansEncounter struct {
	Date         string        `json:"date" description:"date of service, YYYY-MM-DD"`
	EndDate      string        `json:"end_date" description:"discharge date YYYY-MM-DD for a stay, else empty"`
	Provider     string        `json:"provider" description:"facility or practice as printed"`
	ProviderKind string        `json:"provider_kind" enum:"emergency,hospital,radiology,orthopedics,chiropractic,physical_therapy,primary_care,pain_management,neurology,pharmacy,ambulance,billing,other"`
	NPI          string        `json:"npi"`
	Clinician    string        `json:"clinician"`
	VisitType    string        `json:"visit_type"`
	Complaints   string        `json:"complaints"`
	Findings     string        `json:"findings"`
	Assessment   string        `json:"assessment"`
	Plan         string        `json:"plan"`
	Diagnoses    []ansCoded    `json:"diagnoses"`
	Procedures   []ansCoded    `json:"procedures"`
	Medications  []string      `json:"medications"`
	PainScore    *float64      `json:"pain_score" nullable:"true" description:"0-10 pain score as printed, or null"`
	WorkStatus   string        `json:"work_status"`
	Referrals    []string      `json:"referrals"`
	Orders       []string      `json:"orders"`
	Citations    []ansCitation `json:"citations" description:"first citation quotes the date of service"`
}

type ansBillLine struct {
	Date        string        `json:"date" description:"service date YYYY-MM-DD, or empty"`
	Provider    string        `json:"provider"`
	Code        string        `json:"code"`
	Description string        `json:"description"`
	Charge      float64       `json:"charge" description:"billed amount of this line"`
	Adjustment  *float64      `json:"adjustment" nullable:"true"`
	Paid        *float64      `json:"paid" nullable:"true"`
	Balance     *float64      `json:"balance" nullable:"true"`
	Citations   []ansCitation `json:"citations"`
}

type ansBillTotal struct {
	Provider  string        `json:"provider"`
	Total     float64       `json:"total"`
	Citations []ansCitation `json:"citations"`
}

// schemaName names the schema in response_format.
const schemaName = "medical_record_facts"

// answerSchema generates the strict JSON schema of answer. go-openai marks
// nullable fields with a "nullable" keyword that strict servers do not
// know; they are rewritten as anyOf [type, null].
func answerSchema() (*jsonschema.Definition, error) {
	def, err := jsonschema.GenerateSchemaForType(answer{})
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

// parseAnswer checks content against the schema, decodes it strictly (no
// unknown fields, nothing after the object) and checks what the schema
// cannot: citations on pages of the chunk, non-empty quotes, ISO dates.
// Its errors never quote the content.
func parseAnswer(schema *jsonschema.Definition, content string, c chunk) (answer, error) {
	var a answer
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
func checkAnswer(a answer, c chunk) error {
	cites := func(what string, i int, cs []ansCitation) error {
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
	for i, e := range a.Encounters {
		if err := cites("encounter", i, e.Citations); err != nil {
			return err
		}
		if _, err := parseDate(e.Date); err != nil || e.Date == "" {
			return fmt.Errorf("encounter %d: date is not a date (want YYYY-MM-DD)", i+1)
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
	}
	for i, t := range a.BillTotals {
		if err := cites("bill total", i, t.Citations); err != nil {
			return err
		}
	}
	return nil
}
