package ui

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"github.com/medchron/medchron/access"
	"github.com/medchron/medchron/chronology"
	"github.com/medchron/medchron/search"
	"github.com/medchron/medchron/web/internal/core"
)

// searchPageData is the search page: the query and its hits.
type searchPageData struct {
	Query      string
	Configured bool
	Searched   bool
	Hits       []searchHitView
	Error      string
}

type searchHitView struct {
	search.Hit
	Href, Label string
}

// SearchPage searches the matter's pages and entries (?q=). Hits link to
// the page view, highlighting the query where it stands as typed, or to
// the entry. The audit row records that a search
// happened, never the query: it may name the client's conditions.
func (s *Handler) SearchPage(w http.ResponseWriter, r *http.Request, rc *core.SignedIn, m chronology.Matter) {
	ctx := r.Context()
	p := searchPageData{Query: strings.TrimSpace(r.URL.Query().Get("q")), Configured: s.Search != nil}
	status := http.StatusOK
	switch {
	case !p.Configured || p.Query == "":
	case len(p.Query) > 500:
		p.Error, status = "Use a shorter query (at most 500 characters).", http.StatusBadRequest
	default:
		hits, err := s.Search.Search(ctx, m.ID, p.Query, 50)
		if err != nil && !core.IsNotFound(err) {
			s.ServerError(w, r, err)
			return
		}
		p.Searched = true
		var ix docIndex
		if len(hits) > 0 {
			c, err := s.ReviewedChronology(ctx, m.ID)
			if err != nil && !core.IsNotFound(err) {
				s.ServerError(w, r, err)
				return
			}
			ix = indexDocuments(&c)
		}
		for _, h := range hits {
			v := searchHitView{Hit: h}
			switch {
			case h.Kind == "entry" && h.EntryID != "":
				v.Href = "/matters/" + url.PathEscape(m.ID) + "/entries/" + url.PathEscape(h.EntryID)
				v.Label = strings.TrimSpace(h.Date + " " + h.Provider)
			case h.DocumentID != "" && h.Page > 0:
				v.Href = pagePath(m.ID, h.DocumentID, h.Page) + "?q=" + url.QueryEscape(p.Query)
				v.Label = ix.pageLabel(h.DocumentID, h.Page, "")
				if h.File != "" && ix[h.DocumentID] == nil {
					v.Label = h.File + " p. " + strconv.Itoa(h.Page)
				}
			}
			p.Hits = append(p.Hits, v)
		}
		if err := s.Audit(r, access.AuditSearch, m.ID, "search", strconv.Itoa(len(hits))+" results"); err != nil {
			s.ServerError(w, r, err)
			return
		}
	}
	s.render(w, r, status, "search", view{Title: "Search", Matter: &m, Nav: "chronology", Data: p})
}
