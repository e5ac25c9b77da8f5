package llm

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"
)

func TestExtractRetryAfter(t *testing.T) {
	now := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	for _, tc := range []struct {
		name, header string
		want         time.Duration
	}{
		{"seconds", "1", time.Second},
		{"HTTP date", now.Add(3 * time.Second).Format(http.TimeFormat), 3 * time.Second},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := newFakeServer(t, "", func(call int, s seen) reply {
				if call == 0 {
					return reply{status: 429, retryAfter: tc.header, errMsg: "rate limited"}
				}
				return reply{content: testdata(t, "answer_p"+s.pages+".json")}
			})
			e, sl := newTest(t, f, "", nil, func(c *Config) { c.PagesPerChunk = 4 })
			got, err := e.Extract(context.Background(), testDoc, testPages(t)[:2])
			if err != nil || len(got.PageErrors) != 0 || len(got.Bills) != 2 {
				t.Fatalf("err %v, page errors %v", err, got.PageErrors)
			}
			if w := sl.all(); len(w) != 1 || w[0] != tc.want {
				t.Errorf("waits %v, want [%v]", w, tc.want)
			}
			if len(f.calls()) != 2 {
				t.Errorf("%d requests, want 2", len(f.calls()))
			}
		})
	}
}

func TestExtractRetryAfterBeyondBudget(t *testing.T) {
	f := newFakeServer(t, "", func(int, seen) reply { return reply{status: 503, retryAfter: "600", errMsg: "busy"} })
	e, sl := newTest(t, f, "", nil, func(c *Config) { c.MaxRetryWait = time.Minute })
	_, err := e.Extract(context.Background(), testDoc, testPages(t)[:2])
	if err == nil || !strings.Contains(err.Error(), "retry budget") {
		t.Errorf("err = %v, want the retry budget named", err)
	}
	if len(sl.all()) != 0 || len(f.calls()) != 1 {
		t.Errorf("waited %v over %d requests, want no wait and 1 request", sl.all(), len(f.calls()))
	}
}

func TestExtractServerErrors(t *testing.T) {
	f := newFakeServer(t, "", func(_ int, s seen) reply {
		if s.pages == "3-4" {
			return reply{status: 500, errMsg: "internal error"}
		}
		return reply{content: testdata(t, "answer_p1-2.json")}
	})
	e, sl := newTest(t, f, "", nil, nil)
	got, err := e.Extract(context.Background(), testDoc, testPages(t))
	if err != nil {
		t.Fatal(err)
	}
	if len(got.PageErrors) != 2 || !strings.Contains(got.PageErrors[3], "HTTP 500") || !strings.Contains(got.PageErrors[4], "gave up after 3 attempts") {
		t.Errorf("PageErrors = %v", got.PageErrors)
	}
	if len(got.Encounters) != 1 || len(got.Bills) != 2 {
		t.Errorf("good chunk lost: %d encounters", len(got.Encounters))
	}
	w := sl.all()
	if len(w) != 2 {
		t.Fatalf("waits %v, want 2 backoffs", w)
	}
	for i, d := range w {
		lo := backoffBase << i / 2
		if d < lo || d > 2*lo {
			t.Errorf("backoff %d = %v, want in [%v, %v]", i+1, d, lo, 2*lo)
		}
	}
	// A one-chunk document whose only chunk fails is an error.
	if _, err := e.Extract(context.Background(), testDoc, testPages(t)[2:]); err == nil || !strings.Contains(err.Error(), "mercy.pdf") {
		t.Errorf("err = %v, want an error naming the file", err)
	}
}

func TestExtractTimeout(t *testing.T) {
	f := newFakeServer(t, "", func(_ int, s seen) reply {
		if s.pages == "1-2" {
			return reply{hang: true}
		}
		return reply{content: testdata(t, "answer_p3-4.json")}
	})
	// The timeout leaves the answering chunk time to answer on a loaded
	// machine (CI runs packages side by side).
	e, sl := newTest(t, f, "", nil, func(c *Config) { c.Timeout = 400 * time.Millisecond; c.MaxRetries = 1 })
	start := time.Now()
	got, err := e.Extract(context.Background(), testDoc, testPages(t))
	if err != nil {
		t.Fatal(err)
	}
	if time.Since(start) > 3*time.Second {
		t.Errorf("took %v: the per-request timeout was not applied", time.Since(start))
	}
	if !strings.Contains(got.PageErrors[1], "timed out") || len(got.Encounters) != 2 {
		t.Errorf("PageErrors = %v, %d encounters", got.PageErrors, len(got.Encounters))
	}
	n := 0
	for _, c := range f.calls() {
		if c.pages == "1-2" {
			n++
		}
	}
	if n != 2 || len(sl.all()) != 1 {
		t.Errorf("hanging chunk sent %d times with %d waits, want 2 and 1", n, len(sl.all()))
	}
}

func TestExtractFallbackToJSONObject(t *testing.T) {
	f := newFakeServer(t, "", func(_ int, s seen) reply {
		if s.format == "json_schema" {
			return reply{status: 400, errMsg: "response_format type json_schema is not supported by this server"}
		}
		return reply{content: testdata(t, "answer_p"+s.pages+".json")}
	})
	e, _ := newTest(t, f, "", nil, func(c *Config) { c.MaxConcurrency = 1 })
	for range 2 { // the second document goes straight to json_object
		got, err := e.Extract(context.Background(), testDoc, testPages(t))
		if err != nil || len(got.PageErrors) != 0 || len(got.Encounters) != 3 {
			t.Fatalf("err %v, page errors %v", err, got.PageErrors)
		}
	}
	schemaCalls := 0
	for _, c := range f.calls() {
		switch c.format {
		case "json_schema":
			schemaCalls++
		case "json_object":
			if len(c.system) != 2 || !strings.Contains(c.system[1], `"bill_totals"`) {
				t.Error("json_object request does not carry the schema in a system message")
			}
		default:
			t.Errorf("response_format %q", c.format)
		}
	}
	if schemaCalls != 1 || len(f.calls()) != 5 {
		t.Errorf("%d json_schema requests of %d, want 1 of 5 (fallback remembered)", schemaCalls, len(f.calls()))
	}
}

func TestExtractBadRequestIsNotRetried(t *testing.T) {
	f := newFakeServer(t, "", func(int, seen) reply { return reply{status: 400, errMsg: "context length exceeded"} })
	e, sl := newTest(t, f, "", nil, func(c *Config) { c.PagesPerChunk = 4 })
	_, err := e.Extract(context.Background(), testDoc, testPages(t))
	var se *StatusError
	if !errors.As(err, &se) || se.Status != 400 || len(f.calls()) != 1 || len(sl.all()) != 0 {
		t.Errorf("err %v after %d requests", err, len(f.calls()))
	}
}

func TestExtractUnauthorizedStopsEarly(t *testing.T) {
	f := newFakeServer(t, "Bearer wrong", func(int, seen) reply { return reply{status: 401, errMsg: "invalid api key"} })
	e, _ := newTest(t, f, "wrong", nil, func(c *Config) { c.PagesPerChunk = 1; c.MaxConcurrency = 1 })
	_, err := e.Extract(context.Background(), testDoc, testPages(t))
	if err == nil || !errors.Is(err, errFatal) || !strings.Contains(err.Error(), "mercy.pdf") {
		t.Errorf("err = %v", err)
	}
	if n := len(f.calls()); n != 1 {
		t.Errorf("%d requests after a 401, want 1", n)
	}
}

func TestExtractContextCancel(t *testing.T) {
	f := newFakeServer(t, "", func(int, seen) reply { return reply{hang: true} })
	e, _ := newTest(t, f, "", nil, nil)
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	start := time.Now()
	_, err := e.Extract(ctx, testDoc, testPages(t))
	if !errors.Is(err, context.DeadlineExceeded) || time.Since(start) > 2*time.Second {
		t.Errorf("err %v after %v", err, time.Since(start))
	}
}
