package firmtemplate

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/medchron/medchron/internal/docx"
	"github.com/medchron/medchron/internal/docx/docxtest"
	"github.com/medchron/medchron/store"
)

// files is a store.FirmFiles in memory that counts the reads of a file's
// data.
type files struct {
	f     *store.FirmFile
	reads int
}

func (m *files) PutFirmFile(_ context.Context, f store.FirmFile) error { m.f = &f; return nil }
func (m *files) DeleteFirmFile(context.Context, string) error          { m.f = nil; return nil }

func (m *files) FirmFile(_ context.Context, name string) (store.FirmFile, error) {
	if m.f == nil || m.f.Name != name {
		return store.FirmFile{}, store.ErrNotFound
	}
	m.reads++
	return *m.f, nil
}

func (m *files) FirmFileStamp(ctx context.Context, name string) (store.FirmFile, error) {
	if m.f == nil || m.f.Name != name {
		return store.FirmFile{}, store.ErrNotFound
	}
	return store.FirmFile{Name: name, By: m.f.By, At: m.f.At}, nil
}

func TestSource(t *testing.T) {
	ctx := context.Background()
	def, err := docx.ParseTemplate(docxtest.Template())
	if err != nil {
		t.Fatal(err)
	}
	m := &files{}
	src := Source{Files: m, Default: def}
	if tpl, err := src.Template(ctx); tpl != def || err != nil {
		t.Fatalf("none stored: %p, %v; want the default", tpl, err)
	}
	at := time.Date(2026, 12, 6, 9, 0, 0, 0, time.UTC)
	_ = m.PutFirmFile(ctx, store.FirmFile{Name: store.FirmTemplate, Data: docxtest.Template(), By: "ada", At: at})
	first, err := src.Template(ctx)
	if err != nil || first == nil || first == def {
		t.Fatalf("stored: %p, %v; want the stored template", first, err)
	}
	again, err := src.Template(ctx)
	if err != nil || again != first || m.reads != 1 {
		t.Fatalf("asked again: same parse %v, %d reads of the data; want the parsed copy and 1 read", again == first, m.reads)
	}
	_ = m.PutFirmFile(ctx, store.FirmFile{Name: store.FirmTemplate, Data: docxtest.Template(), By: "bea", At: at.Add(time.Minute)})
	if next, err := src.Template(ctx); err != nil || next == first || m.reads != 2 {
		t.Fatalf("a new upload: reparsed %v, %d reads; want a new parse", next != first, m.reads)
	}
	_ = m.PutFirmFile(ctx, store.FirmFile{Name: store.FirmTemplate, Data: []byte("not a zip"), By: "cy", At: at.Add(time.Hour)})
	if _, err := src.Template(ctx); err == nil || !strings.Contains(err.Error(), "uploaded by cy") {
		t.Fatalf("a broken upload: %v, want an error naming who uploaded it", err)
	}
	_ = m.DeleteFirmFile(ctx, store.FirmTemplate)
	if tpl, err := src.Template(ctx); tpl != def || err != nil {
		t.Fatalf("deleted: %p, %v; want the default", tpl, err)
	}
	if tpl, err := (&Source{}).Template(ctx); tpl != nil || err != nil {
		t.Fatalf("no store, no default: %p, %v", tpl, err)
	}
}
