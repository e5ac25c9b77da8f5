package postgres

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
)

// clean makes s storable in a text column: PostgreSQL rejects NUL and
// invalid UTF-8, which a PDF's text layer or a file name can hold. Both
// become U+FFFD.
func clean(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	return strings.ReplaceAll(s, "\x00", "\uFFFD")
}

// jsonb marshals v for a jsonb column. encoding/json already writes
// invalid UTF-8 as U+FFFD; jsonb also rejects the escape \u0000, which
// becomes \ufffd.
func jsonb(v any) ([]byte, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return nil, fmt.Errorf("jsonb: %w", err)
	}
	if !bytes.Contains(b, []byte(`\u0000`)) {
		return b, nil
	}
	out := make([]byte, 0, len(b))
	for i := 0; i < len(b); i++ {
		if b[i] != '\\' || i+1 == len(b) {
			out = append(out, b[i])
			continue
		}
		// An escape: copy it whole so that `\\u0000` (a backslash
		// followed by "u0000" in the text) is left alone.
		if bytes.HasPrefix(b[i:], []byte(`\u0000`)) {
			out = append(out, `\ufffd`...)
			i += len(`\u0000`) - 1
			continue
		}
		out = append(out, b[i], b[i+1])
		i++
	}
	return out, nil
}
