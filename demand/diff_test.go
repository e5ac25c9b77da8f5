package demand

import (
	"strings"
	"testing"
)

func diffText(ls []DiffLine) string {
	var b strings.Builder
	for _, l := range ls {
		b.WriteByte(byte(l.Op))
		b.WriteString(l.Text)
		b.WriteByte('\n')
	}
	return b.String()
}

func TestDiff(t *testing.T) {
	cases := []struct{ name, a, b, want string }{
		{"same", "one\ntwo\n", "one\ntwo", " one\n two\n"},
		{"empty to text", "", "a\nb", "+a\n+b\n"},
		{"text to empty", "a\nb", "", "-a\n-b\n"},
		{"change in the middle", "a\nb\nc", "a\nB\nc", " a\n-b\n+B\n c\n"},
		{"insert", "a\nc", "a\nb\nc", " a\n+b\n c\n"},
		{"delete", "a\nb\nc", "a\nc", " a\n-b\n c\n"},
		{"move keeps the common lines", "x\na\nb\ny", "x\nb\na\ny", " x\n-a\n b\n+a\n y\n"},
	}
	for _, c := range cases {
		if got := diffText(Diff(c.a, c.b)); got != c.want {
			t.Errorf("%s:\n%s\nwant\n%s", c.name, got, c.want)
		}
	}
}

// TestDiffRebuilds: dropping the additions gives the old text, dropping
// the removals the new one, for real section edits.
func TestDiffRebuilds(t *testing.T) {
	d := sampleDraft()
	for _, s := range d.Sections {
		old := s.Body
		lines := strings.Split(old, "\n")
		lines = append([]string{"Inserted first line."}, lines...)
		if len(lines) > 3 {
			lines = append(lines[:2], lines[3:]...)
		}
		neu := strings.Join(lines, "\n") + "\nAppended."
		var a, b []string
		for _, l := range Diff(old, neu) {
			if l.Op != DiffAdd {
				a = append(a, l.Text)
			}
			if l.Op != DiffRemove {
				b = append(b, l.Text)
			}
		}
		if strings.Join(a, "\n") != strings.TrimSuffix(old, "\n") || strings.Join(b, "\n") != neu {
			t.Errorf("section %s: the diff does not rebuild both texts", s.Key)
		}
	}
}
