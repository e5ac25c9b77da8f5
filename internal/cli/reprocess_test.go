package cli

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// TestReprocess: a dry run says what would be done and changes nothing; a
// real run re-extracts and rebuilds with nothing stored twice; asking for
// the extractor the documents already have skips them unless --force.
func TestReprocess(t *testing.T) {
	t.Parallel()
	db, shared := sharedCopy(t) // the born-digital bundle, processed
	before := readChronology(t, shared)

	code, stdout, stderr := run(t, "reprocess", "--db", db, "--matter", "shared", "--dry-run")
	if code != 0 || !strings.Contains(stdout, "would reprocess 1 document(s) in 1 matter(s): 16 page(s)") || !strings.Contains(stdout, "estimated time") {
		t.Fatalf("dry run: %d\n%s\n%s", code, stdout, stderr)
	}

	code, stdout, stderr = run(t, "reprocess", "--db", db, "--matter", "shared", "--quiet")
	if code != 0 || !strings.Contains(stdout, "reprocessing 1 document(s)") {
		t.Fatalf("reprocess: %d\n%s\n%s", code, stdout, stderr)
	}
	code, stdout, stderr = run(t, "reprocess", "--db", db, "--matter", "shared", "--extractor", "rules", "--quiet")
	if code != 0 || !strings.Contains(stdout, "1 document(s) already extracted this way skipped") {
		t.Fatalf("reprocess with the same extractor: %d\n%s\n%s", code, stdout, stderr)
	}
	code, _, stderr = run(t, "reprocess", "--db", db, "--all", "--force", "--extractor", "rules", "--quiet")
	if code != 0 {
		t.Fatalf("reprocess --all --force: %d\n%s", code, stderr)
	}

	// Same chronology, nothing stored twice (the matter keeps its incident
	// date when process is not given one).
	out2 := filepath.Join(t.TempDir(), "out2")
	if code, so, se := run(t, "process", "--quiet", "--db", db, "--out", out2, "--matter", "shared", sharedBundle(t)); code != 0 {
		t.Fatalf("process again: %d\n%s\n%s", code, so, se)
	}
	after := readChronology(t, out2)
	before.GeneratedAt, after.GeneratedAt = "", ""
	b1, _ := json.Marshal(before)
	b2, _ := json.Marshal(after)
	if !bytes.Equal(b1, b2) {
		t.Error("the chronology changed after reprocessing unchanged records")
	}

	for _, bad := range [][]string{{"reprocess", "--db", db}, {"reprocess", "--db", db, "--matter", "shared", "--all"}, {"reprocess", "--db", db, "--matter", "nope"}} {
		if code, _, _ := run(t, bad...); code == 0 {
			t.Errorf("%v succeeded", bad)
		}
	}
}
