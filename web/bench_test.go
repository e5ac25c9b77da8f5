package web_test

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/medchron/medchron/access"
	"github.com/medchron/medchron/chronology"
	"github.com/medchron/medchron/extract"
	"github.com/medchron/medchron/extract/dates"
	"github.com/medchron/medchron/internal/app"
	"github.com/medchron/medchron/web"
)

// syntheticChronology builds a matter of n entries over 20 providers,
// two citations each, a gap every 100 entries, a bill per 4 entries, and
// flags and duplicate pages like a large real matter.
func syntheticChronology(matterID string, n int) chronology.Chronology {
	c := chronology.Chronology{Schema: chronology.SchemaVersion,
		Matter: chronology.Matter{ID: matterID, Name: "Benchmark", DateOfIncident: dates.New(2020, 1, 10), GapDays: 30}}
	const docs = 10
	pagesPer := n/docs + 1
	for d := range docs {
		c.Documents = append(c.Documents, chronology.Document{Document: extract.Document{ID: fmt.Sprintf("doc-%016d", d), File: fmt.Sprintf("records-%d.pdf", d), Pages: pagesPer}, BatesFirst: fmt.Sprintf("MC%06d", d*pagesPer+1)})
	}
	for p := range 20 {
		c.Providers = append(c.Providers, chronology.Provider{ID: fmt.Sprintf("p%02d", p), Name: fmt.Sprintf("Provider %02d Medical Group", p), Kind: "orthopedics"})
	}
	day := dates.New(2019, 6, 1)
	for i := range n {
		step := 1
		if i%100 == 99 {
			step = 45
		}
		day = day.AddDays(step)
		p := c.Providers[i%20]
		doc := c.Documents[i%docs]
		page := i/docs + 1
		quote := fmt.Sprintf("Date of Service: %s", day)
		e := chronology.Entry{ID: fmt.Sprintf("e%05d", i), Date: day, ProviderID: p.ID, Provider: p.Name, Clinician: "Jane Doe, MD",
			VisitType:  []string{"office visit", "physical therapy", "imaging", "consultation"}[i%4],
			Complaints: "Neck and low back pain after the collision, worse with sitting and lifting.",
			Summary:    strings.Repeat("Follow-up for cervical strain with radicular symptoms; continue therapy. ", 4),
			Diagnoses:  []extract.Coded{{Code: "S13.4XXA", Description: "Sprain of ligaments of cervical spine"}, {Code: "M54.2", Description: "Cervicalgia"}},
			Citations: []extract.Citation{{DocumentID: doc.ID, Page: page, Quote: quote},
				{DocumentID: doc.ID, Page: page, Quote: "Assessment: cervical strain"}},
			Grounded: i%17 != 0, PreIncident: day.Before(c.Matter.DateOfIncident), Review: chronology.ReviewUnreviewed}
		c.Entries = append(c.Entries, e)
		if i%4 == 0 {
			c.Bills = append(c.Bills, chronology.Bill{ID: fmt.Sprintf("b%05d", i), Date: day, ProviderID: p.ID, Provider: p.Name,
				Code: "99213", Description: "Office visit", Charge: 185.50, Citations: []extract.Citation{{DocumentID: doc.ID, Page: page, Quote: "99213 185.50"}}, Grounded: true})
			c.Specials.TotalCharges += 185.50
		}
		if i%100 == 99 {
			prev := c.Entries[i-1]
			c.Gaps = append(c.Gaps, chronology.Gap{From: prev.Date, To: day, Days: prev.Date.DaysUntil(day), AfterEntryID: prev.ID, BeforeEntryID: e.ID})
		}
		if i%50 == 0 {
			c.Flags = append(c.Flags, chronology.Flag{Kind: chronology.FlagMissingRecords, Message: "Referral without a record.", EntryIDs: []string{e.ID}})
		}
	}
	for _, p := range c.Providers {
		c.Specials.ByProvider = append(c.Specials.ByProvider, chronology.ProviderSpecial{ProviderID: p.ID, Provider: p.Name, Charges: c.Specials.TotalCharges / 20})
	}
	return c
}

// BenchmarkChronologyPage renders the chronology page of a 2,000-entry
// matter, a quarter of it reviewed, through the handler and the embedded
// store, and reports the median and 95th percentile time per page.
func BenchmarkChronologyPage(b *testing.B) {
	ctx := context.Background()
	e, err := app.OpenEmbedded(ctx, app.Config{DBPath: filepath.Join(b.TempDir(), "m.db"), NoOCR: true})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { e.Close(context.Background()) })
	st := webStore(b, e.Store)
	const matter = "bench"
	c := syntheticChronology(matter, 2000)
	if err := st.PutMatter(ctx, c.Matter); err != nil {
		b.Fatal(err)
	}
	if err := st.PutChronology(ctx, matter, 1, c); err != nil {
		b.Fatal(err)
	}
	u := testUser(b, "bench", "", access.RoleParalegal, "correct horse battery")
	u.ID = "u-bench"
	if err := st.CreateUser(ctx, u); err != nil {
		b.Fatal(err)
	}
	if err := st.AddMember(ctx, matter, u.ID); err != nil {
		b.Fatal(err)
	}
	var rs []chronology.EntryReview
	for i := 0; i < len(c.Entries); i += 4 {
		rs = append(rs, chronology.EntryReview{MatterID: matter, EntryID: c.Entries[i].ID, State: chronology.ReviewVerified, UserID: u.ID, Username: u.Username, At: time.Now()})
	}
	if err := st.AddEntryReviews(ctx, rs); err != nil {
		b.Fatal(err)
	}
	sess, tok := access.NewSession(u.ID, time.Now())
	if err := st.CreateSession(ctx, sess); err != nil {
		b.Fatal(err)
	}
	h := web.New(web.Config{Store: st})
	var times []time.Duration
	b.ResetTimer()
	for b.Loop() {
		req := httptest.NewRequest("GET", "/matters/"+matter+"/chronology", nil)
		req.AddCookie(&http.Cookie{Name: "medchron_session", Value: tok})
		rec := httptest.NewRecorder()
		start := time.Now()
		h.ServeHTTP(rec, req)
		times = append(times, time.Since(start))
		if rec.Code != http.StatusOK {
			b.Fatalf("chronology page: %d", rec.Code)
		}
		if rows := strings.Count(rec.Body.String(), `<tr id="entry-`); rows != len(c.Entries) {
			b.Fatalf("%d rows, want %d", rows, len(c.Entries))
		}
	}
	b.StopTimer()
	sort.Slice(times, func(i, j int) bool { return times[i] < times[j] })
	pct := func(p float64) float64 {
		return float64(times[int(p*float64(len(times)-1))].Microseconds()) / 1000
	}
	b.ReportMetric(pct(0.50), "p50-ms")
	b.ReportMetric(pct(0.95), "p95-ms")
}
