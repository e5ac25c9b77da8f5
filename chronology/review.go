package chronology

import (
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/medchron/medchron/extract/dates"
)

// EntryReview is one reviewer decision on an entry: verified, corrected
// (with the fields changed) or rejected (with a reason). Reviews are kept
// as history, never overwritten; the newest one for an entry is its state.
// They are stored apart from the chronology, keyed by the entry's stable
// id, so that rebuilding the chronology keeps them.
type EntryReview struct {
	ID       int64  `json:"id,omitempty"`
	MatterID string `json:"matter_id"`
	EntryID  string `json:"entry_id"`
	// Anchor is the entry's EntryAnchor when the review was made, so
	// that the review finds its entry again when reprocessing changes
	// the entry's id.
	Anchor   string            `json:"anchor,omitempty"`
	State    string            `json:"state"`
	Fields   map[string]string `json:"fields,omitempty"` // corrected values by field name
	Reason   string            `json:"reason,omitempty"`
	UserID   string            `json:"user_id"`
	Username string            `json:"username"`
	At       time.Time         `json:"at"`
}

// Correction records a field a reviewer changed, keeping what the
// extractor found.
type Correction struct {
	Field    string    `json:"field"`
	Original string    `json:"original"`
	Value    string    `json:"value"`
	By       string    `json:"by"`
	At       time.Time `json:"at"`
}

// ReviewInfo is who set an entry's review state, and when.
type ReviewInfo struct {
	By     string    `json:"by"`
	At     time.Time `json:"at"`
	Reason string    `json:"reason,omitempty"`
}

// CorrectableFields are the entry fields a reviewer may correct.
var CorrectableFields = []string{"date", "provider", "clinician", "visit_type", "complaints", "findings", "assessment", "plan",
	"diagnoses", "procedures", "medications", "summary", "work_status", "pain_score"}

// Validate checks a review before it is stored.
func (r EntryReview) Validate() error {
	if r.EntryID == "" || r.MatterID == "" {
		return errors.New("review: matter and entry are required")
	}
	if r.UserID == "" {
		return errors.New("review: the reviewer is required")
	}
	switch r.State {
	case ReviewVerified, ReviewUnreviewed:
		if len(r.Fields) > 0 {
			return fmt.Errorf("review %s: only a correction changes fields", r.State)
		}
	case ReviewRejected:
		if strings.TrimSpace(r.Reason) == "" {
			return errors.New("reject: a reason is required")
		}
	case ReviewCorrected:
		if len(r.Fields) == 0 {
			return errors.New("correct: change at least one field")
		}
		for f, v := range r.Fields {
			if err := checkField(f, v); err != nil {
				return err
			}
		}
	default:
		return fmt.Errorf("review: unknown state %q", r.State)
	}
	return nil
}

func checkField(f, v string) error {
	switch f {
	case "date":
		if _, err := dates.ParseISO(v); err != nil {
			return fmt.Errorf("correct date: %q is not a date (YYYY-MM-DD)", v)
		}
	case "pain_score":
		if v == "" {
			return nil
		}
		n, err := strconv.ParseFloat(v, 64)
		if err != nil || n < 0 || n > 10 {
			return fmt.Errorf("correct pain score: %q is not a number from 0 to 10", v)
		}
	case "provider":
		if strings.TrimSpace(v) == "" {
			return errors.New("correct provider: the provider cannot be empty")
		}
	case "diagnoses", "procedures", "medications":
		return checkList(f, v)
	default:
		if _, ok := fields[f]; !ok {
			return fmt.Errorf("correct: %q is not a field that can be corrected", f)
		}
	}
	return nil
}

// textField is a correctable field held as a plain string.
func textField(p func(e *Entry) *string) fieldAccess {
	return fieldAccess{
		get: func(e *Entry) string { return *p(e) },
		set: func(e *Entry, v string) { *p(e) = v },
	}
}

// fieldAccess reads and writes one correctable field as text.
type fieldAccess struct {
	get func(*Entry) string
	set func(*Entry, string) // v has passed checkField
}

// fields are the correctable fields, by the names CorrectableFields lists.
var fields = map[string]fieldAccess{
	"date": {
		get: func(e *Entry) string { return e.Date.String() },
		set: func(e *Entry, v string) {
			if d, err := dates.ParseISO(v); err == nil {
				e.Date = d
			}
		},
	},
	"provider":    textField(func(e *Entry) *string { return &e.Provider }),
	"clinician":   textField(func(e *Entry) *string { return &e.Clinician }),
	"visit_type":  textField(func(e *Entry) *string { return &e.VisitType }),
	"complaints":  textField(func(e *Entry) *string { return &e.Complaints }),
	"findings":    textField(func(e *Entry) *string { return &e.Findings }),
	"assessment":  textField(func(e *Entry) *string { return &e.Assessment }),
	"plan":        textField(func(e *Entry) *string { return &e.Plan }),
	"summary":     textField(func(e *Entry) *string { return &e.Summary }),
	"work_status": textField(func(e *Entry) *string { return &e.WorkStatus }),
	"pain_score": {
		get: func(e *Entry) string {
			if e.PainScore == nil {
				return ""
			}
			return strconv.FormatFloat(*e.PainScore, 'f', -1, 64)
		},
		set: func(e *Entry, v string) {
			e.PainScore = nil
			if n, err := strconv.ParseFloat(v, 64); err == nil {
				e.PainScore = &n
			}
		},
	},
}

// FieldValue returns an entry's field as text, as CorrectableFields names
// it; "" for a name that is not a correctable field.
func (e *Entry) FieldValue(f string) string {
	if a, ok := fields[f]; ok {
		return a.get(e)
	}
	return ""
}

func (e *Entry) setField(f, v string) {
	if a, ok := fields[f]; ok {
		a.set(e, v)
	}
}

// ApplyReviews sets each entry's review state from its newest review and
// applies every correction made since the entry was last reset, keeping
// the extracted values in Corrections. Reviews of entries no longer in the
// chronology (records removed or re-extracted) carry over to the entry
// with their anchor (see carryReviews), or are ignored when there is
// none. Entries are
// re-sorted when a date was corrected; an undated entry given a date by a
// reviewer moves into Entries. An entry whose provider was corrected is
// filed under the provider of that name (see followProviderCorrections).
// It returns the number of reviews applied, and counts the reviewed
// entries no review found again in c.UnmatchedReviews.
func ApplyReviews(c *Chronology, reviews []EntryReview) int {
	reviews, c.UnmatchedReviews = carryReviews(c, reviews)
	byEntry := map[string][]EntryReview{}
	for _, r := range reviews {
		byEntry[r.EntryID] = append(byEntry[r.EntryID], r)
	}
	applied, redate := 0, false
	for i := range c.Entries {
		n, changed := applyEntryReviews(&c.Entries[i], byEntry[c.Entries[i].ID])
		applied += n
		redate = redate || changed
	}
	var undated []Entry
	for _, e := range c.UndatedEntries {
		n, _ := applyEntryReviews(&e, byEntry[e.ID])
		applied += n
		if e.Date.IsZero() {
			undated = append(undated, e)
			continue
		}
		c.Entries = append(c.Entries, e)
		redate = true
	}
	c.UndatedEntries = undated
	if redate {
		sort.SliceStable(c.Entries, func(a, b int) bool { return c.Entries[a].Date.Before(c.Entries[b].Date) })
	}
	followProviderCorrections(c)
	if applied > 0 {
		recomputeRuns(c)
	}
	return applied
}

// applyEntryReviews applies the reviews of one entry and reports how many
// there were and whether its date changed.
func applyEntryReviews(e *Entry, rs []EntryReview) (int, bool) {
	if len(rs) == 0 {
		return 0, false
	}
	redate := false
	sort.SliceStable(rs, func(a, b int) bool {
		return rs[a].At.Before(rs[b].At) || rs[a].At.Equal(rs[b].At) && rs[a].ID < rs[b].ID
	})
	// Corrections since the last reset to unreviewed, in order; a later
	// correction of the same field wins, the original stays the extracted one.
	start := 0
	for k, r := range rs {
		if r.State == ReviewUnreviewed {
			start = k + 1
		}
	}
	fields := map[string]*Correction{}
	var order []string
	for _, r := range rs[start:] {
		if r.State != ReviewCorrected {
			continue
		}
		names := make([]string, 0, len(r.Fields))
		for f := range r.Fields {
			names = append(names, f)
		}
		sort.Strings(names)
		for _, f := range names {
			if cr, ok := fields[f]; ok {
				cr.Value, cr.By, cr.At = r.Fields[f], r.Username, r.At
				continue
			}
			fields[f] = &Correction{Field: f, Original: e.FieldValue(f), Value: r.Fields[f], By: r.Username, At: r.At}
			order = append(order, f)
		}
	}
	for _, f := range order {
		cr := fields[f]
		if f == "date" && cr.Value != cr.Original {
			redate = true
		}
		e.setField(f, cr.Value)
		e.Corrections = append(e.Corrections, *cr)
	}
	// The summary follows the corrected fields, unless it was corrected
	// itself.
	if _, own := fields["summary"]; len(order) > 0 && !own {
		e.Summary = summarize(e)
	}
	last := rs[len(rs)-1]
	e.Review = last.State
	if last.State == ReviewVerified && len(e.Corrections) > 0 {
		e.Review = ReviewCorrected
	}
	if last.State != ReviewUnreviewed {
		e.ReviewedBy = &ReviewInfo{By: last.Username, At: last.At, Reason: last.Reason}
	}
	return len(rs), redate
}

// Reviewed reports whether a person has confirmed the entry: verified or
// corrected. Only reviewed entries go into a demand letter.
func (e Entry) Reviewed() bool { return e.Review == ReviewVerified || e.Review == ReviewCorrected }

// ReviewCounts counts entries by review state.
func ReviewCounts(entries []Entry) map[string]int {
	n := map[string]int{}
	for _, e := range entries {
		s := e.Review
		if s == "" {
			s = ReviewUnreviewed
		}
		n[s]++
	}
	return n
}

// BulkVerify returns the reviews that verify, in one step, every entry of
// the provider that nobody has reviewed yet and whose citations were found
// on their pages. Entries with a quote not found (Grounded false) are left
// for a one-by-one check and counted in skipped.
func BulkVerify(c Chronology, providerID, userID, username string, at time.Time) (reviews []EntryReview, skipped int) {
	return bulkVerify(c, func(e *Entry) bool { return e.ProviderID == providerID }, userID, username, at)
}

// BulkVerifyEntries is BulkVerify of the dated entries ids (a selection).
func BulkVerifyEntries(c Chronology, ids []string, userID, username string, at time.Time) (reviews []EntryReview, skipped int) {
	want := make(map[string]bool, len(ids))
	for _, id := range ids {
		want[id] = true
	}
	return bulkVerify(c, func(e *Entry) bool { return want[e.ID] }, userID, username, at)
}

func bulkVerify(c Chronology, match func(*Entry) bool, userID, username string, at time.Time) (reviews []EntryReview, skipped int) {
	for _, e := range c.Entries {
		if !match(&e) || (e.Review != "" && e.Review != ReviewUnreviewed) {
			continue
		}
		if !e.Grounded {
			skipped++
			continue
		}
		reviews = append(reviews, EntryReview{MatterID: c.Matter.ID, EntryID: e.ID, Anchor: EntryAnchor(e), State: ReviewVerified,
			UserID: userID, Username: username, At: at.UTC()})
	}
	return reviews, skipped
}
