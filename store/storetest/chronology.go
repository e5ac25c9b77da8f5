package storetest

import (
	"bytes"
	"testing"

	"github.com/medchron/medchron/chronology"
	"github.com/medchron/medchron/extract/dates"
	"github.com/medchron/medchron/store"
)

// testChronology stores a chronology, replaces it, and checks that the
// matter's own version is left alone.
func testChronology(t *testing.T, s store.Store) {
	m, d := addDocument(t, s, newIDs(t), "chron")
	before := version(t, s, m)
	first := sampleChronology(m, d.ID)
	second := sampleChronology(m, d.ID)
	second.Entries = second.Entries[1:]
	second.Entries[0].Review = chronology.ReviewCorrected
	second.Bills = []chronology.Bill{{ID: "b9", Date: dates.New(2024, 2, 2), ProviderID: "p2", Provider: "Back in Motion Physical Therapy",
		Charge: 120.55, Citations: second.Bills[1].Citations}}
	second.Flags, second.Duplicates, second.Usage = nil, nil, nil
	empty := chronology.Chronology{Schema: chronology.SchemaVersion, Matter: chronology.Matter{ID: m}}
	steps := []struct {
		name    string
		c       chronology.Chronology
		version int64
	}{
		{"first build", first, 2},
		{"rebuilt", second, 3},
		{"rebuilt from the same version", first, 3},
		{"nothing left", empty, 7},
	}
	for _, st := range steps {
		if err := s.PutChronology(ctx(t), m, st.version, st.c); err != nil {
			t.Fatalf("%s: %v", st.name, err)
		}
		got, v, err := s.Chronology(ctx(t), m)
		if err != nil {
			t.Fatalf("%s: %v", st.name, err)
		}
		equal(t, st.name, got, st.c)
		if v != st.version {
			t.Errorf("%s: Chronology version %d, want %d", st.name, v, st.version)
		}
		if v, err := s.ChronologyVersion(ctx(t), m); v != st.version || err != nil {
			t.Errorf("%s: ChronologyVersion = %d, %v; want %d", st.name, v, err, st.version)
		}
	}
	// A slower build of an earlier version finishing last leaves the newer
	// chronology, its entries and bills in place.
	if err := s.PutChronology(ctx(t), m, 5, first); err != nil {
		t.Fatalf("older build: %v", err)
	}
	if got, v, err := s.Chronology(ctx(t), m); err != nil || v != 7 || len(got.Entries) != 0 {
		t.Errorf("after an older build: version %d (err %v), %d entries; want version 7 with none", v, err, len(got.Entries))
	}
	if v := version(t, s, m); v != before {
		t.Errorf("PutChronology changed the matter version from %d to %d", before, v)
	}
}

// testCache stores, replaces and reads LLM cache entries.
func testCache(t *testing.T, s store.Store) {
	p := newIDs(t)
	binary := make([]byte, 1024)
	for i := range binary {
		binary[i] = byte(i * 7)
	}
	puts := []struct {
		key string
		val []byte
	}{
		{p.key("a"), []byte(`{"encounters":[{"date":"2023-12-06"}]}`)},
		{p.key("b"), binary},
		{p.key("a"), []byte(`{"encounters":[]}`)}, // replaces
		{p.key("empty"), []byte{}},
	}
	for _, pu := range puts {
		if err := s.CachePut(ctx(t), pu.key, pu.val); err != nil {
			t.Fatal(err)
		}
	}
	want := map[string][]byte{p.key("a"): []byte(`{"encounters":[]}`), p.key("b"): binary, p.key("empty"): {}}
	for k, w := range want {
		got, ok, err := s.CacheGet(ctx(t), k)
		if err != nil || !ok || !bytes.Equal(got, w) {
			t.Errorf("CacheGet(%s) = %q, %v, %v; want %q, true, nil", k, got, ok, err, w)
		}
	}
}
