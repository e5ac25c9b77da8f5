package rows

import (
	"errors"
	"fmt"
	"reflect"
	"testing"

	"github.com/medchron/medchron/access"
	"github.com/medchron/medchron/store"
)

func TestNotFound(t *testing.T) {
	noRows := errors.New("no rows in result set")
	other := errors.New("connection reset")
	tests := []struct {
		err          error
		want         string
		notFound, is error
	}{
		{nil, "", nil, nil},
		{noRows, "matter m1: not found", store.ErrNotFound, nil},
		{fmt.Errorf("scan: %w", noRows), "matter m1: not found", store.ErrNotFound, nil},
		{other, "matter m1: connection reset", nil, other},
	}
	for _, tt := range tests {
		got := NotFound(tt.err, noRows, "matter m1")
		if (got == nil) != (tt.err == nil) || (got != nil && got.Error() != tt.want) {
			t.Errorf("NotFound(%v) = %v, want %q", tt.err, got, tt.want)
		}
		if tt.notFound != nil && !errors.Is(got, store.ErrNotFound) {
			t.Errorf("NotFound(%v) does not wrap store.ErrNotFound", tt.err)
		}
		if tt.is != nil && (!errors.Is(got, tt.is) || errors.Is(got, store.ErrNotFound)) {
			t.Errorf("NotFound(%v) = %v, want the error itself wrapped", tt.err, got)
		}
	}
}

func TestAuditQuery(t *testing.T) {
	dollar := func(n int) string { return fmt.Sprintf("$%d", n) }
	const cols = `SELECT id, at, user_id, username, action, matter_id, object, detail, ip FROM audit_log`
	tests := []struct {
		f        access.AuditFilter
		wantQ    string
		wantArgs []any
	}{
		{access.AuditFilter{}, cols + " ORDER BY id DESC LIMIT $1", []any{DefaultAuditLimit}},
		{access.AuditFilter{MatterID: "m1", BeforeID: 9, Limit: 5}, cols + " WHERE matter_id = $1 AND id < $2 ORDER BY id DESC LIMIT $3", []any{"m1", int64(9), 5}},
		{access.AuditFilter{MatterID: "m1", UserID: "u1", Limit: -1}, cols + " WHERE matter_id = $1 AND user_id = $2 ORDER BY id DESC LIMIT $3", []any{"m1", "u1", DefaultAuditLimit}},
	}
	for _, tt := range tests {
		q, args := AuditQuery(tt.f, dollar)
		if q != tt.wantQ || !reflect.DeepEqual(args, tt.wantArgs) {
			t.Errorf("AuditQuery(%+v) = %q %v, want %q %v", tt.f, q, args, tt.wantQ, tt.wantArgs)
		}
	}
}

func TestWords(t *testing.T) {
	for _, in := range []string{"", "null", "[]"} {
		if w, err := Words([]byte(in)); w != nil || err != nil {
			t.Errorf("Words(%q) = %v, %v; want none", in, w, err)
		}
	}
	if w, err := Words([]byte(`[{"t":"Mercy"}]`)); err != nil || len(w) != 1 {
		t.Errorf("Words of one box = %v, %v", w, err)
	}
	if _, err := Words([]byte(`{`)); err == nil {
		t.Error("Words of broken JSON succeeded")
	}
}

func TestOneAndExists(t *testing.T) {
	boom := errors.New("disk full")
	if _, err := One([]int(nil), nil, "page 3 of d1"); !errors.Is(err, store.ErrNotFound) || err.Error() != "page 3 of d1: not found" {
		t.Errorf("One of none = %v, want page 3 of d1: not found", err)
	}
	if _, err := One([]int{1}, boom, "page 3 of d1"); !errors.Is(err, boom) || errors.Is(err, store.ErrNotFound) {
		t.Errorf("One with an error = %v, want it wrapped", err)
	}
	if v, err := One([]int{7, 8}, nil, "x"); v != 7 || err != nil {
		t.Errorf("One = %d, %v; want the first", v, err)
	}
	if err := Exists(boom, true, "create user u1"); !errors.Is(err, store.ErrExists) {
		t.Errorf("Exists of a unique violation = %v, want store.ErrExists", err)
	}
	if err := Exists(boom, false, "create user u1"); !errors.Is(err, boom) || errors.Is(err, store.ErrExists) {
		t.Errorf("Exists of another error = %v, want it wrapped", err)
	}
	if err := Exists(nil, false, "create user u1"); err != nil {
		t.Errorf("Exists(nil) = %v", err)
	}
}
