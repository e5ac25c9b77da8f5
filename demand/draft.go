package demand

import (
	"fmt"
	"time"

	"github.com/medchron/medchron/chronology"
	"github.com/medchron/medchron/extract"
)

// Section statuses.
const (
	StatusDraft    = "draft"
	StatusApproved = "approved"
)

// DraftBanner opens every section whose status is draft.
const DraftBanner = "DRAFT — awaiting review and attorney approval"

// DemandPlaceholder stands where the attorney writes the demand amount;
// Generate never puts a number there.
const DemandPlaceholder = "[Attorney to insert demand amount]"

// Section keys, in the order Generate writes them. KeyLostWages is present
// only when the records describe work status or the attorney entered wage
// figures.
const (
	KeyIntroduction  = "introduction"
	KeyFacts         = "facts"
	KeyInjuries      = "injuries"
	KeyTreatment     = "treatment"
	KeyCausation     = "causation"
	KeyGaps          = "gaps"
	KeyFutureCare    = "future_care"
	KeyLostWages     = "lost_wages"
	KeySpecials      = "specials"
	KeyPainSuffering = "pain_and_suffering"
	KeyDemand        = "demand"
	KeyExhibits      = "exhibits"
)

// Section is one part of the letter. Body is Markdown limited to
// paragraphs, "### " sub-headings, "- " bullets and pipe tables; Citations
// are the record pages its sentences cite. Unreviewed lists the entries
// nobody has reviewed whose facts it states (see Eligible). Status is
// StatusDraft or StatusApproved.
type Section struct {
	Key        string             `json:"key"`
	Title      string             `json:"title"`
	Body       string             `json:"body"`
	Citations  []extract.Citation `json:"citations"`
	Unreviewed []string           `json:"unreviewed,omitempty"`
	Status     string             `json:"status"`
}

// Text returns the section's body as rendered: opened by DraftBanner
// while the section is not approved.
func (s Section) Text() string {
	if s.Status == StatusApproved {
		return s.Body
	}
	return DraftBanner + "\n\n" + s.Body
}

// Exclusion is a chronology entry left out of the draft, and why.
type Exclusion struct {
	EntryID  string `json:"entry_id"`
	Date     string `json:"date"`
	Provider string `json:"provider"`
	Reason   string `json:"reason"`
}

// Draft is a demand letter in progress.
type Draft struct {
	Matter      chronology.Matter `json:"matter"`
	Sections    []Section         `json:"sections"`
	GeneratedAt time.Time         `json:"generated_at"`
	// Excluded lists the entries not used (shown to the attorney beside
	// the letter, never in it).
	Excluded []Exclusion `json:"excluded"`
	// Inputs are the attorney's inputs the draft was generated with.
	Inputs Inputs `json:"inputs"`
}

// Section returns the section with key, and whether it exists.
func (d *Draft) Section(key string) (*Section, bool) {
	for i := range d.Sections {
		if d.Sections[i].Key == key {
			return &d.Sections[i], true
		}
	}
	return nil, false
}

// Approve marks the section with key approved. A section that is not
// Finished (a placeholder, a fact nobody reviewed) is refused with an
// error wrapping ErrNotFinished.
func (d *Draft) Approve(key string) error {
	s, ok := d.Section(key)
	if !ok {
		return fmt.Errorf("approve demand section %q: no such section", key)
	}
	if err := Finished(s.Body, s.Unreviewed); err != nil {
		return fmt.Errorf("approve demand section %q: %w", key, err)
	}
	s.Status = StatusApproved
	return nil
}

// Edit replaces a section's body and returns it to draft, so that an edited
// section is approved again before it is sent. The unreviewed entries stay
// with the section: only generating again after their review clears them.
func (d *Draft) Edit(key, body string) error {
	s, ok := d.Section(key)
	if !ok {
		return fmt.Errorf("edit demand section %q: no such section", key)
	}
	s.Body = body
	s.Status = StatusDraft
	return nil
}

// Approved reports whether every section is approved.
func (d Draft) Approved() bool {
	for _, s := range d.Sections {
		if s.Status != StatusApproved {
			return false
		}
	}
	return len(d.Sections) > 0
}
