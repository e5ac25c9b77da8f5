package chronology

import (
	"github.com/medchron/medchron/extract"
	"github.com/medchron/medchron/extract/dates"
)

// SchemaVersion is the value of chronology.json's "schema" property.
const SchemaVersion = "medchron.chronology/v1"

// Chronology is one matter's chronology, shaped exactly as chronology.json
// (see ../shared/spec/chronology.schema.json). Producers may add optional
// properties; required ones never change meaning within v1.
type Chronology struct {
	Schema      string      `json:"schema"`
	GeneratedAt string      `json:"generated_at,omitempty"` // RFC 3339
	Matter      Matter      `json:"matter"`
	Documents   []Document  `json:"documents"`
	Providers   []Provider  `json:"providers"`
	Entries     []Entry     `json:"entries"`
	Gaps        []Gap       `json:"gaps"`
	Bills       []Bill      `json:"bills"`
	Specials    Specials    `json:"specials"`
	Duplicates  []Duplicate `json:"duplicates,omitempty"`
	Flags       []Flag      `json:"flags,omitempty"`
	// Usage is the LLM token use of the run that produced this chronology.
	Usage *extract.Usage `json:"usage,omitempty"`
}

// Matter identifies the case.
type Matter struct {
	ID             string     `json:"id"`
	Name           string     `json:"name,omitempty"`
	Client         string     `json:"client,omitempty"`
	DateOfIncident dates.Date `json:"date_of_incident,omitzero"`
	GapDays        int        `json:"gap_days,omitempty"`
}

// Document is one uploaded record file.
type Document struct {
	ID          string               `json:"id"`
	File        string               `json:"file"`
	SHA256      string               `json:"sha256"`
	Pages       int                  `json:"pages"`
	BatesFirst  string               `json:"bates_first,omitempty"`
	BatesLast   string               `json:"bates_last,omitempty"`
	PageSources []extract.PageSource `json:"page_sources,omitempty"`
}

// Provider is a normalised provider with the names it was printed as.
type Provider struct {
	ID      string   `json:"id"`
	Name    string   `json:"name"`
	Kind    string   `json:"kind,omitempty"`
	Aliases []string `json:"aliases,omitempty"`
	NPI     string   `json:"npi,omitempty"`
}

// Review states of an entry.
const (
	ReviewUnreviewed = "unreviewed"
	ReviewVerified   = "verified"
	ReviewCorrected  = "corrected"
	ReviewRejected   = "rejected"
)

// Entry is one encounter or dated medical event.
type Entry struct {
	ID          string             `json:"id"`
	Date        dates.Date         `json:"date"`
	EndDate     dates.Date         `json:"end_date,omitzero"`
	ProviderID  string             `json:"provider_id"`
	Provider    string             `json:"provider"`
	Clinician   string             `json:"clinician,omitempty"`
	VisitType   string             `json:"visit_type,omitempty"`
	Complaints  string             `json:"complaints,omitempty"`
	Findings    string             `json:"findings,omitempty"`
	Assessment  string             `json:"assessment,omitempty"`
	Plan        string             `json:"plan,omitempty"`
	Summary     string             `json:"summary,omitempty"`
	Diagnoses   []extract.Coded    `json:"diagnoses,omitempty"`
	Procedures  []extract.Coded    `json:"procedures,omitempty"`
	Medications []string           `json:"medications,omitempty"`
	PainScore   *float64           `json:"pain_score,omitempty"`
	WorkStatus  string             `json:"work_status,omitempty"`
	PreIncident bool               `json:"pre_incident,omitempty"`
	Citations   []extract.Citation `json:"citations"`
	Verified    bool               `json:"verified"`
	Review      string             `json:"review,omitempty"`
	// ReviewedBy is who set Review, when, and a rejection's reason.
	ReviewedBy *ReviewInfo `json:"reviewed_by,omitempty"`
	// Corrections lists fields a reviewer changed, with the extracted values.
	Corrections   []Correction `json:"corrections,omitempty"`
	Extractor     string       `json:"extractor,omitempty"`
	PromptVersion string       `json:"prompt_version,omitempty"`
}

// Gap is an interval without treatment longer than the matter's threshold.
type Gap struct {
	From          dates.Date `json:"from"`
	To            dates.Date `json:"to"`
	Days          int        `json:"days"`
	AfterEntryID  string     `json:"after_entry_id,omitempty"`
	BeforeEntryID string     `json:"before_entry_id,omitempty"`
}

// Bill is one billed line item.
type Bill struct {
	ID          string             `json:"id"`
	Date        dates.Date         `json:"date,omitzero"`
	ProviderID  string             `json:"provider_id"`
	Provider    string             `json:"provider"`
	Code        string             `json:"code,omitempty"`
	Description string             `json:"description,omitempty"`
	Charge      float64            `json:"charge"`
	Adjustment  *float64           `json:"adjustment,omitempty"`
	Paid        *float64           `json:"paid,omitempty"`
	Balance     *float64           `json:"balance,omitempty"`
	Citations   []extract.Citation `json:"citations"`
	Verified    bool               `json:"verified"`
}

// Specials are the medical charges, in total and by provider, of the
// verified bill lines. UnverifiedCharges sums the lines left out because a
// quote was not found on its page; a reviewer confirms or corrects them.
type Specials struct {
	TotalCharges      float64           `json:"total_charges"`
	TotalPaid         *float64          `json:"total_paid,omitempty"`
	UnverifiedCharges *float64          `json:"unverified_charges,omitempty"`
	ByProvider        []ProviderSpecial `json:"by_provider"`
}

// ProviderSpecial is one provider's line of the specials table.
type ProviderSpecial struct {
	ProviderID string     `json:"provider_id"`
	Provider   string     `json:"provider"`
	Charges    float64    `json:"charges"`
	Paid       *float64   `json:"paid,omitempty"`
	FirstDate  dates.Date `json:"first_date,omitzero"`
	LastDate   dates.Date `json:"last_date,omitzero"`
}

// PageRef names one page of one document.
type PageRef struct {
	DocumentID string `json:"document_id"`
	Page       int    `json:"page"`
}

// Duplicate is a page whose content repeats an earlier page.
type Duplicate struct {
	DocumentID  string  `json:"document_id"`
	Page        int     `json:"page"`
	DuplicateOf PageRef `json:"duplicate_of"`
	Similarity  float64 `json:"similarity,omitempty"`
}

// Flag kinds.
const (
	FlagMissingRecords    = "missing_records"
	FlagPreExisting       = "pre_existing"
	FlagUnverified        = "unverified"
	FlagBillWithoutRecord = "bill_without_record"
	FlagRecordWithoutBill = "record_without_bill"
	FlagLowOCRConfidence  = "low_ocr_confidence"
	FlagBillTotalMismatch = "bill_total_mismatch"
	FlagPageError         = "page_error"
	// FlagUndated marks records without a readable date of service, which
	// cannot be placed in the chronology.
	FlagUndated = "undated"
)

// Flag draws a reviewer's attention to something in the records.
type Flag struct {
	Kind      string             `json:"kind"`
	Message   string             `json:"message"`
	EntryIDs  []string           `json:"entry_ids,omitempty"`
	Citations []extract.Citation `json:"citations,omitempty"`
}
