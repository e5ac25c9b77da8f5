package app

import (
	"context"
	"fmt"

	"github.com/riverqueue/river"
	"github.com/riverqueue/river/rivertype"

	"github.com/medchron/medchron/pipeline"
)

// riverQueue implements pipeline.Queue over a River client whose driver
// transaction type is TTx (*sql.Tx for SQLite, pgx.Tx for PostgreSQL).
type riverQueue[TTx any] struct {
	client *river.Client[TTx]
}

func (q riverQueue[TTx]) InsertTx(ctx context.Context, tx pipeline.Tx, jobs ...river.InsertManyParams) error {
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
