package demand

import (
	"errors"
	"fmt"

	"github.com/medchron/medchron/internal/lazyre"
)

// ErrNotFinished is returned (wrapped, with the reason) when a section that
// is not finished is approved.
var ErrNotFinished = errors.New("the section is not finished")

// placeholder finds a bracketed placeholder or mark, and the words of a
// placeholder whose brackets an editor removed.
var placeholder = lazyre.New(`\[[^\]\n]{0,200}\]?|(?i)\b(attorney|paralegal) to (insert|add|confirm|describe|check|verify)\b`)

// Finished reports why a section may not be approved yet, or nil: its
// text holds a placeholder ("[Attorney to insert …]", UnreviewedMark, or
// any other bracket), or it states facts of entries nobody has reviewed
// (unreviewed lists them).
func Finished(body string, unreviewed []string) error {
	if m := placeholder.FindString(body); m != "" {
		return fmt.Errorf("%w: it still holds the placeholder %q; fill it in or remove it first", ErrNotFinished, m)
	}
	if n := len(unreviewed); n > 0 {
		return fmt.Errorf("%w: it states facts of %d chronology entries nobody has reviewed yet; review them and generate the draft again", ErrNotFinished, n)
	}
	return nil
}
