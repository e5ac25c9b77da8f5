package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/medchron/medchron/internal/fixture"
)

// TestChaosKill9 runs server mode on PostgreSQL (serve for the API, two
// worker processes) over a generated scanned bundle (MEDCHRON_CHAOS_PAGES
// pages, 500 by default) while a worker is killed with SIGKILL and
// replaced, MEDCHRON_CHAOS_KILLS times (20 by default), spread over the
// run. The chronology must be the embedded mode's for the same bundle,
// with every page stored once. It runs in make bench (scripts/chaos.sh),
// only when MEDCHRON_CHAOS=1: it takes minutes.
func TestChaosKill9(t *testing.T) {
	if os.Getenv("MEDCHRON_CHAOS") != "1" {
		t.Skip("set MEDCHRON_CHAOS=1 (make bench runs it)")
	}
	pages, kills := envInt("MEDCHRON_CHAOS_PAGES", 500), envInt("MEDCHRON_CHAOS_KILLS", 20)
	dir := filepath.Join(os.TempDir(), "medchron-chaos-"+strconv.Itoa(pages))
	if _, err := os.Stat(filepath.Join(dir, "truth.json")); err != nil {
		if _, err := fixture.WriteBundle(context.Background(), dir, fixture.Bench(pages)); err != nil {
			t.Fatal(err)
		}
	}
	bundle := filepath.Join(dir, "scanned.pdf")
	data, err := os.ReadFile(bundle)
	if err != nil {
		t.Fatal(err)
	}
	dsn := testDatabase(t)
	env := []string{"DATABASE_URL=" + dsn, "MEDCHRON_API_TOKEN=tok", "MEDCHRON_RESCUE_AFTER=2m", "MEDCHRON_OCR_TIMEOUT=90s",
		"XDG_CACHE_HOME=" + t.TempDir(), "MEDCHRON_KEY_FILE=" + filepath.Join(t.TempDir(), "medchron.key")}
	if out, err := runWith(env, binary(t), "migrate"); err != nil {
		t.Fatalf("migrate: %v\n%s", err, out)
	}
	addr := freeAddr(t)
	start(t, env, "serve", "--addr", addr, "--workers", "0")
	a := api{t: t, base: "http://" + addr}
	waitHealthy(t, a.base)
	workers := []*proc{start(t, env, "worker", "--workers", "1"), start(t, env, "worker", "--workers", "1")}

	begin := time.Now()
	a.upload("chaos", "scanned.pdf", data)
	// Kill one worker every few seconds while pages remain, each time
	// starting another in its place.
	killed := 0
	for killed < kills {
		time.Sleep(time.Duration(3000+rand.IntN(4000)) * time.Millisecond)
		done, n := a.progress("chaos")
		if done || n >= pages {
			break
		}
		i := rand.IntN(len(workers))
		workers[i].cmd.Process.Kill()
		workers[i].cmd.Wait()
		workers[i] = start(t, env, "worker", "--workers", "1")
		killed++
	}
	a.waitDone("chaos", 2*time.Hour)
	took := time.Since(begin)
	got := a.chronology("chaos")

	ctx := context.Background()
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	var stored, distinct, rescued int
	conn.QueryRow(ctx, `SELECT count(*), count(DISTINCT (document_id, page)) FROM pages`).Scan(&stored, &distinct)
	conn.QueryRow(ctx, `SELECT count(*) FROM river_job WHERE attempt > 1`).Scan(&rescued)
	if stored != pages || distinct != pages {
		t.Errorf("%d pages stored (%d distinct), want %d once each", stored, distinct, pages)
	}

	tmp := t.TempDir()
	code, stdout, stderr := run(t, "process", "--quiet", "--db", filepath.Join(tmp, "m.db"), "--out", filepath.Join(tmp, "out"),
		"--matter", "chaos", "--incident-date", "2023-12-06", bundle)
	if code != 0 {
		t.Fatalf("embedded run: %d\n%s\n%s", code, stdout, stderr)
	}
	want := readChronology(t, filepath.Join(tmp, "out"))
	want.GeneratedAt = ""
	gj, _ := json.Marshal(got)
	wj, _ := json.Marshal(want)
	if !bytes.Equal(gj, wj) {
		t.Errorf("the chronology after %d kills differs from the embedded run's:\nserver:   %.600s\nembedded: %.600s", killed, gj, wj)
	}
	t.Logf("chaos: %d pages, %d workers killed with SIGKILL, %d jobs run more than once, done in %s; %d entries, %d bills, identical to the embedded run: %v",
		pages, killed, rescued, took.Round(time.Second), len(got.Entries), len(got.Bills), bytes.Equal(gj, wj))
	if killed < kills {
		t.Errorf("only %d of %d kills happened before the work was done: use more pages", killed, kills)
	}
}

func envInt(name string, def int) int {
	if v, err := strconv.Atoi(os.Getenv(name)); err == nil && v > 0 {
		return v
	}
	return def
}

// runWith runs bin with args and env added to the environment, and
// returns its combined output.
func runWith(env []string, bin string, args ...string) ([]byte, error) {
	cmd := exec.Command(bin, args...)
	cmd.Env = append(os.Environ(), env...)
	return cmd.CombinedOutput()
}
