package search

import (
	"context"
	"math"
	"slices"
)

// LocalModel is the model name Local records with its vectors. Change it
// whenever Local's features or weights change, so stored vectors are
// re-embedded rather than compared with different ones.
const LocalModel = "local-hash-v1"

// LocalDim is the length of Local's vectors.
const LocalDim = 256

// Feature weights: whole words carry the meaning, character n-grams give
// tolerance to inflection and OCR misreadings.
const (
	weightWord   = 1.0
	weightBigram = 0.8
	weightChar   = 0.35
)

// Local is a deterministic embedder that needs no model file: hashed word
// unigrams and bigrams and character 3- and 4-grams of the folded text
// (lower case, accents removed, numbers kept, stop words left out), signed
// feature hashing (FNV-1a, finalised by mix) into LocalDim dimensions, sublinear term
// frequency (1 + ln tf), L2-normalised. Texts that share words and word
// pieces get similar vectors; it knows no synonyms.
type Local struct{}

// Model implements Embedder.
func (Local) Model() string { return LocalModel }

// Dim implements Embedder.
func (Local) Dim() int { return LocalDim }

// Embed implements Embedder. It never fails and does no I/O.
func (l Local) Embed(ctx context.Context, texts []string) ([][]float32, error) {
	out := make([][]float32, len(texts))
	counts := make(map[uint64]float32, 1024)
	for i, t := range texts {
		if i%64 == 0 && ctx.Err() != nil {
			return nil, ctx.Err()
		}
		out[i] = l.vector(t, counts)
	}
	return out, nil
}

// vector embeds one text; counts is scratch space, cleared here.
func (Local) vector(text string, counts map[uint64]float32) []float32 {
	clear(counts)
	var prev string
	for _, w := range Tokens(text) {
		if stopwords[w] {
			prev = ""
			continue
		}
		counts[featureHash('w', w, "")]++
		if prev != "" {
			counts[featureHash('b', prev, w)]++
		}
		prev = w
		charGrams(w, counts)
	}
	v := make([]float32, LocalDim)
	// Add features in a fixed order: float sums depend on order, and the
	// same text must always give the same vector, bit for bit.
	keys := make([]uint64, 0, len(counts))
	for h := range counts {
		keys = append(keys, h)
	}
	slices.Sort(keys)
	for _, h := range keys {
		tf := counts[h]
		w := float64(1 + math.Log(float64(tf)))
		switch byte(h) {
		case 'w':
			w *= weightWord
		case 'b':
			w *= weightBigram
		default:
			w *= weightChar
		}
		m := mix(h)
		idx := m % LocalDim
		if m>>63 == 1 {
			w = -w
		}
		v[idx] += float32(w)
	}
	normalise(v)
	return v
}

// charGrams counts the 3- and 4-grams of w padded with word boundaries
// ("^mri$" → "^mr", "mri", "ri$", "^mri", "mri$").
func charGrams(w string, counts map[uint64]float32) {
	var buf [64]rune
	rs := buf[:0]
	rs = append(rs, '^')
	for _, r := range w {
		if len(rs) == cap(buf)-1 {
			break
		}
		rs = append(rs, r)
	}
	rs = append(rs, '$')
	for n := 3; n <= 4; n++ {
		for i := 0; i+n <= len(rs); i++ {
			counts[runeHash('c', rs[i:i+n])]++
		}
	}
}

const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

// featureHash is FNV-1a of a kind byte and one or two words; the low byte
// of the result is replaced by the kind so weights can be found from it.
func featureHash(kind byte, a, b string) uint64 {
	h := uint64(fnvOffset)
	h = (h ^ uint64(kind)) * fnvPrime
	for i := 0; i < len(a); i++ {
		h = (h ^ uint64(a[i])) * fnvPrime
	}
	if b != "" {
		h = (h ^ ' ') * fnvPrime
		for i := 0; i < len(b); i++ {
			h = (h ^ uint64(b[i])) * fnvPrime
		}
	}
	return h&^0xff | uint64(kind)
}

// runeHash is featureHash over runes (their UTF-8 bytes hashed as runes).
func runeHash(kind byte, rs []rune) uint64 {
	h := uint64(fnvOffset)
	h = (h ^ uint64(kind)) * fnvPrime
	for _, r := range rs {
		for r > 0xff {
			h = (h ^ uint64(r&0xff)) * fnvPrime
			r >>= 8
		}
		h = (h ^ uint64(r)) * fnvPrime
	}
	return h&^0xff | uint64(kind)
}

// mix is MurmurHash3's 64-bit finaliser: FNV-1a alone leaves the bits of
// short inputs poorly mixed (features would crowd into a few dimensions
// with one sign).
func mix(h uint64) uint64 {
	h ^= h >> 33
	h *= 0xff51afd7ed558ccd
	h ^= h >> 33
	h *= 0xc4ceb9fe1a85ec53
	h ^= h >> 33
	return h
}

// normalise scales v to unit length (a zero vector stays zero).
func normalise(v []float32) {
	var s float64
	for _, x := range v {
		s += float64(x) * float64(x)
	}
	if s == 0 {
		return
	}
	inv := float32(1 / math.Sqrt(s))
	for i := range v {
		v[i] *= inv
	}
}

// Cosine returns the cosine similarity of a and b, 0 when either is zero
// or their lengths differ.
func Cosine(a, b []float32) float64 {
	if len(a) != len(b) {
		return 0
	}
	var dot, na, nb float64
	for i := range a {
		x, y := float64(a[i]), float64(b[i])
		dot += x * y
		na += x * x
		nb += y * y
	}
	if na == 0 || nb == 0 {
		return 0
	}
	return dot / math.Sqrt(na*nb)
}
