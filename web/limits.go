package web

import (
	"io"
	"net/http"
	"strings"
	"time"
)

// Request limits. Every body is bounded and must keep arriving: an
// unfinished body (a sign-in form sent a byte a minute) holds a
// connection for at most a few seconds, and an upload must move at least
// uploadMinBytes every uploadWindow.
const (
	// formBodyLimit bounds every request body but an upload's.
	formBodyLimit = 1 << 20
	// formBodyTimeout is how long a request other than an upload may take
	// to send its body; signInBodyTimeout the sign-in form's.
	formBodyTimeout   = 30 * time.Second
	signInBodyTimeout = 10 * time.Second
	// uploadWindow and uploadMinBytes: an upload that sends less than
	// uploadMinBytes in uploadWindow is cut off.
	uploadWindow   = 30 * time.Second
	uploadMinBytes = 32 << 10
	// writeTimeout bounds writing an answer (a large export to a slow reader).
	writeTimeout = 10 * time.Minute
	// DefaultUploads is how many uploads run at once (Config.Uploads).
	DefaultUploads = 4
	// DefaultHashes is how many password hashes run at once
	// (Config.Hashes): each takes 64 MiB for a fraction of a second.
	DefaultHashes = 2
)

// isUpload reports whether the request is one of the upload routes,
// which stream their own (large) bodies.
func isUpload(r *http.Request) bool {
	if r.Method != http.MethodPost || !strings.HasSuffix(r.URL.Path, "/documents") {
		return false
	}
	return strings.HasPrefix(r.URL.Path, "/matters/") || strings.HasPrefix(r.URL.Path, "/api/matters/")
}

// bound applies the body limits and deadlines of the request's kind
// before any handler reads it.
func (s *Server) bound(w http.ResponseWriter, r *http.Request) *http.Request {
	rc := http.NewResponseController(w)
	_ = rc.SetWriteDeadline(time.Now().Add(writeTimeout))
	switch {
	case isUpload(r):
		r.Body = http.MaxBytesReader(w, r.Body, s.cfg.MaxUpload)
		r.Body = &progressBody{ReadCloser: r.Body, rc: rc}
	case r.URL.Path == "/signin":
		r.Body = http.MaxBytesReader(w, r.Body, 64<<10)
		_ = rc.SetReadDeadline(time.Now().Add(signInBodyTimeout))
	default:
		r.Body = http.MaxBytesReader(w, r.Body, formBodyLimit)
		_ = rc.SetReadDeadline(time.Now().Add(formBodyTimeout))
	}
	return r
}

// progressBody extends the connection's read deadline by uploadWindow
// each time uploadMinBytes more have arrived: an upload that keeps
// moving has all the time it needs, one that stalls is cut off.
type progressBody struct {
	io.ReadCloser
	rc      *http.ResponseController
	started bool
	since   int
}

func (b *progressBody) Read(p []byte) (int, error) {
	if !b.started {
		b.started = true
		_ = b.rc.SetReadDeadline(time.Now().Add(uploadWindow))
	}
	n, err := b.ReadCloser.Read(p)
	b.since += n
	if b.since >= uploadMinBytes {
		b.since = 0
		_ = b.rc.SetReadDeadline(time.Now().Add(uploadWindow))
	}
	return n, err
}

// HTTPServer returns the http.Server for h on addr with medchron's
// timeouts: request headers within 10 s, idle connections closed after
// 2 minutes. Bodies get their own deadlines per route (Server.bound).
func HTTPServer(addr string, h http.Handler) *http.Server {
	return &http.Server{
		Addr:              addr,
		Handler:           h,
		ReadHeaderTimeout: 10 * time.Second,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
	}
}
