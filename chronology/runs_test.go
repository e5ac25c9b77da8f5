package chronology

import (
	"strings"
	"testing"

	"github.com/medchron/medchron/extract"
)

func ptEntry(id, date string, pain float64, findings string) Entry {
	p := pain
	return Entry{ID: id, Date: d(date), ProviderID: "pt", Provider: "Riverside PT", VisitType: "physical therapy",
		PainScore: &p, Findings: findings, Citations: []extract.Citation{{DocumentID: "doc", Page: 1, Quote: id}}}
}

// TestComputeRuns: three or more visits of one provider and visit type,
// of a repetitive kind, without a gap, are one run with its visits, dates
// and pain trend; a gap or an evaluation splits or stands apart.
func TestComputeRuns(t *testing.T) {
	kinds := map[string]string{"pt": "physical_therapy", "ortho": "orthopedics"}
	ortho := Entry{ID: "o1", Date: d("2024-01-10"), ProviderID: "ortho", VisitType: "follow-up"}
	tests := []struct {
		name      string
		entries   []Entry
		wantRuns  [][]string
		wantTrend []string
	}{
		{"one run around another provider's visit",
			[]Entry{ptEntry("a", "2024-01-02", 7, ""), ptEntry("b", "2024-01-05", 6, ""), ortho, ptEntry("c", "2024-01-12", 4, "")},
			[][]string{{"a", "b", "c"}}, []string{TrendImproving}},
		{"two visits are no run",
			[]Entry{ptEntry("a", "2024-01-02", 7, ""), ptEntry("b", "2024-01-05", 6, "")}, nil, nil},
		{"a gap splits the series",
			[]Entry{ptEntry("a", "2024-01-02", 3, ""), ptEntry("b", "2024-01-05", 3, ""), ptEntry("c", "2024-01-08", 3, ""),
				ptEntry("d", "2024-04-01", 5, ""), ptEntry("e", "2024-04-03", 6, ""), ptEntry("f", "2024-04-05", 7, "")},
			[][]string{{"a", "b", "c"}, {"d", "e", "f"}}, []string{TrendUnchanged, TrendWorsening}},
		{"an orthopedic series is no run",
			[]Entry{ortho, {ID: "o2", Date: d("2024-01-17"), ProviderID: "ortho", VisitType: "follow-up"},
				{ID: "o3", Date: d("2024-01-24"), ProviderID: "ortho", VisitType: "follow-up"}}, nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			runs := computeRuns(tt.entries, kinds, 30)
			if len(runs) != len(tt.wantRuns) {
				t.Fatalf("runs %+v", runs)
			}
			for i, r := range runs {
				if strings.Join(r.EntryIDs, ",") != strings.Join(tt.wantRuns[i], ",") || r.Visits != len(tt.wantRuns[i]) || r.PainTrend != tt.wantTrend[i] {
					t.Errorf("run %d: %+v", i, r)
				}
				for _, e := range tt.entries {
					if in := strings.Contains(","+strings.Join(r.EntryIDs, ",")+",", ","+e.ID+","); in != (e.RunID == r.ID) {
						t.Errorf("entry %s run id %q", e.ID, e.RunID)
					}
				}
			}
		})
	}
}

// TestCopiedForward: the same long exam text at a later visit of the same
// provider is flagged, citing both; short or different texts are not.
func TestCopiedForward(t *testing.T) {
	exam := "Cervical AROM flexion 30 deg, extension 25 deg, rotation R 45 / L 55 deg. Hypertonicity of the upper trapezius."
	tests := []struct {
		name    string
		entries []Entry
		want    int
	}{
		{"copied", []Entry{ptEntry("a", "2024-01-02", 5, exam), ptEntry("b", "2024-01-09", 5, strings.ToUpper(exam))}, 1},
		{"three copies flag twice", []Entry{ptEntry("a", "2024-01-02", 5, exam), ptEntry("b", "2024-01-09", 5, exam), ptEntry("c", "2024-01-16", 5, exam)}, 2},
		{"short texts repeat by nature", []Entry{ptEntry("a", "2024-01-02", 5, "C/T/L"), ptEntry("b", "2024-01-09", 5, "C/T/L")}, 0},
		{"a changed exam", []Entry{ptEntry("a", "2024-01-02", 5, exam), ptEntry("b", "2024-01-09", 5, exam+" Improved.")}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fs := copiedForwardFlags(tt.entries)
			if len(fs) != tt.want {
				t.Fatalf("flags %+v", fs)
			}
			for _, f := range fs {
				if f.Kind != FlagCopiedForward || len(f.EntryIDs) != 2 || len(f.Citations) != 2 {
					t.Errorf("flag %+v", f)
				}
			}
		})
	}
}
