// Package llm is an extract.Extractor that asks a language model, through
// any OpenAI-compatible chat-completions endpoint (OpenAI, vLLM, Ollama,
// llama.cpp), for the encounters and bills printed on a document's pages.
//
// Pages are sent in chunks of consecutive pages, each opened by a marker
// line ("=== PAGE 3 ===") inside a delimited data block of the user message;
// the system message never holds record text. From prompt extract-v2 each
// marker is followed by a layout line giving the page's class and section
// provider, decided over the whole document by extract/layout; the model
// answers with page classes of its own (the layout's fill in the pages it
// leaves out), encounters (undated ones kept as undated), bill lines with
// their kind, revenue code, modifiers and units, totals by kind, and
// evidence of records that should exist elsewhere. Administrative pages are
// sent for the provider context they give and create no encounters. The answer is requested as
// strict JSON (response_format json_schema, generated from this package's
// Go types), falling back to json_object mode (then to no response_format)
// plus local validation when a server rejects json_schema; the fallback is
// remembered for the rest of the run. Every fact carries the page and the verbatim
// quote the model gave; grounding those quotes is left to extract.Grounded.
//
// A chunk whose answer stays malformed after Config.MaxRetries attempts, or
// whose requests keep failing, is reported in Result.PageErrors while the
// other chunks are still returned. Requests are limited by a semaphore,
// bounded by a per-request timeout, and retried with exponential backoff
// and jitter on 429 and 5xx answers, honouring Retry-After. Config.ExtraBody
// merges server-specific fields into each request body (e.g. Ollama's
// options.num_ctx) through a small http.RoundTripper; it is off by default.
//
// Determinism: go-openai omits a temperature of 0 from the request (the
// field is omitempty), so the server's default would apply. The extractor
// sends temperature 0.0001 instead, and a fixed seed; for reasoning models
// that refuse a temperature it sends only the seed. Answers are cached by
// model, prompt version and chunk content, so a document is never paid for
// twice.
package llm
