package pipeline

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"maps"
	"slices"

	"github.com/riverqueue/river"

	"github.com/medchron/medchron/chronology"
	"github.com/medchron/medchron/extract"
	"github.com/medchron/medchron/store"
)

// memStore is an in-memory store.Store and store.Tx for the workers'
// unit tests: the semantics of store.Queries that the stages rely on
// (versions bumped by new documents and facts, pages waiting for OCR until
// stored, ErrNotFound), and transactions that leave nothing behind when
// they fail. It is not safe for concurrent use: the tests call one worker
// at a time.
type memStore struct {
	matters  map[string]chronology.Matter
	versions map[string]int64
	blobs    map[string][]byte
	docs     map[string]store.Document
	links    map[string][]link // matter → its documents in upload order
	pages    map[string]map[int]extract.Page
	pending  map[string]map[int]bool
	results  map[string]store.StoredResult
	chrons   map[string]builtChronology
	cache    map[string][]byte
}

type link struct{ doc, file string }

type builtChronology struct {
	c       chronology.Chronology
	version int64
}

var (
	_ store.Store = (*memStore)(nil)
	_ store.Tx    = (*memStore)(nil)
)

func newMemStore() *memStore {
	return &memStore{
		matters: map[string]chronology.Matter{}, versions: map[string]int64{}, blobs: map[string][]byte{},
		docs: map[string]store.Document{}, links: map[string][]link{}, pages: map[string]map[int]extract.Page{},
		pending: map[string]map[int]bool{}, results: map[string]store.StoredResult{},
		chrons: map[string]builtChronology{}, cache: map[string][]byte{},
	}
}

// snapshot copies the store's state; restore puts a snapshot back.
func (s *memStore) snapshot() *memStore {
	c := *s
	c.matters, c.versions, c.blobs = maps.Clone(s.matters), maps.Clone(s.versions), maps.Clone(s.blobs)
	c.docs, c.links, c.results = maps.Clone(s.docs), maps.Clone(s.links), maps.Clone(s.results)
	c.chrons, c.cache = maps.Clone(s.chrons), maps.Clone(s.cache)
	c.pages = map[string]map[int]extract.Page{}
	for k, v := range s.pages {
		c.pages[k] = maps.Clone(v)
	}
	c.pending = map[string]map[int]bool{}
	for k, v := range s.pending {
		c.pending[k] = maps.Clone(v)
	}
	return &c
}

func (s *memStore) WithTx(ctx context.Context, fn func(ctx context.Context, tx store.Tx) error) error {
	before := s.snapshot()
	if err := fn(ctx, s); err != nil {
		*s = *before
		return err
	}
	return nil
}

func (s *memStore) Raw() any { return nil }

func notFound(what string) error { return fmt.Errorf("%s: %w", what, store.ErrNotFound) }

func (s *memStore) PutMatter(ctx context.Context, m chronology.Matter) error {
	if _, ok := s.matters[m.ID]; !ok {
		s.versions[m.ID] = 1
	}
	s.matters[m.ID] = m
	return nil
}

func (s *memStore) CreateMatter(ctx context.Context, m chronology.Matter) error {
	if _, ok := s.matters[m.ID]; ok {
		return fmt.Errorf("matter %s: %w", m.ID, store.ErrExists)
	}
	return s.PutMatter(ctx, m)
}

func (s *memStore) LockMatter(ctx context.Context, id string) (chronology.Matter, error) {
	return s.Matter(ctx, id)
}

func (s *memStore) SetMatter(ctx context.Context, m chronology.Matter) (bool, error) {
	old, ok := s.matters[m.ID]
	if !ok {
		return false, notFound("matter " + m.ID)
	}
	s.matters[m.ID] = m
	if old == m {
		return false, nil
	}
	s.versions[m.ID]++
	return true, nil
}

func (s *memStore) Matter(ctx context.Context, id string) (chronology.Matter, error) {
	m, ok := s.matters[id]
	if !ok {
		return m, notFound("matter " + id)
	}
	return m, nil
}

func (s *memStore) Matters(ctx context.Context) ([]chronology.Matter, error) {
	ids := slices.Sorted(maps.Keys(s.matters))
	out := make([]chronology.Matter, len(ids))
	for i, id := range ids {
		out[i] = s.matters[id]
	}
	return out, nil
}

func (s *memStore) PutBlob(ctx context.Context, r io.Reader, limit int64) (store.Blob, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return store.Blob{}, err
	}
	sum := sha256.Sum256(data)
	sha := hex.EncodeToString(sum[:])
	s.blobs[sha] = data
	return store.Blob{SHA256: sha, Size: int64(len(data))}, nil
}

func (s *memStore) OpenBlob(ctx context.Context, sha string) (io.ReadCloser, error) {
	data, ok := s.blobs[sha]
	if !ok {
		return nil, notFound("original " + sha)
	}
	return io.NopCloser(bytes.NewReader(data)), nil
}

func (s *memStore) DropBlob(ctx context.Context, sha string) error {
	delete(s.blobs, sha)
	return nil
}

func (s *memStore) AddDocument(ctx context.Context, matterID string, d store.Document, data []byte) (bool, error) {
	if _, ok := s.matters[matterID]; !ok {
		return false, notFound("matter " + matterID)
	}
	if data != nil {
		s.blobs[d.SHA256] = data
	}
	_, had := s.docs[d.ID]
	if !had {
		s.docs[d.ID] = d
	}
	if !slices.ContainsFunc(s.links[matterID], func(l link) bool { return l.doc == d.ID }) {
		s.links[matterID] = append(slices.Clone(s.links[matterID]), link{d.ID, d.File})
		s.versions[matterID]++
	}
	return !had, nil
}

func (s *memStore) Document(ctx context.Context, id string) (store.Document, error) {
	d, ok := s.docs[id]
	if !ok {
		return d, notFound("document " + id)
	}
	return d, nil
}

func (s *memStore) DocumentBlob(ctx context.Context, id string) ([]byte, error) {
	d, err := s.Document(ctx, id)
	if err != nil {
		return nil, err
	}
	return s.blobs[d.SHA256], nil
}

func (s *memStore) SetDocumentStatus(ctx context.Context, id, status, errMsg string, pages int) error {
	d, ok := s.docs[id]
	if !ok {
		return notFound("document " + id)
	}
	d.Status, d.Error, d.Pages = status, errMsg, pages
	s.docs[id] = d
	return nil
}

func (s *memStore) ResetDocument(ctx context.Context, id string) error {
	return s.SetDocumentStatus(ctx, id, store.StatusQueued, "", s.docs[id].Pages)
}

func (s *memStore) MatterDocuments(ctx context.Context, matterID string) ([]store.Document, error) {
	var out []store.Document
	for _, l := range s.links[matterID] {
		d := s.docs[l.doc]
		d.File = l.file
		out = append(out, d)
	}
	return out, nil
}

func (s *memStore) DocumentMatters(ctx context.Context, documentID string) ([]string, error) {
	var out []string
	for _, m := range slices.Sorted(maps.Keys(s.links)) {
		if slices.ContainsFunc(s.links[m], func(l link) bool { return l.doc == documentID }) {
			out = append(out, m)
		}
	}
	return out, nil
}

func (s *memStore) PutPages(ctx context.Context, pages []extract.Page) error {
	for _, p := range pages {
		if s.pages[p.DocumentID] == nil {
			s.pages[p.DocumentID] = map[int]extract.Page{}
		}
		s.pages[p.DocumentID][p.Number] = p
		delete(s.pending[p.DocumentID], p.Number)
	}
	return nil
}

func (s *memStore) PutPendingPages(ctx context.Context, documentID string, pages []int) error {
	for _, n := range pages {
		if _, ok := s.pages[documentID][n]; ok {
			continue
		}
		if s.pending[documentID] == nil {
			s.pending[documentID] = map[int]bool{}
		}
		s.pending[documentID][n] = true
	}
	return nil
}

func (s *memStore) Pages(ctx context.Context, documentID string) ([]extract.Page, error) {
	var out []extract.Page
	for _, n := range slices.Sorted(maps.Keys(s.pages[documentID])) {
		out = append(out, s.pages[documentID][n])
	}
	return out, nil
}

func (s *memStore) Page(ctx context.Context, documentID string, number int) (extract.Page, error) {
	p, ok := s.pages[documentID][number]
	if !ok {
		return p, notFound(fmt.Sprintf("page %d of %s", number, documentID))
	}
	return p, nil
}

func (s *memStore) PagesBetween(ctx context.Context, documentID string, first, last int) ([]extract.Page, error) {
	pages, _ := s.Pages(ctx, documentID)
	return slices.DeleteFunc(pages, func(p extract.Page) bool { return p.Number < first || p.Number > last }), nil
}

func (s *memStore) PageTexts(ctx context.Context, documentID string) ([]extract.Page, error) {
	pages, _ := s.Pages(ctx, documentID)
	for i := range pages {
		pages[i].Words = nil
	}
	return pages, nil
}

func (s *memStore) PendingPages(ctx context.Context, documentID string) ([]int, error) {
	return slices.Sorted(maps.Keys(s.pending[documentID])), nil
}

func (s *memStore) PutResult(ctx context.Context, documentID string, r store.StoredResult) error {
	s.results[documentID] = r
	matters, _ := s.DocumentMatters(ctx, documentID)
	for _, m := range matters {
		s.versions[m]++
	}
	return nil
}

func (s *memStore) Result(ctx context.Context, documentID string) (store.StoredResult, error) {
	r, ok := s.results[documentID]
	if !ok {
		return r, notFound("facts of " + documentID)
	}
	return r, nil
}

func (s *memStore) MatterVersion(ctx context.Context, matterID string) (int64, error) {
	v, ok := s.versions[matterID]
	if !ok {
		return 0, notFound("matter " + matterID)
	}
	return v, nil
}

func (s *memStore) PutChronology(ctx context.Context, matterID string, version int64, c chronology.Chronology) error {
	s.chrons[matterID] = builtChronology{c, version}
	return nil
}

func (s *memStore) Chronology(ctx context.Context, matterID string) (chronology.Chronology, int64, error) {
	b, ok := s.chrons[matterID]
	if !ok {
		return b.c, 0, notFound("chronology of " + matterID)
	}
	return b.c, b.version, nil
}

func (s *memStore) ChronologyVersion(ctx context.Context, matterID string) (int64, error) {
	_, v, err := s.Chronology(ctx, matterID)
	return v, err
}

func (s *memStore) CacheGet(ctx context.Context, key string) ([]byte, bool, error) {
	v, ok := s.cache[key]
	return v, ok, nil
}

func (s *memStore) CachePut(ctx context.Context, key string, val []byte) error {
	s.cache[key] = val
	return nil
}

// memQueue records the jobs inserted; with fail set, inserting fails.
type memQueue struct {
	jobs []river.JobArgs
	fail error
}

func (q *memQueue) InsertTx(ctx context.Context, tx store.Tx, jobs ...river.InsertManyParams) error {
	if q.fail != nil {
		return q.fail
	}
	for _, j := range jobs {
		q.jobs = append(q.jobs, j.Args)
	}
	return nil
}

func (q *memQueue) Active(ctx context.Context) (int, error) { return len(q.jobs), nil }

// take returns the jobs inserted since the last take.
func (q *memQueue) take() []river.JobArgs {
	j := q.jobs
	q.jobs = nil
	return j
}
