package core

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/medchron/medchron/internal/docx"
	"github.com/medchron/medchron/store"
)

// templateCache holds the firm template last parsed, by its store time,
// so that each Word download does not parse it again.
type templateCache struct {
	mu  sync.Mutex
	at  time.Time
	by  string
	tpl *docx.Template
}

// Template is the Word template of the Word downloads: the one an admin
// uploaded (store.FirmTemplate), else the server's DOCXTemplate (from
// MEDCHRON_DOCX_TEMPLATE), else nil (medchron's own styles).
func (c *Core) Template(ctx context.Context) (*docx.Template, error) {
	f, err := c.Store.FirmFile(ctx, store.FirmTemplate)
	if errors.Is(err, store.ErrNotFound) {
		return c.DOCXTemplate, nil
	}
	if err != nil {
		return nil, fmt.Errorf("firm template: %w", err)
	}
	c.templates.mu.Lock()
	defer c.templates.mu.Unlock()
	if c.templates.tpl != nil && c.templates.at.Equal(f.At) && c.templates.by == f.By {
		return c.templates.tpl, nil
	}
	tpl, err := docx.ParseTemplate(f.Data)
	if err != nil {
		return nil, fmt.Errorf("firm template stored by %s: %w", f.By, err)
	}
	c.templates.at, c.templates.by, c.templates.tpl = f.At, f.By, tpl
	return tpl, nil
}
