package llm

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"sync"
)

// Cache stores validated model answers by key. The pipeline backs it with
// its database; MemoryCache serves tests and one-off runs. Implementations
// must be safe for concurrent use.
type Cache interface {
	// Get returns the value stored under key, and whether there was one.
	Get(ctx context.Context, key string) ([]byte, bool, error)
	// Put stores val under key.
	Put(ctx context.Context, key string, val []byte) error
}

// CacheKey is the key of a chunk's answer: the hex sha256 over the model,
// the prompt version and the hash of the chunk's content (its rendered user
// message, which holds the page numbers and texts).
func CacheKey(model, promptVersion, chunkHash string) string {
	h := sha256.New()
	fmt.Fprintf(h, "medchron-llm\x00%s\x00%s\x00%s", model, promptVersion, chunkHash)
	return hex.EncodeToString(h.Sum(nil))
}

// contentHash is the hex sha256 of a chunk's rendered content.
func contentHash(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:])
}

// MemoryCache is a Cache in a map. The zero value is ready to use.
type MemoryCache struct {
	mu sync.Mutex
	m  map[string][]byte
}

// NewMemoryCache returns an empty MemoryCache.
func NewMemoryCache() *MemoryCache { return &MemoryCache{} }

// Get implements Cache.
func (c *MemoryCache) Get(_ context.Context, key string) ([]byte, bool, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	v, ok := c.m[key]
	return append([]byte(nil), v...), ok, nil
}

// Put implements Cache.
func (c *MemoryCache) Put(_ context.Context, key string, val []byte) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.m == nil {
		c.m = map[string][]byte{}
	}
	c.m[key] = append([]byte(nil), val...)
	return nil
}

// Len returns the number of stored answers.
func (c *MemoryCache) Len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.m)
}
