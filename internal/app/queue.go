package app

import (
	"context"
	"fmt"

	"github.com/medchron/medchron/store"
	"github.com/riverqueue/river"
	"github.com/riverqueue/river/rivertype"
)

// riverQueue implements pipeline.Queue over a River client whose driver
// transaction type is TTx (*sql.Tx for SQLite, pgx.Tx for PostgreSQL).
type riverQueue[TTx any] struct {
	client *river.Client[TTx]
}

func (q riverQueue[TTx]) InsertTx(ctx context.Context, tx store.Tx, jobs ...river.InsertManyParams) error {
	if len(jobs) == 0 {
		return nil
	}
	raw, ok := tx.Raw().(TTx)
	if !ok {
		return fmt.Errorf("queue: transaction of type %T, want %T", tx.Raw(), raw)
	}
	_, err := q.client.InsertManyTx(ctx, raw, jobs)
	return err
}

func riverQueueOf[TTx any](c *river.Client[TTx]) riverQueue[TTx] { return riverQueue[TTx]{client: c} }

// activeStates are the states of a job that is not finished.
var activeStates = []rivertype.JobState{
	rivertype.JobStateAvailable,
	rivertype.JobStatePending,
	rivertype.JobStateRunning,
	rivertype.JobStateRetryable,
	rivertype.JobStateScheduled,
}

// Active reports 1 if any job is unfinished, else 0.
func (q riverQueue[TTx]) Active(ctx context.Context) (int, error) {
	res, err := q.client.JobList(ctx, river.NewJobListParams().States(activeStates...).First(1))
	if err != nil {
		return 0, err
	}
	return len(res.Jobs), nil
}

// JobControl inserts jobs outside any transaction and reports on them, for
// operator commands such as reprocess.
type JobControl interface {
	// Insert inserts jobs and returns their ids; a job skipped as a
	// duplicate of one already queued returns that job's id.
	Insert(ctx context.Context, jobs ...river.InsertManyParams) ([]int64, error)
	// States counts the given jobs by state.
	States(ctx context.Context, ids []int64) (map[rivertype.JobState]int, error)
}

func (q riverQueue[TTx]) Insert(ctx context.Context, jobs ...river.InsertManyParams) ([]int64, error) {
	if len(jobs) == 0 {
		return nil, nil
	}
	res, err := q.client.InsertMany(ctx, jobs)
	if err != nil {
		return nil, err
	}
	ids := make([]int64, len(res))
	for i, r := range res {
		ids[i] = r.Job.ID
	}
	return ids, nil
}

func (q riverQueue[TTx]) States(ctx context.Context, ids []int64) (map[rivertype.JobState]int, error) {
	out := map[rivertype.JobState]int{}
	const batch = 500
	for i := 0; i < len(ids); i += batch {
		part := ids[i:min(i+batch, len(ids))]
		res, err := q.client.JobList(ctx, river.NewJobListParams().IDs(part...).First(len(part)))
		if err != nil {
			return nil, err
		}
		for _, j := range res.Jobs {
			out[j.State]++
		}
		// Jobs already cleaned away after completion are counted completed.
		out[rivertype.JobStateCompleted] += len(part) - len(res.Jobs)
	}
	return out, nil
}
