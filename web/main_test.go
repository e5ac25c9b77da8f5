package web_test

import (
	"os"
	"testing"
)

// TestMain removes what the tests made once for all of them.
func TestMain(m *testing.M) {
	code := m.Run()
	removeReviewTemplate()
	os.Exit(code)
}
