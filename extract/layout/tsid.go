package layout

import (
	"strings"

	"github.com/medchron/medchron/internal/lazyre"
)

// reBareTSID is a fax banner whose page count OCR lost or put on a line of
// its own: the sender's station ID, the date and time, a job number, and
// nothing else ("WESTSIDE CLINIC 6/7/24 11:54 #4018") but the page
// without its count ("... #4005 Pg 1").
var reBareTSID = lazyre.New(`^[A-Za-z][A-Za-z'.,&/ \-]{3,60}?\s+\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2,4}\s+\d{1,2}:\d{2}(?:\s*[AaPp][Mm])?\s+#\s?\d{3,}(?:\s+(?i:pg|pq|pag|paq)\.?\s*\d{1,3})?\s*$`)

// bareTSID reports whether line t is such a banner. Only lines with a job
// number's '#' and a clock's ':' are tried.
func bareTSID(t string) bool {
	return strings.Contains(t, "#") && strings.Contains(t, ":") && reBareTSID.MatchString(t)
}
