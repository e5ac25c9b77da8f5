// Package search finds pages and chronology entries of one matter by what
// they say. It combines a full-text search (exact words and phrases, run by
// the store) with a similarity search over embeddings (vectors of the
// texts), and fuses the two ranked lists by reciprocal rank fusion.
//
// Embeddings come from an Embedder: Local, a deterministic hashed n-gram
// embedder built into the binary, or OpenAI, any OpenAI-compatible
// /v1/embeddings endpoint (the application chooses one from its
// configuration). Every stored vector records the model that made it; vectors of different models are never compared,
// so a change of model calls for re-embedding (see Service.Stale).
//
// The package knows nothing of SQL or HTTP: a store implements Index (both
// store/sqlite and store/postgres do), and the HTTP API adapts
// Service.Search to its own types.
package search
