package clause

import (
	"runtime"
	"slices"
	"sort"
	"sync"

	"github.com/entente/entente"
)

// Articles are matched in two passes. First, pairs whose word multisets are similar enough
// (Dice coefficient at least matchSimilarity; identical articles score above any other pair) are
// taken greedily, the most similar first; among equally similar pairs, those with the same
// number and then those closest in position go first. Then articles still alone are paired with
// the article of the same number if their similarity reaches sameNumberSimilarity: an article
// rewritten in place is a change, not a deletion and an addition.
const (
	matchSimilarity      = 0.5
	sameNumberSimilarity = 0.2
)

// articleTokens is an article with what matching needs. Its tokens and word multiset are
// computed only when it is not identical to an article of the other version, since most
// articles of a new round are.
type articleTokens struct {
	number  string // numberKey of the printed number
	content string // heading and body, to find identical articles
	article entente.Article
	ready   bool // heading, body and words are set
	heading tokenized
	body    tokenized
	words   []int32
}

// prepareArticles readies the articles for matching.
func prepareArticles(articles []entente.Article) []articleTokens {
	out := make([]articleTokens, len(articles))
	for i, a := range articles {
		out[i] = articleTokens{number: numberKey(a.Number), content: a.Heading + "\x00" + a.Body, article: a}
	}
	return out
}

// tokenize cuts the article into tokens and collects its words as a sorted multiset of ids.
func (t *articleTokens) tokenize(in *interner) {
	if t.ready {
		return
	}
	t.heading, t.body = in.tokenize(t.article.Heading), in.tokenize(t.article.Body)
	t.words = make([]int32, 0, len(t.heading.ids)/2+len(t.body.ids)/2+1)
	for _, ids := range [][]int32{t.heading.ids, t.body.ids} {
		for _, id := range ids {
			if in.isWord[id] {
				t.words = append(t.words, id)
			}
		}
	}
	slices.Sort(t.words)
	t.ready = true
}

// pair links an old article to a new one.
type pair struct{ old, new int }

// candidate is a possible pair with its score.
type candidate struct {
	pair
	score      float64
	sameNumber bool
}

// matchArticles pairs old and new articles; see the constants above for the rules. Identical
// articles, the common case between two rounds, are paired first through a map, so that the
// similarity of word multisets is computed only between the articles left over.
func matchArticles(in *interner, old, new []articleTokens) []pair {
	usedOld, usedNew := make([]bool, len(old)), make([]bool, len(new))
	pairs := takeGreedily(identicalCandidates(old, new), usedOld, usedNew, 2)
	cands := similarCandidates(in, old, new, usedOld, usedNew)
	pairs = append(pairs, takeGreedily(cands, usedOld, usedNew, matchSimilarity)...)
	pairs = append(pairs, takeGreedily(cands, usedOld, usedNew, sameNumberSimilarity)...)
	slices.SortFunc(pairs, func(a, b pair) int { return a.new - b.new })
	return pairs
}

// identicalCandidates lists the pairs of articles with the same heading and body.
func identicalCandidates(old, new []articleTokens) []candidate {
	byContent := make(map[string][]int, len(old))
	for i, a := range old {
		byContent[a.content] = append(byContent[a.content], i)
	}
	var cands []candidate
	for j, a := range new {
		for _, i := range byContent[a.content] {
			cands = append(cands, candidate{pair{i, j}, 2, old[i].number == a.number})
		}
	}
	return cands
}

// similarCandidates lists the pairs of articles not yet paired that are similar enough: at
// least matchSimilarity, or sameNumberSimilarity for articles with the same number.
func similarCandidates(in *interner, old, new []articleTokens, usedOld, usedNew []bool) []candidate {
	for _, side := range []struct {
		articles []articleTokens
		used     []bool
	}{{old, usedOld}, {new, usedNew}} {
		for k := range side.articles {
			if !side.used[k] {
				side.articles[k].tokenize(in)
			}
		}
	}
	var cands []candidate
	for i := range old {
		for j := range new {
			if usedOld[i] || usedNew[j] {
				continue
			}
			c := candidate{pair: pair{i, j}, sameNumber: old[i].number == new[j].number}
			if !c.sameNumber && diceBound(old[i].words, new[j].words) < matchSimilarity {
				continue
			}
			c.score = dice(old[i].words, new[j].words)
			if c.score >= matchSimilarity || c.sameNumber && c.score >= sameNumberSimilarity {
				cands = append(cands, c)
			}
		}
	}
	return cands
}

// takeGreedily pairs candidates scoring at least floor, best first (see betterCandidate), each
// article at most once.
func takeGreedily(cands []candidate, usedOld, usedNew []bool, floor float64) []pair {
	sort.SliceStable(cands, func(x, y int) bool { return betterCandidate(cands[x], cands[y]) })
	var pairs []pair
	for _, c := range cands {
		if usedOld[c.old] || usedNew[c.new] || c.score < floor {
			continue
		}
		usedOld[c.old], usedNew[c.new] = true, true
		pairs = append(pairs, c.pair)
	}
	return pairs
}

// betterCandidate orders candidates: higher score, then same number, then closer positions, then
// earlier positions, so that the matching never depends on the order of a sort.
func betterCandidate(a, b candidate) bool {
	if a.score != b.score {
		return a.score > b.score
	}
	if a.sameNumber != b.sameNumber {
		return a.sameNumber
	}
	da, db := abs(a.old-a.new), abs(b.old-b.new)
	if da != db {
		return da < db
	}
	if a.old != b.old {
		return a.old < b.old
	}
	return a.new < b.new
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// dice is the Dice coefficient of two sorted multisets: twice the shared elements over the
// total. Two empty sets are identical.
func dice(a, b []int32) float64 {
	if len(a)+len(b) == 0 {
		return 1
	}
	common, i, j := 0, 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] == b[j]:
			common, i, j = common+1, i+1, j+1
		case a[i] < b[j]:
			i++
		default:
			j++
		}
	}
	return 2 * float64(common) / float64(len(a)+len(b))
}

// diceBound is the largest Dice coefficient two multisets of these sizes can have.
func diceBound(a, b []int32) float64 {
	if len(a)+len(b) == 0 {
		return 1
	}
	return 2 * float64(min(len(a), len(b))) / float64(len(a)+len(b))
}

// movedPairs marks the pairs (sorted by new position) that are not on a longest run of pairs
// whose old positions increase: those are the articles that moved, the others kept their order.
func movedPairs(pairs []pair) []bool {
	moved := make([]bool, len(pairs))
	// tails[k] is the index of the pair ending the best increasing run of length k+1.
	var tails []int
	prev := make([]int, len(pairs))
	for i, p := range pairs {
		k := sort.Search(len(tails), func(k int) bool { return pairs[tails[k]].old >= p.old })
		prev[i] = -1
		if k > 0 {
			prev[i] = tails[k-1]
		}
		if k == len(tails) {
			tails = append(tails, i)
		} else {
			tails[k] = i
		}
	}
	for i := range moved {
		moved[i] = true
	}
	if len(tails) > 0 {
		for i := tails[len(tails)-1]; i >= 0; i = prev[i] {
			moved[i] = false
		}
	}
	return moved
}

// arrangeChanges builds the article changes in the order of the new version. A deleted article
// stands before the first article that kept its place after it in the old version, and before
// the articles added in its stead (a deletion reads before an insertion, as in the word diff).
func arrangeChanges(in *interner, oldArts, newArts []entente.Article, oldTok, newTok []articleTokens, pairs []pair) []ArticleChange {
	moved := movedPairs(pairs)
	oldOf := make([]int, len(newArts))
	movedNew := make([]bool, len(newArts))
	for i := range oldOf {
		oldOf[i] = -1
	}
	matchedOld := make([]bool, len(oldArts))
	for k, p := range pairs {
		oldOf[p.new], movedNew[p.new], matchedOld[p.old] = p.old, moved[k], true
	}
	out := make([]ArticleChange, 0, len(oldArts)+len(newArts))
	var diffs []pendingDiff
	nextOld := 0 // old articles before this one have been placed
	flushDeleted := func(upTo int) {
		for ; nextOld < upTo; nextOld++ {
			if !matchedOld[nextOld] {
				out = append(out, deletedChange(oldArts[nextOld], nextOld))
			}
		}
	}
	// anchorAfter[j] is the old position of the first article at or after new position j that
	// kept its place, or the number of old articles.
	anchorAfter := make([]int, len(newArts)+1)
	anchorAfter[len(newArts)] = len(oldArts)
	for j := len(newArts) - 1; j >= 0; j-- {
		anchorAfter[j] = anchorAfter[j+1]
		if oldOf[j] >= 0 && !movedNew[j] {
			anchorAfter[j] = oldOf[j]
		}
	}
	for j, a := range newArts {
		i := oldOf[j]
		if i < 0 {
			flushDeleted(anchorAfter[j])
			out = append(out, addedChange(a, j))
			continue
		}
		if !movedNew[j] {
			flushDeleted(i)
		}
		c, changed := matchedChange(in, &oldTok[i], &newTok[j], i, j, movedNew[j])
		if changed {
			diffs = append(diffs, pendingDiff{at: len(out), old: &oldTok[i], new: &newTok[j]})
		}
		out = append(out, c)
	}
	flushDeleted(len(oldArts))
	diffArticles(out, diffs)
	return out
}

// pendingDiff is a changed article whose word diff is still to be made: out[at] in
// arrangeChanges.
type pendingDiff struct {
	at       int
	old, new *articleTokens
}

// diffArticles makes the word diffs of the changed articles, on every processor: articles are
// independent, and a text rewritten throughout spends nearly all its time here. The tokens
// were made beforehand, since the interner is not safe for concurrent use.
func diffArticles(out []ArticleChange, diffs []pendingDiff) {
	workers := min(runtime.GOMAXPROCS(0), len(diffs))
	next := make(chan pendingDiff)
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for d := range next {
				o, n := d.old.article, d.new.article
				out[d.at].Heading = tokenDiff(o.Heading, n.Heading, d.old.heading, d.new.heading)
				out[d.at].Body = tokenDiff(o.Body, n.Body, d.old.body, d.new.body)
			}
		})
	}
	for _, d := range diffs {
		next <- d
	}
	close(next)
	wg.Wait()
}

func addedChange(a entente.Article, j int) ArticleChange {
	return ArticleChange{Status: ArticleAdded, NewNumber: a.Number, OldIndex: -1, NewIndex: j,
		Heading: wholeOps(OpInsert, a.Heading), Body: wholeOps(OpInsert, a.Body)}
}

func deletedChange(a entente.Article, i int) ArticleChange {
	return ArticleChange{Status: ArticleDeleted, OldNumber: a.Number, OldIndex: i, NewIndex: -1,
		Heading: wholeOps(OpDelete, a.Heading), Body: wholeOps(OpDelete, a.Body)}
}

// matchedChange is the change of an article found in both texts. When the article changed,
// its tokens are made and changed is set: the word diffs of its heading and body are left to
// diffArticles.
func matchedChange(in *interner, ot, nt *articleTokens, i, j int, moved bool) (c ArticleChange, changed bool) {
	o, n := ot.article, nt.article
	c = ArticleChange{Status: ArticleUnchanged, Moved: moved, Renumbered: o.Number != n.Number,
		OldNumber: o.Number, NewNumber: n.Number, OldIndex: i, NewIndex: j,
		Heading: wholeOps(OpEqual, o.Heading), Body: wholeOps(OpEqual, o.Body)}
	if ot.content == nt.content {
		return c, false
	}
	ot.tokenize(in)
	nt.tokenize(in)
	c.Status = ArticleChanged
	return c, true
}

// tokenDiff diffs two strings already cut into tokens.
func tokenDiff(old, new string, a, b tokenized) []Op {
	if old == new {
		return wholeOps(OpEqual, old)
	}
	return diffOps(a, b, diffIDs(a.ids, b.ids))
}
