package cli

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/medchron/medchron/internal/fixture/zoo"
	"github.com/medchron/medchron/internal/realdocs"
)

// TestEvalZoo runs eval on one born-digital zoo matter of three families
// and checks the per-family tables and the held-out record rows.
func TestEvalZoo(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	fams := []string{"ed_record", "ub04", "fax_cover"}
	if _, err := zoo.WriteSet(context.Background(), dir, zoo.Options{Seed: 2, Matters: 1, Families: fams}, zoo.WriteOptions{}); err != nil {
		t.Fatal(err)
	}
	reg := "# test registry\nfamily\tgroup\tbatch\tstatus\n"
	for _, n := range zoo.Names() {
		status := "heldout"
		if n == "ub04" {
			status = "dev"
		}
		reg += n + "\t" + zoo.GroupOf(n) + "\tA\t" + status + "\n"
	}
	regPath := filepath.Join(t.TempDir(), "families.tsv")
	if err := os.WriteFile(regPath, []byte(reg), 0o644); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := run(t, "eval", "--truth", dir, "--extractor", "rules", "--registry", regPath, "--heldout-record", "abc1234")
	if code != 0 {
		t.Fatalf("exit %d\nstdout:\n%s\nstderr:\n%s", code, stdout, stderr)
	}
	for _, want := range []string{
		"| matter-01/born-digital.pdf | rules |",
		"### Layout families",
		"| metric | development families (0 matter renderings) | held-out families (0 matter renderings) | real documents |",
		"1 matter rendering(s) mixed development and held-out families",
		"| ed_record | clinical | A | heldout |",
		"| ub04 | bill | A | dev |",
		"### Held-out record rows",
		"| ed_record | clinical | A | ",
	} {
		if !strings.Contains(stdout, want) {
			t.Errorf("output lacks %q:\n%s", want, stdout)
		}
	}
	if strings.Contains(stdout[strings.Index(stdout, "### Held-out record rows"):], "| ub04 |") {
		t.Errorf("a dev family got a held-out record row:\n%s", stdout)
	}
	if code, _, stderr := run(t, "eval", "--truth", dir, "--registry", filepath.Join(dir, "none.tsv")); code == 0 || !strings.Contains(stderr, "none.tsv") {
		t.Errorf("a missing registry: exit %d, stderr %q", code, stderr)
	}
}

func TestRealColumn(t *testing.T) {
	t.Parallel()
	rep := realdocs.Report{Results: []realdocs.Result{
		{Rendering: realdocs.RenderingClean, Record: true, Dated: true, DateRight: true, ProvRight: true},
		{Rendering: realdocs.RenderingClean, Record: true, Dated: true, Invented: 2},
		{Rendering: realdocs.RenderingScanned, Record: true, Undated: true, UndatedFlagged: true},
		{Rendering: realdocs.RenderingScanned, Record: false, NonRecordClean: true},
		{Rendering: realdocs.RenderingImage, Skipped: "no image renderer"},
	}}
	col := realColumn(rep)
	for metric, want := range map[string]string{
		"encounters (date + provider) F1, born-digital": "right date 1 of 2, right provider 1 of 2, 2 invented date(s)",
		"encounters (date + provider) F1, scanned":      "right date 0 of 0, right provider 0 of 1, 0 invented date(s)",
		"undated records flagged":                       "1 of 1",
		"entries from administrative pages":             "non-records without entries: 1 of 1",
	} {
		if col[metric] != want {
			t.Errorf("%s: %q, want %q", metric, col[metric], want)
		}
	}
}
