package extract

import (
	"context"

	"github.com/medchron/medchron/extract/dates"
)

// PageSource says how a page's text was obtained.
type PageSource string

// Page sources, as written in chronology.json's page_sources.
const (
	SourceText  PageSource = "text"  // the PDF's own text layer
	SourceOCR   PageSource = "ocr"   // Tesseract on the page image
	SourceEmpty PageSource = "empty" // no text layer and no OCR text
	SourceError PageSource = "error" // the page could not be read
)

// Box is a rectangle on a page in points (1/72 inch) from the top-left corner.
type Box struct {
	X0 float64 `json:"x0"`
	Y0 float64 `json:"y0"`
	X1 float64 `json:"x1"`
	Y1 float64 `json:"y1"`
}

// Word is one word of a page with its position and, for OCR, its confidence
// (0–100). Line numbers the word's line on the page, from 0.
type Word struct {
	Text       string  `json:"t"`
	Box        Box     `json:"b"`
	Confidence float64 `json:"c,omitempty"`
	Line       int     `json:"l"`
}

// Page is the text of one page of a document. Number is 1-based.
type Page struct {
	DocumentID string     `json:"document_id"`
	Number     int        `json:"page"`
	Source     PageSource `json:"source"`
	Text       string     `json:"text"`
	Words      []Word     `json:"words,omitempty"`
	Width      float64    `json:"width,omitempty"`  // points
	Height     float64    `json:"height,omitempty"` // points
	// Confidence is the mean word confidence of an OCR page (0–100).
	Confidence float64 `json:"confidence,omitempty"`
	// Err is the reason a page has SourceError; it never holds page text.
	Err string `json:"error,omitempty"`
}

// Document is a record file as the extractors see it.
type Document struct {
	ID     string
	File   string // base name of the uploaded file
	SHA256 string
	Pages  int
}

// Citation points at the verbatim text on a page that supports a fact.
type Citation struct {
	DocumentID string `json:"document_id"`
	Page       int    `json:"page"`
	Bates      string `json:"bates,omitempty"`
	Quote      string `json:"quote"`
}

// Coded is a diagnosis or procedure with its code as printed, if any.
type Coded struct {
	Code        string `json:"code,omitempty"`
	Description string `json:"description"`
}

// Encounter is one visit or dated medical event found in the records.
type Encounter struct {
	Date    dates.Date `json:"date"`
	EndDate dates.Date `json:"end_date,omitzero"`
	// Provider is the facility or practice as printed (letterhead, "Facility:").
	Provider string `json:"provider"`
	// ProviderKind is a hint such as emergency, radiology, orthopedics,
	// chiropractic, physical_therapy, primary_care (see the schema).
	ProviderKind string   `json:"provider_kind,omitempty"`
	NPI          string   `json:"npi,omitempty"`
	Clinician    string   `json:"clinician,omitempty"`
	VisitType    string   `json:"visit_type,omitempty"`
	Complaints   string   `json:"complaints,omitempty"`
	Findings     string   `json:"findings,omitempty"`
	Assessment   string   `json:"assessment,omitempty"`
	Plan         string   `json:"plan,omitempty"`
	Diagnoses    []Coded  `json:"diagnoses,omitempty"`
	Procedures   []Coded  `json:"procedures,omitempty"`
	Medications  []string `json:"medications,omitempty"`
	// PainScore is on the 0–10 scale; nil when the page gives none.
	PainScore  *float64 `json:"pain_score,omitempty"`
	WorkStatus string   `json:"work_status,omitempty"`
	// Referrals and Orders name records that should exist elsewhere
	// (a referral to a specialist, an ordered MRI), for missing-record flags.
	Referrals []string `json:"referrals,omitempty"`
	Orders    []string `json:"orders,omitempty"`
	// Citations hold at least one quote; the first carries the date of service.
	Citations []Citation `json:"citations"`
}

// BillLine is one billed line item.
type BillLine struct {
	Date        dates.Date `json:"date,omitzero"`
	Provider    string     `json:"provider"`
	Code        string     `json:"code,omitempty"`
	Description string     `json:"description,omitempty"`
	Charge      float64    `json:"charge"`
	Adjustment  *float64   `json:"adjustment,omitempty"`
	Paid        *float64   `json:"paid,omitempty"`
	Balance     *float64   `json:"balance,omitempty"`
	Citations   []Citation `json:"citations"`
}

// BillTotal is a total printed on a bill, kept to check the line items
// against it; it is never added to the specials itself.
type BillTotal struct {
	Provider  string     `json:"provider"`
	Total     float64    `json:"total"`
	Citations []Citation `json:"citations"`
}

// Result is everything an extractor found in one document.
type Result struct {
	Encounters []Encounter `json:"encounters,omitempty"`
	Bills      []BillLine  `json:"bills,omitempty"`
	BillTotals []BillTotal `json:"bill_totals,omitempty"`
	// Patient is the patient's name as printed, when found; used only to
	// fill the matter's client field, never logged.
	Patient string `json:"patient,omitempty"`
	// Usage counts LLM tokens spent on this document (zero for rules).
	Usage Usage `json:"usage,omitzero"`
	// PageErrors are pages the extractor could not read (for example an LLM
	// answer that stayed malformed after retries), keyed by page number.
	PageErrors map[int]string `json:"page_errors,omitempty"`
}

// Usage counts tokens sent to and received from an LLM.
type Usage struct {
	PromptTokens     int `json:"prompt_tokens,omitempty"`
	CompletionTokens int `json:"completion_tokens,omitempty"`
}

// Extractor finds facts in the pages of one document. Pages are in page
// order and include every page of the document, whatever its source.
type Extractor interface {
	// Name is recorded with every fact: "rules", or "llm:<model>".
	Name() string
	// PromptVersion is the version of the prompt used, empty for rules.
	PromptVersion() string
	Extract(ctx context.Context, doc Document, pages []Page) (Result, error)
}
