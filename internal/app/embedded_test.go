package app

import (
	"context"
	"database/sql"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"sort"
	"sync/atomic"
	"testing"
	"time"

	"github.com/riverqueue/river"
	"github.com/riverqueue/river/riverdriver"
	"github.com/riverqueue/river/riverdriver/riversqlite"
	"github.com/riverqueue/river/rivermigrate"

	"github.com/medchron/medchron/pipeline"
	"github.com/medchron/medchron/store"
	"github.com/medchron/medchron/store/sqlite"
)

// countingDriver counts the job fetches (JobGetAvailable) of the default
// queue's producer of a River client on SQLite.
type countingDriver struct {
	*wakeDriver
	fetches *atomic.Int64
}

func (d countingDriver) GetExecutor() riverdriver.Executor {
	return countingExecutor{Executor: d.wakeDriver.GetExecutor(), fetches: d.fetches}
}

type countingExecutor struct {
	riverdriver.Executor
	fetches *atomic.Int64
}

func (e countingExecutor) JobGetAvailable(ctx context.Context, params *riverdriver.JobGetAvailableParams) (*riverdriver.JobGetAvailableResult, error) {
	if params.Queue == pipeline.QueueDefault {
		e.fetches.Add(1)
	}
	return e.Executor.JobGetAvailable(ctx, params)
}

type handOffArgs struct {
	N int `json:"n"`
}

func (handOffArgs) Kind() string { return "test_hand_off" }

type handOffWorker struct {
	river.WorkerDefaults[handOffArgs]
	worked chan time.Time
}

func (w *handOffWorker) Work(context.Context, *river.Job[handOffArgs]) error {
	w.worked <- time.Now()
	return nil
}

// embeddedClient starts a River client configured as the embedded mode's
// (with change applied to its configuration, on its driver) on a new
// SQLite store.
func embeddedClient(t *testing.T, change func(*river.Config)) (*sqlite.Store, *river.Client[*sql.Tx], *handOffWorker, *atomic.Int64) {
	t.Helper()
	ctx := context.Background()
	wake := newWaker()
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "m.db"), sqlite.WithCommitHook(wake.committed))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	migrator, err := rivermigrate.New(riversqlite.New(st.DB()), nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := migrator.Migrate(ctx, rivermigrate.DirectionUp, nil); err != nil {
		t.Fatal(err)
	}
	w := &handOffWorker{worked: make(chan time.Time, 1)}
	workers := river.NewWorkers()
	river.AddWorker(workers, w)
	cfg := embeddedRiverConfig(workers, 2, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if testing.Verbose() {
		cfg.Logger = slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelDebug}))
	}
	if change != nil {
		change(cfg)
	}
	fetches := &atomic.Int64{}
	client, err := river.NewClient[*sql.Tx](countingDriver{wakeDriver: newWakeDriver(st.DB(), wake), fetches: fetches}, cfg)
	if err != nil {
		t.Fatal(err)
	}
	if err := client.Start(ctx); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = client.Stop(sctx)
	})
	return st, client, w, fetches
}

// While OCR pages run for seconds, the default queue is idle: it must not
// ask the database for work many times a second (each fetch is a prepared
// UPDATE, some 0.6 ms of CPU taken from Tesseract). (The OCR queue's
// polls cost nothing then: all its slots are busy.)
func TestEmbeddedQueuesDoNotPollBusily(t *testing.T) {
	_, _, _, fetches := embeddedClient(t, nil)
	time.Sleep(300 * time.Millisecond) // the producers' first fetches
	before := fetches.Load()
	const idle = 2 * time.Second
	time.Sleep(idle)
	n := fetches.Load() - before
	// A poll a second is River's default.
	t.Logf("%d job fetches in %v of idleness", n, idle)
	if max := int64(2 * (idle / time.Second)); n > max {
		t.Errorf("%d job fetches in %v of idleness, want at most %d", n, idle, max)
	}
}

// A stage queues the next one inside its transaction; the job must be
// worked soon after the commit without waiting for a poll of the queue
// (River's SQLite listener reads the insert notification written in the
// same transaction) nor for the listener's own next read, 50 ms later
// (the commit wakes it).
func TestEmbeddedHandOffWithoutPolling(t *testing.T) {
	st, client, w, _ := embeddedClient(t, func(cfg *river.Config) {
		for name, q := range cfg.Queues {
			q.FetchPollInterval = time.Minute
			cfg.Queues[name] = q
		}
		cfg.FetchPollInterval = time.Minute
	})
	ctx := context.Background()
	q := riverQueue[*sql.Tx]{client: client}
	time.Sleep(300 * time.Millisecond) // the producers' first fetches
	var waits []time.Duration
	for i := range 5 {
		err := st.WithTx(ctx, func(ctx context.Context, tx store.Tx) error {
			return q.InsertTx(ctx, tx, river.InsertManyParams{Args: handOffArgs{N: i},
				InsertOpts: &river.InsertOpts{Queue: pipeline.QueueDefault}})
		})
		if err != nil {
			t.Fatal(err)
		}
		committed := time.Now()
		select {
		case at := <-w.worked:
			waits = append(waits, at.Sub(committed))
		case <-time.After(10 * time.Second):
			t.Fatalf("hand-off %d: job not worked 10 s after its commit", i)
		}
	}
	sort.Slice(waits, func(i, j int) bool { return waits[i] < waits[j] })
	t.Logf("hand-offs: %v", waits)
	if waits[2] > 25*time.Millisecond {
		t.Errorf("median hand-off %v (all %v), want a few milliseconds", waits[2], waits)
	}
}
