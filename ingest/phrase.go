package ingest

import "strings"

// phraseTable finds phrases of a lexicon in a list of words, leftmost-longest. A phrase word
// in lower case matches any case; a word with a capital ("IT", "MoU") matches only exactly; a
// word ending in "*" is a stem and matches every word it begins ("agricultur*").
type phraseTable[T any] struct {
	root *phraseNode[T]
}

type phraseNode[T any] struct {
	next  map[string]*phraseNode[T] // exact next words, lower case
	stems []stemEdge[T]             // next words by prefix
	val   T
	has   bool
	exact []string // the phrase's words, for case-sensitive phrases
}

type stemEdge[T any] struct {
	prefix string
	node   *phraseNode[T]
}

// phraseHit is one match: words[from:to] with the phrase's value.
type phraseHit[T any] struct {
	from, to int
	val      T
}

func newPhraseTable[T any]() *phraseTable[T] { return &phraseTable[T]{root: &phraseNode[T]{}} }

// add indexes a phrase. Phrase words are cut like text words with hyphens split
// ("high-level" is "high" "level"); the first value added for a phrase wins.
func (t *phraseTable[T]) add(phrase string, v T) {
	ws := splitWords(phrase, 0, false)
	if len(ws) == 0 {
		return
	}
	n := t.root
	var exact []string
	caseSensitive := false
	for _, w := range ws {
		exact = append(exact, w.text)
		if w.text != w.lower {
			caseSensitive = true
		}
		stem := w.end < len(phrase) && phrase[w.end] == '*'
		n = n.child(w.lower, stem)
	}
	if n.has {
		return
	}
	n.val, n.has = v, true
	if caseSensitive {
		n.exact = exact
	}
}

// child returns (creating it) the node after word w, a stem edge when stem is set.
func (n *phraseNode[T]) child(w string, stem bool) *phraseNode[T] {
	if stem {
		for _, e := range n.stems {
			if e.prefix == w {
				return e.node
			}
		}
		c := &phraseNode[T]{}
		n.stems = append(n.stems, stemEdge[T]{w, c})
		return c
	}
	if n.next == nil {
		n.next = map[string]*phraseNode[T]{}
	}
	c := n.next[w]
	if c == nil {
		c = &phraseNode[T]{}
		n.next[w] = c
	}
	return c
}

// matchAt returns the longest phrase that starts at words[i]: its length in words and value.
func (t *phraseTable[T]) matchAt(ws []word, i int) (int, T, bool) {
	var best T
	bestLen := 0
	t.walk(t.root, ws, i, i, &bestLen, &best)
	return bestLen, best, bestLen > 0
}

// walk follows exact and stem edges from node n at word j and records the longest match.
func (t *phraseTable[T]) walk(n *phraseNode[T], ws []word, i, j int, bestLen *int, best *T) {
	if n.has && j-i > *bestLen && exactFits(n.exact, ws[i:j]) {
		*bestLen, *best = j-i, n.val
	}
	if j >= len(ws) || j-i >= 12 {
		return
	}
	if c := n.next[ws[j].lower]; c != nil {
		t.walk(c, ws, i, j+1, bestLen, best)
	}
	for _, e := range n.stems {
		if strings.HasPrefix(ws[j].lower, e.prefix) {
			t.walk(e.node, ws, i, j+1, bestLen, best)
		}
	}
}

func exactFits(exact []string, ws []word) bool {
	if exact == nil {
		return true
	}
	for k, w := range ws {
		if exact[k] != strings.ToLower(exact[k]) && w.text != exact[k] {
			return false
		}
	}
	return true
}

// findAll returns the non-overlapping leftmost-longest matches in ws.
func (t *phraseTable[T]) findAll(ws []word) []phraseHit[T] {
	var out []phraseHit[T]
	for i := 0; i < len(ws); {
		if n, v, ok := t.matchAt(ws, i); ok {
			out = append(out, phraseHit[T]{i, i + n, v})
			i += n
			continue
		}
		i++
	}
	return out
}
