package rows

import (
	"encoding/json"
	"math"
	"math/rand/v2"
	"reflect"
	"testing"

	"github.com/medchron/medchron/extract"
)

// TestWordsFastAsEncodingJSON: on what json.Marshal writes, wordsFast reads
// exactly what json.Unmarshal reads, and it declines what it does not know
// (escaped texts, jsonb's spacing), which Words then reads the slow way.
func TestWordsFastAsEncodingJSON(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	texts := []string{"Patient", "née", "12/03/2024", "$1,234.00", "x", "日本", "a b", "-", "0"}
	nums := []float64{0, -0.5, 1, 612.0001, 1e-7, 123456789.125, 1e21, -3.25e-10, math.SmallestNonzeroFloat64}
	for n := range 200 {
		words := make([]extract.Word, 1+r.IntN(20))
		for i := range words {
			words[i] = extract.Word{
				Text: texts[r.IntN(len(texts))],
				Box:  extract.Box{X0: nums[r.IntN(len(nums))], Y0: r.Float64() * 800, X1: r.Float64() * 1e4, Y1: -r.Float64()},
				Line: r.IntN(80) - 1,
			}
			if r.IntN(2) == 0 {
				words[i].Confidence = r.Float64() * 100
			}
		}
		data, err := json.Marshal(words)
		if err != nil {
			t.Fatal(err)
		}
		got, ok := wordsFast(data)
		if !ok {
			t.Fatalf("case %d: declined %s", n, data)
		}
		var want []extract.Word
		if err := json.Unmarshal(data, &want); err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("case %d: %s\ngot  %+v\nwant %+v", n, data, got, want)
		}
	}
	for _, s := range []string{
		`[{"t":"a \"b\"","b":{"x0":1,"y0":2,"x1":3,"y1":4},"l":0}]`,
		`[{"t":"\u003c","b":{"x0":1,"y0":2,"x1":3,"y1":4},"l":0}]`,
		`[{"b": {"x0": 1, "x1": 3, "y0": 2, "y1": 4}, "l": 0, "t": "a"}]`,
		`[{"t":"a","b":{"x0":1,"y0":2,"x1":3,"y1":4},"l":1.5}]`,
		`[{"t":"a","b":{"x0":01,"y0":2,"x1":3,"y1":4},"l":0}]`,
		`[{"t":"a","b":{"x0":1,"y0":2,"x1":3,"y1":4},"l":0}] `,
		`[{"t":"a","b":{"x0":1,"y0":2,"x1":3,"y1":4},"l":0},]`,
		`[{"t":"a","b":{"x0":1e999,"y0":2,"x1":3,"y1":4},"l":0}]`,
		"[{\"t\":\"\xff\",\"b\":{\"x0\":1,\"y0\":2,\"x1\":3,\"y1\":4},\"l\":0}]",
	} {
		if w, ok := wordsFast([]byte(s)); ok {
			t.Errorf("read %s as %+v, want it left to encoding/json", s, w)
		}
		got, gotErr := Words([]byte(s))
		var want []extract.Word
		wantErr := json.Unmarshal([]byte(s), &want)
		if (gotErr == nil) != (wantErr == nil) || gotErr == nil && !reflect.DeepEqual(got, want) {
			t.Errorf("Words(%s) = %+v, %v; encoding/json: %+v, %v", s, got, gotErr, want, wantErr)
		}
	}
}
