package ui

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/medchron/medchron/chronology"
	"github.com/medchron/medchron/extract"
	"github.com/medchron/medchron/web/internal/core"
)

// PageView shows one page of a document of the matter as an image, with a
// quote highlighted: a bill's or an entry's citation (?bill= or ?entry=
// or ?section= with ?cite=, so that record text stays out of the URL),
// or ?q=.
func (s *Handler) PageView(w http.ResponseWriter, r *http.Request, rc *core.SignedIn, m chronology.Matter) {
	ctx := r.Context()
	docID, n, ok := s.matterDocumentPage(w, r, m)
	if !ok {
		return
	}
	c, err := s.ReviewedChronology(ctx, m.ID)
	if err != nil && !core.IsNotFound(err) {
		s.ServerError(w, r, err)
		return
	}
	ix := indexDocuments(&c)
	if ix[docID] == nil {
		// Not in the chronology yet (still processing): name it from the upload.
		docs, err := s.Store.MatterDocuments(ctx, m.ID)
		if err != nil {
			s.ServerError(w, r, err)
			return
		}
		for _, d := range docs {
			if d.ID == docID {
				ix[docID] = &chronology.Document{Document: extract.Document{ID: d.ID, File: d.File, Pages: d.Pages}}
			}
		}
	}
	if d := ix[docID]; d != nil && n > d.Pages {
		s.NotFound(w, r)
		return
	}
	q := r.URL.Query()
	quote := strings.TrimSpace(q.Get("q"))
	if len(quote) > 500 {
		quote = quote[:500]
	}
	ci, _ := strconv.Atoi(q.Get("cite"))
	if b := q.Get("bill"); b != "" {
		for _, bill := range c.Bills {
			if bill.ID == b && ci >= 0 && ci < len(bill.Citations) && bill.Citations[ci].DocumentID == docID && bill.Citations[ci].Page == n {
				quote = bill.Citations[ci].Quote
			}
		}
	}
	if id := q.Get("entry"); id != "" {
		if e := findEntry(&c, id); e != nil && ci >= 0 && ci < len(e.Citations) && e.Citations[ci].DocumentID == docID && e.Citations[ci].Page == n {
			quote = e.Citations[ci].Quote
		}
	}
	if key := q.Get("section"); key != "" {
		rec, _, err := s.demandRecord(ctx, m.ID)
		if err != nil {
			s.ServerError(w, r, err)
			return
		}
		if v, ok := rec.Latest(key); ok && ci >= 0 && ci < len(v.Citations) && v.Citations[ci].DocumentID == docID && v.Citations[ci].Page == n {
			quote = v.Citations[ci].Quote
		}
	}
	f, err := s.figure(ctx, m.ID, ix, docID, n, quote)
	if err != nil {
		s.ServerError(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "page", view{Title: f.File + " page " + strconv.Itoa(n), Matter: &m, Nav: "chronology", Data: f})
}
