package oracle

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"log/slog"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/medchron/medchron/chronology"
	"github.com/medchron/medchron/extract"
	"github.com/medchron/medchron/extract/llm"
	"github.com/medchron/medchron/extract/pdf"
	"github.com/medchron/medchron/internal/eval"
	"github.com/medchron/medchron/internal/fixture"
	"github.com/medchron/medchron/internal/fixture/zoo"
	"github.com/medchron/medchron/internal/testutil"
)

// exactFields are the fields eval.Compare scores that perfect facts must
// get exactly right downstream.
var exactFields = []string{"encounters", "pre_incident", "citation_pages", "visit_type", "providers", "icd10",
	"bill_lines", "specials_by_provider", "gaps", "duplicates"}

// oracleBundle is a labelled bundle the oracle test runs on.
type oracleBundle struct {
	name string
	dir  string
}

// oracleBundles returns the committed small bundle, a generated one of 60
// pages (chiropractic and pain management, one daily note per page), three
// zoo matters drawn from the development layout families (born-digital
// only), and the
// bundles $MEDCHRON_ORACLE_BUNDLES lists.
func oracleBundles(t *testing.T) []oracleBundle {
	t.Helper()
	ctx := context.Background()
	root, err := filepath.Abs(filepath.Join("..", "..", "testdata", "bundles", "small"))
	if err != nil {
		t.Fatal(err)
	}
	out := []oracleBundle{{"small", root}}
	dir := filepath.Join(t.TempDir(), "bench-60")
	if _, err := fixture.WriteBornDigitalBundle(ctx, dir, fixture.Bench(60)); err != nil {
		t.Fatal(err)
	}
	out = append(out, oracleBundle{"bench-60", dir})
	// Development families only: a held-out family's truth reaches no test
	// until its held-out figure is recorded and it moves to development.
	reg, err := zoo.LoadRegistry(filepath.Join(testutil.RepoRoot(t), zoo.RegistryFile))
	if err != nil {
		t.Fatal(err)
	}
	dev, err := reg.Select(zoo.StatusDev)
	if err != nil {
		t.Fatal(err)
	}
	ms, err := zoo.Generate(zoo.Options{Seed: 11, Matters: 3, Families: dev})
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range ms {
		dir := filepath.Join(t.TempDir(), m.Name)
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		var pdfBytes bytes.Buffer
		if err := fixture.WriteBornDigital(ctx, &pdfBytes, m.Pages); err != nil {
			t.Fatal(err)
		}
		tb, err := m.Truth.Marshal()
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, fixture.BornDigitalFile), pdfBytes.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, fixture.TruthFile), tb, 0o644); err != nil {
			t.Fatal(err)
		}
		out = append(out, oracleBundle{"zoo-" + m.Name, dir})
	}
	// More labelled bundles (folders with truth.json and born-digital.pdf),
	// separated by the list separator, from the environment.
	for _, dir := range filepath.SplitList(os.Getenv("MEDCHRON_ORACLE_BUNDLES")) {
		if dir != "" {
			out = append(out, oracleBundle{filepath.Base(filepath.Dir(dir)) + "-" + filepath.Base(dir), dir})
		}
	}
	return out
}

// run extracts the bundle's born-digital PDF with the LLM extractor
// against an oracle server and builds its chronology.
func run(t *testing.T, b oracleBundle) (chronology.Chronology, fixture.Truth, *Server) {
	t.Helper()
	ctx := context.Background()
	truth, err := fixture.LoadTruth(filepath.Join(b.dir, fixture.TruthFile))
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(b.dir, fixture.BornDigitalFile)
	pages, err := pdf.TextLayer(ctx, file)
	if err != nil {
		t.Fatal(err)
	}
	srv := New(truth)
	hs := httptest.NewServer(srv)
	t.Cleanup(hs.Close)
	ex, err := llm.New(llm.Config{BaseURL: hs.URL + "/v1", Model: Model, Logger: slog.New(slog.DiscardHandler)}, nil)
	if err != nil {
		t.Fatal(err)
	}
	raw, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(raw)
	doc := chronology.Document{Document: extract.Document{ID: "doc-" + b.name, File: fixture.BornDigitalFile, SHA256: hex.EncodeToString(sum[:]), Pages: len(pages)}}
	res, err := ex.Extract(ctx, extract.Document{ID: doc.ID, File: doc.File, SHA256: doc.SHA256, Pages: doc.Pages}, pages)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.PageErrors) > 0 {
		t.Fatalf("page errors %v", res.PageErrors)
	}
	c := chronology.Build(chronology.Matter{ID: b.name, DateOfIncident: truth.IncidentDate, GapDays: truth.GapDays},
		[]chronology.Source{{Document: doc, Pages: pages, Result: res, Extractor: ex.Name(), PromptVersion: ex.PromptVersion()}},
		chronology.Options{})
	return c, truth, srv
}

// TestOracleDownstreamExact is the oracle test: the LLM extractor, asked
// through an OpenAI-compatible server that answers with the true facts of
// each bundle, must give a chronology that scores exactly — encounters,
// ICD-10, bill lines, specials, gaps, duplicate pages, providers — and
// raises exactly the flags the truth implies (missing records, bills
// without records) and no other (no total mismatch, no unknown provider, no
// date without a quote, nothing unverified). Any regression downstream of
// extraction fails it.
func TestOracleDownstreamExact(t *testing.T) {
	for _, b := range oracleBundles(t) {
		t.Run(b.name, func(t *testing.T) {
			t.Parallel() // each bundle has its own oracle server
			c, truth, srv := run(t, b)
			if m := srv.Misses(); len(m) > 0 {
				t.Fatalf("the oracle could not quote %d facts: %q", len(m), m)
			}
			if srv.Requests() == 0 {
				t.Fatal("no request reached the oracle")
			}
			r := eval.Compare(c, datedTruth(truth))
			for _, f := range exactFields {
				s := r.Field(f)
				if s.F1() != 1 {
					t.Errorf("%s F1 %.3f (TP %d FP %d FN %d); missed %v, extra %v", f, s.F1(), s.TP, s.FP, s.FN, s.Missed, s.Extra)
				}
				t.Logf("%s F1 %.3f (%d)", f, s.F1(), s.TP)
			}
			if !r.SpecialsExact() || r.GroundedShare != 1 {
				t.Errorf("specials $%.2f vs truth $%.2f; grounded %.3f", r.SpecialsTotal, r.TruthTotal, r.GroundedShare)
			}
			if len(truth.PageInfo) > 0 {
				z := eval.CompareZoo(c, truth)
				if s := z.Matter.Missing; s.Recall() != 1 || s.FP != 0 {
					t.Errorf("missing records recall %.2f, %d false flags", s.Recall(), s.FP)
				}
				if z.Matter.AdminEntries != 0 {
					t.Errorf("%d entries from administrative pages", z.Matter.AdminEntries)
				}
			}
			checkFlags(t, c, truth)
		})
	}
}

// reFillOrSupply names a pharmacy or a medical supplier.
var reFillOrSupply = regexp.MustCompile(`(?i)\b(pharmacy|drug ?store|medical (equipment|suppl(y|ies))|home medical|dme)\b`)

// dispenser reports whether any name the truth gives provider canonical
// (its own or an alias, as pages print it) names a pharmacy or a supplier:
// "CarePlus Drug" prints "CarePlus Drug Store #2291".
func dispenser(t fixture.Truth, canonical string) bool {
	if reFillOrSupply.MatchString(canonical) {
		return true
	}
	for _, p := range t.Providers {
		if p.Name == canonical && slices.ContainsFunc(p.Aliases, reFillOrSupply.MatchString) {
			return true
		}
	}
	return false
}

// datedTruth is t without its undated records: eval.Compare keys
// encounters and diagnoses by date, and the chronology keeps undated
// records apart (checkFlags checks them against the undated entries).
func datedTruth(t fixture.Truth) fixture.Truth {
	out := t
	out.Encounters = nil
	for _, e := range t.Encounters {
		if !e.Undated {
			out.Encounters = append(out.Encounters, e)
		}
	}
	return out
}

// sameProvider reports whether name is one of the names of the truth's
// provider canonical.
func sameProvider(t fixture.Truth, canonical, name string) bool {
	for _, p := range t.Providers {
		if p.Name != canonical {
			continue
		}
		for _, n := range append([]string{p.Name}, p.Aliases...) {
			if chronology.NormalizeProvider(n) == chronology.NormalizeProvider(name) {
				return true
			}
		}
	}
	return false
}

// checkFlags compares the chronology's flags with those the truth implies.
func checkFlags(t *testing.T, c chronology.Chronology, truth fixture.Truth) {
	t.Helper()
	byKind := map[string][]chronology.Flag{}
	for _, f := range c.Flags {
		byKind[f.Kind] = append(byKind[f.Kind], f)
	}
	for _, kind := range []string{chronology.FlagUngrounded, chronology.FlagBillTotalMismatch, chronology.FlagUnknownProvider,
		chronology.FlagDateNotQuoted, chronology.FlagPageError} {
		if fs := byKind[kind]; len(fs) > 0 {
			t.Errorf("%d %s flags with perfect facts, first: %s", len(fs), kind, fs[0].Message)
		}
	}
	var wantMissing, gotMissing []string
	for _, m := range truth.MissingRecords {
		wantMissing = append(wantMissing, fmt.Sprint(m.Page))
	}
	for _, f := range byKind[chronology.FlagMissingRecords] {
		gotMissing = append(gotMissing, fmt.Sprint(f.Citations[0].Page))
	}
	sort.Strings(wantMissing)
	sort.Strings(gotMissing)
	if !slices.Equal(gotMissing, wantMissing) {
		t.Errorf("missing_records flags cite pages %v, truth %v", gotMissing, wantMissing)
	}
	// A bill line of a provider with no visit within a day of its date;
	// a pharmacy's fills and a supplier's deliveries are no visits, and an
	// anesthesia practice's record is any provider's visit that day.
	want := map[string]bool{}
	for _, bl := range truth.Bills {
		if dispenser(truth, bl.Provider) {
			continue
		}
		anesthesia := strings.Contains(strings.ToLower(bl.Provider), "anesthe") || len(bl.Code) == 5 && bl.Code >= "00100" && bl.Code <= "01999"
		seen := false
		for _, e := range truth.Encounters {
			end := e.Date
			if strings.Contains(e.VisitType, "admission") {
				// A stay runs on while its hospital bills a charge a day.
				for slices.ContainsFunc(truth.Bills, func(o fixture.Bill) bool { return o.Provider == e.Provider && o.Date == end.AddDays(1) }) {
					end = end.AddDays(1)
				}
			}
			if (e.Provider == bl.Provider || anesthesia) && !e.Undated && !bl.Date.Before(e.Date.AddDays(-1)) && !bl.Date.After(end.AddDays(1)) {
				seen = true
			}
		}
		if !seen {
			want[bl.Date.String()] = true
		}
	}
	got := map[string]bool{}
	for _, bl := range c.Bills {
		for _, f := range byKind[chronology.FlagBillWithoutRecord] {
			for _, ct := range f.Citations {
				if slices.Contains(bl.Citations, ct) {
					got[bl.Date.String()] = true
				}
			}
		}
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("bill_without_record on dates %v, truth implies %v", got, want)
	}
	undated := 0
	for _, e := range truth.Encounters {
		if !e.Undated {
			continue
		}
		undated++
		if !slices.ContainsFunc(c.UndatedEntries, func(u chronology.Entry) bool {
			return slices.Contains(e.Pages, u.Citations[0].Page) && sameProvider(truth, e.Provider, u.Provider)
		}) {
			t.Errorf("undated record of %s on pages %v is not an undated entry", e.Provider, e.Pages)
		}
	}
	if len(c.UndatedEntries) != undated || len(byKind[chronology.FlagUndated]) != undated {
		t.Errorf("%d undated entries and %d undated flags, truth has %d undated records", len(c.UndatedEntries), len(byKind[chronology.FlagUndated]), undated)
	}
}
