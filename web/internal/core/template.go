package core

import (
	"context"
	"sync"

	"github.com/medchron/medchron/internal/docx"
	"github.com/medchron/medchron/internal/firmtemplate"
)

// templates is the firm's template as the Word downloads take it, set up
// on first use from the Core's Store and DOCXTemplate.
type templates struct {
	once sync.Once
	src  firmtemplate.Source
}

// Template is the Word template of the Word downloads: the one an admin
// uploaded (store.FirmTemplate), else the server's DOCXTemplate (from
// MEDCHRON_DOCX_TEMPLATE), else nil (medchron's own styles).
func (c *Core) Template(ctx context.Context) (*docx.Template, error) {
	c.templates.once.Do(func() {
		c.templates.src.Files, c.templates.src.Default = c.Store, c.DOCXTemplate
	})
	return c.templates.src.Template(ctx)
}
