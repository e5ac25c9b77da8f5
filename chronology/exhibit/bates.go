package exhibit

import (
	"fmt"
	"strconv"
	"strings"
)

// batesDigits is the zero padding of chronology.Build's Bates numbers
// (fmt.Sprintf("%s%06d", prefix, n)).
const batesDigits = 6

// Bates formats the Bates number n with prefix exactly as chronology.Build
// does: MC000001.
func Bates(prefix string, n int) string {
	return fmt.Sprintf("%s%0*d", prefix, batesDigits, n)
}

// parseBates returns the number of the Bates number s, which must be
// prefix followed by the digits Bates writes.
func parseBates(prefix, s string) (int, error) {
	digits, ok := strings.CutPrefix(s, prefix)
	if !ok || digits == "" {
		return 0, fmt.Errorf("the Bates number %q does not start with the prefix %q", s, prefix)
	}
	n, err := strconv.Atoi(digits)
	if err != nil || n < 1 || Bates(prefix, n) != s {
		return 0, fmt.Errorf("the Bates number %q is not the prefix %q and a number of at least %d digits", s, prefix, batesDigits)
	}
	return n, nil
}
