package web

import "net/http"

// matterProgress reports pages and documents done and left.
func (s *Server) matterProgress(w http.ResponseWriter, r *http.Request) {
	id, ok := matterID(w, r)
	if !ok {
		return
	}
	if _, err := s.cfg.Store.Matter(r.Context(), id); err != nil {
		if isNotFound(err) {
			writeError(w, http.StatusNotFound, "no such matter")
			return
		}
		s.internalError(w, r, err)
		return
	}
	pr, err := s.cfg.Pipeline.Progress(r.Context(), id)
	if err != nil {
		s.internalError(w, r, err)
		return
	}
	docs, err := s.cfg.Store.MatterDocuments(r.Context(), id)
	if err != nil {
		s.internalError(w, r, err)
		return
	}
	type doc struct {
		ID     string `json:"id"`
		File   string `json:"file"`
		Pages  int    `json:"pages"`
		Status string `json:"status"`
		Error  string `json:"error,omitempty"`
	}
	out := struct {
		Documents     int   `json:"documents"`
		DocumentsDone int   `json:"documents_done"`
		Pages         int   `json:"pages"`
		PagesDone     int   `json:"pages_done"`
		Failed        int   `json:"failed"`
		Done          bool  `json:"done"`
		Files         []doc `json:"files"`
	}{pr.Documents, pr.DocumentsDone, pr.Pages, pr.PagesDone, pr.Failed, pr.Done, []doc{}}
	for _, d := range docs {
		out.Files = append(out.Files, doc{d.ID, d.File, d.Pages, d.Status, d.Error})
	}
	writeJSON(w, http.StatusOK, out)
}
