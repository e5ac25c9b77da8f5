package storetest

import (
	"bytes"
	"errors"
	"testing"
	"time"

	"github.com/medchron/medchron/store"
)

// RunFirmFiles runs the firm files suite on the store open returns: a
// file stored, replaced, read back and deleted, and ErrNotFound for a
// name with none.
func RunFirmFiles(t *testing.T, open func(t *testing.T) store.FirmFiles) {
	t.Run("firm_files", func(t *testing.T) {
		t.Parallel()
		s := open(t)
		name := "firm-" + string(newIDs(t))
		if _, err := s.FirmFile(ctx(t), name); !errors.Is(err, store.ErrNotFound) {
			t.Fatalf("FirmFile of a name with none: %v, want ErrNotFound", err)
		}
		if err := s.DeleteFirmFile(ctx(t), name); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("DeleteFirmFile of a name with none: %v, want ErrNotFound", err)
		}
		first := store.FirmFile{Name: name, Data: []byte("PK\x03\x04 first"), By: "ada", At: t0}
		second := store.FirmFile{Name: name, Data: bytes.Repeat([]byte{0, 0xff, 'x'}, 100_000), By: "bea", At: t0.Add(time.Hour)}
		for _, f := range []store.FirmFile{first, second} {
			if err := s.PutFirmFile(ctx(t), f); err != nil {
				t.Fatal(err)
			}
			got, err := s.FirmFile(ctx(t), name)
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got.Data, f.Data) || got.By != f.By || !got.At.Equal(stored(f.At)) {
				t.Errorf("read back %d bytes by %q at %s, want %d bytes by %q at %s", len(got.Data), got.By, got.At, len(f.Data), f.By, f.At)
			}
			stamp, err := s.FirmFileStamp(ctx(t), name)
			if err != nil {
				t.Fatal(err)
			}
			if stamp.Data != nil || stamp.By != f.By || !stamp.At.Equal(got.At) {
				t.Errorf("stamp: %d bytes by %q at %s, want none by %q at %s", len(stamp.Data), stamp.By, stamp.At, f.By, got.At)
			}
		}
		if err := s.DeleteFirmFile(ctx(t), name); err != nil {
			t.Fatal(err)
		}
		if _, err := s.FirmFile(ctx(t), name); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("FirmFile after delete: %v, want ErrNotFound", err)
		}
		if _, err := s.FirmFileStamp(ctx(t), name); !errors.Is(err, store.ErrNotFound) {
			t.Errorf("FirmFileStamp after delete: %v, want ErrNotFound", err)
		}
	})
}
