package report

import (
	"encoding/json"
	"fmt"
	"io"

	"github.com/medchron/medchron/chronology"
)

// WriteJSON writes c as indented chronology.json. The output is stable (the
// same chronology always gives the same bytes), the schema version is filled
// in when missing, and the arrays the schema requires are written as []
// rather than null.
func WriteJSON(w io.Writer, c chronology.Chronology) error {
	c = normalize(c)
	b, err := json.MarshalIndent(c, "", "  ")
	if err != nil {
		return fmt.Errorf("encode chronology.json: %w", err)
	}
	b = append(b, '\n')
	if _, err := w.Write(b); err != nil {
		return fmt.Errorf("write chronology.json: %w", err)
	}
	return nil
}

// normalize returns a copy of c whose required arrays are non-nil. Slices
// that are replaced are copied, never modified in place.
func normalize(c chronology.Chronology) chronology.Chronology {
	if c.Schema == "" {
		c.Schema = chronology.SchemaVersion
	}
	c.Documents = nonNil(c.Documents)
	c.Providers = nonNil(c.Providers)
	c.Gaps = nonNil(c.Gaps)
	c.Specials.ByProvider = nonNil(c.Specials.ByProvider)

	entries := make([]chronology.Entry, len(c.Entries))
	for i, e := range c.Entries {
		e.Citations = nonNil(e.Citations)
		entries[i] = e
	}
	c.Entries = entries

	bills := make([]chronology.Bill, len(c.Bills))
	for i, b := range c.Bills {
		b.Citations = nonNil(b.Citations)
		bills[i] = b
	}
	c.Bills = bills
	return c
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
