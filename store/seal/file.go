package seal

import (
	"bufio"
	"bytes"
	"encoding/base64"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// EnvKeyFile names the environment variable that points at the key file.
const EnvKeyFile = "MEDCHRON_KEY_FILE"

// Load reads the key file at path. It refuses a file that others than its
// owner may read or write (mode beyond 0600), as ssh does for private keys.
func Load(path string) (*Ring, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("key file: %w", err)
	}
	if st.Mode().Perm()&0o077 != 0 {
		return nil, fmt.Errorf("key file %s: mode %v lets others read it; run: chmod 600 %s", path, st.Mode().Perm(), path)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("key file: %w", err)
	}
	ring, err := parse(data)
	if err != nil {
		return nil, fmt.Errorf("key file %s: %w", path, err)
	}
	return ring, nil
}

// LoadOrCreate reads the key file at path, creating it (mode 0600, its
// folder 0700) with one new key when it does not exist. created reports
// whether it did.
func LoadOrCreate(path string) (ring *Ring, created bool, err error) {
	ring, err = Load(path)
	if err == nil || !errors.Is(err, fs.ErrNotExist) {
		return ring, false, err
	}
	k, err := NewKey()
	if err != nil {
		return nil, false, err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, false, fmt.Errorf("key file folder: %w", err)
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if errors.Is(err, fs.ErrExist) {
		ring, err := Load(path) // another process created it first
		return ring, false, err
	}
	if err != nil {
		return nil, false, fmt.Errorf("key file: %w", err)
	}
	if _, err := f.WriteString(k.line() + "\n"); err != nil {
		f.Close()
		return nil, false, fmt.Errorf("key file: %w", err)
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return nil, false, fmt.Errorf("key file: %w", err)
	}
	if err := f.Close(); err != nil {
		return nil, false, fmt.Errorf("key file: %w", err)
	}
	ring, err = NewRing(k)
	return ring, true, err
}

func parse(data []byte) (*Ring, error) {
	var keys []Key
	sc := bufio.NewScanner(bytes.NewReader(data))
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Fields(line)
		if len(f) != 4 || f[0] != "medchron-key" || f[1] != "v1" {
			return nil, fmt.Errorf("line %d: not a medchron key (want: medchron-key v1 ID BASE64)", n)
		}
		raw, err := base64.StdEncoding.DecodeString(f[3])
		if err != nil {
			return nil, fmt.Errorf("line %d: key is not base64", n)
		}
		k, err := keyFrom(raw)
		if err != nil {
			return nil, fmt.Errorf("line %d: %w", n, err)
		}
		if k.ID != f[2] {
			return nil, fmt.Errorf("line %d: key id %s does not match the key (%s): the line was edited", n, f[2], k.ID)
		}
		keys = append(keys, k)
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	if len(keys) == 0 {
		return nil, errors.New("holds no key")
	}
	return NewRing(keys...)
}

// Rotate adds a new current key to the key file at path, keeping the
// older keys so that objects sealed under them still open until they are
// sealed again. It returns the new ring.
func Rotate(path string) (*Ring, error) {
	old, err := Load(path)
	if err != nil {
		return nil, err
	}
	k, err := NewKey()
	if err != nil {
		return nil, err
	}
	ring, err := NewRing(append([]Key{k}, old.keys...)...)
	if err != nil {
		return nil, err
	}
	return ring, write(path, ring)
}

// Retire removes every key but the current one from the key file at path,
// once nothing is sealed under them any more.
func Retire(path string) (*Ring, error) {
	old, err := Load(path)
	if err != nil {
		return nil, err
	}
	ring, err := NewRing(old.keys[0])
	if err != nil {
		return nil, err
	}
	return ring, write(path, ring)
}

// write replaces the key file atomically (a 0600 file renamed over it).
func write(path string, r *Ring) error {
	var b strings.Builder
	b.WriteString("# medchron encryption keys: the first seals, all open. Keep a copy apart from the database backups.\n")
	for _, k := range r.keys {
		b.WriteString(k.line() + "\n")
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return fmt.Errorf("key file: %w", err)
	}
	defer os.Remove(tmp.Name())
	if err := tmp.Chmod(0o600); err != nil {
		tmp.Close()
		return fmt.Errorf("key file: %w", err)
	}
	if _, err := tmp.WriteString(b.String()); err != nil {
		tmp.Close()
		return fmt.Errorf("key file: %w", err)
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return fmt.Errorf("key file: %w", err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("key file: %w", err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("key file: %w", err)
	}
	return nil
}
