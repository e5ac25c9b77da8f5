package sqlite

import (
	"errors"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/medchron/medchron/access"
	"github.com/medchron/medchron/demand"
)

// TestAppendOnlyReplace checks the SQLite-only way around the update and
// delete triggers: INSERT OR REPLACE deletes the row it conflicts with
// without firing delete triggers, so inserts that would replace a row are
// refused too.
func TestAppendOnlyReplace(t *testing.T) {
	ctx := t.Context()
	s, err := Open(ctx, filepath.Join(t.TempDir(), "medchron.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	at := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	if err := s.AppendAudit(ctx, access.Event{At: at, UserID: "u", Action: access.AuditExport, MatterID: "m1", Object: "a.pdf"}); err != nil {
		t.Fatal(err)
	}
	v := demand.Version{Key: "facts", N: 1, Title: "Facts", Body: "text", UserID: "u", At: at, SHA256: demand.TextHash("text")}
	if err := s.PutDemandGeneration(ctx, "m1", demand.Generation{At: at, UserID: "u", Keys: []string{"facts"}}, []demand.Version{v}); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		`INSERT OR REPLACE INTO audit_log (id, at, action) SELECT id, at, 'forged' FROM audit_log`,
		`REPLACE INTO demand_versions (matter_id, key, n, body, user_id, at, sha256) VALUES ('m1', 'facts', 1, 'forged', 'x', '', '')`,
	} {
		if _, err := s.db.ExecContext(ctx, q); err == nil || !strings.Contains(err.Error(), "append-only") && !strings.Contains(err.Error(), "version number taken") {
			t.Errorf("%s: error %v, want the trigger to refuse it", q, err)
		}
	}
	es, err := s.AuditEvents(ctx, access.AuditFilter{})
	if err != nil || len(es) != 1 || es[0].Action != access.AuditExport {
		t.Errorf("audit after the refused replace: %+v, %v", es, err)
	}
	r, err := s.DemandRecord(ctx, "m1")
	if err != nil || len(r.Versions["facts"]) != 1 || r.Versions["facts"][0].Body != "text" {
		t.Errorf("versions after the refused replace: %+v, %v", r.Versions, err)
	}
	v.Body = "other"
	if err := s.AddDemandVersion(ctx, "m1", v); !errors.Is(err, demand.ErrConflict) {
		t.Errorf("AddDemandVersion of a taken number: %v, want demand.ErrConflict", err)
	}
}

// TestTimeText checks that stored times sort as text in time order and
// read back in UTC, to the microsecond.
func TestTimeText(t *testing.T) {
	base := time.Date(2026, 5, 6, 7, 8, 9, 0, time.FixedZone("PDT", -7*3600))
	times := []time.Time{base, base.Add(500 * time.Millisecond), base.Add(time.Second), base.Add(1500 * time.Microsecond), base.Add(-time.Nanosecond)}
	texts := make([]string, len(times))
	for i, tm := range times {
		texts[i] = ts(tm)
		got, err := parseTS(texts[i])
		if err != nil {
			t.Fatal(err)
		}
		if want := tm.UTC().Truncate(time.Microsecond); !got.Equal(want) || got.Location() != time.UTC {
			t.Errorf("parseTS(ts(%v)) = %v, want %v in UTC", tm, got, want)
		}
	}
	sort.Strings(texts)
	sort.Slice(times, func(i, j int) bool { return times[i].Before(times[j]) })
	for i := range times {
		if texts[i] != ts(times[i]) {
			t.Errorf("text order differs from time order at %d: %s, want %s", i, texts[i], ts(times[i]))
		}
	}
	// Times written by now() (RFC3339Nano, trailing zeros trimmed) parse too.
	if _, err := parseTS(now()); err != nil {
		t.Error(err)
	}
}
