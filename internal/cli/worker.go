package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"

	"github.com/medchron/medchron/internal/app"
)

// runWorker works River jobs from the shared PostgreSQL database until
// SIGINT or SIGTERM. Start as many as the backlog needs, on any machines.
func runWorker(ctx context.Context, env *Env, args []string) error {
	fs := flag.NewFlagSet("worker", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	dbURL := fs.String("database-url", app.DatabaseURL(), "PostgreSQL DSN (default $DATABASE_URL)")
	workers := fs.Int("workers", defaultWorkers(), "OCR job workers (Tesseract clients) in this process")
	extractor := fs.String("extractor", "", "rules or llm")
	fallback := fs.String("llm-fallback", app.Fallback(), "extractor that takes over a document the LLM failed on every attempt: rules or none (default $"+app.EnvFallback+")")
	migrate := fs.Bool("migrate", false, "apply database migrations at start-up")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if *dbURL == "" {
		return errors.New("worker needs DATABASE_URL=postgres://… (the embedded mode runs its jobs inside process and serve)")
	}
	if *workers < 1 {
		return errors.New("--workers must be at least 1")
	}
	h, err := app.Open(ctx, env.Settings.Apply(app.Config{DatabaseURL: *dbURL, Workers: *workers, Extractor: *extractor, Fallback: *fallback, Migrate: *migrate, Logger: env.Log}))
	if err != nil {
		return err
	}
	if err := h.Start(ctx); err != nil {
		h.Close(context.Background())
		return err
	}
	fmt.Fprintf(env.Stderr, "medchron worker: working jobs with %d OCR workers\n", *workers)
	<-ctx.Done()
	fmt.Fprintln(env.Stderr, "medchron worker: stopping: finishing running jobs")
	return h.Close(context.Background())
}

// runMigrate applies medchron's and River's migrations.
func runMigrate(ctx context.Context, env *Env, args []string) error {
	fs := flag.NewFlagSet("migrate", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	var db dbFlags
	db.register(fs)
	if err := fs.Parse(args); err != nil {
		return err
	}
	if err := db.check(); err != nil {
		return err
	}
	if db.server() {
		if err := app.Migrate(ctx, db.url, "", env.Log); err != nil {
			return err
		}
		fmt.Fprintln(env.Stdout, "database is up to date")
		return nil
	}
	e, err := app.OpenEmbedded(ctx, app.Config{DBPath: db.path, NoOCR: true, Logger: env.Log}) // migrates on open
	if err != nil {
		return err
	}
	fmt.Fprintln(env.Stdout, "database is up to date")
	return e.Close(ctx)
}
