package rows

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/medchron/medchron/access"
	"github.com/medchron/medchron/chronology"
)

// DefaultAuditLimit is the page size of AuditEvents when the filter sets
// none.
const DefaultAuditLimit = 100

// AuditQuery returns the query and arguments of the events f selects,
// newest (highest id) first; placeholder gives the backend's n-th
// parameter ("?" or "$n").
func AuditQuery(f access.AuditFilter, placeholder func(n int) string) (string, []any) {
	var where []string
	var args []any
	arg := func(cond string, v any) {
		args = append(args, v)
		where = append(where, cond+placeholder(len(args)))
	}
	if f.MatterID != "" {
		arg("matter_id = ", f.MatterID)
	}
	if f.UserID != "" {
		arg("user_id = ", f.UserID)
	}
	if f.BeforeID > 0 {
		arg("id < ", f.BeforeID)
	}
	q := `SELECT id, at, user_id, username, action, matter_id, object, detail, ip FROM audit_log`
	if len(where) > 0 {
		q += " WHERE " + strings.Join(where, " AND ")
	}
	limit := f.Limit
	if limit <= 0 {
		limit = DefaultAuditLimit
	}
	args = append(args, limit)
	return q + " ORDER BY id DESC LIMIT " + placeholder(len(args)), args
}

// Event scans a row of AuditQuery.
func (r Scan) Event(sc Scanner) (access.Event, error) {
	var e access.Event
	err := sc.Scan(&e.ID, r.At(&e.At), &e.UserID, &e.Username, &e.Action, &e.MatterID, &e.Object, &e.Detail, &e.IP)
	e.At = e.At.UTC()
	return e, err
}

// ReviewColumns are the columns Review scans.
const ReviewColumns = `id, matter_id, entry_id, anchor, state, fields, reason, user_id, username, at`

// Review scans a row of ReviewColumns; fields are a JSON object, none
// when empty.
func (x Scan) Review(sc Scanner) (chronology.EntryReview, error) {
	var r chronology.EntryReview
	var fields []byte
	if err := sc.Scan(&r.ID, &r.MatterID, &r.EntryID, &r.Anchor, &r.State, &fields, &r.Reason, &r.UserID, &r.Username, x.At(&r.At)); err != nil {
		return r, err
	}
	r.At = r.At.UTC()
	if err := json.Unmarshal(fields, &r.Fields); err != nil {
		return r, fmt.Errorf("review %d: fields: %w", r.ID, err)
	}
	if len(r.Fields) == 0 {
		r.Fields = nil
	}
	return r, nil
}

// ChainColumns are the columns ChainedEvent scans.
const ChainColumns = `id, at, user_id, username, action, matter_id, object, detail, ip, prev_hash, hash`

// ChainedEvent scans a row of ChainColumns.
func (r Scan) ChainedEvent(sc Scanner) (access.ChainedEvent, error) {
	var e access.ChainedEvent
	err := sc.Scan(&e.ID, r.At(&e.At), &e.UserID, &e.Username, &e.Action, &e.MatterID, &e.Object, &e.Detail, &e.IP, &e.PrevHash, &e.Hash)
	e.At = e.At.UTC()
	return e, err
}

// ChainLegacy chains the audit rows written before the chain existed (an
// empty hash) in id order, reading the log with chain (AuditChain) and
// storing each row's new hashes with set.
func ChainLegacy(ctx context.Context, chain func(ctx context.Context, afterID int64, limit int) ([]access.ChainedEvent, error), set func(e access.ChainedEvent) error) error {
	const batch = 500
	prev := ""
	var after int64
	for {
		es, err := chain(ctx, after, batch)
		if err != nil {
			return err
		}
		for _, e := range es {
			if e.Hash == "" {
				e.PrevHash, e.Hash = prev, access.ChainHash(prev, e.Event)
				if err := set(e); err != nil {
					return fmt.Errorf("audit row %d: %w", e.ID, err)
				}
			}
			prev, after = e.Hash, e.ID
		}
		if len(es) < batch {
			return nil
		}
	}
}
