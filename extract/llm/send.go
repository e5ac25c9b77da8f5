package llm

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	openai "github.com/sashabaranov/go-openai"
)

// Backoff bounds between transient retries, before jitter.
const (
	backoffBase = time.Second
	backoffMax  = 30 * time.Second
)

// send performs one chat completion for a chunk's conversation, retrying
// 429, 5xx, timeouts and network errors with backoff (at most MaxRetries
// times and MaxRetryWait in total), and lowering the structured-output mode
// when the server rejects it.
func (e *Extractor) send(ctx context.Context, c chunk, convo []openai.ChatCompletionMessage) (openai.ChatCompletionResponse, error) {
	var waited time.Duration
	for retries := 0; ; {
		resp, mode, info, timedOut, err := e.attempt(ctx, convo)
		if err == nil {
			return resp, nil
		}
		if ctx.Err() != nil {
			return resp, context.Cause(ctx)
		}
		status := info.status
		if formatRejected(status, mode, err) {
			continue // attempt lowered the mode
		}
		if !timedOut && !transient(status) {
			return resp, classify(status, err)
		}
		if retries >= e.cfg.MaxRetries {
			return resp, fmt.Errorf("gave up after %d attempts: %w", retries+1, describe(status, timedOut, err))
		}
		retries++
		d := e.backoff(retries)
		if ra, ok := parseRetryAfter(info.retryAfter, e.now()); ok {
			d = ra
		}
		if waited+d > e.cfg.MaxRetryWait {
			return resp, fmt.Errorf("gave up after %d attempts, next wait %s exceeds the retry budget: %w",
				retries, d, describe(status, timedOut, err))
		}
		waited += d
		e.cfg.Logger.Warn("llm request retry", "pages", pageRange(c), "status", status,
			"timeout", timedOut, "retry", retries, "wait", d)
		if err := e.sleep(ctx, d); err != nil {
			return resp, err
		}
	}
}

// attempt sends one request under the concurrency limit and the
// per-request timeout, in the structured-output mode current once a slot is
// free. It returns the mode used and whether the request timed out.
func (e *Extractor) attempt(ctx context.Context, convo []openai.ChatCompletionMessage) (
	resp openai.ChatCompletionResponse, mode int32, info respInfo, timedOut bool, err error) {
	select {
	case e.sem <- struct{}{}:
	case <-ctx.Done():
		return resp, mode, info, false, context.Cause(ctx)
	}
	defer func() { <-e.sem }()
	if ctx.Err() != nil {
		// The slot came free as another chunk's request failed for
		// good (select picks either ready case): send nothing.
		return resp, mode, info, false, context.Cause(ctx)
	}
	mode = e.mode.Load()
	req := e.request(mode, convo)
	actx, cancel := context.WithTimeout(withRespInfo(ctx, &info), e.cfg.Timeout)
	defer cancel()
	resp, err = e.client.CreateChatCompletion(actx, req)
	timedOut = err != nil && errors.Is(actx.Err(), context.DeadlineExceeded) && ctx.Err() == nil
	// The mode is lowered before the slot is freed: a request waiting for
	// it then goes in the lower mode, not the one just rejected.
	if formatRejected(info.status, mode, err) && e.mode.CompareAndSwap(mode, mode+1) {
		e.cfg.Logger.Warn("llm server rejected the response format; falling back for the rest of the run",
			"from", modeName(mode), "to", modeName(mode+1))
	}
	// A refusal every chunk would hit (bad credentials, no such model)
	// stops the document's other chunks before the slot is freed: a
	// request waiting for it then sends nothing.
	if err != nil && !timedOut && ctx.Err() == nil {
		if ferr := classify(info.status, err); isFatal(ferr) {
			if stop, ok := ctx.Value(stopKey{}).(context.CancelCauseFunc); ok {
				stop(ferr)
			}
		}
	}
	return resp, mode, info, timedOut, err
}

// formatRejected reports whether a request in mode failed because the
// server does not take that structured-output mode (a 400 about
// response_format), and a lower mode is left.
func formatRejected(status int, mode int32, err error) bool {
	return err != nil && status == http.StatusBadRequest && mode < modePlain && mentionsResponseFormat(err)
}

// transient reports whether a status is worth retrying: 408, 409, 429, 5xx,
// no response at all (a network error), or a 2xx whose body did not decode.
func transient(status int) bool {
	switch {
	case status == 0, status == http.StatusRequestTimeout, status == http.StatusConflict,
		status == http.StatusTooManyRequests, status >= 500:
		return true
	case status >= 200 && status < 300:
		return true
	}
	return false
}

// classify wraps a permanent error, marking the ones every chunk would hit.
func classify(status int, err error) error {
	switch status {
	case http.StatusUnauthorized, http.StatusForbidden, http.StatusNotFound:
		return fmt.Errorf("%w: %w", errFatal, describe(status, false, err))
	}
	return describe(status, false, err)
}

// describe names an HTTP failure without echoing more than a short server
// message.
func describe(status int, timedOut bool, err error) error {
	if timedOut {
		return fmt.Errorf("request timed out: %w", context.DeadlineExceeded)
	}
	if status == 0 {
		return err
	}
	msg := err.Error()
	var apiErr *openai.APIError
	if errors.As(err, &apiErr) {
		msg = apiErr.Message
	}
	if len(msg) > 200 {
		msg = msg[:200] + "…"
	}
	return &StatusError{Status: status, Message: msg}
}

// StatusError is an HTTP error answer from the endpoint.
type StatusError struct {
	Status  int
	Message string // the server's message, shortened
}

// Error implements error.
func (e *StatusError) Error() string { return fmt.Sprintf("HTTP %d: %s", e.Status, e.Message) }

// mentionsResponseFormat reports whether a 400 is about response_format.
func mentionsResponseFormat(err error) bool {
	s := strings.ToLower(err.Error())
	var reqErr *openai.RequestError
	if errors.As(err, &reqErr) {
		s += " " + strings.ToLower(string(reqErr.Body))
	}
	return strings.Contains(s, "response_format") || strings.Contains(s, "json_schema") ||
		strings.Contains(s, "response format")
}

func modeName(m int32) string {
	switch m {
	case modeJSONSchema:
		return "json_schema"
	case modeJSONObject:
		return "json_object"
	}
	return "plain"
}

// backoff is the wait before retry n (from 1): exponential from
// backoffBase, capped at backoffMax, with full jitter over its upper half.
func (e *Extractor) backoff(n int) time.Duration {
	d := backoffMax
	if n < 6 {
		d = min(backoffBase<<(n-1), backoffMax)
	}
	half := int64(d / 2)
	return time.Duration(half + e.jitter(half+1))
}

// parseRetryAfter reads a Retry-After header: delay seconds or an HTTP date.
func parseRetryAfter(v string, now time.Time) (time.Duration, bool) {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0, false
	}
	if s, err := strconv.Atoi(v); err == nil {
		if s < 0 {
			return 0, false
		}
		return time.Duration(s) * time.Second, true
	}
	t, err := http.ParseTime(v)
	if err != nil {
		return 0, false
	}
	return max(t.Sub(now), 0), true
}
