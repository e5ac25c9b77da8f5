package access

import (
	"context"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"time"
)

// ChainedEvent is an audit row with its place in the hash chain: PrevHash
// is the Hash of the row before it ("" for the first row) and Hash is
// ChainHash(PrevHash, Event).
type ChainedEvent struct {
	Event
	PrevHash string
	Hash     string
}

// chainTime is how an event's time enters its hash: UTC, to the
// microsecond (what both stores keep).
const chainTime = "2006-01-02T15:04:05.000000Z"

// ChainHash returns the hex SHA-256 of prev and e's fields (time, user,
// action, matter, object, detail, address), each length-prefixed so that
// no two different rows hash alike. The row id is not hashed: the chain
// itself fixes each row's place.
func ChainHash(prev string, e Event) string {
	h := sha256.New()
	var n [8]byte
	put := func(s string) {
		binary.BigEndian.PutUint64(n[:], uint64(len(s)))
		h.Write(n[:])
		h.Write([]byte(s))
	}
	put("medchron-audit-v1")
	put(prev)
	put(e.At.UTC().Truncate(time.Microsecond).Format(chainTime))
	for _, s := range []string{e.UserID, e.Username, e.Action, e.MatterID, e.Object, e.Detail, e.IP} {
		put(s)
	}
	return hex.EncodeToString(h.Sum(nil))
}

// AuditChainStore reads the audit log in chain order.
type AuditChainStore interface {
	// AuditChain returns up to limit rows with ids above afterID, by id.
	AuditChain(ctx context.Context, afterID int64, limit int) ([]ChainedEvent, error)
}

// ChainProblem is a place where the chain does not hold.
type ChainProblem struct {
	ID   int64  // the row where it shows
	What string // what is wrong, in words
}

// ChainReport is the result of VerifyAudit.
type ChainReport struct {
	Rows     int
	Head     string // the last row's hash: keep it to detect a cut tail later
	HeadID   int64
	Problems []ChainProblem
}

// Anchor is a row hash recorded earlier ("medchron audit verify" prints
// it): the row with that id must still carry that hash, which detects rows
// removed from the end of the log or a chain rewritten from scratch.
type Anchor struct {
	ID   int64
	Hash string
}

// maxProblems bounds a report: after a broken link every later row may
// be reported otherwise.
const maxProblems = 50

// VerifyAudit walks the whole audit log and reports every row whose hash
// does not match its fields (edited), whose previous hash does not match
// the row before it (a row deleted, inserted or moved), and every anchor
// that no longer holds.
func VerifyAudit(ctx context.Context, st AuditChainStore, anchors ...Anchor) (ChainReport, error) {
	var r ChainReport
	want := map[int64]string{}
	for _, a := range anchors {
		want[a.ID] = a.Hash
	}
	prev := ""
	var after int64
	for {
		rows, err := st.AuditChain(ctx, after, 1000)
		if err != nil {
			return r, fmt.Errorf("verify audit log: %w", err)
		}
		for _, e := range rows {
			r.Rows++
			problem := func(what string) {
				if len(r.Problems) < maxProblems {
					r.Problems = append(r.Problems, ChainProblem{ID: e.ID, What: what})
				}
			}
			if e.PrevHash != prev {
				problem("its link to the row before does not match: a row before it was deleted, inserted or moved")
			}
			if ChainHash(e.PrevHash, e.Event) != e.Hash {
				problem("its fields do not match its hash: the row was edited")
			}
			if h, ok := want[e.ID]; ok {
				if h != e.Hash {
					problem("it does not carry the anchored hash: the log was rewritten")
				}
				delete(want, e.ID)
			}
			prev, after = e.Hash, e.ID
			r.Head, r.HeadID = e.Hash, e.ID
		}
		if len(rows) < 1000 {
			break
		}
	}
	for id := range want {
		if len(r.Problems) < maxProblems {
			r.Problems = append(r.Problems, ChainProblem{ID: id, What: "the anchored row is missing: rows were removed from the log"})
		}
	}
	return r, nil
}
