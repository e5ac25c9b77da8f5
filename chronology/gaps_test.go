package chronology

import (
	"slices"
	"testing"

	"github.com/medchron/medchron/extract/dates"
)

func d(s string) dates.Date {
	v, err := dates.ParseISO(s)
	if err != nil {
		panic(err)
	}
	return v
}

func TestComputeGaps(t *testing.T) {
	e := func(id, date string) Entry { return Entry{ID: id, Date: d(date)} }
	tests := []struct {
		name     string
		entries  []Entry
		incident string
		gapDays  int
		want     []Gap
	}{
		{"exactly 30 days is no gap", []Entry{e("a", "2023-03-01"), e("b", "2023-03-31")}, "", 30, nil},
		{"31 days is a gap", []Entry{e("a", "2023-03-01"), e("b", "2023-04-01")}, "", 30,
			[]Gap{{From: d("2023-03-01"), To: d("2023-04-01"), Days: 31, AfterEntryID: "a", BeforeEntryID: "b"}}},
		{"from the date of incident", []Entry{e("a", "2023-03-15"), e("b", "2023-03-20")}, "2023-02-01", 30,
			[]Gap{{From: d("2023-02-01"), To: d("2023-03-15"), Days: 42, BeforeEntryID: "a"}}},
		{"pre-incident entries ignored", []Entry{{ID: "p", Date: d("2022-01-01"), PreIncident: true}, e("a", "2023-02-02")}, "2023-02-01", 30, nil},
		{"same-day entries are one date", []Entry{e("a", "2023-01-01"), e("b", "2023-01-01"), e("c", "2023-03-01")}, "", 30,
			[]Gap{{From: d("2023-01-01"), To: d("2023-03-01"), Days: 59, AfterEntryID: "b", BeforeEntryID: "c"}}},
		{"a hospital stay covers its end date", []Entry{{ID: "a", Date: d("2023-01-01"), EndDate: d("2023-01-20")}, e("b", "2023-02-15")}, "", 30, nil},
		{"custom threshold", []Entry{e("a", "2023-01-01"), e("b", "2023-01-10"), e("c", "2023-01-30")}, "", 14,
			[]Gap{{From: d("2023-01-10"), To: d("2023-01-30"), Days: 20, AfterEntryID: "b", BeforeEntryID: "c"}}},
		{"across a leap day", []Entry{e("a", "2024-02-01"), e("b", "2024-03-03")}, "", 30,
			[]Gap{{From: d("2024-02-01"), To: d("2024-03-03"), Days: 31, AfterEntryID: "a", BeforeEntryID: "b"}}},
		{"no entries", nil, "2023-01-01", 30, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var inc dates.Date
			if tt.incident != "" {
				inc = d(tt.incident)
			}
			got := computeGaps(tt.entries, inc, tt.gapDays)
			if got == nil {
				t.Fatal("gaps must be an empty slice, not nil")
			}
			if !slices.Equal(got, tt.want) && !(len(got) == 0 && len(tt.want) == 0) {
				t.Errorf("gaps = %+v\nwant %+v", got, tt.want)
			}
		})
	}
}
