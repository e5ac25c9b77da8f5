package core

import (
	"context"
	"net"
	"net/http"

	"github.com/medchron/medchron/access"
)

// Audit appends an audit row for the request's user. Audit rows name
// objects (ids, page numbers, file names), never record content. A failed
// Audit write is logged and fails the request: an unaudited view of PHI
// must not happen silently.
func (s *Core) Audit(r *http.Request, action, matterID, object, detail string) error {
	return s.AuditTo(r.Context(), s.Store, r, action, matterID, object, detail)
}

// AuditTo is audit writing to st: the store, or a transaction of it so
// that the row commits with the change it records.
func (s *Core) AuditTo(ctx context.Context, st access.Store, r *http.Request, action, matterID, object, detail string) error {
	e := access.Event{At: s.Now().UTC(), Action: action, MatterID: matterID, Object: object, Detail: detail, IP: ClientIP(r)}
	if rc := Current(r); rc != nil {
		e.UserID, e.Username = rc.User.ID, rc.User.Username
	} else if s.Bearer(r) {
		e.UserID, e.Username = "service", "service-token"
	}
	if err := st.AppendAudit(ctx, e); err != nil {
		s.Logger.Error("audit write failed", "action", action, "matter", matterID, "error", err)
		return err
	}
	return nil
}

// ClientIP is the address the request came from, as the audit log keeps it.
func ClientIP(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}
