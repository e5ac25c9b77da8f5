package ui

import (
	"container/list"
	"sync"
)

// pngCache is a small in-memory LRU of rendered page images, bounded by
// entry count and total bytes. Images are only served after the request
// passed the matter and document checks.
type pngCache struct {
	mu       sync.Mutex
	ll       *list.List
	byKey    map[pngKey]*list.Element
	bytes    int
	maxN     int
	maxBytes int
}

type pngKey struct {
	doc       string
	page, dpi int
}

type pngItem struct {
	key  pngKey
	data []byte
}

func newPNGCache(maxN, maxBytes int) *pngCache {
	return &pngCache{ll: list.New(), byKey: map[pngKey]*list.Element{}, maxN: maxN, maxBytes: maxBytes}
}

func (c *pngCache) get(k pngKey) ([]byte, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	el, ok := c.byKey[k]
	if !ok {
		return nil, false
	}
	c.ll.MoveToFront(el)
	return el.Value.(*pngItem).data, true
}

func (c *pngCache) put(k pngKey, data []byte) {
	if len(data) > c.maxBytes {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if el, ok := c.byKey[k]; ok {
		c.bytes -= len(el.Value.(*pngItem).data)
		el.Value.(*pngItem).data = data
		c.bytes += len(data)
		c.ll.MoveToFront(el)
	} else {
		c.byKey[k] = c.ll.PushFront(&pngItem{key: k, data: data})
		c.bytes += len(data)
	}
	for c.ll.Len() > c.maxN || c.bytes > c.maxBytes {
		el := c.ll.Back()
		it := el.Value.(*pngItem)
		c.ll.Remove(el)
		delete(c.byKey, it.key)
		c.bytes -= len(it.data)
	}
}

// Page image cache bounds: a few dozen pages at screen resolution.
const (
	pageCacheEntries = 64
	pageCacheBytes   = 48 << 20
)

// renderers bounds the pdftoppm processes drawing pages at once.
const renderers = 2
