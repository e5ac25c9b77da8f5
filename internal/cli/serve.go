package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"github.com/medchron/medchron/demand/llmdraft"
	"net"
	"time"

	"github.com/medchron/medchron/internal/app"
	"github.com/medchron/medchron/web"
)

// runServe runs the HTTP API (and, unless --workers 0, job workers) until
// SIGINT or SIGTERM, then shuts down gracefully: stop taking requests,
// stop fetching jobs, let running ones finish.
func runServe(ctx context.Context, env *Env, args []string) error {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	addr := fs.String("addr", "127.0.0.1:8080", "listen address")
	var db dbFlags
	db.register(fs)
	fallback := fs.String("llm-fallback", app.Fallback(), "extractor that takes over a document the LLM failed on every attempt: rules or none (default $"+app.EnvFallback+")")
	workers := fs.Int("workers", -1, "OCR job workers in this process (default: number of CPUs; 0: API only, server mode)")
	extractor := fs.String("extractor", "", "rules or llm")
	migrate := fs.Bool("migrate", false, "apply database migrations at start-up (server mode)")
	docxTemplate := fs.String("docx-template", app.DOCXTemplate(), "the firm's Word template (.docx/.dotx) for the Word downloads: its styles, headers and footers (default $"+app.EnvDOCXTemplate+")")
	timeZone := fs.String("time-zone", app.TimeZone(), "the firm's time zone for times shown in pages, an IANA name such as America/Chicago (default $"+app.EnvTimeZone+", else the machine's)")
	secure := fs.Bool("secure-cookies", false, "mark the session cookie Secure, for HTTPS (default: on unless --addr is a loopback address)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if err := db.check(); err != nil {
		return err
	}
	if !flagSet(fs, "secure-cookies") {
		*secure = !loopback(*addr)
	}
	// Browser users sign in; the token (optional) is for scripts calling
	// the API, which otherwise need a signed-in session too.
	token := env.Settings.APIToken
	if *workers < 0 {
		*workers = defaultWorkers()
	}
	if !db.server() && *workers == 0 {
		return errors.New("the embedded mode runs its jobs in this process: --workers must be at least 1")
	}
	opts := env.Settings.Apply(db.options())
	opts.Workers, opts.Extractor, opts.Fallback, opts.Migrate, opts.Logger = *workers, *extractor, *fallback, *migrate, env.Log
	h, err := app.Open(ctx, opts)
	if err != nil {
		return err
	}
	defer h.Close(context.Background())
	if err := h.Start(ctx); err != nil {
		return err
	}
	riverUI, err := h.RiverUI(ctx, "/admin/river", env.Log)
	if err != nil {
		return err
	}
	var st any = h.Store
	ws, ok := st.(web.Store)
	if !ok {
		return fmt.Errorf("the %s store does not support the web application", h.Kind)
	}
	if us, err := ws.Users(ctx); err != nil {
		return err
	} else if len(us) == 0 {
		fmt.Fprintln(env.Stderr, "medchron serve: no users yet; create the first admin with: medchron user add USERNAME --role admin (same --db or DATABASE_URL)")
	}
	tpl, err := app.LoadDOCXTemplate(*docxTemplate)
	if err != nil {
		return err
	}
	loc, err := app.LoadTimeZone(*timeZone)
	if err != nil {
		return err
	}
	cfg := web.Config{
		Store: ws, Pipeline: h.Pipeline, RiverUI: riverUI, Token: token, Logger: env.Log,
		Search: searcherFor(h), SecureCookies: *secure, Pages: h.Readers, DOCXTemplate: tpl, TimeZone: loc,
	}
	if l := env.Settings.LLM; l != nil && l.Model != "" { // the LLM extractor's endpoint drafts demand sections too
		d, err := llmdraft.New(llmdraft.FromExtractor(*l))
		if err != nil {
			return fmt.Errorf("llm drafting: %w", err)
		}
		cfg.Drafter = d
	}
	srv := web.HTTPServer(*addr, web.New(cfg))
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stderr, "medchron serve: %s mode, listening on http://%s (River UI at /admin/river/)\n", h.Kind, ln.Addr())
	if *secure {
		fmt.Fprintln(env.Stderr, "medchron serve: session cookies are Secure: open the application over HTTPS (a TLS proxy), or pass --secure-cookies=false")
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	fmt.Fprintln(env.Stderr, "medchron serve: shutting down")
	shut, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	return srv.Shutdown(shut)
}

// flagSet reports whether the command line set the flag name.
func flagSet(fs *flag.FlagSet, name string) bool {
	set := false
	fs.Visit(func(f *flag.Flag) { set = set || f.Name == name })
	return set
}

// loopback reports whether addr listens only on a loopback address.
func loopback(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return false
	}
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}
