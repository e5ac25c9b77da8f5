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

// Document is a record file's identity, the same from upload to
// chronology: store.Document adds how it is stored and processed,
// chronology.Document what the chronology cites of it, both by embedding
// it. Extractors are given it with File withheld.
type Document struct {
	ID     string `json:"id"`
	File   string `json:"file"` // base name of the uploaded file
	SHA256 string `json:"sha256"`
	Pages  int    `json:"pages"`
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
	ProviderKind string `json:"provider_kind,omitempty"`
	NPI          string `json:"npi,omitempty"`
	// Phone is the practice's telephone number as its letterhead prints
	// it, digits only: two names over one number and a shared word are one
	// practice.
	Phone       string   `json:"phone,omitempty"`
	Clinician   string   `json:"clinician,omitempty"`
	VisitType   string   `json:"visit_type,omitempty"`
	Complaints  string   `json:"complaints,omitempty"`
	Findings    string   `json:"findings,omitempty"`
	Assessment  string   `json:"assessment,omitempty"`
	Plan        string   `json:"plan,omitempty"`
	Diagnoses   []Coded  `json:"diagnoses,omitempty"`
	Procedures  []Coded  `json:"procedures,omitempty"`
	Medications []string `json:"medications,omitempty"`
	// PainScore is on the 0–10 scale; nil when the page gives none.
	PainScore  *float64 `json:"pain_score,omitempty"`
	WorkStatus string   `json:"work_status,omitempty"`
	// Referrals and Orders name records that should exist elsewhere
	// (a referral to a specialist, an ordered MRI), for missing-record flags.
	Referrals []string `json:"referrals,omitempty"`
	Orders    []string `json:"orders,omitempty"`
	// Undated marks a clinical record that prints no date of service: Date
	// is zero and the record is kept (never dropped, never given a wrong
	// date) for a person to date. The first citation is the record's title
	// or first line instead of a date.
	Undated bool `json:"undated,omitempty"`
	// Citations hold at least one quote; the first carries the date of
	// service (unless Undated).
	Citations []Citation `json:"citations"`
}

// Bill line kinds. A charge is a billed service; payment and adjustment
// rows (ledgers, EOBs) carry their amount in Paid or Adjustment and are
// never counted as charges.
const (
	LineCharge     = ""           // the default: a billed service
	LinePayment    = "payment"    // an insurer's or patient's payment row
	LineAdjustment = "adjustment" // a write-off or contractual adjustment row
)

// BillLine is one billed line item.
type BillLine struct {
	Date     dates.Date `json:"date,omitzero"`
	Provider string     `json:"provider"`
	// Code is the CPT/HCPCS code when printed, else the revenue code, else "".
	Code string `json:"code,omitempty"`
	// RevenueCode is a facility bill's four-digit revenue code (UB-04 FL 42)
	// when the line prints one beside its HCPCS/CPT code.
	RevenueCode string `json:"revenue_code,omitempty"`
	// Modifiers are the CPT/HCPCS modifiers printed with Code (25, TC, 26, GP).
	Modifiers []string `json:"modifiers,omitempty"`
	// Units is the quantity or service units printed on the line (0: none).
	Units float64 `json:"units,omitempty"`
	// Kind is LineCharge, LinePayment or LineAdjustment.
	Kind        string   `json:"kind,omitempty"`
	Description string   `json:"description,omitempty"`
	Charge      float64  `json:"charge"`
	Adjustment  *float64 `json:"adjustment,omitempty"`
	Paid        *float64 `json:"paid,omitempty"`
	Balance     *float64 `json:"balance,omitempty"`
	// Rebilled says the line is on a claim that bills again what an
	// earlier claim of the provider billed: a claim to a second payer
	// after the first paid, or one that replaces or voids a claim (a
	// resubmission code with the original's reference). The chronology
	// counts such a line once, where it was first billed.
	Rebilled  bool       `json:"rebilled,omitempty"`
	Citations []Citation `json:"citations"`
}

// Kinds of printed bill totals.
const (
	TotalCharges     = ""            // the default: total charges billed
	TotalPayments    = "payments"    // payments received
	TotalAdjustments = "adjustments" // adjustments and write-offs
	TotalBalance     = "balance"     // balance or amount due
)

// BillTotal is a total printed on a bill, kept to check the line items
// against it; it is never added to the specials itself. Kind says which
// total it is; each kind is reconciled with the lines of that kind only.
type BillTotal struct {
	Provider  string     `json:"provider"`
	Kind      string     `json:"kind,omitempty"`
	Total     float64    `json:"total"`
	Citations []Citation `json:"citations"`
}

// Page classes, decided for every page before facts are read from it.
const (
	PageClinical = "clinical_note"  // an office, ED, consult, operative or discharge note
	PageVisitLog = "visit_log"      // a table of visits, one row each (therapy or chiropractic daily log)
	PageReport   = "report"         // an imaging, laboratory or diagnostic-test report
	PageBill     = "bill"           // a bill, claim form, statement, ledger or pharmacy printout
	PageEOB      = "eob"            // an explanation of benefits or remittance
	PageAdmin    = "administrative" // fax cover, authorization, request, certification, cover letter, index
	PageBlank    = "blank"          // no text, or only a separator
	PageOther    = "other"          // clinical content that creates no encounter (flowsheet, exercise log, MAR)
)

// PageInfo is what an extractor decided about one page: its class, the
// bill family when it is a bill, and the provider of the document section
// it belongs to ("" when nothing names one).
type PageInfo struct {
	Page     int    `json:"page"`
	Class    string `json:"class"`
	BillKind string `json:"bill_kind,omitempty"` // ub04, cms1500, itemized, ledger, pharmacy, invoice
	Provider string `json:"provider,omitempty"`
}

// Kinds of expected records.
const (
	ExpectEMS        = "ems"        // an ambulance or EMS transport
	ExpectImaging    = "imaging"    // an ordered or referred imaging study
	ExpectDiagnostic = "diagnostic" // EMG/NCS, labs and other tests
	ExpectReferral   = "referral"   // a referral to another provider or specialty
	ExpectFollowUp   = "follow_up"  // a follow-up visit the record schedules
	ExpectReport     = "report"     // a report the record says was not received
)

// ExpectedRecord is evidence on a page that another record should exist:
// an EMS arrival, an order, a referral, a scheduled follow-up, "report not
// received". The chronology flags it as missing when no later record of
// that kind (or from that provider) is in the matter.
type ExpectedRecord struct {
	Kind string `json:"kind"`
	// What is the care asked for as printed ("MRI lumbar spine",
	// "orthopedic surgery", "ambulance"); Provider names who should hold the
	// record when the page says.
	What     string     `json:"what"`
	Provider string     `json:"provider,omitempty"`
	Date     dates.Date `json:"date,omitzero"` // the date of the page that asks
	// Source is the provider of the record that asks.
	Source    string     `json:"source,omitempty"`
	Citations []Citation `json:"citations"`
}

// Result is everything an extractor found in one document.
type Result struct {
	Encounters []Encounter `json:"encounters,omitempty"`
	Bills      []BillLine  `json:"bills,omitempty"`
	BillTotals []BillTotal `json:"bill_totals,omitempty"`
	// Pages are the extractor's page classes and section providers, one per
	// page when the extractor classifies pages (the rules extractor does).
	Pages []PageInfo `json:"pages,omitempty"`
	// Expected are records the pages say should exist elsewhere.
	Expected []ExpectedRecord `json:"expected,omitempty"`
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
