package ui

import (
	"strings"
	"testing"
	"time"
)

// TestWhen: pages show times in the firm's time zone with its
// abbreviation, across a daylight-saving change; nil is UTC.
func TestWhen(t *testing.T) {
	chicago, err := time.LoadLocation("America/Chicago")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		t    time.Time
		loc  *time.Location
		want string
	}{
		{time.Date(2026, 12, 5, 17, 41, 0, 0, time.UTC), chicago, "2026-12-05 11:41 CST"},
		{time.Date(2026, 7, 5, 17, 41, 0, 0, time.UTC), chicago, "2026-07-05 12:41 CDT"},
		{time.Date(2026, 7, 5, 17, 41, 0, 0, time.UTC), time.UTC, "2026-07-05 17:41 UTC"},
		{time.Time{}, chicago, ""},
	} {
		if got := when(tc.t, tc.loc); got != tc.want {
			t.Errorf("when(%v, %v) = %q, want %q", tc.t, tc.loc, got, tc.want)
		}
	}
	// The pages' templates write times with the zone they were parsed with.
	for _, loc := range []*time.Location{chicago, nil} {
		tpl, err := parsePages(loc).byName["audit"].New("probe").Parse("{{when .}}")
		if err != nil {
			t.Fatal(err)
		}
		var b strings.Builder
		if err := tpl.Execute(&b, time.Date(2026, 12, 5, 17, 41, 0, 0, time.UTC)); err != nil {
			t.Fatal(err)
		}
		want := "2026-12-05 11:41 CST"
		if loc == nil {
			want = "2026-12-05 17:41 UTC"
		}
		if b.String() != want {
			t.Errorf("zone %v: page writes %q, want %q", loc, b.String(), want)
		}
	}
}
