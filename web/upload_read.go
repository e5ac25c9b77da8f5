package web

import (
	"context"
	"errors"
	"io"
	"mime/multipart"
	"net"
	"net/http"
	"os"
	"strings"
	"syscall"

	"github.com/medchron/medchron/pipeline"
)

// upload is what a multipart upload carried: its form fields and its
// files, each streamed into the store as it arrived (Pipeline.Take) or
// refused with a reason.
type upload struct {
	fields map[string]string
	stored []pipeline.Stored
	bad    []*pipeline.FileError
	files  int // file parts seen
}

// maxFieldBytes bounds a form field of an upload.
const maxFieldBytes = 1024

// errUploadRead reports an upload whose body could not be read to its end.
var errUploadRead = errors.New("the upload could not be read; it may be too large or was interrupted")

// readUpload reads the parts of mr: every part with a file name goes to
// the store through Pipeline.Take (never whole in memory, never to a
// temporary file), every field named in fields (at most maxFieldBytes)
// is kept, other fields are skipped. When the body breaks off, the files
// stored from it are dropped again and errUploadRead is returned.
func (s *Server) readUpload(ctx context.Context, mr *multipart.Reader, fields map[string]bool) (*upload, error) {
	up := &upload{fields: map[string]string{}}
	for {
		part, err := mr.NextPart()
		if err == io.EOF {
			return up, nil
		}
		if err != nil {
			s.dropStored(ctx, up)
			return nil, errUploadRead
		}
		if part.FileName() == "" {
			v, err := io.ReadAll(io.LimitReader(part, maxFieldBytes+1))
			if err != nil {
				s.dropStored(ctx, up)
				return nil, errUploadRead
			}
			if fields[part.FormName()] {
				up.fields[part.FormName()] = strings.TrimSpace(string(v))
			}
			continue
		}
		up.files++
		st, err := s.cfg.Pipeline.Take(ctx, part.FileName(), part, s.cfg.MaxUpload)
		var fe *pipeline.FileError
		switch {
		case err == nil:
			up.stored = append(up.stored, st)
		case isBodyError(err):
			s.dropStored(ctx, up)
			return nil, errUploadRead
		case errors.As(err, &fe):
			up.bad = append(up.bad, fe)
		default:
			s.dropStored(ctx, up)
			return nil, err
		}
	}
}

// isBodyError reports whether err comes from reading the request body:
// too large, cut off, or too slow.
func isBodyError(err error) bool {
	var mbe *http.MaxBytesError
	return errors.As(err, &mbe) || errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, multipart.ErrMessageTooLarge) ||
		errors.Is(err, os.ErrDeadlineExceeded) || errors.Is(err, syscall.ECONNRESET) || errors.Is(err, net.ErrClosed)
}

// dropStored removes the files of an upload that is refused as a whole
// from the store (unless a document refers to their content already).
func (s *Server) dropStored(ctx context.Context, up *upload) {
	for _, st := range up.stored {
		if err := s.cfg.Store.DropBlob(context.WithoutCancel(ctx), st.Blob.SHA256); err != nil {
			s.cfg.Logger.Warn("refused upload not removed from the store", "sha256", st.Blob.SHA256, "error", err)
		}
	}
	up.stored = nil
}
