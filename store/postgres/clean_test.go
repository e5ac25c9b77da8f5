package postgres

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestClean(t *testing.T) {
	t.Parallel()
	tests := []struct{ in, want string }{
		{"Mercy General — ER", "Mercy General — ER"},
		{"a\x00b", "a\uFFFDb"},
		{"bad \xff\xfe utf8", "bad \uFFFD utf8"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := clean(tt.in); got != tt.want {
			t.Errorf("clean(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestJSONB(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		in   string
		want string // the string decoded back
	}{
		{"plain", "neck pain 7/10", "neck pain 7/10"},
		{"NUL", "a\x00b\x00", "a\uFFFDb\uFFFD"},
		{"literal backslash-u0000 kept", `C:\u0000\x`, `C:\u0000\x`},
		{"escaped backslash before NUL", "\\\x00", "\\\uFFFD"},
		{"invalid UTF-8", "x\xffy", "x\uFFFDy"},
		{"quotes and controls", "\"q\"\t\n\x01", "\"q\"\t\n\x01"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, err := jsonb(map[string]string{"s": tt.in})
			if err != nil {
				t.Fatal(err)
			}
			if strings.Contains(strings.ReplaceAll(string(b), `\\`, ""), `\u0000`) {
				t.Errorf("jsonb left a NUL escape: %s", b)
			}
			var got map[string]string
			if err := json.Unmarshal(b, &got); err != nil {
				t.Fatalf("jsonb wrote invalid JSON %s: %v", b, err)
			}
			if got["s"] != tt.want {
				t.Errorf("round trip = %q, want %q", got["s"], tt.want)
			}
		})
	}
}
