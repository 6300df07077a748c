package ingest

import (
	"slices"
	"sort"
	"strings"
)

// pair is a candidate match between predicted item i and gold item j, with a score; higher
// scores are matched first, and each item is matched at most once.
type pair struct {
	i, j  int
	score float64
}

// greedy matches pairs by descending score (then by closeness in order), one to one, and
// returns the matched gold index of every predicted item (-1 when unmatched).
func greedy(pairs []pair, nGot, nGold int) []int {
	sort.SliceStable(pairs, func(a, b int) bool {
		if pairs[a].score != pairs[b].score {
			return pairs[a].score > pairs[b].score
		}
		return abs(pairs[a].i-pairs[a].j) < abs(pairs[b].i-pairs[b].j)
	})
	match := make([]int, nGot)
	for i := range match {
		match[i] = -1
	}
	taken := make([]bool, nGold)
	for _, p := range pairs {
		if match[p.i] < 0 && !taken[p.j] {
			match[p.i], taken[p.j] = p.j, true
		}
	}
	return match
}

// countMatches turns a matching into counts.
func countMatches(match []int, nGold int) Counts {
	var c Counts
	for _, j := range match {
		if j >= 0 {
			c.TP++
		} else {
			c.FP++
		}
	}
	c.FN = nGold - c.TP
	return c
}

// scorePeople matches people by name: the same name, a gold spelling ("mentions"), or all
// the words of the shorter name inside the longer ("Samia Suluhu" and "Samia Suluhu Hassan").
func scorePeople(got, gold []Person) (Counts, Accuracy, Accuracy) {
	var pairs []pair
	for i, p := range got {
		for j, g := range gold {
			if namesMatch(p.Name, g) {
				pairs = append(pairs, pair{i, j, 1})
			}
		}
	}
	match := greedy(pairs, len(got), len(gold))
	var party, role Accuracy
	for i, j := range match {
		if j < 0 {
			continue
		}
		party.judge(got[i].Party == gold[j].Party)
		role.judge(rolesMatch(got[i].Role, gold[j].Role))
	}
	return countMatches(match, len(gold)), party, role
}

func namesMatch(name string, g Person) bool {
	for _, n := range append([]string{g.Name}, g.Mentions...) {
		a, b := strings.Fields(strings.ToLower(name)), strings.Fields(strings.ToLower(n))
		if slices.Equal(a, b) {
			return true
		}
		short, long := a, b
		if len(short) > len(long) {
			short, long = long, short
		}
		if len(short) >= 2 && containsAll(long, short) {
			return true
		}
	}
	return false
}

// rolesMatch compares roles by their head title ("Prime Minister", "Minister", "President"),
// and whether both or neither are former.
func rolesMatch(a, b string) bool {
	a, b = strings.ToLower(a), strings.ToLower(b)
	if strings.Contains(a, "former") != strings.Contains(b, "former") {
		return false
	}
	ha, hb := headTitle(a), headTitle(b)
	return ha != "" && ha == hb
}

// headTitle returns the first title head in a role, longest first: "deputy prime minister
// and foreign minister" → "prime minister".
func headTitle(role string) string {
	best, at := "", len(role)+1
	for _, h := range titleHeads {
		k := strings.Index(role, h)
		if k >= 0 && (k < at || (k == at && len(h) > len(best))) {
			best, at = h, k
		}
	}
	return singularRole(best)
}

// scoreEvents matches events by time phrase or, failing that, by kind and value, and judges
// the value, granularity, status and location of the matched ones.
func scoreEvents(got, gold []Event) (Counts, Accuracy, Accuracy, Accuracy, Accuracy) {
	var pairs []pair
	for i, e := range got {
		for j, g := range gold {
			phrase := phrasesOverlap(string(e.TimePhrase), g)
			kind := e.Kind == g.Kind
			switch {
			case phrase && kind:
				pairs = append(pairs, pair{i, j, 3})
			case phrase:
				pairs = append(pairs, pair{i, j, 2})
			case kind && e.Value == g.Value:
				pairs = append(pairs, pair{i, j, 1})
			}
		}
	}
	match := greedy(pairs, len(got), len(gold))
	var value, gran, status, loc Accuracy
	for i, j := range match {
		if j < 0 {
			continue
		}
		e, g := got[i], gold[j]
		value.judge(e.Value == g.Value)
		gran.judge(e.Granularity == g.Granularity)
		status.judge(e.Status == g.Status)
		loc.judge(locationsMatch(string(e.Location), string(g.Location)))
	}
	return countMatches(match, len(gold)), value, gran, status, loc
}

// phrasesOverlap reports whether a predicted time phrase is one of the gold event's phrases,
// or one holds the other ("which ended on Tuesday" and "on Tuesday").
func phrasesOverlap(p string, g Event) bool {
	p = strings.ToLower(strings.TrimSpace(p))
	if p == "" {
		return false
	}
	phrases := []string{string(g.TimePhrase)}
	for _, a := range g.AlsoExpressedAs {
		phrases = append(phrases, a.Phrase)
	}
	for _, q := range phrases {
		q = strings.ToLower(strings.TrimSpace(q))
		if q != "" && (strings.Contains(p, q) || strings.Contains(q, p)) {
			return true
		}
	}
	return false
}

// locationsMatch accepts both absent, or one place inside the other ("Minsk" and "Minsk
// (Independence Palace)").
func locationsMatch(a, b string) bool {
	a, b = strings.ToLower(a), strings.ToLower(b)
	if a == "" || b == "" {
		return a == b
	}
	return strings.Contains(a, b) || strings.Contains(b, a)
}

// commitmentMatch is the least overlap of content words for two statements to match.
const commitmentMatch = 0.5

// scoreCommitments matches commitments by the overlap of their content words and judges who
// is responsible and the due date (value and modifier) of the matched ones.
func scoreCommitments(got, gold []Commitment) (Counts, Accuracy, Accuracy) {
	gotWords := make([][]string, len(got))
	for i, c := range got {
		gotWords[i] = contentWords(c.Statement)
	}
	var pairs []pair
	for j, g := range gold {
		gw := contentWords(g.Statement)
		for i := range got {
			if o := overlap(gotWords[i], gw); o >= commitmentMatch {
				pairs = append(pairs, pair{i, j, o})
			}
		}
	}
	match := greedy(pairs, len(got), len(gold))
	var resp, due Accuracy
	for i, j := range match {
		if j < 0 {
			continue
		}
		resp.judge(got[i].Responsible == gold[j].Responsible)
		due.judge(got[i].Due == gold[j].Due && got[i].DueMod == gold[j].DueMod)
	}
	return countMatches(match, len(gold)), resp, due
}
