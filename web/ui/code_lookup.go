package ui

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"time"

	"github.com/medchron/medchron/chronology"
	"github.com/medchron/medchron/icd10"
	"github.com/medchron/medchron/web/internal/core"
	"github.com/medchron/medchron/web/internal/respond"
)

// Code look-up bounds: the matches one answer lists, the longest query
// read, and how long a loaded code book is kept before it is read again
// (an administrator may import a new table while the server runs; while
// none is imported, every look-up asks the store).
const (
	codeMatches  = 20
	maxCodeQuery = 100
	codeBookTTL  = 10 * time.Minute
)

// codeBookStore is a store holding an imported ICD-10-CM table ("medchron
// codes import"); both stores are.
type codeBookStore interface {
	// CodeBook returns the imported table, or nil when none was imported.
	CodeBook(ctx context.Context) (*icd10.Book, error)
}

// codeBooks keeps the store's code book in memory between look-ups.
type codeBooks struct {
	mu     sync.Mutex
	book   *icd10.Book
	loaded time.Time
}

// codeBook returns the imported ICD-10-CM table, or nil when the store
// has none.
func (s *Handler) codeBook(ctx context.Context) (*icd10.Book, error) {
	cs, ok := s.Store.(codeBookStore)
	if !ok {
		return nil, nil
	}
	s.codes.mu.Lock()
	defer s.codes.mu.Unlock()
	if !s.codes.loaded.IsZero() && s.Now().Sub(s.codes.loaded) < codeBookTTL {
		return s.codes.book, nil
	}
	b, err := cs.CodeBook(ctx)
	if err != nil {
		return nil, fmt.Errorf("load the ICD-10-CM code book: %w", err)
	}
	if b != nil { // until a table is imported, every look-up asks the store
		s.codes.book, s.codes.loaded = b, s.Now()
	}
	return b, nil
}

// codeLookup is the look-up's answer.
type codeLookup struct {
	// Table is false when no ICD-10-CM table was imported: nothing can be
	// looked up until an administrator runs "medchron codes import".
	Table   bool          `json:"table"`
	Matches []icd10.Match `json:"matches"`
}

// CodeLookup answers the correction form's diagnosis code look-up: the
// codes of the imported ICD-10-CM table matching q by code or by the words
// of their description, as JSON.
func (s *Handler) CodeLookup(w http.ResponseWriter, r *http.Request, rc *core.SignedIn, m chronology.Matter) {
	q := r.URL.Query().Get("q")
	if len(q) > maxCodeQuery {
		q = q[:maxCodeQuery]
	}
	book, err := s.codeBook(r.Context())
	if err != nil {
		s.ServerError(w, r, err)
		return
	}
	out := codeLookup{Table: book != nil, Matches: []icd10.Match{}}
	if book != nil {
		out.Matches = append(out.Matches, book.Search(q, codeMatches)...)
	}
	w.Header().Set("Cache-Control", "no-store")
	respond.JSON(w, http.StatusOK, out)
}

// checkDiagnoses checks a corrected diagnosis list against the imported
// code book: a code the book does not know is refused, naming its line;
// a code written without its description is given the book's. Without a
// book the list is taken as typed.
func checkDiagnoses(book *icd10.Book, v string) (string, error) {
	if book == nil {
		return v, nil
	}
	lines := strings.Split(v, "\n")
	for i, l := range lines {
		code, desc := chronology.DiagnosisLine(l)
		if code == "" {
			continue
		}
		long, ok := book.Lookup(code)
		if !ok {
			return "", fmt.Errorf("diagnosis line %d: %s is not an ICD-10-CM code; look it up by its words", i+1, code)
		}
		if desc == "" {
			lines[i] = code + " " + long
		}
	}
	return strings.Join(lines, "\n"), nil
}
