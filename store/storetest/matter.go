package storetest

import (
	"bytes"
	"testing"

	"github.com/medchron/medchron/chronology"
	"github.com/medchron/medchron/extract/dates"
	"github.com/medchron/medchron/store"
)

// testNotFound checks that every getter of a single row wraps
// store.ErrNotFound for a missing row, and that list getters and the
// cache report absence without an error.
func testNotFound(t *testing.T, s store.Store) {
	p := newIDs(t)
	missing := p.matter("missing")
	doc := "doc-" + string(p) + "missing"
	getters := []struct {
		name string
		call func() error
	}{
		{"Matter", func() error { _, err := s.Matter(ctx(t), missing); return err }},
		{"MatterVersion", func() error { _, err := s.MatterVersion(ctx(t), missing); return err }},
		{"Document", func() error { _, err := s.Document(ctx(t), doc); return err }},
		{"DocumentBlob", func() error { _, err := s.DocumentBlob(ctx(t), doc); return err }},
		{"Result", func() error { _, err := s.Result(ctx(t), doc); return err }},
		{"Chronology", func() error { _, _, err := s.Chronology(ctx(t), missing); return err }},
		{"ChronologyVersion", func() error { _, err := s.ChronologyVersion(ctx(t), missing); return err }},
	}
	for _, g := range getters {
		notFound(t, g.name, g.call())
	}
	// A matter without a chronology: the chronology is missing, not the matter.
	m := putMatter(t, s, p.matter("nochron"))
	_, _, err := s.Chronology(ctx(t), m)
	notFound(t, "Chronology of a matter without one", err)
	_, err = s.ChronologyVersion(ctx(t), m)
	notFound(t, "ChronologyVersion of a matter without one", err)
	// A document without facts.
	_, d := addDocument(t, s, p, "nofacts")
	_, err = s.Result(ctx(t), d.ID)
	notFound(t, "Result of a document without facts", err)

	lists := []struct {
		name string
		call func() (int, error)
	}{
		{"MatterDocuments", func() (int, error) { l, err := s.MatterDocuments(ctx(t), missing); return len(l), err }},
		{"DocumentMatters", func() (int, error) { l, err := s.DocumentMatters(ctx(t), doc); return len(l), err }},
		{"Pages", func() (int, error) { l, err := s.Pages(ctx(t), doc); return len(l), err }},
		{"PageTexts", func() (int, error) { l, err := s.PageTexts(ctx(t), doc); return len(l), err }},
		{"PendingPages", func() (int, error) { l, err := s.PendingPages(ctx(t), doc); return len(l), err }},
	}
	for _, l := range lists {
		if n, err := l.call(); n != 0 || err != nil {
			t.Errorf("%s of a missing row = %d items, %v; want 0, nil", l.name, n, err)
		}
	}
	if v, ok, err := s.CacheGet(ctx(t), p.key("missing")); ok || err != nil || !bytes.Equal(v, nil) {
		t.Errorf("CacheGet of a missing key = %q, %v, %v; want nil, false, nil", v, ok, err)
	}
}

// testMatterVersionRules walks one matter through PutMatter calls: empty
// fields keep their stored value, and only a real change bumps the version.
func testMatterVersionRules(t *testing.T, s store.Store) {
	id := newIDs(t).matter("rules")
	full := chronology.Matter{ID: id, Name: "Doe v. Acme Freight", Client: "Jane Doe", DateOfIncident: dates.New(2023, 12, 5), GapDays: 45}
	with := func(f func(*chronology.Matter)) chronology.Matter { m := full; f(&m); return m }
	steps := []struct {
		name    string
		put     chronology.Matter
		want    chronology.Matter
		version int64
	}{
		{"create", full, full, 1},
		{"same values", full, full, 1},
		{"only the id", chronology.Matter{ID: id}, full, 1},
		{"new name", chronology.Matter{ID: id, Name: "Doe v. Acme Freight LLC"},
			with(func(m *chronology.Matter) { m.Name = "Doe v. Acme Freight LLC" }), 2},
		{"new client", chronology.Matter{ID: id, Client: "Jane Q. Doe"},
			with(func(m *chronology.Matter) { m.Name, m.Client = "Doe v. Acme Freight LLC", "Jane Q. Doe" }), 3},
		{"new incident date", chronology.Matter{ID: id, DateOfIncident: dates.New(2023, 12, 4)},
			with(func(m *chronology.Matter) {
				m.Name, m.Client, m.DateOfIncident = "Doe v. Acme Freight LLC", "Jane Q. Doe", dates.New(2023, 12, 4)
			}), 4},
		{"new gap threshold", chronology.Matter{ID: id, GapDays: 30},
			with(func(m *chronology.Matter) {
				m.Name, m.Client, m.DateOfIncident, m.GapDays = "Doe v. Acme Freight LLC", "Jane Q. Doe", dates.New(2023, 12, 4), 30
			}), 5},
		{"all fields again, unchanged", with(func(m *chronology.Matter) {
			m.Name, m.Client, m.DateOfIncident, m.GapDays = "Doe v. Acme Freight LLC", "Jane Q. Doe", dates.New(2023, 12, 4), 30
		}), with(func(m *chronology.Matter) {
			m.Name, m.Client, m.DateOfIncident, m.GapDays = "Doe v. Acme Freight LLC", "Jane Q. Doe", dates.New(2023, 12, 4), 30
		}), 5},
		{"two changes at once bump once", full, full, 6},
		{"a Bates prefix", chronology.Matter{ID: id, BatesPrefix: "DOE"}, with(func(m *chronology.Matter) { m.BatesPrefix = "DOE" }), 7},
		{"keep the sender's numbers", chronology.Matter{ID: id, KeepSenderBates: true},
			with(func(m *chronology.Matter) { m.BatesPrefix, m.KeepSenderBates = "DOE", true }), 8},
		{"false keeps them kept", chronology.Matter{ID: id},
			with(func(m *chronology.Matter) { m.BatesPrefix, m.KeepSenderBates = "DOE", true }), 8},
	}
	for _, st := range steps {
		if err := s.PutMatter(ctx(t), st.put); err != nil {
			t.Fatalf("%s: PutMatter: %v", st.name, err)
		}
		got, err := s.Matter(ctx(t), id)
		if err != nil {
			t.Fatalf("%s: Matter: %v", st.name, err)
		}
		equal(t, st.name+": matter", got, st.want)
		if v := version(t, s, id); v != st.version {
			t.Errorf("%s: version %d, want %d", st.name, v, st.version)
		}
	}
}

// testSetMatter stores a matter's settings exactly, the Bates settings
// included: an empty field clears, and only a change bumps the version.
func testSetMatter(t *testing.T, s store.Store) {
	id := newIDs(t).matter("set")
	if err := s.CreateMatter(ctx(t), chronology.Matter{ID: id, Name: "Roe v. Wade Transit"}); err != nil {
		t.Fatal(err)
	}
	steps := []struct {
		name    string
		set     chronology.Matter
		changed bool
		version int64
	}{
		{"Bates settings", chronology.Matter{ID: id, Name: "Roe v. Wade Transit", BatesPrefix: "ROE", KeepSenderBates: true}, true, 2},
		{"the same again", chronology.Matter{ID: id, Name: "Roe v. Wade Transit", BatesPrefix: "ROE", KeepSenderBates: true}, false, 2},
		{"the sender's numbers off", chronology.Matter{ID: id, Name: "Roe v. Wade Transit", BatesPrefix: "ROE"}, true, 3},
		{"everything cleared", chronology.Matter{ID: id}, true, 4},
	}
	for _, st := range steps {
		changed, err := s.SetMatter(ctx(t), st.set)
		if err != nil {
			t.Fatalf("%s: SetMatter: %v", st.name, err)
		}
		if changed != st.changed {
			t.Errorf("%s: changed %v, want %v", st.name, changed, st.changed)
		}
		got, err := s.Matter(ctx(t), id)
		if err != nil {
			t.Fatal(err)
		}
		equal(t, st.name+": matter", got, st.set)
		if v := version(t, s, id); v != st.version {
			t.Errorf("%s: version %d, want %d", st.name, v, st.version)
		}
	}
}

// testMatterEmpty stores a matter with nothing but its id.
func testMatterEmpty(t *testing.T, s store.Store) {
	id := newIDs(t).matter("bare")
	if err := s.PutMatter(ctx(t), chronology.Matter{ID: id}); err != nil {
		t.Fatal(err)
	}
	got, err := s.Matter(ctx(t), id)
	if err != nil {
		t.Fatal(err)
	}
	equal(t, "matter", got, chronology.Matter{ID: id})
	if v := version(t, s, id); v != 1 {
		t.Errorf("version of a new matter %d, want 1", v)
	}
}

// testMatters lists matters ordered by id with all their fields.
func testMatters(t *testing.T, s store.Store) {
	p := newIDs(t)
	want := []chronology.Matter{
		{ID: p.matter("a"), Name: "Alpha v. Beta", Client: "A. Alpha", DateOfIncident: dates.New(2022, 2, 28), GapDays: 60},
		{ID: p.matter("b")},
		{ID: p.matter("c"), Name: "Gamma v. Delta", GapDays: 14, BatesPrefix: "GD", KeepSenderBates: true},
	}
	for _, i := range []int{2, 0, 1} {
		if err := s.PutMatter(ctx(t), want[i]); err != nil {
			t.Fatal(err)
		}
	}
	all, err := s.Matters(ctx(t))
	if err != nil {
		t.Fatal(err)
	}
	equal(t, "Matters", withPrefix(all, "m-"+string(p)+"-"), want)
	for i := 1; i < len(all); i++ {
		if all[i-1].ID >= all[i].ID {
			t.Errorf("Matters not ordered by id: %q before %q", all[i-1].ID, all[i].ID)
		}
	}
}
