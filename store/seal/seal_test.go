package seal

import (
	"bytes"
	"crypto/rand"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// chunks is an in-memory chunk table.
type chunks map[int]Chunk

func (c chunks) put(seq int, id string, sealed []byte) error {
	c[seq] = Chunk{KeyID: id, Data: append([]byte(nil), sealed...)}
	return nil
}

func (c chunks) get(seq int) (Chunk, error) {
	ch, ok := c[seq]
	if !ok {
		return Chunk{}, errors.New("no such chunk")
	}
	return ch, nil
}

func TestChunksRoundTripAndTamper(t *testing.T) {
	ring := Ephemeral()
	data := make([]byte, 2*ChunkSize+12345)
	rand.Read(data)
	store := chunks{}
	w, err := WriteChunks(bytes.NewReader(data), 0, ring, "obj-1", store.put)
	if err != nil || w.Chunks != 3 || w.Size != int64(len(data)) {
		t.Fatalf("WriteChunks: %+v, %v", w, err)
	}
	for seq, c := range store {
		if bytes.Contains(c.Data, data[seq*ChunkSize:seq*ChunkSize+64]) {
			t.Fatalf("chunk %d holds plain data", seq)
		}
	}
	got, err := io.ReadAll(Reader(ring, "obj-1", w, store.get))
	if err != nil || !bytes.Equal(got, data) {
		t.Fatalf("read back %d bytes, %v", len(got), err)
	}
	// Two writes of the same data differ: a fresh nonce per chunk.
	again := chunks{}
	WriteChunks(bytes.NewReader(data), 0, ring, "obj-1", again.put)
	if bytes.Equal(again[0].Data, store[0].Data) {
		t.Error("the same chunk sealed twice is the same bytes: nonce reused")
	}

	cases := map[string]func(c chunks) (string, Written){
		"flipped bit": func(c chunks) (string, Written) { c[1].Data[40] ^= 1; return "obj-1", w },
		"swapped chunks": func(c chunks) (string, Written) {
			c[0], c[1] = c[1], c[0]
			return "obj-1", w
		},
		"other object": func(c chunks) (string, Written) { return "obj-2", w },
		"chunk dropped": func(c chunks) (string, Written) {
			delete(c, 2)
			return "obj-1", w
		},
		"count cut": func(c chunks) (string, Written) { w2 := w; w2.Chunks = 2; return "obj-1", w2 },
		"hash changed": func(c chunks) (string, Written) {
			w2 := w
			w2.SHA256 = strings.Repeat("0", 64)
			return "obj-1", w2
		},
	}
	for name, tamper := range cases {
		c := chunks{}
		for k, v := range store {
			c[k] = Chunk{KeyID: v.KeyID, Data: append([]byte(nil), v.Data...)}
		}
		obj, want := tamper(c)
		if _, err := io.ReadAll(Reader(ring, obj, want, c.get)); err == nil {
			t.Errorf("%s: read without an error", name)
		}
	}
	if _, err := io.ReadAll(Reader(Ephemeral(), "obj-1", w, store.get)); !errors.Is(err, ErrUnknownKey) {
		t.Errorf("another ring: %v, want ErrUnknownKey", err)
	}
	if _, err := WriteChunks(bytes.NewReader(data), 100, ring, "obj-3", chunks{}.put); !errors.Is(err, ErrTooLarge) {
		t.Errorf("over the limit: %v, want ErrTooLarge", err)
	}
}

func TestKeyFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "sub", "medchron.key")
	r1, created, err := LoadOrCreate(path)
	if err != nil || !created {
		t.Fatalf("LoadOrCreate: %v, created %v", err, created)
	}
	if st, _ := os.Stat(path); st.Mode().Perm() != 0o600 {
		t.Errorf("key file mode %v, want 0600", st.Mode().Perm())
	}
	if st, _ := os.Stat(filepath.Dir(path)); st.Mode().Perm() != 0o700 {
		t.Errorf("key folder mode %v, want 0700", st.Mode().Perm())
	}
	r2, created, err := LoadOrCreate(path)
	if err != nil || created || r2.Current() != r1.Current() {
		t.Fatalf("second LoadOrCreate: %v %v %s", err, created, r2.Current())
	}
	id, sealed, _ := r1.Seal([]byte("record"), []byte("ad"))

	rotated, err := Rotate(path)
	if err != nil || rotated.Current() == r1.Current() || !rotated.Has(r1.Current()) {
		t.Fatalf("Rotate: %v, ids %v", err, rotated.IDs())
	}
	if plain, err := rotated.Open(id, sealed, []byte("ad")); err != nil || string(plain) != "record" {
		t.Errorf("the old key no longer opens after rotation: %v", err)
	}
	retired, err := Retire(path)
	if err != nil || len(retired.IDs()) != 1 || retired.Current() != rotated.Current() {
		t.Fatalf("Retire: %v, ids %v", err, retired.IDs())
	}
	if _, err := retired.Open(id, sealed, []byte("ad")); !errors.Is(err, ErrUnknownKey) {
		t.Errorf("a retired key still opens: %v", err)
	}
	if st, _ := os.Stat(path); st.Mode().Perm() != 0o600 {
		t.Errorf("rewritten key file mode %v, want 0600", st.Mode().Perm())
	}

	os.Chmod(path, 0o644)
	if _, err := Load(path); err == nil || !strings.Contains(err.Error(), "chmod 600") {
		t.Errorf("a world-readable key file: %v", err)
	}
	os.Chmod(path, 0o600)
	b, _ := os.ReadFile(path)
	os.WriteFile(path, bytes.Replace(b, []byte(retired.Current()), []byte("0000000000000000"), 1), 0o600)
	if _, err := Load(path); err == nil {
		t.Error("a key line with the wrong id loaded")
	}
}
