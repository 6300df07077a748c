package server

import (
	"crypto/rand"
	"encoding/hex"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/entente/entente"
)

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

// middleware wraps every request: a request id, panic recovery, security headers, a body
// limit, protection against cross-origin form posts, the session, the caller, and a log line.
func (s *Server) middleware(next http.Handler) http.Handler {
	withCaller := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		caller, err := s.authenticate(r)
		if err != nil {
			s.writeProblem(w, r, err)
			return
		}
		next.ServeHTTP(w, r.WithContext(entente.WithCaller(r.Context(), caller)))
	})
	cop := http.NewCrossOriginProtection()
	cop.SetDenyHandler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.writeProblem(w, r, entente.Errorf(entente.EFORBIDDEN, "Cross-origin requests that change data are refused."))
	}))
	inner := cop.Handler(s.sessions.LoadAndSave(withCaller))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		id := newRequestID()
		ctx := entente.WithRequestID(r.Context(), id)
		r = r.WithContext(ctx)
		rec := &statusRecorder{ResponseWriter: w, status: http.StatusOK}
		w = rec
		w.Header().Set("X-Request-Id", id)
		securityHeaders(w.Header())
		defer func() {
			if p := recover(); p != nil {
				s.log.Error("panic", "request_id", id, "path", logPath(r.URL.Path), "panic", p)
				s.writeProblem(w, r, entente.Errorf(entente.EINTERNAL, "panic"))
			}
			s.log.Info("request", "request_id", id, "method", r.Method, "path", logPath(r.URL.Path),
				"status", rec.status, "duration", time.Since(start).Round(time.Microsecond))
		}()
		r.Body = http.MaxBytesReader(w, r.Body, maxUpload)
		if r.Method == http.MethodPost && !strings.HasPrefix(r.URL.Path, "/api/") {
			r.ParseForm() // forms of the web pages; a body that does not parse leaves the form empty
		}
		inner.ServeHTTP(w, r)
	})
}

// maxUpload bounds every request body; the JSON API reads at most maxBody of it.
const maxUpload = 6 << 20

// securityHeaders forbid framing, sniffing and leaking addresses, and allow scripts and styles
// only from the server itself.
func securityHeaders(h http.Header) {
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("X-Frame-Options", "DENY")
	h.Set("Referrer-Policy", "same-origin")
	h.Set("Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'self'; form-action 'self'")
}

func newRequestID() string {
	b := make([]byte, 8)
	rand.Read(b)
	return hex.EncodeToString(b)
}

// statusRecorder remembers the status of the response for the log.
type statusRecorder struct {
	http.ResponseWriter
	status int
}

func (r *statusRecorder) WriteHeader(status int) {
	r.status = status
	r.ResponseWriter.WriteHeader(status)
}

// Unwrap lets http.ResponseController reach the underlying writer.
func (r *statusRecorder) Unwrap() http.ResponseWriter { return r.ResponseWriter }
