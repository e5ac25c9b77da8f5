package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	sqlite "modernc.org/sqlite"

	"github.com/medchron/medchron/demand"
	"github.com/medchron/medchron/store"
	"github.com/medchron/medchron/store/internal/rows"
)

// PutDemandGeneration records a (re)generation of the matter's demand
// letter and its new versions in one transaction; demand.ErrConflict when
// a version number is taken.
func (s *Store) PutDemandGeneration(ctx context.Context, matterID string, g demand.Generation, vs []demand.Version) error {
	keys, err := json.Marshal(g.Keys)
	if err != nil {
		return fmt.Errorf("demand generation of %s: %w", matterID, err)
	}
	excluded, err := json.Marshal(g.Excluded)
	if err != nil {
		return fmt.Errorf("demand generation of %s: %w", matterID, err)
	}
	inputs, err := json.Marshal(g.Inputs)
	if err != nil {
		return fmt.Errorf("demand generation of %s: %w", matterID, err)
	}
	return rows.Wrap(s.WithTx(ctx, func(ctx context.Context, tx store.Tx) error {
		t := tx.(*Store)
		_, err := t.q.ExecContext(ctx, `
INSERT INTO demand_generations (matter_id, at, user_id, username, keys, excluded, inputs) VALUES (?, ?, ?, ?, ?, ?, ?)
ON CONFLICT (matter_id) DO UPDATE SET at = excluded.at, user_id = excluded.user_id,
    username = excluded.username, keys = excluded.keys, excluded = excluded.excluded, inputs = excluded.inputs`,
			matterID, ts(g.At), g.UserID, g.Username, string(keys), string(excluded), string(inputs))
		if err != nil {
			return fmt.Errorf("demand generation of %s: %w", matterID, err)
		}
		for _, v := range vs {
			if err := t.AddDemandVersion(ctx, matterID, v); err != nil {
				return err
			}
		}
		return nil
	}), "put demand generation")
}

// AddDemandVersion stores a version of a section; demand.ErrConflict when
// its number is taken.
func (s *Store) AddDemandVersion(ctx context.Context, matterID string, v demand.Version) error {
	cits, err := json.Marshal(v.Citations)
	if err != nil {
		return fmt.Errorf("demand %s section %s version %d: %w", matterID, v.Key, v.N, err)
	}
	unreviewed, err := json.Marshal(rows.StringList(v.Unreviewed))
	if err != nil {
		return fmt.Errorf("demand %s section %s version %d: %w", matterID, v.Key, v.N, err)
	}
	_, err = s.q.ExecContext(ctx, `
INSERT INTO demand_versions (matter_id, key, n, title, body, citations, user_id, username, at, sha256, unreviewed)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		matterID, v.Key, v.N, v.Title, v.Body, string(cits), v.UserID, v.Username, ts(v.At), v.SHA256, string(unreviewed))
	if isUnique(err) || isVersionTaken(err) {
		return fmt.Errorf("demand %s section %s version %d: %w", matterID, v.Key, v.N, demand.ErrConflict)
	}
	if err != nil {
		return fmt.Errorf("demand %s section %s version %d: %w", matterID, v.Key, v.N, err)
	}
	return nil
}

// isVersionTaken reports whether err is the demand_versions_no_replace
// trigger refusing a version number already stored.
func isVersionTaken(err error) bool {
	var e *sqlite.Error
	return errors.As(err, &e) && strings.Contains(e.Error(), "demand_versions: version number taken")
}

// AddDemandApproval stores an approval of a stored version.
func (s *Store) AddDemandApproval(ctx context.Context, matterID string, a demand.Approval) error {
	_, err := s.q.ExecContext(ctx, `
INSERT INTO demand_approvals (matter_id, key, version, sha256, user_id, username, at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
		matterID, a.Key, a.Version, a.SHA256, a.UserID, a.Username, ts(a.At))
	if err != nil {
		return fmt.Errorf("approve demand %s section %s version %d: %w", matterID, a.Key, a.Version, err)
	}
	return nil
}

// DemandRecord returns the matter's demand letter: its latest generation,
// the versions of each section by ascending number and the approvals in
// the order they were given. store.ErrNotFound before the first
// generation.
func (s *Store) DemandRecord(ctx context.Context, matterID string) (demand.Record, error) {
	g := s.q.QueryRowContext(ctx, `SELECT `+rows.GenerationColumns+` FROM demand_generations WHERE matter_id = ?`, matterID)
	return scan.DemandRecord(ctx, s.query, g, sql.ErrNoRows, "?", matterID)
}
