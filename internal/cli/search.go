package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/medchron/medchron/internal/app"
	"github.com/medchron/medchron/search"
	"github.com/medchron/medchron/store"
	"github.com/medchron/medchron/store/sqlite"
)

func runSearch(ctx context.Context, env *Env, args []string) error {
	var matter string
	var db dbFlags
	var limit int
	fs := flag.NewFlagSet("search", flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	db.register(fs)
	fs.StringVar(&matter, "matter", "", "matter id (required)")
	fs.IntVar(&limit, "limit", 10, "number of results (1 to 100)")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), `Usage: medchron search [--db PATH] --matter ID [--limit N] QUERY...

Searches a matter's pages and chronology entries: words, "quoted phrases",
and pages similar in meaning. Embeddings come from MEDCHRON_EMBEDDING_MODEL
on OPENAI_BASE_URL when set, else from the built-in local embedder.`)
		fs.PrintDefaults()
	}
	words, err := parseInterleaved(fs, args)
	if err != nil {
		return err
	}
	query := strings.TrimSpace(strings.Join(words, " "))
	if matter == "" || query == "" {
		fs.Usage()
		return exitError{2}
	}
	if limit < 1 || limit > 100 {
		return errors.New("--limit must be between 1 and 100")
	}
	if err := db.check(); err != nil {
		return err
	}
	opts := env.Settings.Apply(db.options())
	opts.Logger, opts.NoOCR = env.Log, true
	h, err := app.Open(ctx, opts)
	if err != nil {
		if errors.Is(err, sqlite.ErrInUse) {
			return fmt.Errorf("%w: search cannot run while \"medchron process\" runs on the same database; try again when it has finished", err)
		}
		return err
	}
	defer h.Close(context.Background())
	if _, err := h.Store.Matter(ctx, matter); err != nil {
		if errors.Is(err, store.ErrNotFound) {
			return fmt.Errorf("no matter %q in this database", matter)
		}
		return err
	}
	svc := h.Search
	if svc == nil {
		return errors.New("this database cannot be searched yet (no search index in this store)")
	}
	if err := ensureIndexed(ctx, env.Stderr, h.Store, svc, matter); err != nil {
		return err
	}
	hits, err := svc.Search(ctx, matter, query, limit)
	if err != nil {
		return err
	}
	printHits(env.Stdout, hits)
	return nil
}

// ensureIndexed embeds the matter's pages and entries with the current
// model when it has none of that model's vectors (never indexed, or
// indexed with another model).
func ensureIndexed(ctx context.Context, w io.Writer, st matterReader, svc *search.Service, matterID string) error {
	models, err := svc.Index.VectorModels(ctx, matterID)
	if err != nil {
		return err
	}
	if slices.Contains(models, svc.Embedder.Model()) {
		return nil
	}
	docs, err := st.MatterDocuments(ctx, matterID)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "indexing matter %s for search with %s (%d document(s))\n", matterID, svc.Embedder.Model(), len(docs))
	for _, d := range docs {
		pages, err := st.PageTexts(ctx, d.ID)
		if err != nil {
			return fmt.Errorf("%s: %w", d.File, err)
		}
		if err := svc.IndexDocument(ctx, d.ID, pages); err != nil {
			return fmt.Errorf("%s: %w", d.File, err)
		}
	}
	c, _, err := st.Chronology(ctx, matterID)
	switch {
	case errors.Is(err, store.ErrNotFound):
		return nil // not built yet: pages only
	case err != nil:
		return err
	}
	return svc.IndexEntries(ctx, matterID, c.AllEntries())
}

func printHits(w io.Writer, hits []search.Hit) {
	if len(hits) == 0 {
		fmt.Fprintln(w, "no results")
		return
	}
	for i, h := range hits {
		var where string
		if h.Kind == search.KindEntry {
			date := h.Date
			if date == "" {
				date = "undated"
			}
			where = strings.TrimSpace(date + " " + h.Provider)
		} else {
			where = fmt.Sprintf("%s p.%d", h.File, h.Page)
		}
		fmt.Fprintf(w, "%2d. %.4f  %-5s  %s\n", i+1, h.Score, h.Kind, where)
		if h.Snippet != "" {
			fmt.Fprintf(w, "    %s\n", h.Snippet)
		}
	}
}
