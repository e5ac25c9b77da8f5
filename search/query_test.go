package search

import (
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/medchron/medchron/chronology"
	"github.com/medchron/medchron/extract"
	"github.com/medchron/medchron/extract/dates"
)

func TestParseQuery(t *testing.T) {
	tests := []struct {
		in   string
		want Query
	}{
		{"lumbar MRI", Query{Terms: []string{"lumbar", "mri"}}},
		{`"lumbar MRI" pain`, Query{Phrases: [][]string{{"lumbar", "mri"}}, Terms: []string{"pain"}}},
		{`"MRI"`, Query{Terms: []string{"mri"}}},
		{`"unclosed phrase`, Query{Terms: []string{"unclosed", "phrase"}}},
		{`AND OR NOT`, Query{Terms: []string{"and", "or", "not"}}},
		{`L4-L5 M54.16`, Query{Terms: []string{"l4", "l5", "m54", "16"}}},
		{`text:lumbar* -pain ^x (y)`, Query{Terms: []string{"text", "lumbar", "pain", "x", "y"}}},
		{`Résumé`, Query{Terms: []string{"resume"}}},
		{`"" * - : 🙂`, Query{}},
	}
	for _, tc := range tests {
		got := ParseQuery(tc.in)
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("ParseQuery(%q) = %+v, want %+v", tc.in, got, tc.want)
		}
		if got.Empty() != (len(tc.want.Terms)+len(tc.want.Phrases) == 0) {
			t.Errorf("ParseQuery(%q).Empty() = %v", tc.in, got.Empty())
		}
	}
	if n := len(ParseQuery(strings.Repeat("pain ", 100)).Tokens()); n != MaxQueryTokens {
		t.Errorf("a long query keeps %d tokens, want %d", n, MaxQueryTokens)
	}
}

func TestSnippetAndChunks(t *testing.T) {
	long := strings.Repeat("word ", 100)
	if s := Snippet(long); utf8.RuneCountInString(s) > MaxSnippet || !strings.HasSuffix(s, "…") {
		t.Errorf("Snippet of a long text: %d runes %q", utf8.RuneCountInString(s), s)
	}
	if s := Snippet("  two\n\tlines  "); s != "two lines" {
		t.Errorf("Snippet = %q", s)
	}
	if s := Snippet(strings.Repeat("é", 300)); utf8.RuneCountInString(s) != MaxSnippet || !utf8.ValidString(s) {
		t.Errorf("Snippet cut inside a rune or too long: %d runes", utf8.RuneCountInString(s))
	}
	page := PageText(extract.Page{Text: strings.Repeat("lumbar ", 3000)})
	if n := utf8.RuneCountInString(page); n > MaxPageChars || n < MaxPageChars-20 {
		t.Errorf("PageText of a long page: %d runes", n)
	}
	e := chronology.Entry{ID: "e1", Date: dates.New(2023, 3, 14), Provider: "Riverside Orthopedics", VisitType: "consult",
		Findings: "positive straight leg raise", Diagnoses: []extract.Coded{{Code: "M54.16", Description: "Radiculopathy, lumbar region"}},
		Procedures: []extract.Coded{{Description: "Lumbar MRI"}}}
	want := "2023-03-14 · Riverside Orthopedics · consult · positive straight leg raise · M54.16 Radiculopathy, lumbar region · Lumbar MRI"
	if got := EntryText(e); got != want {
		t.Errorf("EntryText = %q\nwant          %q", got, want)
	}
	e.Summary = "Consult for low back pain."
	if got := EntryText(e); strings.Contains(got, "straight leg") || !strings.Contains(got, "Consult for low back pain.") {
		t.Errorf("EntryText with a summary = %q", got)
	}
}
