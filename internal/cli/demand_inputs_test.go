package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestReadDemandInputs(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	write := func(name, body string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	tests := []struct {
		name, path, wantErr string
		wantClaim           string
	}{
		{"no file", "", "", ""},
		{"good", write("good.json", `{"claim_number": "AM-1", "pip": 0, "deadline": "2026-02-16"}`), "", "AM-1"},
		{"missing", filepath.Join(dir, "missing.json"), "missing.json", ""},
		{"not JSON", write("bad.json", `claim: AM-1`), "bad.json", ""},
		{"unknown field", write("unknown.json", `{"claim": "AM-1"}`), `unknown field "claim"`, ""},
		{"negative amount", write("neg.json", `{"pip": -5}`), "pip must be a non-negative amount", ""},
		{"bad deadline", write("date.json", `{"deadline": "next Friday"}`), "deadline", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in, err := readDemandInputs(tt.path)
			if tt.wantErr == "" {
				if err != nil || in.ClaimNumber != tt.wantClaim {
					t.Fatalf("readDemandInputs = %+v, %v", in, err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) || !strings.Contains(err.Error(), "--demand-inputs") {
				t.Errorf("error %v, want one naming the flag and %q", err, tt.wantErr)
			}
		})
	}
}
