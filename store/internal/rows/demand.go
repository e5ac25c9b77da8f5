package rows

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/medchron/medchron/demand"
)

// GenerationColumns are the columns Generation scans.
const GenerationColumns = `at, user_id, username, keys, excluded, inputs`

// Generation scans a row of GenerationColumns.
func (r Scan) Generation(sc Scanner) (demand.Generation, error) {
	var g demand.Generation
	var keys, excluded, inputs []byte
	if err := sc.Scan(r.At(&g.At), &g.UserID, &g.Username, &keys, &excluded, &inputs); err != nil {
		return g, err
	}
	g.At = g.At.UTC()
	if err := json.Unmarshal(keys, &g.Keys); err != nil {
		return g, fmt.Errorf("keys: %w", err)
	}
	if err := json.Unmarshal(excluded, &g.Excluded); err != nil {
		return g, fmt.Errorf("excluded: %w", err)
	}
	if err := json.Unmarshal(inputs, &g.Inputs); err != nil {
		return g, fmt.Errorf("inputs: %w", err)
	}
	return g, nil
}

// VersionColumns are the columns Version scans.
const VersionColumns = `key, n, title, body, citations, user_id, username, at, sha256, unreviewed`

// Version scans a row of VersionColumns.
func (r Scan) Version(sc Scanner) (demand.Version, error) {
	var v demand.Version
	var cits, unreviewed []byte
	if err := sc.Scan(&v.Key, &v.N, &v.Title, &v.Body, &cits, &v.UserID, &v.Username, r.At(&v.At), &v.SHA256, &unreviewed); err != nil {
		return v, err
	}
	if err := json.Unmarshal(unreviewed, &v.Unreviewed); err != nil {
		return v, fmt.Errorf("section %s version %d: unreviewed: %w", v.Key, v.N, err)
	}
	if len(v.Unreviewed) == 0 {
		v.Unreviewed = nil
	}
	v.At = v.At.UTC()
	if err := json.Unmarshal(cits, &v.Citations); err != nil {
		return v, fmt.Errorf("section %s version %d: citations: %w", v.Key, v.N, err)
	}
	return v, nil
}

// ApprovalColumns are the columns Approval scans.
const ApprovalColumns = `key, version, sha256, user_id, username, at`

// Approval scans a row of ApprovalColumns.
func (r Scan) Approval(sc Scanner) (demand.Approval, error) {
	var a demand.Approval
	err := sc.Scan(&a.Key, &a.Version, &a.SHA256, &a.UserID, &a.Username, r.At(&a.At))
	a.At = a.At.UTC()
	return a, err
}

// NewRecord returns the record of a matter's letter with its generation,
// versions grouped by section in the order given and approvals as given.
func NewRecord(matterID string, g demand.Generation, vs []demand.Version, as []demand.Approval) demand.Record {
	r := demand.Record{MatterID: matterID, Generation: g, Versions: map[string][]demand.Version{}, Approvals: []demand.Approval{}}
	for _, v := range vs {
		r.Versions[v.Key] = append(r.Versions[v.Key], v)
	}
	r.Approvals = append(r.Approvals, as...)
	return r
}

// DemandRecord reads a matter's letter: its generation from the row
// generation (of GenerationColumns; noRows, the driver's error for none,
// is store.ErrNotFound), then its versions and approvals with q, arg being
// the backend's first placeholder.
func (r Scan) DemandRecord(ctx context.Context, q Query, generation Scanner, noRows error, arg, matterID string) (demand.Record, error) {
	none := NewRecord(matterID, demand.Generation{}, nil, nil)
	g, err := r.Generation(generation)
	if err != nil {
		return none, NotFound(err, noRows, "demand of "+matterID)
	}
	vs, err := List(ctx, q, "demand versions", r.Version, `SELECT `+VersionColumns+` FROM demand_versions WHERE matter_id = `+arg+` ORDER BY key, n`, matterID)
	if err != nil {
		return none, fmt.Errorf("demand of %s: %w", matterID, err)
	}
	as, err := List(ctx, q, "demand approvals", r.Approval, `SELECT `+ApprovalColumns+` FROM demand_approvals WHERE matter_id = `+arg+` ORDER BY at, id`, matterID)
	if err != nil {
		return none, fmt.Errorf("demand of %s: %w", matterID, err)
	}
	return NewRecord(matterID, g, vs, as), nil
}

// StringList returns ss, or an empty list for nil, so that a JSON column
// holds [] rather than null.
func StringList(ss []string) []string {
	if ss == nil {
		return []string{}
	}
	return ss
}
