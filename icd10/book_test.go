package icd10

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/medchron/medchron/internal/testutil"
)

func TestLoadOrderFileFixedWidth(t *testing.T) {
	// The CMS fixed-width layout: order (5), code (7), billable flag,
	// short description (60), long description.
	row := func(order, code, flag, short, long string) string {
		return order + " " + code + strings.Repeat(" ", 7-len(code)) + " " + flag + " " + short + strings.Repeat(" ", 60-len(short)) + " " + long + "\n"
	}
	text := row("00001", "S13", "0", "Dislocation and sprain of joints and ligaments at neck level", "Dislocation and sprain of joints and ligaments at neck level") +
		row("00002", "S134XXA", "1", "Sprain of ligaments of cervical spine, initial encounter", "Sprain of ligaments of cervical spine, initial encounter") +
		row("00003", "M5412", "1", "Radiculopathy, cervical region", "Radiculopathy, cervical region")
	book, err := LoadOrderFile(context.Background(), strings.NewReader(text))
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		code, want   string
		ok, billable bool
	}{
		{"S13.4XXA", "Sprain of ligaments of cervical spine, initial encounter", true, true},
		{"s134xxa", "Sprain of ligaments of cervical spine, initial encounter", true, true},
		{"M54.12", "Radiculopathy, cervical region", true, true},
		{"S13", "Dislocation and sprain of joints and ligaments at neck level", true, false},
		{"Z99.99", "", false, false},
	}
	for _, tt := range tests {
		got, ok := book.Lookup(tt.code)
		if ok != tt.ok || got != tt.want || book.Billable(tt.code) != tt.billable {
			t.Errorf("Lookup(%q) = %q, %v (billable %v); want %q, %v, %v", tt.code, got, ok, book.Billable(tt.code), tt.want, tt.ok, tt.billable)
		}
	}
	if book.Len() != 3 {
		t.Errorf("Len = %d", book.Len())
	}
}

func TestLoadOrderFileErrors(t *testing.T) {
	for _, in := range []string{"", "00001 S13\n"} {
		if _, err := LoadOrderFile(context.Background(), strings.NewReader(in)); err == nil {
			t.Errorf("LoadOrderFile(%q) succeeded", in)
		}
	}
}

// TestCodeBookCMS loads the shared CMS order file (CSV form) and checks
// that the extractor then drops unknown codes and fills descriptions.
func TestCodeBookCMS(t *testing.T) {
	path := filepath.Join(testutil.Shared(t, "data", "codes", "icd10cm"), "icd10cm_fy2022_order_cdc.csv")
	book, err := LoadOrderFilePath(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	if book.Len() < 90000 {
		t.Fatalf("loaded %d codes", book.Len())
	}
	if d, ok := book.Lookup("S13.4XXA"); !ok || !strings.Contains(d, "Sprain of ligaments of cervical spine") {
		t.Errorf("S13.4XXA = %q, %v", d, ok)
	}
	// OCR's spacing and case do not hide a description.
	if got := book.CodesDescribed("OTHER CERVICAL DISC DISPLACEMENT, MID- CERVICAL REGION, UNSPECIFIED LEVEL"); len(got) != 1 || got[0] != "M50.220" {
		t.Errorf("CodesDescribed = %v, want [M50.220]", got)
	}
}

// TestSearch: a code prefix finds codes in code order; words find
// descriptions holding each word at a word's start, billable codes and
// shorter descriptions first; the limit holds.
func TestSearch(t *testing.T) {
	b := New()
	b.Add("S13.4XXA", true, "", "Sprain of ligaments of cervical spine, initial encounter")
	b.Add("S13.4XXD", true, "", "Sprain of ligaments of cervical spine, subsequent encounter")
	b.Add("S13.4", false, "", "Sprain of ligaments of cervical spine")
	b.Add("M54.2", true, "", "Cervicalgia")
	b.Add("S33.5XXA", true, "", "Sprain of ligaments of lumbar spine, initial encounter")
	codes := func(ms []Match) string {
		var cs []string
		for _, m := range ms {
			cs = append(cs, m.Code)
		}
		return strings.Join(cs, " ")
	}
	for _, tt := range []struct {
		q     string
		limit int
		want  string
	}{
		{"s13.4", 10, "S13.4 S13.4XXA S13.4XXD"},
		{"S134X", 1, "S13.4XXA"},
		{"cervical sprain", 10, "S13.4XXA S13.4XXD S13.4"},
		{"spine initial", 10, "S33.5XXA S13.4XXA"}, // the shorter description first
		{"vical", 10, ""},                          // not at a word's start
		{"cervicalgia", 10, "M54.2"},
		{"  ", 10, ""},
	} {
		if got := codes(b.Search(tt.q, tt.limit)); got != tt.want {
			t.Errorf("Search(%q, %d) = %q, want %q", tt.q, tt.limit, got, tt.want)
		}
	}
	if m := b.Search("M54.2", 1); len(m) != 1 || !m[0].Billable || m[0].Description != "Cervicalgia" {
		t.Errorf("Search(M54.2) = %+v", m)
	}
}
