package ui

import (
	"net/http"
	"net/url"
	"strconv"

	"github.com/medchron/medchron/access"
	"github.com/medchron/medchron/chronology"
	"github.com/medchron/medchron/web/internal/core"
)

// auditPageSize is the number of audit rows per page.
const auditPageSize = 100

// auditView is an audit log page: newest rows first, a filter by user and
// a link to older rows.
type auditView struct {
	Events []access.Event
	Users  []access.User
	UserID string
	// Older is the link to the next page, "" on the last.
	Older string
	// Base is the page's path, for the filter form and the first page.
	Base  string
	Paged bool // not the first page
}

// AuditList shows every audit row (admins).
func (s *Handler) AuditList(w http.ResponseWriter, r *http.Request, _ *core.SignedIn) {
	s.renderAudit(w, r, nil)
}

// MatterAudit shows one matter's audit rows (admins, the matter's attorneys).
func (s *Handler) MatterAudit(w http.ResponseWriter, r *http.Request, _ *core.SignedIn, m chronology.Matter) {
	s.renderAudit(w, r, &m)
}

func (s *Handler) renderAudit(w http.ResponseWriter, r *http.Request, m *chronology.Matter) {
	q := r.URL.Query()
	f := access.AuditFilter{UserID: q.Get("user"), Limit: auditPageSize + 1}
	if len(f.UserID) > 100 {
		f.UserID = ""
	}
	if b := q.Get("before"); b != "" {
		n, err := strconv.ParseInt(b, 10, 64)
		if err != nil || n <= 0 {
			s.Error(w, r, http.StatusBadRequest, "The page link is not valid.")
			return
		}
		f.BeforeID = n
	}
	v := auditView{UserID: f.UserID, Base: "/audit", Paged: f.BeforeID > 0}
	title, nav := "Audit log", "audit"
	if m != nil {
		f.MatterID = m.ID
		v.Base = "/matters/" + m.ID + "/audit"
		title, nav = "Audit log · "+matterTitle(*m), "matter-audit"
	}
	evs, err := s.Store.AuditEvents(r.Context(), f)
	if err != nil {
		s.ServerError(w, r, err)
		return
	}
	if len(evs) > auditPageSize {
		evs = evs[:auditPageSize]
		next := url.Values{"before": {strconv.FormatInt(evs[len(evs)-1].ID, 10)}}
		if f.UserID != "" {
			next.Set("user", f.UserID)
		}
		v.Older = v.Base + "?" + next.Encode()
	}
	v.Events = evs
	if v.Users, err = s.Store.Users(r.Context()); err != nil {
		s.ServerError(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "audit", view{Title: title, Matter: m, Nav: nav, Data: v})
}
