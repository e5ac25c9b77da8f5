package ui

import "testing"

func TestMarkTerms(t *testing.T) {
	for _, tc := range []struct{ snippet, query, want string }{
		{"MRI of the brain without contrast; brain MRI normal", "MRI brain",
			"<mark>MRI</mark> of the <mark>brain</mark> without contrast; <mark>brain</mark> <mark>MRI</mark> normal"},
		{"<script>alert(1)</script> mri", "mri", "&lt;script&gt;alert(1)&lt;/script&gt; <mark>mri</mark>"},
		{"C5-C6 (disc) protrusion", "c5-c6 (disc", "<mark>C5-C6</mark> (<mark>disc</mark>) protrusion"},
		{"a b c", "a", "a b c"}, // one-letter words are not marked
		{"nothing here", "", "nothing here"},
	} {
		if got := string(markTerms(tc.snippet, tc.query)); got != tc.want {
			t.Errorf("markTerms(%q, %q) = %q, want %q", tc.snippet, tc.query, got, tc.want)
		}
	}
	if !hasPhrase("Impression: MRI  Brain\\nnormal", "mri brain") || hasPhrase("brain MRI", "mri brain") || hasPhrase("x", "") {
		t.Error("hasPhrase")
	}
}
