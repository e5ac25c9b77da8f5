package storetest

import (
	"fmt"
	"testing"
	"time"

	"github.com/medchron/medchron/access"
)

// auditEvents returns the events f selects, failing the test on error.
func auditEvents(t *testing.T, s WorkflowStore, f access.AuditFilter) []access.Event {
	t.Helper()
	es, err := s.AuditEvents(ctx(t), f)
	if err != nil {
		t.Fatalf("AuditEvents(%+v): %v", f, err)
	}
	return es
}

// withoutIDs returns es with their ids cleared, after checking that every
// id is set and the ids descend.
func withoutIDs(t *testing.T, what string, es []access.Event) []access.Event {
	t.Helper()
	var out []access.Event
	for i, e := range es {
		if e.ID <= 0 || i > 0 && e.ID >= es[i-1].ID {
			t.Errorf("%s: event %d has id %d; want positive ids, newest first", what, i, e.ID)
		}
		if e.At.Location() != time.UTC {
			t.Errorf("%s: event %d at %v, want UTC", what, i, e.At)
		}
		e.ID = 0
		out = append(out, e)
	}
	return out
}

// testAuditFilters appends events of two users in two matters (and one
// global) and selects them by matter, by user and by both.
func testAuditFilters(t *testing.T, s WorkflowStore, _ Exec) {
	p := newIDs(t)
	mA, mB := p.matter("a"), p.matter("b")
	uA, uB := "usr-"+string(p)+"-a", "usr-"+string(p)+"-b"
	ev := func(i int, uid, action, matter, object string) access.Event {
		return access.Event{At: t0.Add(time.Duration(i) * time.Second), UserID: uid, Username: uid + ".name",
			Action: action, MatterID: matter, Object: object, Detail: fmt.Sprintf("detail %d", i), IP: "192.0.2.7"}
	}
	events := []access.Event{
		ev(0, uA, access.AuditSignIn, "", ""),
		ev(1, uA, access.AuditMatterView, mA, ""),
		ev(2, uB, access.AuditPageView, mA, "document:d1 page:3"),
		ev(3, uA, access.AuditEntryVerify, mB, "entry:e7"),
		ev(4, uB, access.AuditDemandApprove, mB, "section:facts"),
		// Stored after later events: the order is the order of storing.
		ev(-60, uA, access.AuditExport, mA, "chronology.xlsx"),
	}
	for _, e := range events {
		if err := s.AppendAudit(ctx(t), e); err != nil {
			t.Fatal(err)
		}
	}
	want := func(idx ...int) []access.Event {
		var out []access.Event
		for _, i := range idx {
			e := events[i]
			e.At = stored(e.At)
			out = append(out, e)
		}
		return out
	}
	cases := []struct {
		name string
		f    access.AuditFilter
		want []access.Event
	}{
		{"matter A", access.AuditFilter{MatterID: mA}, want(5, 2, 1)},
		{"matter B", access.AuditFilter{MatterID: mB}, want(4, 3)},
		{"user A", access.AuditFilter{UserID: uA}, want(5, 3, 1, 0)},
		{"user B in matter A", access.AuditFilter{MatterID: mA, UserID: uB}, want(2)},
		{"user A, limit 2", access.AuditFilter{UserID: uA, Limit: 2}, want(5, 3)},
		{"nobody", access.AuditFilter{UserID: "usr-" + string(p) + "-c"}, nil},
	}
	for _, c := range cases {
		equal(t, c.name, withoutIDs(t, c.name, auditEvents(t, s, c.f)), c.want)
	}

	// Without a filter: every matter and the global events, newest first.
	all := withoutIDs(t, "all", auditEvents(t, s, access.AuditFilter{Limit: 1000}))
	var mine []access.Event
	for _, e := range all {
		if e.UserID == uA || e.UserID == uB {
			mine = append(mine, e)
		}
	}
	equal(t, "no filter", mine, want(5, 4, 3, 2, 1, 0))

	if err := s.AppendAudit(ctx(t), access.Event{UserID: uA, Action: access.AuditSignOut}); err != nil {
		t.Fatal(err)
	}
	last := auditEvents(t, s, access.AuditFilter{UserID: uA, Limit: 1})
	if len(last) != 1 || last[0].Action != access.AuditSignOut {
		t.Fatalf("newest event of user A: %+v, want the sign-out", last)
	}
	recent(t, "At of an event stored without one", last[0].At)
}

// testAuditPaging pages through one matter's events with BeforeID and
// checks the default page size.
func testAuditPaging(t *testing.T, s WorkflowStore, _ Exec) {
	p := newIDs(t)
	m := p.matter("paged")
	const n = 105
	for i := range n {
		e := access.Event{At: t0, UserID: "u", Action: access.AuditPageView, MatterID: m, Object: fmt.Sprintf("page:%d", i)}
		if err := s.AppendAudit(ctx(t), e); err != nil {
			t.Fatal(err)
		}
	}
	if got := auditEvents(t, s, access.AuditFilter{MatterID: m}); len(got) != 100 || got[0].Object != "page:104" || got[99].Object != "page:5" {
		t.Errorf("default page: %d events; want the newest 100", len(got))
	}
	var seen []string
	f := access.AuditFilter{MatterID: m, Limit: 40}
	for pages := 0; ; pages++ {
		if pages > 5 {
			t.Fatal("paging does not end")
		}
		page := auditEvents(t, s, f)
		if len(page) == 0 {
			break
		}
		withoutIDs(t, fmt.Sprintf("page %d", pages), page)
		for _, e := range page {
			seen = append(seen, e.Object)
		}
		f.BeforeID = page[len(page)-1].ID
	}
	if len(seen) != n {
		t.Fatalf("paging saw %d events, want %d", len(seen), n)
	}
	for i, o := range seen {
		if want := fmt.Sprintf("page:%d", n-1-i); o != want {
			t.Fatalf("paging: event %d is %s, want %s", i, o, want)
		}
	}
}

// testAuditAppendOnly checks that the database itself refuses to change or
// remove an audit row.
func testAuditAppendOnly(t *testing.T, s WorkflowStore, exec Exec) {
	p := newIDs(t)
	m := p.matter("sealed")
	e := access.Event{At: t0, UserID: "u", Username: "u", Action: access.AuditDocumentView, MatterID: m, Object: "document:d1"}
	if err := s.AppendAudit(ctx(t), e); err != nil {
		t.Fatal(err)
	}
	before := auditEvents(t, s, access.AuditFilter{MatterID: m})
	if len(before) != 1 {
		t.Fatalf("%d events, want 1", len(before))
	}
	id := before[0].ID
	refused(t, exec,
		fmt.Sprintf(`UPDATE audit_log SET detail = 'changed' WHERE id = %d`, id),
		fmt.Sprintf(`UPDATE audit_log SET matter_id = 'elsewhere' WHERE matter_id = '%s'`, m),
		fmt.Sprintf(`DELETE FROM audit_log WHERE id = %d`, id),
	)
	equal(t, "event after refused changes", auditEvents(t, s, access.AuditFilter{MatterID: m}), before)
}
