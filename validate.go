package entente

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// checkText records a problem when a required text is blank, too long, not UTF-8 or holds
// control characters other than line breaks and tabs.
func checkText(probs Problems, field, s string, required bool, maxLen int) {
	switch {
	case !utf8.ValidString(s):
		probs.Add(field, "is not valid UTF-8 text")
	case required && strings.TrimSpace(s) == "":
		probs.Add(field, "is required")
	case utf8.RuneCountInString(s) > maxLen:
		probs.Addf(field, "is longer than %d characters", maxLen)
	case strings.IndexFunc(s, badControl) >= 0:
		probs.Add(field, "contains control characters")
	}
}

func badControl(r rune) bool {
	return unicode.IsControl(r) && r != '\n' && r != '\r' && r != '\t'
}

// checkOneOf records a problem when v is not one of the allowed values.
func checkOneOf(probs Problems, field, v string, allowed []string) {
	for _, a := range allowed {
		if v == a {
			return
		}
	}
	probs.Add(field, fmt.Sprintf("must be one of %s", strings.Join(allowed, ", ")))
}

// checkTransition records a problem when a status change is not allowed by the table.
func checkTransition(probs Problems, field, from, to string, allowed map[string][]string) {
	if from == to || from == "" {
		return
	}
	for _, s := range allowed[from] {
		if s == to {
			return
		}
	}
	next := allowed[from]
	if len(next) == 0 {
		probs.Addf(field, "cannot change from %s: it is final", from)
		return
	}
	probs.Addf(field, "cannot change from %s to %s (allowed: %s)", from, to, strings.Join(next, ", "))
}

// setIf copies *src into *dst when src is set; the Update types use it for their optional fields.
func setIf[T any](dst *T, src *T) {
	if src != nil {
		*dst = *src
	}
}

// Page is a window on a list: at most Limit items after the cursor.
type Page struct {
	Limit  int    // 1..MaxPageLimit; 0 means DefaultPageLimit
	Cursor string // opaque; from the previous page's next cursor
	Sort   string // a sort key the list offers; "" for its default order
	Desc   bool
}

// Page sizes.
const (
	DefaultPageLimit = 50
	MaxPageLimit     = 500
)

// Size returns the effective page size.
func (p Page) Size() int {
	switch {
	case p.Limit <= 0:
		return DefaultPageLimit
	case p.Limit > MaxPageLimit:
		return MaxPageLimit
	}
	return p.Limit
}
