package server_test

import (
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/entente/entente/i18n"
)

// TestEveryAuditActionHasWords reads the actions the store writes to the audit trail and
// checks that the history panel has words for each in every language, so that no page shows
// a message id such as "history.agree_text".
func TestEveryAuditActionHasWords(t *testing.T) {
	files, err := filepath.Glob("../sqlstore/*.go")
	if err != nil || len(files) == 0 {
		t.Fatalf("no store sources: %v", err)
	}
	written := regexp.MustCompile(`action: +"([a-z_]+)"|saveAgreementState\([^)]*"([a-z_]+)"\)|setPassword\([^)]*"([a-z_]+)"\)`)
	actions := map[string]bool{}
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range written.FindAllStringSubmatch(string(src), -1) {
			actions[m[1]+m[2]+m[3]] = true
		}
	}
	if len(actions) < 10 {
		t.Fatalf("found only %d audit actions; has the store's way of writing them changed?", len(actions))
	}
	catalog, err := i18n.New()
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range []string{"en", "ru", "ur"} {
		has := map[string]bool{}
		for _, id := range catalog.IDs(lang) {
			has[id] = true
		}
		for a := range actions {
			if !has["history."+a] {
				t.Errorf("%s: the audit action %q has no words (history.%s)", lang, a, a)
			}
		}
	}
}
