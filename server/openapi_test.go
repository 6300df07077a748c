package server_test

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers"
	"github.com/getkin/kin-openapi/routers/legacy"

	"github.com/entente/entente/api"
	"github.com/entente/entente/server"
)

var (
	docOnce   sync.Once
	doc       *openapi3.T
	docRouter routers.Router
	docErr    error
)

// contract loads and validates the OpenAPI document once.
func contract(t testing.TB) (*openapi3.T, routers.Router) {
	t.Helper()
	docOnce.Do(func() {
		loader := openapi3.NewLoader()
		if doc, docErr = loader.LoadFromData(api.OpenAPI); docErr != nil {
			return
		}
		if docErr = doc.Validate(context.Background()); docErr != nil {
			return
		}
		docRouter, docErr = legacy.NewRouter(doc)
	})
	if docErr != nil {
		t.Fatalf("api/openapi.yaml: %v", docErr)
	}
	return doc, docRouter
}

// validate checks a response of the API against the contract. Routes outside /api/v1 and
// /healthz (the web pages) are not part of it.
func validate(t testing.TB, req *http.Request, rec *httptest.ResponseRecorder) {
	t.Helper()
	if !strings.HasPrefix(req.URL.Path, "/api/v1/") && req.URL.Path != "/healthz" {
		return
	}
	_, router := contract(t)
	route, params, err := router.FindRoute(req)
	if err != nil {
		if rec.Code == http.StatusMethodNotAllowed || rec.Code == http.StatusNotFound {
			return
		}
		t.Fatalf("%s %s is not in the contract: %v", req.Method, req.URL.Path, err)
	}
	in := &openapi3filter.ResponseValidationInput{
		RequestValidationInput: &openapi3filter.RequestValidationInput{Request: req, PathParams: params, Route: route,
			Options: &openapi3filter.Options{AuthenticationFunc: openapi3filter.NoopAuthenticationFunc}},
		Status: rec.Code, Header: rec.Header(), Body: io.NopCloser(bytes.NewReader(rec.Body.Bytes())),
		Options: &openapi3filter.Options{IncludeResponseStatus: true},
	}
	if err := openapi3filter.ValidateResponse(context.Background(), in); err != nil {
		t.Fatalf("%s %s answered %d against the contract: %v\n%s", req.Method, req.URL.Path, rec.Code, err, rec.Body.String())
	}
}

// TestEveryRouteIsInTheContract fails when the server has an API route the document lacks,
// or the document names an operation the server does not serve.
func TestEveryRouteIsInTheContract(t *testing.T) {
	d, _ := contract(t)
	inDoc := map[string]bool{}
	for path, item := range d.Paths.Map() {
		for method := range item.Operations() {
			inDoc[method+" "+path] = true
		}
	}
	e := newEnv(t, openSQLite(t))
	served := map[string]bool{}
	for _, p := range e.handler.(*server.Server).RoutePatterns() {
		method, path, _ := strings.Cut(p, " ")
		if !strings.HasPrefix(path, "/api/") && path != "/healthz" {
			continue
		}
		served[method+" "+path] = true
		if !inDoc[method+" "+path] {
			t.Errorf("route %s is not in api/openapi.yaml", p)
		}
	}
	for op := range inDoc {
		if !served[op] {
			t.Errorf("api/openapi.yaml names %s, which the server does not serve", op)
		}
	}
}
