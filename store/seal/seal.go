// Package seal encrypts what medchron keeps at rest (original record files,
// in chunks) with AES-256-GCM under keys kept in a key file outside the
// database. Every sealed object gets a fresh random 96-bit nonce; the
// caller's additional data binds a sealed chunk to its place (object and
// sequence number), so that chunks cannot be swapped or moved unnoticed.
//
// A key file holds one key per line, the current key first:
//
//	medchron-key v1 <id> <base64 of 32 random bytes>
//
// The id is derived from the key (the first 8 bytes of its SHA-256, in
// hex), so a key file and a database that disagree are told apart by id.
// Older keys stay in the file during a rotation, until every object is
// sealed under the current key again (see Rotate and Retire).
package seal

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
)

// KeySize is the length of a key in bytes (AES-256).
const KeySize = 32

// ErrUnknownKey reports a sealed object whose key is not in the key ring.
var ErrUnknownKey = errors.New("sealed with a key the key file does not hold")

// ErrOpen reports a sealed object that does not decrypt: the data or its
// place (the additional data) was changed.
var ErrOpen = errors.New("sealed data does not authenticate (changed, moved or damaged)")

// Key is one AES-256-GCM key.
type Key struct {
	ID   string
	raw  []byte
	aead cipher.AEAD
}

// NewKey returns a fresh random key.
func NewKey() (Key, error) {
	raw := make([]byte, KeySize)
	if _, err := rand.Read(raw); err != nil {
		return Key{}, fmt.Errorf("seal: new key: %w", err)
	}
	return keyFrom(raw)
}

func keyFrom(raw []byte) (Key, error) {
	if len(raw) != KeySize {
		return Key{}, fmt.Errorf("seal: key is %d bytes, want %d", len(raw), KeySize)
	}
	block, err := aes.NewCipher(raw)
	if err != nil {
		return Key{}, fmt.Errorf("seal: %w", err)
	}
	aead, err := cipher.NewGCM(block)
	if err != nil {
		return Key{}, fmt.Errorf("seal: %w", err)
	}
	sum := sha256.Sum256(raw)
	return Key{ID: hex.EncodeToString(sum[:8]), raw: append([]byte(nil), raw...), aead: aead}, nil
}

// line is the key's line in a key file.
func (k Key) line() string {
	return "medchron-key v1 " + k.ID + " " + base64.StdEncoding.EncodeToString(k.raw)
}

// Ring is the keys of a key file: the current one seals, any opens.
type Ring struct {
	keys []Key // current first
}

// NewRing returns a ring of keys, the current one first.
func NewRing(keys ...Key) (*Ring, error) {
	if len(keys) == 0 {
		return nil, errors.New("seal: a key ring needs at least one key")
	}
	return &Ring{keys: append([]Key(nil), keys...)}, nil
}

// Current is the id of the key that seals.
func (r *Ring) Current() string { return r.keys[0].ID }

// IDs lists the ring's key ids, the current one first.
func (r *Ring) IDs() []string {
	ids := make([]string, len(r.keys))
	for i, k := range r.keys {
		ids[i] = k.ID
	}
	return ids
}

// Has reports whether the ring holds the key id.
func (r *Ring) Has(id string) bool {
	_, ok := r.key(id)
	return ok
}

func (r *Ring) key(id string) (Key, bool) {
	for _, k := range r.keys {
		if k.ID == id {
			return k, true
		}
	}
	return Key{}, false
}

// Seal encrypts plain under the current key with a fresh nonce, binding ad
// (the object's place). It returns the key id and nonce‖ciphertext‖tag.
func (r *Ring) Seal(plain, ad []byte) (string, []byte, error) {
	k := r.keys[0]
	out := make([]byte, k.aead.NonceSize(), k.aead.NonceSize()+len(plain)+k.aead.Overhead())
	if _, err := rand.Read(out); err != nil {
		return "", nil, fmt.Errorf("seal: nonce: %w", err)
	}
	return k.ID, k.aead.Seal(out, out, plain, ad), nil
}

// Open decrypts what Seal returned under key id with the same ad.
func (r *Ring) Open(id string, sealed, ad []byte) ([]byte, error) {
	k, ok := r.key(id)
	if !ok {
		return nil, fmt.Errorf("seal: key %s: %w", id, ErrUnknownKey)
	}
	n := k.aead.NonceSize()
	if len(sealed) < n+k.aead.Overhead() {
		return nil, fmt.Errorf("seal: %w", ErrOpen)
	}
	plain, err := k.aead.Open(nil, sealed[:n], sealed[n:], ad)
	if err != nil {
		return nil, fmt.Errorf("seal: %w", ErrOpen)
	}
	return plain, nil
}

// Ephemeral returns a ring of one fresh key kept only in memory: what it
// seals cannot be opened once the ring is gone. For tests and scratch
// stores.
func Ephemeral() *Ring {
	k, err := NewKey()
	if err != nil {
		panic(err)
	}
	return &Ring{keys: []Key{k}}
}
