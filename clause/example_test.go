package clause_test

import (
	"fmt"
	"os"

	"github.com/entente/entente"
	"github.com/entente/entente/clause"
)

// A draft pasted by a negotiator is read into articles, and the next round's draft is compared
// with it.
func Example() {
	first, err := clause.Parse([]byte(`MEMORANDUM OF UNDERSTANDING ON AGRICULTURAL MACHINERY

The Parties have agreed as follows:

ARTICLE 1 – Scope
The Parties shall cooperate in the supply of tractors.

ARTICLE 2 – Working group
A Joint Working Group shall meet within 30 days.
`), "en")
	if err != nil {
		fmt.Println(err)
		return
	}
	second, err := clause.Parse([]byte(`# Memorandum of Understanding on Agricultural Machinery

The Parties have agreed as follows:

## Article 1. Working group
A Joint Working Group shall meet within 60 days.

## Article 2. Scope
The Parties shall cooperate in the supply and assembly of tractors.
`), "en")
	if err != nil {
		fmt.Println(err)
		return
	}
	clause.WriteRedline(os.Stdout, clause.Diff(first, second))
	// Output:
	// === en: title changed, 2 changed, 1 moved, 2 renumbered ===
	//
	// Title: [-MEMORANDUM OF UNDERSTANDING ON AGRICULTURAL MACHINERY-]{+Memorandum of Understanding on Agricultural Machinery+}
	//
	// Preamble: unchanged
	//
	// Article 2 → 1 – Working group: moved, renumbered, changed
	// A Joint Working Group shall meet within [-30-]{+60+} days.
	//
	// Article 1 → 2 – Scope: renumbered, changed
	// The Parties shall cooperate in the supply {+and assembly +}of tractors.
}

// The digest that signatures cover does not depend on white space, line endings or the Unicode
// form of the text.
func ExampleDigestHex() {
	a, _ := clause.Parse([]byte("Memorandum\r\n\r\nArticle 1\r\nThe  Parties   agree.\r\n"), "en")
	b, _ := clause.Parse([]byte("Memorandum\n\nArticle 1\n\nThe Parties agree.\n"), "en")
	fmt.Println(clause.DigestHex(texts(a)) == clause.DigestHex(texts(b)))
	// Output: true
}

func texts(t ...entente.AgreementText) []entente.AgreementText { return t }
