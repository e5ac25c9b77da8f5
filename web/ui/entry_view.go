package ui

import (
	"net/http"
	"strconv"

	"github.com/medchron/medchron/access"
	"github.com/medchron/medchron/chronology"
	"github.com/medchron/medchron/web/internal/core"
)

// entryPage is the entry view's data.
type entryPage struct {
	E       *chronology.Entry
	Review  string
	Fields  []entryField
	History []chronology.EntryReview // newest first
	Cites   []citeLink
	Cite    int // index of the citation shown beside the entry
	Figure  *pageFigure
	Error   string // why the last review form was refused
	Reason  string // the rejection reason typed, kept on error
	// Prev and Next are the entries before and after this one in the
	// chronology's order, NextReview the next one nobody reviewed ("" for
	// none): the links and keys that walk a review.
	Prev, Next, NextReview string
}

// entryField is one correctable field: its value now and, when a
// reviewer corrected it, what the extractor found.
type entryField struct {
	Name, Label, Value string
	Long               bool // edited in a textarea
	Correction         *chronology.Correction
}

var longFields = map[string]bool{"complaints": true, "findings": true, "assessment": true, "plan": true, "summary": true,
	"diagnoses": true, "procedures": true, "medications": true}

// EntryView shows an entry, its review history and citations, beside the
// cited page with the quote highlighted.
func (s *Handler) EntryView(w http.ResponseWriter, r *http.Request, rc *core.SignedIn, m chronology.Matter) {
	cite, _ := strconv.Atoi(r.URL.Query().Get("cite"))
	s.showEntry(w, r, m, http.StatusOK, cite, "", "")
}

// showEntry renders the entry view, with a refused review's message.
func (s *Handler) showEntry(w http.ResponseWriter, r *http.Request, m chronology.Matter, status, cite int, formErr, reason string) {
	ctx := r.Context()
	id := r.PathValue("entry")
	c, e, ok := s.entryOr404(w, r, m.ID)
	if !ok {
		return
	}
	all, err := s.Store.EntryReviews(ctx, m.ID)
	if err != nil {
		s.ServerError(w, r, err)
		return
	}
	p := entryPage{E: e, Review: reviewState(e), Error: formErr, Reason: reason, NextReview: nextToReview(c, id)}
	p.Prev, p.Next = neighbours(c, id)
	for i := len(all) - 1; i >= 0; i-- {
		if all[i].EntryID == id {
			p.History = append(p.History, all[i])
		}
	}
	corr := map[string]*chronology.Correction{}
	for i := range e.Corrections {
		corr[e.Corrections[i].Field] = &e.Corrections[i]
	}
	for _, f := range chronology.CorrectableFields {
		p.Fields = append(p.Fields, entryField{Name: f, Label: fieldLabel(f), Value: e.FieldValue(f), Long: longFields[f], Correction: corr[f]})
	}
	ix := indexDocuments(c)
	p.Cites = entryCites(m.ID, ix, e, unfoundCitations(c))
	if cite < 0 || cite >= len(e.Citations) {
		cite = 0
	}
	p.Cite = cite
	if len(e.Citations) > 0 {
		ct := e.Citations[cite]
		var others []string
		for _, o := range e.Citations {
			if o.DocumentID == ct.DocumentID && o.Page == ct.Page {
				others = append(others, o.Quote)
			}
		}
		f, err := s.figure(ctx, m.ID, ix, ct.DocumentID, ct.Page, ct.Quote, others...)
		if err != nil {
			s.ServerError(w, r, err)
			return
		}
		p.Figure = &f
	}
	if err := s.Audit(r, access.AuditEntryView, m.ID, "entry "+id, ""); err != nil {
		s.ServerError(w, r, err)
		return
	}
	title := "Entry"
	if !e.Date.IsZero() {
		title = "Entry of " + e.Date.String()
	}
	s.render(w, r, status, "entry", view{Title: title, Matter: &m, Nav: "chronology", Data: p})
}

func findEntry(c *chronology.Chronology, id string) *chronology.Entry {
	for i := range c.Entries {
		if c.Entries[i].ID == id {
			return &c.Entries[i]
		}
	}
	for i := range c.UndatedEntries {
		if c.UndatedEntries[i].ID == id {
			return &c.UndatedEntries[i]
		}
	}
	return nil
}

// neighbours returns the ids of the entries before and after id in the
// chronology's order ("" at either end).
func neighbours(c *chronology.Chronology, id string) (prev, next string) {
	for i := range c.Entries {
		if c.Entries[i].ID != id {
			continue
		}
		if i > 0 {
			prev = c.Entries[i-1].ID
		}
		if i+1 < len(c.Entries) {
			next = c.Entries[i+1].ID
		}
		break
	}
	return prev, next
}
