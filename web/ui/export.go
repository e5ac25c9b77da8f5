package ui

import (
	"bufio"
	"context"
	"errors"
	"io"
	"net/http"
	"strconv"

	"github.com/medchron/medchron/access"
	"github.com/medchron/medchron/chronology"
	"github.com/medchron/medchron/chronology/report"
	"github.com/medchron/medchron/internal/export"
	"github.com/medchron/medchron/web/internal/core"
)

// exportFormat is one download of the matter page.
type exportFormat struct {
	Name        string // the {name} of the route, and the file name's end
	Label       string
	ContentType string
	// Needs is "chronology" or "demand": what must exist first.
	Needs string
	write func(s *Handler, ctx context.Context, m chronology.Matter, w io.Writer) (detail string, err error)
}

// exportFormats lists the downloads in the order the matter page shows them.
var exportFormats = []exportFormat{
	{export.FileXLSX, "Chronology (Excel)", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "chronology", chronologyExport(report.WriteXLSX)},
	{export.FileDOCX, "Chronology (Word table)", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "chronology", chronologyDOCXExport},
	{export.FileCSV, "Chronology (CSV)", "text/csv; charset=utf-8", "chronology", chronologyExport(report.WriteCSV)},
	{export.FileHTML, "Chronology (HTML)", "text/html; charset=utf-8", "chronology", chronologyExport(report.WriteHTML)},
	{export.FileJSON, "Chronology (JSON)", "application/json; charset=utf-8", "chronology", chronologyExport(report.WriteJSON)},
	{export.FileExhibit, "Exhibit PDF (Bates-stamped records)", "application/pdf", "chronology", exhibitExport},
	{export.FileDemandDOCX, "Demand letter (Word)", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "demand", demandExport(true)},
	{export.FileDemandMD, "Demand letter (Markdown)", "text/markdown; charset=utf-8", "demand", demandExport(false)},
}

// errNothingToExport is returned by a writer when what it exports does
// not exist yet (no chronology, no demand draft).
var errNothingToExport = errors.New("nothing to export yet")

// chronologyExport exports the reviewed chronology with a report writer.
func chronologyExport(write func(w io.Writer, c chronology.Chronology) error) func(*Handler, context.Context, chronology.Matter, io.Writer) (string, error) {
	return func(s *Handler, ctx context.Context, m chronology.Matter, w io.Writer) (string, error) {
		c, err := s.ReviewedChronology(ctx, m.ID)
		if core.IsNotFound(err) {
			return "", errNothingToExport
		}
		if err != nil {
			return "", err
		}
		return "", write(w, c)
	}
}

// chronologyDOCXExport exports the reviewed chronology as a Word table in
// the firm's template.
func chronologyDOCXExport(s *Handler, ctx context.Context, m chronology.Matter, w io.Writer) (string, error) {
	tpl, err := s.Template(ctx)
	if err != nil {
		return "", err
	}
	return chronologyExport(func(w io.Writer, c chronology.Chronology) error {
		return report.WriteDOCX(w, c, tpl)
	})(s, ctx, m, w)
}

// Export answers GET /matters/{matter}/export/{name}: the file as an
// attachment, after an audit row naming it. The file is written whole
// first, so that a failure never sends half a file: into an unnamed file
// of the pipeline's work folder, not memory, as an exhibit of a few
// thousand scanned pages runs to hundreds of megabytes.
func (s *Handler) Export(w http.ResponseWriter, r *http.Request, _ *core.SignedIn, m chronology.Matter) {
	name := r.PathValue("name")
	var f *exportFormat
	for i := range exportFormats {
		if exportFormats[i].Name == name {
			f = &exportFormats[i]
		}
	}
	if f == nil {
		s.NotFound(w, r)
		return
	}
	file, err := s.Pipeline.ScratchFile()
	if err != nil {
		s.ServerError(w, r, err)
		return
	}
	defer file.Close()
	buf := bufio.NewWriter(file)
	detail, err := f.write(s, r.Context(), m, buf)
	if err == nil {
		err = buf.Flush()
	}
	if errors.Is(err, errNothingToExport) {
		msg := "There is no chronology for this matter yet: upload records and wait for processing to finish."
		if f.Needs == "demand" {
			msg = "There is no demand draft for this matter yet: generate it from the chronology first."
		}
		s.Error(w, r, http.StatusNotFound, msg)
		return
	}
	if err != nil {
		s.ServerError(w, r, err)
		return
	}
	size, err := file.Seek(0, io.SeekCurrent)
	if err == nil {
		_, err = file.Seek(0, io.SeekStart)
	}
	if err != nil {
		s.ServerError(w, r, err)
		return
	}
	fileName := m.ID + "-" + f.Name // matter ids are [A-Za-z0-9._-]: safe in a header
	if err := s.Audit(r, access.AuditExport, m.ID, fileName, detail); err != nil {
		s.ServerError(w, r, err)
		return
	}
	h := w.Header()
	h.Set("Content-Type", f.ContentType)
	h.Set("Content-Disposition", `attachment; filename="`+fileName+`"`)
	h.Set("Content-Length", strconv.FormatInt(size, 10))
	w.WriteHeader(http.StatusOK)
	io.Copy(w, file)
}
