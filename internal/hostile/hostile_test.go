package hostile

import (
	"bytes"
	"compress/zlib"
	"io"
	"testing"
)

// TestZeros: the spliced stream inflates to exactly n zero bytes with a
// valid checksum.
func TestZeros(t *testing.T) {
	for _, n := range []int{1 << 20, 5 << 20} {
		r, err := zlib.NewReader(bytes.NewReader(zeros(n)))
		if err != nil {
			t.Fatal(err)
		}
		got, err := io.ReadAll(r)
		if err != nil || len(got) != n || bytes.ContainsFunc(got, func(r rune) bool { return r != 0 }) {
			t.Fatalf("zeros(%d) inflates to %d bytes, %v", n, len(got), err)
		}
	}
}

// TestCases: at least 100 files, unique names, each one built, and every
// kind of outcome represented.
func TestCases(t *testing.T) {
	cs := Cases()
	if len(cs) < 100 {
		t.Fatalf("%d cases, want at least 100", len(cs))
	}
	seen := map[string]bool{}
	kinds := map[Outcome]int{}
	for _, c := range cs {
		if seen[c.File] {
			t.Errorf("two cases named %s", c.File)
		}
		seen[c.File] = true
		kinds[c.Want]++
		if c.Why == "" {
			t.Errorf("%s: no description", c.File)
		}
	}
	if kinds[Refused] == 0 || kinds[Accepted] == 0 || kinds[Either] == 0 {
		t.Errorf("outcomes %v", kinds)
	}
}
