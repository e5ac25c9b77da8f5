package chronology

import (
	"encoding/json"
	"strings"
	"testing"
)

// TestGroundedAndReviewedJSON checks the two words on the wire: grounded
// (with its deprecated alias verified) and reviewed are written, and a
// chronology written before grounded existed reads the same.
func TestGroundedAndReviewedJSON(t *testing.T) {
	tests := []struct {
		name         string
		in           string
		wantGrounded bool
		wantReviewed bool
		wantOut      []string
	}{
		{"new, grounded, unreviewed", `{"id":"e","grounded":true,"verified":true,"review":"unreviewed","citations":[]}`, true, false,
			[]string{`"grounded":true`, `"verified":true`, `"reviewed":false`}},
		{"old, verified only", `{"id":"e","verified":true,"citations":[]}`, true, false,
			[]string{`"grounded":true`, `"verified":true`}},
		{"old, not grounded but reviewed", `{"id":"e","verified":false,"review":"verified","citations":[]}`, false, true,
			[]string{`"grounded":false`, `"verified":false`, `"reviewed":true`}},
		{"corrected counts as reviewed", `{"id":"e","grounded":true,"review":"corrected","citations":[]}`, true, true,
			[]string{`"reviewed":true`}},
		{"rejected is not reviewed", `{"id":"e","grounded":true,"review":"rejected","citations":[]}`, true, false,
			[]string{`"reviewed":false`}},
		{"grounded wins over a stale alias", `{"id":"e","grounded":false,"verified":true,"citations":[]}`, false, false,
			[]string{`"grounded":false`, `"verified":false`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var e Entry
			if err := json.Unmarshal([]byte(tt.in), &e); err != nil {
				t.Fatal(err)
			}
			if e.Grounded != tt.wantGrounded || e.Reviewed() != tt.wantReviewed {
				t.Errorf("grounded %v reviewed %v, want %v %v", e.Grounded, e.Reviewed(), tt.wantGrounded, tt.wantReviewed)
			}
			out, err := json.Marshal(e)
			if err != nil {
				t.Fatal(err)
			}
			for _, w := range tt.wantOut {
				if !strings.Contains(string(out), w) {
					t.Errorf("%s lacks %s", out, w)
				}
			}
		})
	}
}

// TestOldChronologyReads reads a chronology in the words of its first
// release: bill lines "verified", "unverified_charges" and flags of kind
// "unverified" come back grounded, ungrounded charges and ungrounded.
func TestOldChronologyReads(t *testing.T) {
	old := `{"schema":"medchron.chronology/v1","matter":{"id":"m"},
	"bills":[{"id":"b","provider_id":"p","provider":"P","charge":10,"citations":[],"verified":true}],
	"specials":{"total_charges":0,"unverified_charges":10,"by_provider":[]},
	"flags":[{"kind":"unverified","message":"m"},{"kind":"undated","message":"u"}]}`
	var c Chronology
	if err := json.Unmarshal([]byte(old), &c); err != nil {
		t.Fatal(err)
	}
	if !c.Bills[0].Grounded {
		t.Error("an old verified bill line is not grounded")
	}
	if c.Specials.UngroundedCharges == nil || *c.Specials.UngroundedCharges != 10 {
		t.Errorf("ungrounded charges %v", c.Specials.UngroundedCharges)
	}
	if c.Flags[0].Kind != FlagUngrounded || c.Flags[1].Kind != FlagUndated {
		t.Errorf("flags %+v", c.Flags)
	}
	out, err := json.Marshal(c)
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range []string{`"grounded":true`, `"verified":true`, `"ungrounded_charges":10`, `"unverified_charges":10`, `"kind":"ungrounded"`} {
		if !strings.Contains(string(out), w) {
			t.Errorf("%s lacks %s", out, w)
		}
	}
	if strings.Contains(string(out), `"kind":"unverified"`) {
		t.Error("the old flag kind is written again")
	}
}
