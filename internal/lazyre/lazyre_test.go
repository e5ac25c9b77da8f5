package lazyre

import (
	"regexp"
	"slices"
	"testing"
)

func TestCompiledOnFirstUse(t *testing.T) {
	r := New(`(?i)\b(\d+) (apples|pears)\b`)
	if r.re != nil {
		t.Fatal("compiled before use")
	}
	want := regexp.MustCompile(r.String())
	s := "3 Apples and 12 pears, 7 plums"
	if got, w := r.FindAllStringSubmatch(s, -1), want.FindAllStringSubmatch(s, -1); !slices.EqualFunc(got, w, slices.Equal) {
		t.Errorf("FindAllStringSubmatch = %q, want %q", got, w)
	}
	if r.re == nil {
		t.Fatal("not compiled after use")
	}
	if got, w := r.ReplaceAllString(s, "$2"), want.ReplaceAllString(s, "$2"); got != w {
		t.Errorf("ReplaceAllString = %q, want %q", got, w)
	}
	if r.Regexp() != r.Regexp() {
		t.Error("compiled twice")
	}
}

func TestCompileAllReportsBadExpression(t *testing.T) {
	defer func(n int) { all = all[:n] }(len(all))
	New(`fine`)
	if err := CompileAll(); err != nil {
		t.Fatalf("CompileAll = %v", err)
	}
	New(`(unclosed`)
	if err := CompileAll(); err == nil {
		t.Fatal("CompileAll accepted an expression that does not compile")
	}
}
