package icd10

import (
	"bufio"
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"
	"sync"
)

// Book is an ICD-10-CM code book loaded from the CMS order file, or filled
// from a store's imported table with Add.
type Book struct {
	codes map[string]icdEntry // key: code without the dot, upper case

	mu     sync.Mutex
	byDesc map[string][]string // normalised description → codes; built on first use
	lower  map[string]string   // code → its descriptions in lower case, for Search; built on first use
}

type icdEntry struct {
	billable bool
	long     string
	short    string
}

// LoadOrderFile reads an ICD-10-CM order file: the CMS fixed-width format
// (order number in columns 1–5, code without dot in 7–13, billable flag in
// 15, short description in 17–76, long description from 78) or the same
// fields as CSV with a header row (order_number, icd10cm_code,
// valid_billing_code, short, long, ...).
func LoadOrderFile(ctx context.Context, r io.Reader) (*Book, error) {
	br := bufio.NewReaderSize(r, 1<<16)
	head, err := br.Peek(1)
	if err != nil {
		if errors.Is(err, io.EOF) {
			return nil, errors.New("icd-10-cm order file: empty")
		}
		return nil, fmt.Errorf("icd-10-cm order file: %w", err)
	}
	book := &Book{codes: make(map[string]icdEntry, 100000)}
	if head[0] == '"' || head[0] == 'o' {
		err = book.readCSV(ctx, br)
	} else {
		err = book.readFixed(ctx, br)
	}
	if err != nil {
		return nil, err
	}
	if len(book.codes) == 0 {
		return nil, errors.New("icd-10-cm order file: no codes")
	}
	return book, nil
}

// LoadOrderFilePath opens and reads an order file.
func LoadOrderFilePath(ctx context.Context, path string) (*Book, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("icd-10-cm order file: %w", err)
	}
	defer f.Close()
	b, err := LoadOrderFile(ctx, f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return b, nil
}

func (b *Book) readCSV(ctx context.Context, r io.Reader) error {
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	for n := 0; ; n++ {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return fmt.Errorf("icd-10-cm order file line %d: %w", n+1, err)
		}
		if n%10000 == 0 && ctx.Err() != nil {
			return ctx.Err()
		}
		if n == 0 && strings.Contains(strings.ToLower(rec[0]), "order") {
			continue
		}
		if len(rec) < 5 {
			return fmt.Errorf("icd-10-cm order file line %d: want at least 5 fields, got %d", n+1, len(rec))
		}
		b.put(rec[1], rec[2] == "1", rec[4], rec[3])
	}
}

func (b *Book) readFixed(ctx context.Context, r io.Reader) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 1024), 1<<20)
	for n := 1; sc.Scan(); n++ {
		s := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(s) == "" {
			continue
		}
		if n%10000 == 0 && ctx.Err() != nil {
			return ctx.Err()
		}
		if len(s) < 16 {
			return fmt.Errorf("icd-10-cm order file line %d: too short for the fixed-width format", n)
		}
		short := ""
		long := ""
		if len(s) > 16 {
			short = s[16:min(len(s), 76)]
		}
		if len(s) > 77 {
			long = s[77:]
		}
		b.put(s[6:13], s[14] == '1', long, short)
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("icd-10-cm order file: %w", err)
	}
	return nil
}

func (b *Book) put(code string, billable bool, long, short string) {
	code = strings.ToUpper(strings.TrimSpace(code))
	if code == "" {
		return
	}
	d := strings.TrimSpace(long)
	if d == "" {
		d = strings.TrimSpace(short)
	}
	b.mu.Lock()
	b.codes[code] = icdEntry{billable: billable, long: d, short: strings.TrimSpace(short)}
	b.byDesc, b.lower = nil, nil
	b.mu.Unlock()
}

// New returns an empty code book to fill with Add, for a table kept
// elsewhere (a store's imported codes).
func New() *Book { return &Book{codes: map[string]icdEntry{}} }

// Add adds one code, dotted or not; an empty long description falls back
// to the short one.
func (b *Book) Add(code string, billable bool, short, long string) {
	b.put(strings.ReplaceAll(code, ".", ""), billable, long, short)
}

// Each calls fn for every code in the book, in no particular order, with
// the code without its dot, its billable flag and its short and long
// descriptions (the long one falls back to the short one).
func (b *Book) Each(fn func(code string, billable bool, short, long string)) {
	for c, e := range b.codes {
		fn(c, e.billable, e.short, e.long)
	}
}

// Lookup reports the long description of a code, dotted or not. Category
// (non-billable) codes are known too.
func (b *Book) Lookup(code string) (string, bool) {
	e, ok := b.codes[strings.ToUpper(strings.ReplaceAll(strings.TrimSpace(code), ".", ""))]
	return e.long, ok
}

// Billable reports whether a code is a valid billing code.
func (b *Book) Billable(code string) bool {
	return b.codes[strings.ToUpper(strings.ReplaceAll(strings.TrimSpace(code), ".", ""))].billable
}

// Len returns the number of codes in the book.
func (b *Book) Len() int { return len(b.codes) }

// CodesDescribed returns the codes, dotted, whose long or short
// description is desc, compared without case, punctuation or spacing
// ("mid- cervical" as OCR prints it matches "mid-cervical").
func (b *Book) CodesDescribed(desc string) []string {
	key := descKey(desc)
	if key == "" {
		return nil
	}
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.byDesc == nil {
		b.byDesc = make(map[string][]string, 2*len(b.codes))
		for c, e := range b.codes {
			dc := dotted(c)
			for _, d := range []string{e.long, e.short} {
				if k := descKey(d); k != "" && !slices.Contains(b.byDesc[k], dc) {
					b.byDesc[k] = append(b.byDesc[k], dc)
				}
			}
		}
	}
	return b.byDesc[key]
}

// descKey is a description reduced to its lower-case letters and digits.
func descKey(s string) string {
	var sb strings.Builder
	for _, r := range strings.ToLower(s) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			sb.WriteRune(r)
		}
	}
	return sb.String()
}

// Match is a code found by Search: dotted, billable or a category, with its
// long description.
type Match struct {
	Code        string `json:"code"`
	Billable    bool   `json:"billable"`
	Description string `json:"description"`
}

// Search finds up to limit codes for a reviewer's query: codes starting
// with it ("s13.4", "M542") first, in code order; then codes whose
// description holds every word of the query ("cervical strain"), billable
// codes and shorter descriptions first. An empty query finds nothing.
func (b *Book) Search(query string, limit int) []Match {
	q := strings.ToLower(strings.TrimSpace(query))
	if q == "" || limit <= 0 {
		return nil
	}
	prefix := strings.ToUpper(strings.ReplaceAll(q, ".", ""))
	words := strings.FieldsFunc(q, func(r rune) bool { return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9') })
	b.mu.Lock()
	if b.lower == nil {
		b.lower = make(map[string]string, len(b.codes))
		for c, e := range b.codes {
			b.lower[c] = strings.ToLower(e.long + " " + e.short)
		}
	}
	lower := b.lower
	b.mu.Unlock()
	var byCode, byWords []Match
	for c, e := range b.codes {
		switch {
		case strings.HasPrefix(c, prefix):
			byCode = append(byCode, Match{Code: dotted(c), Billable: e.billable, Description: e.long})
		case len(words) > 0 && allWords(lower[c], words):
			byWords = append(byWords, Match{Code: dotted(c), Billable: e.billable, Description: e.long})
		}
	}
	slices.SortFunc(byCode, func(x, y Match) int { return strings.Compare(x.Code, y.Code) })
	slices.SortFunc(byWords, func(x, y Match) int {
		switch {
		case x.Billable != y.Billable:
			if x.Billable {
				return -1
			}
			return 1
		case len(x.Description) != len(y.Description):
			return len(x.Description) - len(y.Description)
		}
		return strings.Compare(x.Code, y.Code)
	})
	out := append(byCode, byWords...)
	return out[:min(limit, len(out))]
}

// dotted writes a code without its dot as printed: "S134XXA" → "S13.4XXA".
func dotted(c string) string {
	if len(c) > 3 {
		return c[:3] + "." + c[3:]
	}
	return c
}

// allWords reports whether every word is in s, each at a word's start.
func allWords(s string, words []string) bool {
	for _, w := range words {
		i := strings.Index(s, w)
		for i > 0 && isAlnum(s[i-1]) {
			j := strings.Index(s[i+1:], w)
			if j < 0 {
				i = -1
				break
			}
			i += 1 + j
		}
		if i < 0 {
			return false
		}
	}
	return true
}

func isAlnum(c byte) bool { return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' }
