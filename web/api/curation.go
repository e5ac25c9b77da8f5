package api

import (
	"encoding/json"
	"errors"
	"net/http"
	"slices"
	"strconv"
	"time"

	"github.com/medchron/medchron/access"
	"github.com/medchron/medchron/chronology"
	"github.com/medchron/medchron/web/internal/core"
	"github.com/medchron/medchron/web/internal/respond"
)

// maxOverrideBody bounds a provider override's JSON body.
const maxOverrideBody = 1 << 20

// flagJSON is a flag with its key and the newest decision on it.
type flagJSON struct {
	Key string `json:"key"`
	chronology.Flag
	State    string    `json:"state"` // open or dismissed
	Reason   string    `json:"reason,omitempty"`
	By       string    `json:"by,omitempty"`
	At       time.Time `json:"at,omitzero"`
	EntryIDs []string  `json:"entry_ids,omitempty"`
}

// MatterFlags answers the matter's flags, each with its key, state and
// the entries it concerns, and its tasks.
func (s *Handler) MatterFlags(w http.ResponseWriter, r *http.Request) {
	id, ok := s.MatterID(w, r)
	if !ok {
		return
	}
	c, err := s.ReviewedChronology(r.Context(), id)
	if err != nil {
		s.Fail(w, r, err, http.StatusNotFound, "no chronology for this matter (yet)")
		return
	}
	ds, err := s.Store.FlagDecisions(r.Context(), id)
	if err != nil {
		s.ServerError(w, r, err)
		return
	}
	tasks, err := s.Store.Tasks(r.Context(), id)
	if err != nil {
		s.ServerError(w, r, err)
		return
	}
	states := chronology.FlagStates(ds, c.Flags)
	out := struct {
		Flags []flagJSON        `json:"flags"`
		Tasks []chronology.Task `json:"tasks"`
	}{Flags: []flagJSON{}, Tasks: tasks}
	for _, f := range c.Flags {
		fj := flagJSON{Key: chronology.FlagKey(f), Flag: f, State: chronology.FlagOpen}
		for eid := range chronology.FlagEntries(&c, f) {
			fj.EntryIDs = append(fj.EntryIDs, eid)
		}
		slices.Sort(fj.EntryIDs)
		if d, ok := states[fj.Key]; ok {
			fj.State, fj.Reason, fj.By, fj.At = d.State, d.Reason, d.Username, d.At
		}
		out.Flags = append(out.Flags, fj)
	}
	if err := s.Audit(r, access.AuditMatterView, id, "flags", "api"); err != nil {
		s.ServerError(w, r, err)
		return
	}
	respond.JSON(w, http.StatusOK, out)
}

// ProviderOverrides answers the matter's provider overrides in force,
// oldest first.
func (s *Handler) ProviderOverrides(w http.ResponseWriter, r *http.Request) {
	id, ok := s.MatterID(w, r)
	if !ok {
		return
	}
	os, err := s.Store.ProviderOverrides(r.Context(), id)
	if err != nil {
		s.ServerError(w, r, err)
		return
	}
	if os == nil {
		os = []chronology.ProviderOverride{}
	}
	respond.JSON(w, http.StatusOK, os)
}

// ProviderOverrideAdd stores a provider override from a JSON body (kind,
// provider_id, into_id, name, entry_ids) after checking it against the
// chronology, audits it and answers it with its id (201).
func (s *Handler) ProviderOverrideAdd(w http.ResponseWriter, r *http.Request) {
	id, ok := s.MatterID(w, r)
	if !ok {
		return
	}
	var o chronology.ProviderOverride
	if err := json.NewDecoder(http.MaxBytesReader(w, r.Body, maxOverrideBody)).Decode(&o); err != nil {
		s.Error(w, r, http.StatusBadRequest, "the body is not a provider override in JSON")
		return
	}
	o.ID, o.MatterID, o.At = 0, id, s.Now().UTC()
	o.UserID, o.Username = actor(r)
	c, err := s.ReviewedChronology(r.Context(), id)
	if err != nil {
		s.Fail(w, r, err, http.StatusNotFound, "no chronology for this matter (yet)")
		return
	}
	if err := errors.Join(o.Validate(), o.CheckTargets(&c)); err != nil {
		s.Error(w, r, http.StatusUnprocessableEntity, err.Error())
		return
	}
	if o.ID, err = s.Store.AddProviderOverride(r.Context(), o); err != nil {
		s.ServerError(w, r, err)
		return
	}
	if err := s.Audit(r, access.AuditProviderOverride, id, "provider override "+strconv.FormatInt(o.ID, 10), o.AuditDetail()); err != nil {
		s.ServerError(w, r, err)
		return
	}
	respond.JSON(w, http.StatusCreated, o)
}

// ProviderOverrideDelete undoes a provider override, audited, and answers
// the override undone; 404 when the matter has no such override.
func (s *Handler) ProviderOverrideDelete(w http.ResponseWriter, r *http.Request) {
	id, ok := s.MatterID(w, r)
	if !ok {
		return
	}
	n, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || n <= 0 {
		s.Error(w, r, http.StatusNotFound, "no such provider override")
		return
	}
	o, err := s.Store.DeleteProviderOverride(r.Context(), id, n)
	if err != nil {
		s.Fail(w, r, err, http.StatusNotFound, "no such provider override")
		return
	}
	if err := s.Audit(r, access.AuditProviderUndo, id, "provider override "+strconv.FormatInt(n, 10), o.AuditDetail()); err != nil {
		s.ServerError(w, r, err)
		return
	}
	respond.JSON(w, http.StatusOK, o)
}

// actor is who makes a change: the signed-in user, or the service token.
func actor(r *http.Request) (id, username string) {
	if rc := core.Current(r); rc != nil {
		return rc.User.ID, rc.User.Username
	}
	return "service", "service-token"
}
