// Package firmtemplate gives the Word template of a firm's Word files: the
// one an admin uploaded to the store (store.FirmTemplate), else a default.
// The web application and the command line take it from here.
package firmtemplate

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/medchron/medchron/internal/docx"
	"github.com/medchron/medchron/store"
)

// Source reads the firm's template from Files and keeps it parsed: a
// stored template is read and parsed again only when another was stored
// since (its time and author say so), so a Word download costs one small
// query.
type Source struct {
	// Files is where the firm's template is stored; nil: none is.
	Files store.FirmFiles
	// Default is the template when none is stored (nil: medchron's own
	// styles).
	Default *docx.Template

	mu  sync.Mutex
	at  time.Time
	by  string
	tpl *docx.Template
}

// Template returns the stored template, else Default.
func (s *Source) Template(ctx context.Context) (*docx.Template, error) {
	if s.Files == nil {
		return s.Default, nil
	}
	stamp, err := s.Files.FirmFileStamp(ctx, store.FirmTemplate)
	if errors.Is(err, store.ErrNotFound) {
		return s.Default, nil
	}
	if err != nil {
		return nil, fmt.Errorf("the firm's Word template: %w", err)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.tpl != nil && s.at.Equal(stamp.At) && s.by == stamp.By {
		return s.tpl, nil
	}
	f, err := s.Files.FirmFile(ctx, store.FirmTemplate)
	if errors.Is(err, store.ErrNotFound) { // deleted in between
		return s.Default, nil
	}
	if err != nil {
		return nil, fmt.Errorf("the firm's Word template: %w", err)
	}
	tpl, err := docx.ParseTemplate(f.Data)
	if err != nil {
		return nil, fmt.Errorf("the firm's Word template uploaded by %s: %w", f.By, err)
	}
	s.at, s.by, s.tpl = f.At, f.By, tpl
	return tpl, nil
}
