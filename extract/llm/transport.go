package llm

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
)

// extraBodyTransport merges fields into the JSON body of every POST, for
// server options go-openai has no field for (Ollama "options", vLLM
// "guided_json"). Nested objects are merged key by key; other values
// replace what the request held.
type extraBodyTransport struct {
	base  http.RoundTripper
	extra map[string]any
}

// RoundTrip implements http.RoundTripper.
func (t extraBodyTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	if req.Method != http.MethodPost || req.Body == nil || len(t.extra) == 0 ||
		!strings.HasPrefix(req.Header.Get("Content-Type"), "application/json") {
		return t.base.RoundTrip(req)
	}
	raw, err := io.ReadAll(req.Body)
	req.Body.Close()
	if err != nil {
		return nil, fmt.Errorf("read request body: %w", err)
	}
	var body map[string]any
	if err := json.Unmarshal(raw, &body); err != nil {
		return nil, fmt.Errorf("merge extra body fields: request body is not a JSON object: %w", err)
	}
	mergeInto(body, t.extra)
	merged, err := json.Marshal(body)
	if err != nil {
		return nil, fmt.Errorf("merge extra body fields: %w", err)
	}
	out := req.Clone(req.Context())
	out.Body = io.NopCloser(bytes.NewReader(merged))
	out.ContentLength = int64(len(merged))
	out.GetBody = func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(merged)), nil }
	out.Header.Del("Content-Length")
	return t.base.RoundTrip(out)
}

// mergeInto merges src into dst, recursing into objects present in both.
func mergeInto(dst, src map[string]any) {
	for k, v := range src {
		sv, srcObj := v.(map[string]any)
		dv, dstObj := dst[k].(map[string]any)
		if srcObj && dstObj {
			mergeInto(dv, sv)
			continue
		}
		if srcObj {
			cp := map[string]any{}
			mergeInto(cp, sv)
			v = cp
		}
		dst[k] = v
	}
}

// respInfo records what go-openai's errors leave out: the HTTP status and
// the Retry-After header of the last response to one request.
type respInfo struct {
	status     int
	retryAfter string
}

type respInfoKey struct{}

// withRespInfo returns a context whose requests record into info.
func withRespInfo(ctx context.Context, info *respInfo) context.Context {
	return context.WithValue(ctx, respInfoKey{}, info)
}

// infoTransport fills the respInfo carried by a request's context.
type infoTransport struct{ base http.RoundTripper }

// RoundTrip implements http.RoundTripper.
func (t infoTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	resp, err := t.base.RoundTrip(req)
	if info, ok := req.Context().Value(respInfoKey{}).(*respInfo); ok && resp != nil {
		info.status = resp.StatusCode
		info.retryAfter = resp.Header.Get("Retry-After")
	}
	return resp, err
}

// wrapClient returns a copy of c (or a new client) whose transport records
// response info and merges extra body fields.
func wrapClient(c *http.Client, extra map[string]any) *http.Client {
	var out http.Client
	if c != nil {
		out = *c
	}
	base := out.Transport
	if base == nil {
		base = http.DefaultTransport
	}
	if len(extra) > 0 {
		base = extraBodyTransport{base: base, extra: extra}
	}
	out.Transport = infoTransport{base: base}
	return &out
}
