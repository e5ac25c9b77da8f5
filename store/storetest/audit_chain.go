package storetest

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/medchron/medchron/access"
)

// ChainStore is a store whose audit log is hash-chained.
type ChainStore interface {
	access.Store
	access.AuditChainStore
}

// Tamper is how a backend's test changes the audit log behind the
// store's back, as someone with the database's password would: Lift
// statements switch its append-only triggers off, Restore ones back on.
type Tamper struct {
	Lift, Restore []string
}

// auditColumns are the columns of an audit row moved by the reorder case.
const auditColumns = "at, user_id, username, action, matter_id, object, detail, ip, prev_hash, hash"

// RunAuditChain checks that the audit log's hash chain holds over rows
// the store appends, and that access.VerifyAudit reports a row edited,
// deleted or moved with raw SQL (triggers lifted), and rows cut from the
// end once an anchor was taken. open returns a new, empty store each call.
func RunAuditChain(t *testing.T, open func(t *testing.T) (ChainStore, Exec), tm Tamper) {
	type setup struct {
		s    ChainStore
		exec Exec
		ids  []int64
	}
	fill := func(t *testing.T) setup {
		s, exec := open(t)
		at := time.Date(2026, 3, 1, 9, 0, 0, 123456789, time.UTC)
		for i := range 6 {
			e := access.Event{At: at.Add(time.Duration(i) * time.Minute), UserID: "usr-a", Username: "alice", Action: access.AuditPageView,
				MatterID: "m-chain", Object: fmt.Sprintf("doc-1 p%d", i+1), Detail: "ü\x00 detail", IP: "192.0.2.1"}
			if err := s.AppendAudit(ctx(t), e); err != nil {
				t.Fatal(err)
			}
		}
		rows, err := s.AuditChain(ctx(t), 0, 100)
		if err != nil || len(rows) != 6 {
			t.Fatalf("AuditChain: %d rows, %v", len(rows), err)
		}
		var ids []int64
		for i, r := range rows {
			ids = append(ids, r.ID)
			prev := ""
			if i > 0 {
				prev = rows[i-1].Hash
			}
			if r.PrevHash != prev || r.Hash != access.ChainHash(prev, r.Event) {
				t.Fatalf("row %d is not chained: prev %q hash %q", r.ID, r.PrevHash, r.Hash)
			}
		}
		rep, err := access.VerifyAudit(ctx(t), s)
		if err != nil || len(rep.Problems) != 0 || rep.Rows != 6 || rep.HeadID != ids[5] {
			t.Fatalf("untouched log: %+v, %v", rep, err)
		}
		return setup{s, exec, ids}
	}
	run := func(t *testing.T, exec Exec, stmts ...string) {
		t.Helper()
		for _, list := range [][]string{tm.Lift, stmts, tm.Restore} {
			for _, q := range list {
				if err := exec(ctx(t), q); err != nil {
					t.Fatalf("%s: %v", q, err)
				}
			}
		}
	}
	verify := func(t *testing.T, s ChainStore, wantAt int64, wantWord string, anchors ...access.Anchor) {
		t.Helper()
		rep, err := access.VerifyAudit(ctx(t), s, anchors...)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range rep.Problems {
			if p.ID == wantAt && strings.Contains(p.What, wantWord) {
				return
			}
		}
		t.Errorf("want a problem at row %d saying %q; got %+v", wantAt, wantWord, rep.Problems)
	}

	t.Run("Edited", func(t *testing.T) {
		st := fill(t)
		run(t, st.exec, fmt.Sprintf("UPDATE audit_log SET detail = 'nothing to see' WHERE id = %d", st.ids[2]))
		verify(t, st.s, st.ids[2], "edited")
	})
	t.Run("Deleted", func(t *testing.T) {
		st := fill(t)
		run(t, st.exec, fmt.Sprintf("DELETE FROM audit_log WHERE id = %d", st.ids[3]))
		verify(t, st.s, st.ids[4], "deleted")
	})
	t.Run("Reordered", func(t *testing.T) {
		st := fill(t)
		a, b := st.ids[1], st.ids[4]
		run(t, st.exec,
			"CREATE TABLE audit_swap AS SELECT id, "+auditColumns+" FROM audit_log",
			fmt.Sprintf("UPDATE audit_log SET (%s) = (SELECT %s FROM audit_swap w WHERE w.id = CASE audit_log.id WHEN %d THEN %d ELSE %d END) WHERE id IN (%d, %d)",
				auditColumns, auditColumns, a, b, a, a, b),
			"DROP TABLE audit_swap")
		verify(t, st.s, a, "moved")
	})
	t.Run("TailCut", func(t *testing.T) {
		st := fill(t)
		rows, err := st.s.AuditChain(ctx(t), 0, 100)
		if err != nil {
			t.Fatal(err)
		}
		anchor := access.Anchor{ID: rows[5].ID, Hash: rows[5].Hash}
		run(t, st.exec, fmt.Sprintf("DELETE FROM audit_log WHERE id = %d", st.ids[5]))
		verify(t, st.s, st.ids[5], "removed", anchor)
	})
}
