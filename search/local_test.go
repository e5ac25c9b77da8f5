package search

import (
	"context"
	"errors"
	"math"
	"strings"
	"testing"

	"github.com/medchron/medchron/extract"
)

func embedOne(t testing.TB, text string) []float32 {
	t.Helper()
	v, err := Local{}.Embed(context.Background(), []string{text})
	if err != nil {
		t.Fatal(err)
	}
	return v[0]
}

func TestLocalVectors(t *testing.T) {
	for _, text := range []string{"Lumbar MRI shows L4-L5 disc protrusion.", "x", "Résumé 2023"} {
		v := embedOne(t, text)
		if len(v) != LocalDim {
			t.Fatalf("%q: %d dimensions", text, len(v))
		}
		if n := norm64(v); math.Abs(n-1) > 1e-5 {
			t.Errorf("%q: norm %.6f, want 1", text, n)
		}
		if w := embedOne(t, text); Cosine(v, w) != 1 {
			t.Errorf("%q: not deterministic", text)
		}
	}
	for _, text := range []string{"", "   ", "the of and", "🙂 ... --"} {
		if n := norm64(embedOne(t, text)); n != 0 {
			t.Errorf("%q: norm %.3f, want a zero vector (no features)", text, n)
		}
	}
}

func TestLocalSimilarity(t *testing.T) {
	tests := []struct {
		name          string
		query, closer string
		farther       string
	}{
		{"shared words", "lumbar MRI", "MRI of the lumbar spine shows a disc protrusion", "Right knee contusion, ice and rest"},
		{"word order", "disc protrusion", "small disc protrusion at L5-S1", "protrusion of the lip, disc jockey"},
		{"misspelling", "radiculopaty", "cervical radiculopathy with numbness", "headache and dizziness after the collision"},
		{"inflection", "fractures", "fracture of the distal radius", "sprain of the ankle ligaments"},
		{"accents", "cafe resume", "Café résumé", "tea letter"},
		{"numbers", "L4-L5", "disc bulge at L4-L5", "disc bulge at C6-C7"},
	}
	for _, tc := range tests {
		q := embedOne(t, tc.query)
		c, f := Cosine(q, embedOne(t, tc.closer)), Cosine(q, embedOne(t, tc.farther))
		if c <= f {
			t.Errorf("%s: %q is %.3f to %q and %.3f to %q; want the first closer", tc.name, tc.query, c, tc.closer, f, tc.farther)
		}
	}
	// Accent folding and case make no difference at all.
	if c := Cosine(embedOne(t, "Café RÉSUMÉ"), embedOne(t, "cafe resume")); math.Abs(c-1) > 1e-6 {
		t.Errorf("folded texts: cosine %.6f, want 1", c)
	}
}

func TestLocalCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := (Local{}).Embed(ctx, []string{"a"}); !errors.Is(err, context.Canceled) {
		t.Errorf("error %v, want context.Canceled", err)
	}
}

func norm64(v []float32) float64 {
	var s float64
	for _, x := range v {
		s += float64(x) * float64(x)
	}
	return math.Sqrt(s)
}

// BenchmarkLocalPage embeds one page of about 8,000 characters.
func BenchmarkLocalPage(b *testing.B) {
	text := strings.Repeat("Patient reports aching lumbar spine pain rated 6/10, worse with lifting. MRI of the lumbar spine demonstrates disc protrusion at L4-L5. Continue cyclobenzaprine 10 mg at bedtime. ", 50)
	text = PageText(extract.Page{Text: text})
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		if _, err := (Local{}).Embed(context.Background(), []string{text}); err != nil {
			b.Fatal(err)
		}
	}
}
