package app

import (
	"context"
	"errors"
	"testing"
)

// fakeRunner records how stopJobs stopped it.
type fakeRunner struct {
	stopErr, cancelErr error
	stopped, cancelled bool
}

func (f *fakeRunner) Stop(ctx context.Context) error {
	f.stopped = true
	if _, ok := ctx.Deadline(); !ok {
		return errors.New("Stop without a deadline")
	}
	return f.stopErr
}

func (f *fakeRunner) StopAndCancel(ctx context.Context) error {
	f.cancelled = true
	return f.cancelErr
}

func TestStopJobs(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name               string
		stopErr, cancelErr error
		wantCancel, errs   bool
	}{
		{"jobs finish in time", nil, nil, false, false},
		{"grace runs out: cancelled", context.DeadlineExceeded, nil, true, false},
		{"cancel fails", context.DeadlineExceeded, errors.New("stuck"), true, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			f := &fakeRunner{stopErr: tc.stopErr, cancelErr: tc.cancelErr}
			err := stopJobs(context.Background(), f)
			if !f.stopped || f.cancelled != tc.wantCancel || (err != nil) != tc.errs {
				t.Errorf("stopped %v cancelled %v err %v", f.stopped, f.cancelled, err)
			}
		})
	}
}
