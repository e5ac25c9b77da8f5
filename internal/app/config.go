package app

import (
	"log/slog"
	"time"

	"github.com/medchron/medchron/extract/llm"
	"github.com/medchron/medchron/search"
)

// Config says how to run medchron, in either way: on PostgreSQL when
// DatabaseURL is set (the server mode), else on the SQLite file at DBPath
// (the embedded mode). Zero fields take the defaults given; the commands
// fill the environment's part with Environment.Apply.
type Config struct {
	// DatabaseURL is a postgres:// DSN; set, it chooses the server mode.
	DatabaseURL string
	// DBPath is the embedded mode's SQLite file; default DefaultDBPath().
	DBPath string
	// Workers is the number of OCR workers (Tesseract clients) in this
	// process. Embedded: 0 or less for the number of CPUs. Server: 0 makes
	// a process that only inserts jobs (an API server without workers), a
	// negative number the number of CPUs.
	Workers int
	// Extractor is "rules", "llm", or "" for llm when LLM is set, else rules.
	Extractor string
	// LLM configures the LLM extractor; nil for none. "medchron eval
	// --extractor oracle" points it at an oracle server.
	LLM *llm.Config
	// Embedding configures an OpenAI-compatible embedder for search; nil
	// for the built-in local one.
	Embedding *search.OpenAIConfig
	// Fallback is the extractor ("rules") that takes over a document the
	// configured one failed on every attempt; "" for none.
	Fallback string
	// NoOCR stores pages without a text layer as empty instead of OCR'ing
	// them (embedded mode only).
	NoOCR bool
	// Migrate applies medchron's and River's migrations at start-up in the
	// server mode (the embedded mode always migrates).
	Migrate bool
	// KeyFile seals the originals; default EmbeddedKeyFile(DBPath), or
	// ServerKeyFile() in the server mode (every machine needs the same
	// file). Created on first use.
	KeyFile string
	// WorkDir holds working copies of original files while their documents
	// are processed: default "work" beside DBPath (embedded), or a folder
	// per database in the user cache folder (server).
	WorkDir string
	// ExtractRetry is the wait before a failed extraction's first retry
	// (0: the pipeline's default, 15 s).
	ExtractRetry time.Duration
	// OCRTimeout bounds the OCR of one page (0: the pipeline's default).
	OCRTimeout time.Duration
	// RescueAfter is how long a job may stay running in the server mode
	// before River gives it to another worker (its worker is presumed
	// dead: killed, machine lost). Default DefaultRescueAfter: longer than
	// the longest job timeout, so a live job is never run twice.
	RescueAfter time.Duration
	// InProcess reads record files in this process instead of the
	// isolated reader processes (debugging only).
	InProcess bool
	Logger    *slog.Logger
	// Now is the clock used for generated_at (nil: time.Now).
	Now func() time.Time
}

// DefaultRescueAfter is Config.RescueAfter's default.
const DefaultRescueAfter = 35 * time.Minute
