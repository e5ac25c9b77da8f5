package ui

import (
	"errors"
	"fmt"
	"net/http"
	"strings"

	"github.com/medchron/medchron/access"
	"github.com/medchron/medchron/chronology"
	"github.com/medchron/medchron/store"
	"github.com/medchron/medchron/web/internal/core"
)

// MatterCreate creates a matter and makes its creator a member. The id is
// given, or derived from the name ("Smith v. Jones" → smith-v-jones, with
// -2, -3 … when taken). The store refuses an id that exists, so two people
// creating the same id at once cannot both get it.
func (s *Handler) MatterCreate(w http.ResponseWriter, r *http.Request, rc *core.SignedIn) {
	f := matterForm{
		ID: strings.TrimSpace(r.PostFormValue("id")), Name: strings.TrimSpace(r.PostFormValue("name")),
		Client: strings.TrimSpace(r.PostFormValue("client")), IncidentDate: strings.TrimSpace(r.PostFormValue("incident_date")),
		GapDays: strings.TrimSpace(r.PostFormValue("gap_days")),
	}
	fields := map[string]string{}
	for name, v := range map[string]string{"name": f.Name, "client": f.Client, "incident_date": f.IncidentDate, "gap_days": f.GapDays} {
		if v != "" {
			fields[name] = v
		}
	}
	apply, errs := core.ParseSettings(fields)
	if f.ID != "" && !core.ValidMatter.MatchString(f.ID) {
		errs = append(errs, "id: letters, digits, '.', '_' and '-', starting with a letter or digit, at most 100")
	}
	if f.ID == "" && f.Name == "" {
		errs = append(errs, "give the matter a name or an id")
	}
	if len(errs) > 0 {
		s.renderMatters(w, r, rc, http.StatusBadRequest, f, errs)
		return
	}
	m := chronology.Matter{}
	apply(&m)
	id, err := s.createMatter(r, f.ID, f.Name, m)
	if err != nil {
		s.ServerError(w, r, err)
		return
	}
	if id == "" {
		s.renderMatters(w, r, rc, http.StatusConflict, f, []string{"id: " + f.ID + " is taken; choose another"})
		return
	}
	if err := s.Store.AddMember(r.Context(), id, rc.User.ID); err != nil {
		s.ServerError(w, r, err)
		return
	}
	if err := s.Audit(r, access.AuditMatterCreate, id, id, ""); err != nil {
		s.ServerError(w, r, err)
		return
	}
	http.Redirect(w, r, "/matters/"+id+"?notice=created", http.StatusSeeOther)
}

// createMatter creates m under the given id ("" when it is taken), or
// under the name's slug made unique (-2, -3 …), and returns the id.
func (s *Handler) createMatter(r *http.Request, given, name string, m chronology.Matter) (string, error) {
	try := func(id string) (bool, error) {
		m.ID = id
		err := s.Store.CreateMatter(r.Context(), m)
		if errors.Is(err, store.ErrExists) {
			return false, nil
		}
		return err == nil, err
	}
	if given != "" {
		ok, err := try(given)
		if !ok || err != nil {
			return "", err
		}
		return given, nil
	}
	base := slug(name)
	for i := 1; i < 1000; i++ {
		id := base
		if i > 1 {
			id = fmt.Sprintf("%s-%d", base, i)
		}
		ok, err := try(id)
		if err != nil {
			return "", err
		}
		if ok {
			return id, nil
		}
	}
	return "", fmt.Errorf("no free matter id for slug %q", base)
}

// slug turns a name into a matter id: lower-case letters and digits
// joined by single dashes, at most 60 characters; "matter" when nothing
// is left.
func slug(name string) string {
	var b strings.Builder
	dash := false
	for _, c := range strings.ToLower(name) {
		switch {
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(c)
		default:
			dash = true
		}
		if b.Len() >= 60 {
			break
		}
	}
	if b.Len() == 0 {
		return "matter"
	}
	return strings.TrimRight(b.String(), "-")
}
