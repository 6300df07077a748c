// Package testenv tells tests where the test data and the external services are, and decides
// what happens when they are missing: a skip with a clear message on a developer's machine, a
// failure under CI=true, where nothing may be skipped.
package testenv

import (
	"os"
	"path/filepath"
	"testing"
)

// InCI reports whether the tests run under CI (CI=true), where a missing service is a failure.
func InCI() bool { return os.Getenv("CI") == "true" }

// Missing skips the test with the reason, or fails it under CI.
func Missing(t testing.TB, reason string) {
	t.Helper()
	if InCI() {
		t.Fatalf("CI=true and %s", reason)
	}
	t.Skip(reason)
}

// ModuleRoot returns the directory holding go.mod, found by walking up from the working
// directory (go test runs each package in its own folder).
func ModuleRoot(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("go.mod not found above the working directory")
		}
		dir = parent
	}
}

// SharedData returns the path of rel inside the folder of annotated statements, TimeML
// documents, calendars and trade tables that ENTENTE_TEST_DATA names. The data is not part of
// the repository: where the variable is unset or the file is absent the test skips (fails
// under CI, whose script sets the variable).
func SharedData(t testing.TB, rel string) string {
	t.Helper()
	dir := os.Getenv("ENTENTE_TEST_DATA")
	if dir == "" {
		Missing(t, "ENTENTE_TEST_DATA is not set: set it to the folder of test data to run the tests that read "+rel)
	}
	p := filepath.Join(dir, rel)
	if _, err := os.Stat(p); err != nil {
		Missing(t, "the test data "+p+" is absent (ENTENTE_TEST_DATA="+dir+")")
	}
	return p
}
