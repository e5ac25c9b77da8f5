package web

import (
	"context"
	"net"
	"net/http"

	"github.com/medchron/medchron/access"
)

// audit appends an audit row for the request's user. Audit rows name
// objects (ids, page numbers, file names), never record content. A failed
// audit write is logged and fails the request: an unaudited view of PHI
// must not happen silently.
func (s *Server) audit(r *http.Request, action, matterID, object, detail string) error {
	return s.auditTo(r.Context(), s.cfg.Store, r, action, matterID, object, detail)
}

// auditTo is audit writing to st: the store, or a transaction of it so
// that the row commits with the change it records.
func (s *Server) auditTo(ctx context.Context, st access.Store, r *http.Request, action, matterID, object, detail string) error {
	e := access.Event{At: s.cfg.Now().UTC(), Action: action, MatterID: matterID, Object: object, Detail: detail, IP: clientIP(r)}
	if rc := current(r); rc != nil {
		e.UserID, e.Username = rc.User.ID, rc.User.Username
	} else if s.bearer(r) {
		e.UserID, e.Username = "service", "service-token"
	}
	if err := st.AppendAudit(ctx, e); err != nil {
		s.cfg.Logger.Error("audit write failed", "action", action, "matter", matterID, "error", err)
		return err
	}
	return nil
}

func clientIP(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}
