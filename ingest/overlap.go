package ingest

import (
	"strings"
)

// stopWords carry no content when two statements are compared.
var stopWords = map[string]bool{"a": true, "an": true, "the": true, "and": true, "or": true,
	"of": true, "to": true, "in": true, "on": true, "for": true, "with": true, "by": true,
	"at": true, "from": true, "as": true, "is": true, "are": true, "was": true, "were": true,
	"be": true, "been": true, "will": true, "would": true, "shall": true, "that": true,
	"this": true, "these": true, "those": true, "it": true, "its": true, "their": true,
	"them": true, "they": true, "he": true, "she": true, "his": true, "her": true, "also": true,
	"between": true, "both": true, "two": true, "into": true, "s": true, "which": true,
	"who": true, "has": true, "have": true, "had": true, "further": true, "more": true, "all": true}

// contentWords returns the stemmed content words of a text, without repeats.
func contentWords(text string) []string {
	var out []string
	seen := map[string]bool{}
	for _, w := range splitWords(text, 0, false) {
		if stopWords[w.lower] {
			continue
		}
		st := stem(w.lower)
		if !seen[st] {
			seen[st] = true
			out = append(out, st)
		}
	}
	return out
}

// stem strips the common English inflections and derivations so that "signed", "signing" and
// "sign" compare equal, and "agreements" and "agreement".
func stem(w string) string {
	for _, suf := range []string{"ations", "ation", "ments", "ment", "ings", "ing", "ies", "ied", "ed", "es", "s", "e", "y"} {
		if len(w)-len(suf) >= 3 && strings.HasSuffix(w, suf) {
			w = w[:len(w)-len(suf)]
			if suf == "ies" || suf == "ied" {
				w += "i"
			}
			break
		}
	}
	return w
}

// overlap returns the overlap coefficient of two word sets: shared words over the size of
// the smaller set.
func overlap(a, b []string) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	set := map[string]bool{}
	for _, w := range a {
		set[w] = true
	}
	shared := 0
	for _, w := range b {
		if set[w] {
			shared++
		}
	}
	return float64(shared) / float64(min(len(a), len(b)))
}

// dedupWindow is how many earlier commitments of the same due date a new one is compared
// with, which keeps deduplication linear in the length of the text.
const dedupWindow = 50

// dedupCommitments drops a commitment that repeats an earlier one: the same due date and
// half of the shorter one's content words, or nearly all of them when neither has a date
// ("an Agreement on Cooperation between their interior ministries" and "a cooperation
// agreement between the two defence ministries" are two).
func (d *doc) dedupCommitments() {
	var keep []Commitment
	byDue := map[Nullable][]int{}
	var words [][]string
	for _, c := range d.commits {
		cw := contentWords(c.Statement)
		candidates := byDue[c.Due]
		if len(candidates) > dedupWindow {
			candidates = candidates[len(candidates)-dedupWindow:]
		}
		dup := false
		threshold := 0.8
		if c.Due != "" {
			threshold = 0.5
		}
		for _, i := range candidates {
			if overlap(words[i], cw) >= threshold {
				dup = true
				break
			}
		}
		if !dup {
			byDue[c.Due] = append(byDue[c.Due], len(keep))
			keep = append(keep, c)
			words = append(words, cw)
		}
	}
	d.commits = keep
}
