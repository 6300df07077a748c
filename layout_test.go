package entente_test

import (
	"os/exec"
	"strings"
	"testing"
)

const module = "github.com/entente/entente"

// deps lists the non-test imports of a package, transitively, with whether each is standard.
func deps(t *testing.T, pkg string) map[string]bool {
	t.Helper()
	out, err := exec.Command("go", "list", "-deps", "-f", "{{.ImportPath}} {{.Standard}}", module+pkg).Output()
	if err != nil {
		t.Fatalf("go list %s: %v", pkg, err)
	}
	m := map[string]bool{}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		path, std, _ := strings.Cut(line, " ")
		m[path] = std == "true"
	}
	return m
}

// TestLayout holds the packages to the design's rules of direction: the domain imports only
// the standard library; server and sqlstore never import each other; the computation
// packages import neither.
func TestLayout(t *testing.T) {
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("the go command is not on the PATH")
	}
	for path, std := range deps(t, "") {
		if !std && path != module {
			t.Errorf("the domain package imports %s, which is not in the standard library", path)
		}
	}
	forbidden := map[string][]string{
		"/server":      {"/sqlstore"},
		"/sqlstore":    {"/server"},
		"/timex":       {"/server", "/sqlstore"},
		"/ingest":      {"/server", "/sqlstore"},
		"/calendar":    {"/server", "/sqlstore"},
		"/schedule":    {"/server", "/sqlstore"},
		"/trade":       {"/server", "/sqlstore"},
		"/clause":      {"/server", "/sqlstore"},
		"/signature":   {"/server", "/sqlstore"},
		"/country":     {"/server", "/sqlstore"},
		"/i18n":        {"/server", "/sqlstore"},
		"/demo":        {"/server", "/sqlstore"},
		"/reading":     {"/server", "/sqlstore"},
		"/ical":        {"/server", "/sqlstore"},
		"/planning":    {"/server", "/sqlstore"},
		"/signingcopy": {"/server", "/sqlstore"},
		"/chromium":    {"/server", "/sqlstore"},
	}
	for pkg, bad := range forbidden {
		d := deps(t, pkg)
		for _, b := range bad {
			if _, ok := d[module+b]; ok {
				t.Errorf("%s imports %s", pkg[1:], b[1:])
			}
		}
	}
}
