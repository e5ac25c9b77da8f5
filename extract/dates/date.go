// Package dates holds the calendar Date used across medchron and parses the
// many ways medical records print dates, including common OCR confusions.
package dates

import (
	"encoding/json"
	"fmt"
	"time"
)

// Date is a calendar date without a time zone. The zero Date means unknown.
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// New returns the Date for year, month and day.
func New(year int, month time.Month, day int) Date { return Date{year, month, day} }

// Of returns the calendar date of t in t's location.
func Of(t time.Time) Date { y, m, d := t.Date(); return Date{y, m, d} }

// ParseISO parses YYYY-MM-DD.
func ParseISO(s string) (Date, error) {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		return Date{}, fmt.Errorf("date %q: want YYYY-MM-DD", s)
	}
	return Of(t), nil
}

// IsZero reports whether d is the zero (unknown) date.
func (d Date) IsZero() bool { return d == Date{} }

// String formats d as YYYY-MM-DD, or "" for the zero date.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, int(d.Month), d.Day)
}

// Time returns midnight UTC of d.
func (d Date) Time() time.Time { return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC) }

// Before reports whether d is before e.
func (d Date) Before(e Date) bool { return d.Compare(e) < 0 }

// After reports whether d is after e.
func (d Date) After(e Date) bool { return d.Compare(e) > 0 }

// Compare returns -1, 0 or +1 as d is before, equal to or after e.
func (d Date) Compare(e Date) int { return d.Time().Compare(e.Time()) }

// DaysUntil returns the number of days from d to e (negative if e is earlier).
func (d Date) DaysUntil(e Date) int { return int(e.Time().Sub(d.Time()).Hours() / 24) }

// AddDays returns d plus n days.
func (d Date) AddDays(n int) Date { return Of(d.Time().AddDate(0, 0, n)) }

// Valid reports whether d is a real calendar date.
func (d Date) Valid() bool {
	if d.Month < 1 || d.Month > 12 || d.Day < 1 || d.Year < 1 {
		return false
	}
	return Of(d.Time()) == d
}

// MarshalJSON writes d as "YYYY-MM-DD" (the zero date as "").
func (d Date) MarshalJSON() ([]byte, error) { return json.Marshal(d.String()) }

// UnmarshalJSON reads "YYYY-MM-DD" or "".
func (d *Date) UnmarshalJSON(b []byte) error {
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return err
	}
	if s == "" {
		*d = Date{}
		return nil
	}
	v, err := ParseISO(s)
	if err != nil {
		return err
	}
	*d = v
	return nil
}
