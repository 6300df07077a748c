// Package web holds entente's page templates and static assets, embedded in the binary. Each
// page is parsed once, together with the layout and the shared partials; static files are
// served under URLs that carry a hash of their content, so browsers may cache them for a year.
package web

import (
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"path"
	"strings"
	"time"
)

//go:embed templates static
var files embed.FS

// Assets maps static files to their content-hashed URLs and serves them.
type Assets struct {
	urls   map[string]string // "css/entente.css" → "/static/3f2a…/css/entente.css"
	byHash map[string]string // "3f2a…/css/entente.css" → "css/entente.css"
}

// NewAssets hashes every static file.
func NewAssets() (*Assets, error) {
	a := &Assets{urls: map[string]string{}, byHash: map[string]string{}}
	err := fs.WalkDir(files, "static", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := files.ReadFile(p)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(b)
		rel := strings.TrimPrefix(p, "static/")
		key := hex.EncodeToString(sum[:6]) + "/" + rel
		a.urls[rel] = "/static/" + key
		a.byHash[key] = rel
		return nil
	})
	return a, err
}

// URL returns the hashed URL of a static file; a name that does not exist panics when the
// templates are parsed, never at request time.
func (a *Assets) URL(name string) (string, error) {
	u, ok := a.urls[name]
	if !ok {
		return "", fmt.Errorf("no static file %q", name)
	}
	return u, nil
}

// ServeHTTP serves /static/<hash>/<path> with a year of caching; a stale hash is 404.
func (a *Assets) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	key := strings.TrimPrefix(r.URL.Path, "/static/")
	name, ok := a.byHash[key]
	if !ok {
		http.NotFound(w, r)
		return
	}
	b, _ := files.ReadFile("static/" + name)
	w.Header().Set("Cache-Control", "public, max-age=31536000, immutable")
	http.ServeContent(w, r, path.Base(name), time.Time{}, strings.NewReader(string(b)))
}

// Pages parses every page of templates/pages with the layout and the partials, once. funcs are
// the template functions the server provides.
func Pages(funcs template.FuncMap) (map[string]*template.Template, error) {
	base, err := template.New("layout").Funcs(funcs).ParseFS(files, "templates/layout.html", "templates/partials/*.html")
	if err != nil {
		return nil, err
	}
	names, err := fs.Glob(files, "templates/pages/*.html")
	if err != nil {
		return nil, err
	}
	pages := map[string]*template.Template{}
	for _, n := range names {
		t, err := template.Must(base.Clone()).ParseFS(files, n)
		if err != nil {
			return nil, fmt.Errorf("template %s: %w", n, err)
		}
		pages[strings.TrimSuffix(path.Base(n), ".html")] = t
	}
	return pages, nil
}
