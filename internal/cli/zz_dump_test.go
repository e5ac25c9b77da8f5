package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/medchron/medchron/store/sqlite"
)

func TestZZDump(t *testing.T) {
	dir := sharedDir(t, "synthea", "notes-and-truth")
	tf := filepath.Join(dir, os.Getenv("ZZ_PATIENT")+"__truth.json")
	var truth syntheaTruth
	b, _ := os.ReadFile(tf)
	json.Unmarshal(b, &truth)
	tmp := t.TempDir()
	file := filepath.Join(tmp, "patient.pdf")
	renderSynthea(t, dir, truth, file)
	out := filepath.Join(tmp, "out")
	run(t, "process", "--quiet", "--extractor", "rules", "--db", filepath.Join(tmp, "m.db"), "--out", out, file)
	c := readChronology(t, out)
	st, _ := sqlite.Open(context.Background(), filepath.Join(tmp, "m.db"))
	defer st.Close()
	pages, _ := st.PageTexts(context.Background(), c.Documents[0].ID)
	for _, p := range pages[:6] {
		fmt.Printf("=== page %d\n%s\n", p.Number, p.Text)
	}
	for _, e := range c.Entries {
		fmt.Println(e.Date, "|", e.Provider)
	}
}
