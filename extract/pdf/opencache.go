package pdf

import (
	"context"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
)

// openCacheSize is how many parsed PDFs stay open for PageImage. Pages of a
// document are OCR'd one job at a time by several workers; re-parsing an
// 8 MB scanned bundle for each of its 200 pages would cost more than the
// OCR itself.
const openCacheSize = 2

// openDoc is a parsed PDF; mu serialises access, as pdfcpu's context
// resolves objects lazily and is not safe for concurrent use.
type openDoc struct {
	key  openKey
	mu   sync.Mutex
	pctx *model.Context
	used time.Time
}

type openKey struct {
	path  string
	size  int64
	mtime time.Time
}

var openCache struct {
	sync.Mutex
	docs []*openDoc
}

// withOpen runs fn on the parsed PDF at path, parsing it only when it is
// not cached (or has changed on disk since).
func withOpen(ctx context.Context, path string, fn func(*model.Context) error) error {
	name := filepath.Base(path)
	st, err := os.Stat(path)
	if err != nil {
		return fileErr(name, 0, "cannot be opened", err)
	}
	key := openKey{path: path, size: st.Size(), mtime: st.ModTime()}
	d, err := cachedDoc(ctx, key, name)
	if err != nil {
		return err
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	return fn(d.pctx)
}

func cachedDoc(ctx context.Context, key openKey, name string) (*openDoc, error) {
	openCache.Lock()
	for _, d := range openCache.docs {
		if d.key == key {
			d.used = time.Now()
			openCache.Unlock()
			return d, nil
		}
	}
	openCache.Unlock()

	f, err := os.Open(key.path)
	if err != nil {
		return nil, fileErr(name, 0, "cannot be opened", err)
	}
	defer f.Close()
	pctx, err := open(ctx, name, f)
	if err != nil {
		return nil, err
	}
	d := &openDoc{key: key, pctx: pctx, used: time.Now()}

	openCache.Lock()
	defer openCache.Unlock()
	for _, o := range openCache.docs {
		if o.key == key { // another goroutine parsed it meanwhile
			return o, nil
		}
	}
	if len(openCache.docs) >= openCacheSize {
		oldest := 0
		for i, o := range openCache.docs {
			if o.used.Before(openCache.docs[oldest].used) {
				oldest = i
			}
		}
		openCache.docs = append(openCache.docs[:oldest], openCache.docs[oldest+1:]...)
	}
	openCache.docs = append(openCache.docs, d)
	return d, nil
}
