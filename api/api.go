// Package api holds the contract of entente's JSON API, an OpenAPI 3.1 document, which the
// server serves at /api/openapi.yaml and the tests hold the server to.
package api

import _ "embed"

// OpenAPI is the OpenAPI 3.1 document of the /api/v1 routes.
//
//go:embed openapi.yaml
var OpenAPI []byte
