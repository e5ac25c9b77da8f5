package postgres

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"
	"github.com/medchron/medchron/demand"
	"github.com/medchron/medchron/store"
	"github.com/medchron/medchron/store/internal/rows"
)

// PutDemandGeneration records a (re)generation of the matter's demand
// letter and its new versions in one transaction; demand.ErrConflict when
// a version number is taken.
func (s *Store) PutDemandGeneration(ctx context.Context, matterID string, g demand.Generation, vs []demand.Version) error {
	keys, err := jsonb(g.Keys)
	if err != nil {
		return fmt.Errorf("demand generation of %s: %w", matterID, err)
	}
	excluded, err := jsonb(g.Excluded)
	if err != nil {
		return fmt.Errorf("demand generation of %s: %w", matterID, err)
	}
	inputs, err := jsonb(g.Inputs)
	if err != nil {
		return fmt.Errorf("demand generation of %s: %w", matterID, err)
	}
	return rows.Wrap(s.WithTx(ctx, func(ctx context.Context, tx store.Tx) error {
		t := tx.(*Store)
		_, err := t.q.Exec(ctx, `
INSERT INTO demand_generations (matter_id, at, user_id, username, keys, excluded, inputs) VALUES ($1, $2, $3, $4, $5, $6, $7)
ON CONFLICT (matter_id) DO UPDATE SET at = excluded.at, user_id = excluded.user_id,
    username = excluded.username, keys = excluded.keys, excluded = excluded.excluded, inputs = excluded.inputs`,
			matterID, g.At.UTC(), g.UserID, clean(g.Username), string(keys), string(excluded), string(inputs))
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
	cits, err := jsonb(v.Citations)
	if err != nil {
		return fmt.Errorf("demand %s section %s version %d: %w", matterID, v.Key, v.N, err)
	}
	unreviewed, err := jsonb(rows.StringList(v.Unreviewed))
	if err != nil {
		return fmt.Errorf("demand %s section %s version %d: %w", matterID, v.Key, v.N, err)
	}
	_, err = s.q.Exec(ctx, `
INSERT INTO demand_versions (matter_id, key, n, title, body, citations, user_id, username, at, sha256, unreviewed)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
		matterID, v.Key, v.N, clean(v.Title), clean(v.Body), string(cits), v.UserID, clean(v.Username), v.At.UTC(), v.SHA256, string(unreviewed))
	if isUnique(err, "demand_versions_number") {
		return fmt.Errorf("demand %s section %s version %d: %w", matterID, v.Key, v.N, demand.ErrConflict)
	}
	if err != nil {
		return fmt.Errorf("demand %s section %s version %d: %w", matterID, v.Key, v.N, err)
	}
	return nil
}

// AddDemandApproval stores an approval of a stored version.
func (s *Store) AddDemandApproval(ctx context.Context, matterID string, a demand.Approval) error {
	_, err := s.q.Exec(ctx, `
INSERT INTO demand_approvals (matter_id, key, version, sha256, user_id, username, at) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
		matterID, a.Key, a.Version, a.SHA256, a.UserID, clean(a.Username), a.At.UTC())
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
	g := s.q.QueryRow(ctx, `SELECT `+rows.GenerationColumns+` FROM demand_generations WHERE matter_id = $1`, matterID)
	return scan.DemandRecord(ctx, s.query, g, pgx.ErrNoRows, "$1", matterID)
}
