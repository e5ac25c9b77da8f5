package ui

import (
	"fmt"
	"net/http"
	"strconv"

	"github.com/medchron/medchron/access"
	"github.com/medchron/medchron/chronology"
	"github.com/medchron/medchron/web/internal/core"
)

// TaskCreate adds a task to the matter's list, typed by hand or made from
// a flag (flag= its key, which must be a flag of the matter). Audited.
func (s *Handler) TaskCreate(w http.ResponseWriter, r *http.Request, rc *core.SignedIn, m chronology.Matter) {
	t := chronology.Task{MatterID: m.ID, Text: formText(r.PostFormValue("text")), Status: chronology.TaskOpen,
		FlagKey: r.PostFormValue("flag"), UserID: rc.User.ID, Username: rc.User.Username, At: s.Now().UTC()}
	if t.FlagKey != "" {
		c, ok := s.chronologyOr404(w, r, m.ID)
		if !ok {
			return
		}
		if _, ok := flagByKey(&c, t.FlagKey); !ok {
			s.NotFound(w, r)
			return
		}
	}
	if err := t.Validate(); err != nil {
		s.Error(w, r, http.StatusUnprocessableEntity, sentence(err.Error())+".")
		return
	}
	id, err := s.Store.AddTask(r.Context(), t)
	if err != nil {
		s.ServerError(w, r, fmt.Errorf("store task: %w", err))
		return
	}
	detail := ""
	if t.FlagKey != "" {
		detail = "from flag " + t.FlagKey
	}
	if err := s.Audit(r, access.AuditTaskCreate, m.ID, "task "+strconv.FormatInt(id, 10), detail); err != nil {
		s.ServerError(w, r, err)
		return
	}
	http.Redirect(w, r, flagsBack(m.ID, r.PostFormValue("kind"), "task")+"#tasks", http.StatusSeeOther)
}

// TaskStatus marks a task open or done. Audited.
func (s *Handler) TaskStatus(w http.ResponseWriter, r *http.Request, rc *core.SignedIn, m chronology.Matter) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		s.NotFound(w, r)
		return
	}
	status := r.PostFormValue("status")
	if status != chronology.TaskOpen && status != chronology.TaskDone {
		s.Error(w, r, http.StatusBadRequest, "A task is open or done.")
		return
	}
	if err := s.Store.SetTaskStatus(r.Context(), m.ID, id, status, s.Now().UTC()); err != nil {
		s.Fail(w, r, err, http.StatusNotFound, "There is no such task.")
		return
	}
	if err := s.Audit(r, access.AuditTaskStatus, m.ID, "task "+strconv.FormatInt(id, 10), status); err != nil {
		s.ServerError(w, r, err)
		return
	}
	http.Redirect(w, r, flagsBack(m.ID, "", "task")+"#tasks", http.StatusSeeOther)
}
