package exhibit

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// The stamps: 9-point black Helvetica Bates numbers at the bottom right and
// an 8-point footer at the bottom left, a quarter inch in from the corners
// of the page as displayed, in the margin where Bates numbers are expected,
// drawn over the page without a background so that they hide as little as
// possible (stampContent).
const (
	batesSize  = 9
	footerSize = 8
)

// footerText checks the footer and maps it to what the stamp font (a
// standard Type 1 font, Latin-1 only) can show.
func footerText(s string) (string, error) {
	s = strings.TrimSpace(s)
	if utf8.RuneCountInString(s) > MaxFooter {
		return "", fmt.Errorf("footer is longer than %d characters", MaxFooter)
	}
	if strings.ContainsAny(s, "\r\n") {
		return "", fmt.Errorf("footer must be one line")
	}
	if strings.Contains(s, "%") {
		return "", fmt.Errorf("footer may not contain %%")
	}
	return latin1(s), nil
}
