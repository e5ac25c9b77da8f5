package web_test

import (
	"flag"
	"os"
	"testing"

	"github.com/medchron/medchron/internal/testutil"
)

// TestMain runs four parallel tests at once at least (the browser test,
// the server-mode workflow and the upload that is cut off wait much of
// their time) and removes what the tests made once for all of them.
func TestMain(m *testing.M) {
	flag.Parse()
	testutil.MoreParallel(4)
	code := m.Run()
	removeReviewTemplate()
	os.Exit(code)
}
