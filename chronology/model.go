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
	// UndatedEntries are records that print no date of service: entries
	// without a date, kept for a reviewer to date (each has an "undated"
	// flag citing its page). They take no part in gaps.
	UndatedEntries []Entry `json:"undated_entries,omitempty"`
	// BillTotals are the totals printed on bills, by kind, each with the sum
	// of the line items it was reconciled with.
	BillTotals []BillTotal `json:"bill_totals,omitempty"`
	// Runs are the repetitive series of visits (a physical therapy or
	// chiropractic course), each shown as one block; their visits stay in
	// Entries, naming their run with RunID.
	Runs []Run `json:"runs,omitempty"`
	// ClaimReferences are the claim numbers and payers the bills and
	// administrative pages print, for the attorney to confirm into the
	// demand's Re: block.
	ClaimReferences []ClaimReference `json:"claim_references,omitempty"`
	// Usage is the LLM token use of the run that produced this chronology.
	Usage *extract.Usage `json:"usage,omitempty"`
	// UnmatchedReviews counts the entries people reviewed that this
	// chronology no longer has, not even under another id (see
	// ApplyReviews): their reviews apply to nothing and those records want
	// another look. Set by ApplyReviews.
	UnmatchedReviews int `json:"unmatched_reviews,omitempty"`
}

// Matter identifies the case.
type Matter struct {
	ID             string     `json:"id"`
	Name           string     `json:"name,omitempty"`
	Client         string     `json:"client,omitempty"`
	DateOfIncident dates.Date `json:"date_of_incident,omitzero"`
	GapDays        int        `json:"gap_days,omitempty"`
	// BatesPrefix prefixes the Bates numbers the chronology gives the
	// matter's pages (DefaultBatesPrefix when empty).
	BatesPrefix string `json:"bates_prefix,omitempty"`
	// KeepSenderBates keeps the Bates numbers a sender already stamped
	// on a document's pages (Document.SenderBates) instead of numbering
	// them again.
	KeepSenderBates bool `json:"keep_sender_bates,omitempty"`
}

// Document is one uploaded record file as the chronology cites it: its
// identity (id, file, sha256, pages) and its pages' Bates numbers, sources
// and classes.
type Document struct {
	extract.Document
	BatesFirst  string               `json:"bates_first,omitempty"`
	BatesLast   string               `json:"bates_last,omitempty"`
	PageSources []extract.PageSource `json:"page_sources,omitempty"`
	// PageClasses gives, per page, the class the extractor decided
	// (extract.PageClinical … extract.PageOther, or PageUnclassified);
	// omitted when the extractor classified no page.
	PageClasses []string `json:"page_classes,omitempty"`
	// SenderBates reports that the document's pages keep the Bates
	// numbers the sender stamped on them (Matter.KeepSenderBates):
	// BatesFirst to BatesLast are printed on the pages, and an exhibit
	// stamps no second number.
	SenderBates bool `json:"sender_bates,omitempty"`
}

// UnknownProvider is the name of the provider of facts that name none: one
// such provider, with its own id, per document.
const UnknownProvider = "Unknown provider"

// PageUnclassified is the page class of a page the extractor gave no class.
const PageUnclassified = "unclassified"

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

// Entry is one encounter or dated medical event. Date is always set on
// Chronology.Entries and always zero on Chronology.UndatedEntries.
type Entry struct {
	ID          string             `json:"id"`
	Date        dates.Date         `json:"date,omitzero"`
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
	// Grounded is true when every citation quote was found on its cited
	// page (written as "grounded" and, for v1 readers, as its deprecated
	// alias "verified"). It says nothing of a person's review: see Review
	// and Reviewed.
	Grounded bool   `json:"grounded"`
	Review   string `json:"review,omitempty"`
	// ReviewedBy is who set Review, when, and a rejection's reason.
	ReviewedBy *ReviewInfo `json:"reviewed_by,omitempty"`
	// Corrections lists fields a reviewer changed, with the extracted values.
	Corrections   []Correction `json:"corrections,omitempty"`
	Extractor     string       `json:"extractor,omitempty"`
	PromptVersion string       `json:"prompt_version,omitempty"`
	// RunID names the repetitive run (Chronology.Runs) the entry is a
	// visit of, if any.
	RunID string `json:"run_id,omitempty"`
}

// Gap is an interval without treatment longer than the matter's threshold.
type Gap struct {
	From          dates.Date `json:"from"`
	To            dates.Date `json:"to"`
	Days          int        `json:"days"`
	AfterEntryID  string     `json:"after_entry_id,omitempty"`
	BeforeEntryID string     `json:"before_entry_id,omitempty"`
}

// Bill kinds as written in chronology.json.
const (
	BillCharge     = "charge"
	BillPayment    = "payment"
	BillAdjustment = "adjustment"
)

// Bill is one line of a bill: a billed service (kind charge), or a payment
// or adjustment row of a ledger, whose amount is in Paid or Adjustment and
// whose Charge is 0. Only charge lines add to the specials' charges.
type Bill struct {
	ID         string     `json:"id"`
	Date       dates.Date `json:"date,omitzero"`
	ProviderID string     `json:"provider_id"`
	Provider   string     `json:"provider"`
	Code       string     `json:"code,omitempty"`
	// RevenueCode is a facility bill's revenue code printed beside Code.
	RevenueCode string   `json:"revenue_code,omitempty"`
	Modifiers   []string `json:"modifiers,omitempty"`
	Units       float64  `json:"units,omitempty"`
	// Kind is BillCharge, BillPayment or BillAdjustment.
	Kind string `json:"kind,omitempty"`
	// EOB marks a line read from an explanation of benefits: it is listed
	// but never adds charges.
	EOB         bool    `json:"eob,omitempty"`
	Description string  `json:"description,omitempty"`
	Charge      float64 `json:"charge"`
	// ReadCharge is the charge OCR read when a printed total proved it
	// misread by one digit and Charge holds the total's reading, or, as a
	// negative amount, the credit OCR read a charge's row as (a speck
	// read as a minus) when the total proved it a charge (an
	// ocr_amount_repaired flag cites both).
	ReadCharge *float64           `json:"read_charge,omitempty"`
	Adjustment *float64           `json:"adjustment,omitempty"`
	Paid       *float64           `json:"paid,omitempty"`
	Balance    *float64           `json:"balance,omitempty"`
	Citations  []extract.Citation `json:"citations"`
	// Grounded is true when every citation quote was found on its page
	// (written as "grounded" and as the deprecated alias "verified").
	Grounded bool `json:"grounded"`
}

// Specials are the medical charges, in total and by provider, of the
// grounded bill lines. UngroundedCharges sums the lines left out because a
// quote was not found on its page; a reviewer confirms or corrects them.
type Specials struct {
	TotalCharges     float64  `json:"total_charges"`
	TotalPaid        *float64 `json:"total_paid,omitempty"`
	TotalAdjustments *float64 `json:"total_adjustments,omitempty"`
	// UngroundedCharges is written as "ungrounded_charges" and as the
	// deprecated alias "unverified_charges".
	UngroundedCharges *float64          `json:"ungrounded_charges,omitempty"`
	ByProvider        []ProviderSpecial `json:"by_provider"`
}

// ProviderSpecial is one provider's line of the specials table.
type ProviderSpecial struct {
	ProviderID  string     `json:"provider_id"`
	Provider    string     `json:"provider"`
	Charges     float64    `json:"charges"`
	Paid        *float64   `json:"paid,omitempty"`
	Adjustments *float64   `json:"adjustments,omitempty"`
	FirstDate   dates.Date `json:"first_date,omitzero"`
	LastDate    dates.Date `json:"last_date,omitzero"`
}

// Bill total kinds as written in chronology.json.
const (
	TotalCharges     = "charges"
	TotalPayments    = "payments"
	TotalAdjustments = "adjustments"
	TotalBalance     = "balance"
)

// BillTotal is a total printed on a bill. Charges, payments and
// adjustments totals are reconciled with the provider's lines of that kind:
// LinesTotal is the sum compared and Reconciled whether it matched to the
// cent. A balance is never compared with charges; balances, and totals
// with no line of their kind to compare, carry neither field.
type BillTotal struct {
	ProviderID string             `json:"provider_id"`
	Provider   string             `json:"provider"`
	Kind       string             `json:"kind"`
	Total      float64            `json:"total"`
	LinesTotal *float64           `json:"lines_total,omitempty"`
	Reconciled *bool              `json:"reconciled,omitempty"`
	Citations  []extract.Citation `json:"citations"`
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
	FlagMissingRecords = "missing_records"
	FlagPreExisting    = "pre_existing"
	// FlagUngrounded marks an entry or bill line a citation quote of which
	// was not found on its page.
	FlagUngrounded = "ungrounded"
	// FlagUnverified is the name chronologies written before
	// FlagUngrounded gave the same flag: Flag's JSON decoding reads it as
	// FlagUngrounded. Deprecated: never written any more.
	FlagUnverified        = "unverified"
	FlagBillWithoutRecord = "bill_without_record"
	FlagRecordWithoutBill = "record_without_bill"
	FlagLowOCRConfidence  = "low_ocr_confidence"
	FlagBillTotalMismatch = "bill_total_mismatch"
	FlagPageError         = "page_error"
	// FlagUndated marks a record without a readable date of service, listed
	// in UndatedEntries: one flag per record, citing its page.
	FlagUndated = "undated"
	// FlagUnknownProvider marks a document whose records name no provider:
	// one flag per document, citing its first such page.
	FlagUnknownProvider = "unknown_provider"
	// FlagDateNotQuoted marks an entry none of whose quotes holds its date
	// of service: the date is not supported by a citation.
	FlagDateNotQuoted = "date_not_quoted"
	// FlagCopiedForward marks an entry whose exam findings repeat word for
	// word an earlier visit's to the same provider: citing both.
	FlagCopiedForward = "copied_forward"
	// FlagNothingRead marks a document from which nothing was read: no
	// encounter, bill line, total or expected record, and pages that are
	// not administrative or blank (an unfamiliar layout, a handwritten
	// page, a text layer of gibberish). One flag per document, citing its
	// first such page; never silently dropped.
	FlagNothingRead = "nothing_read"
	// FlagOCRAmountRepaired marks a charge line on an OCR page whose
	// amount, one digit apart from what OCR read, is the only one that
	// makes its lines agree with a printed total: the line counts the
	// repaired amount and keeps the reading (Bill.ReadCharge). Citing the
	// line and the total.
	FlagOCRAmountRepaired = "ocr_amount_repaired"
	// FlagUndatedBillLine marks a charge line whose date of service could
	// not be read (OCR damaged its date cell and no reading is proved by
	// the rows around it): the line counts in the specials and is listed
	// undated. One flag per line, naming its page and citing the line,
	// until a reviewer dates it.
	FlagUndatedBillLine = "undated_bill_line"
)

// Flag draws a reviewer's attention to something in the records.
type Flag struct {
	Kind      string             `json:"kind"`
	Message   string             `json:"message"`
	EntryIDs  []string           `json:"entry_ids,omitempty"`
	Citations []extract.Citation `json:"citations,omitempty"`
}

// AllEntries returns the entries followed by the undated entries, in a new
// slice: everything a reviewer may open, search or review.
func (c Chronology) AllEntries() []Entry {
	out := make([]Entry, 0, len(c.Entries)+len(c.UndatedEntries))
	return append(append(out, c.Entries...), c.UndatedEntries...)
}
