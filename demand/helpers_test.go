package demand

import (
	"flag"
	"github.com/medchron/medchron/internal/testutil"
	"testing"
	"time"

	"github.com/medchron/medchron/chronology/report/reporttest"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

var testNow = time.Date(2026, 1, 15, 10, 0, 0, 0, time.UTC)

func sampleDraft() Draft {
	return Generate(reporttest.Sample(), Options{Now: testNow})
}

func golden(t *testing.T, name string, got []byte) { testutil.Golden(t, name, got, *update) }
