package web_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/medchron/medchron/access"
	"github.com/medchron/medchron/chronology"
	"github.com/medchron/medchron/internal/app"
	"github.com/medchron/medchron/internal/fixture"
	"github.com/medchron/medchron/web"
)

// BenchmarkBrowserReview reviews every entry of a generated 75-page matter
// in headless Chromium as a paralegal would, and reports the actions and
// the machine's wall time it takes (page loads, not reading): the first
// half of the entries one at a time from the chronology (open the entry,
// press Verify, go back: the way without the review keys), the second
// half by keyboard (v verifies and opens the next entry to review). Run it
// with -benchtime 1x: one matter is reviewed once.
func BenchmarkBrowserReview(b *testing.B) {
	chromiumPath(b)
	ctx := context.Background()
	h, err := app.Open(ctx, app.Config{DBPath: filepath.Join(b.TempDir(), "m.db"), NoOCR: true, Workers: 2})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { h.Close(context.Background()) })
	if err := h.Start(ctx); err != nil {
		b.Fatal(err)
	}
	st := webStore(b, h.Store)
	paula := testUser(b, "paula", "Paula Paralegal", access.RoleParalegal, acctPassword)
	if err := st.CreateUser(ctx, paula); err != nil {
		b.Fatal(err)
	}
	srv := httptest.NewServer(web.New(web.Config{Store: st, Pipeline: h.Pipeline, Token: token}))
	b.Cleanup(srv.Close)
	dir := b.TempDir()
	truth, err := fixture.WriteBornDigitalBundle(ctx, dir, fixture.Bench(75))
	if err != nil {
		b.Fatal(err)
	}
	const matter = "bench-75"
	req := upload(b, srv.URL+"/api/matters/"+matter+"/documents", map[string]string{"records.pdf": filepath.Join(dir, fixture.BornDigitalFile)},
		map[string]string{"incident_date": truth.IncidentDate.String(), "name": "Review benchmark"})
	if code, body := do(b, req, true); code != http.StatusAccepted {
		b.Fatalf("upload: %d %s", code, body)
	}
	for deadline := time.Now().Add(3 * time.Minute); ; time.Sleep(200 * time.Millisecond) {
		req, _ := http.NewRequest("GET", srv.URL+"/api/matters/"+matter+"/progress", nil)
		_, body := do(b, req, true)
		var pr struct{ Done bool }
		json.Unmarshal(body, &pr)
		if pr.Done {
			break
		}
		if time.Now().After(deadline) {
			b.Fatalf("processing not done: %s", body)
		}
	}
	if err := st.AddMember(ctx, matter, paula.ID); err != nil {
		b.Fatal(err)
	}

	c := newChrome(b, srv.URL, 1280, 900)
	c.signIn("paula", acctPassword, "Paula Paralegal · paralegal")
	chron := "/matters/" + matter + "/chronology"
	c.open(chron)
	n := eval[int](c, `document.querySelectorAll("table.chrono tr.entry.unreviewed").length`)
	if n < 10 {
		b.Fatalf("the matter shows %d entries to review", n)
	}
	b.ResetTimer()

	// One at a time from the chronology, for the first half.
	c.stepf("review %d entries one at a time", n/2)
	start, mouse := time.Now(), 0
	for range n / 2 {
		c.click(`table.chrono tr.entry.unreviewed td.date a`)
		c.click(`.review-actions button[type="submit"]:not([name])`)
		c.click(`.entry-nav a[data-key="b"]`)
		mouse += 3
	}
	mouseTime := time.Since(start)

	// By keyboard for the rest: open the first, then v on each.
	c.stepf("review the other %d entries by keyboard", n-n/2)
	start, keys := time.Now(), 0
	c.click(`table.chrono tr.entry.unreviewed td.date a`)
	keys++
	for range n - n/2 {
		before := c.path()
		c.load("press v", chromedp.KeyEvent("v"))
		keys++
		if strings.SplitN(c.path(), "?", 2)[0] == strings.SplitN(before, "?", 2)[0] {
			break // the last one: no other entry waits for review
		}
	}
	keyTime := time.Since(start)
	b.StopTimer()

	left := 0
	chr, _, err := st.Chronology(ctx, matter)
	if err != nil {
		b.Fatal(err)
	}
	rs, err := st.EntryReviews(ctx, matter)
	if err != nil {
		b.Fatal(err)
	}
	chronology.ApplyReviews(&chr, rs)
	for _, e := range chr.Entries {
		if !e.Reviewed() {
			left++
		}
	}
	if left != 0 {
		b.Fatalf("%d entries left unreviewed after the review", left)
	}
	half := float64(n / 2)
	b.ReportMetric(float64(n), "entries")
	b.ReportMetric(float64(mouse)/half, "actions/entry-one-at-a-time")
	b.ReportMetric(mouseTime.Seconds()/half, "s/entry-one-at-a-time")
	b.ReportMetric(float64(keys)/float64(n-n/2), "actions/entry-keys")
	b.ReportMetric(keyTime.Seconds()/float64(n-n/2), "s/entry-keys")
	b.ReportMetric(float64(mouse)/half*float64(n), "actions-all-one-at-a-time")
	b.ReportMetric(float64(keys)/float64(n-n/2)*float64(n), "actions-all-keys")
}
