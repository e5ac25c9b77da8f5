package export

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/medchron/medchron/chronology"
	"github.com/medchron/medchron/chronology/report/reporttest"
	"github.com/medchron/medchron/demand"
)

func TestWriteAll(t *testing.T) {
	c := reporttest.Sample()
	d := demand.Generate(c, demand.Options{Now: time.Date(2026, 1, 15, 10, 0, 0, 0, time.UTC)})
	dir := filepath.Join(t.TempDir(), "out")
	// An old file is replaced, not appended to.
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, FileJSON), []byte("stale and much longer than nothing"), 0o644); err != nil {
		t.Fatal(err)
	}

	paths, err := WriteAll(context.Background(), dir, c, d, Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{FileJSON, FileCSV, FileXLSX, FileHTML, FileDOCX, FileDemandDOCX, FileDemandMD, FileAdjusterMD}
	var names []string
	for _, p := range paths {
		names = append(names, filepath.Base(p))
		if fi, err := os.Stat(p); err != nil || fi.Size() == 0 {
			t.Errorf("%s: %v, size %v", p, err, fi)
		}
	}
	if !slices.Equal(names, want) {
		t.Errorf("paths = %q, want %q", names, want)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != len(want) {
		var all []string
		for _, e := range entries {
			all = append(all, e.Name())
		}
		t.Errorf("folder holds %q: temporary files left behind?", all)
	}
	b, err := os.ReadFile(filepath.Join(dir, FileJSON))
	if err != nil {
		t.Fatal(err)
	}
	var back chronology.Chronology
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatalf("chronology.json: %v", err)
	}
	if len(back.Entries) != len(c.Entries) {
		t.Errorf("chronology.json has %d entries, want %d", len(back.Entries), len(c.Entries))
	}
}

func TestWriteAllCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	dir := t.TempDir()
	paths, err := WriteAll(ctx, dir, reporttest.Sample(), demand.Draft{}, Options{})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
	if len(paths) != 0 {
		t.Errorf("wrote %q after cancellation", paths)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("folder is not empty: %d files", len(entries))
	}
}

func TestWriteAtomicFailureLeavesNoTemp(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "x.txt")
	if err := os.WriteFile(path, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	boom := errors.New("boom")
	err := writeAtomic(path, func(w io.Writer) error {
		_, _ = w.Write([]byte("half"))
		return boom
	})
	if !errors.Is(err, boom) {
		t.Errorf("err = %v, want boom", err)
	}
	if b, _ := os.ReadFile(path); string(b) != "old" {
		t.Errorf("a failed write changed the file to %q", b)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("%d files in the folder, want 1", len(entries))
	}
}
