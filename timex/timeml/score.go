package timeml

import (
	"fmt"
	"io/fs"
	"path/filepath"
	"sort"
	"strings"

	"github.com/entente/entente"
	"github.com/entente/entente/timex"
)

// Tagger finds the time expressions of a text against a reference date; timex.Find is one.
type Tagger func(text string, ref entente.Date) []timex.Expr

// Counts are the tallies the scores are computed from.
type Counts struct {
	Documents int
	Gold      int // gold expressions
	Predicted int // predicted expressions
	Strict    int // pairs with identical spans
	Relaxed   int // pairs with overlapping spans
	Value     int // relaxed pairs whose values are equal
	Type      int // relaxed pairs whose types are equal
}

// add adds c2 to c.
func (c *Counts) add(c2 Counts) {
	c.Documents += c2.Documents
	c.Gold += c2.Gold
	c.Predicted += c2.Predicted
	c.Strict += c2.Strict
	c.Relaxed += c2.Relaxed
	c.Value += c2.Value
	c.Type += c2.Type
}

// Score is precision, recall and F1, in percent.
type Score struct{ P, R, F1 float64 }

// score computes precision, recall and F1 of tp true positives among pred predictions and
// gold expected ones.
func score(tp, pred, gold int) Score {
	return withF1(Score{P: percent(tp, pred), R: percent(tp, gold)})
}

// StrictSpan scores identical spans.
func (c Counts) StrictSpan() Score { return score(c.Strict, c.Predicted, c.Gold) }

// RelaxedSpan scores overlapping spans.
func (c Counts) RelaxedSpan() Score { return score(c.Relaxed, c.Predicted, c.Gold) }

// ValueScore scores overlapping spans with the right value (TempEval-3 value F1).
func (c Counts) ValueScore() Score { return score(c.Value, c.Predicted, c.Gold) }

// TypeScore scores overlapping spans with the right type.
func (c Counts) TypeScore() Score { return score(c.Type, c.Predicted, c.Gold) }

// TypeCounts are the tallies for one TIMEX3 type: recall-side counts are over gold
// expressions of the type, precision-side counts over predictions of the type.
type TypeCounts struct {
	Gold, Predicted      int
	GoldFound, PredFound int // relaxed matches seen from each side
	GoldValue, PredValue int // of those, with the right value
}

// Relaxed scores the type's relaxed span matches.
func (t TypeCounts) Relaxed() Score {
	return withF1(Score{P: percent(t.PredFound, t.Predicted), R: percent(t.GoldFound, t.Gold)})
}

// Value scores the type's relaxed matches with the right value.
func (t TypeCounts) Value() Score {
	return withF1(Score{P: percent(t.PredValue, t.Predicted), R: percent(t.GoldValue, t.Gold)})
}

func percent(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return 100 * float64(a) / float64(b)
}

func withF1(s Score) Score {
	if s.P+s.R > 0 {
		s.F1 = 2 * s.P * s.R / (s.P + s.R)
	}
	return s
}

// Mismatch is one difference between the gold annotation and the tagger, for development.
type Mismatch struct {
	Doc     string // file name
	Kind    string // missed, spurious, extent, value, type
	Gold    *Timex
	Pred    *timex.Expr
	Context string // the text around the expression
}

// Report is the result of an evaluation.
type Report struct {
	Dir      string
	Total    Counts
	ByFolder map[string]*Counts     // by the first folder under Dir ("TimeBank", "AQUAINT")
	ByType   map[string]*TypeCounts // by TIMEX3 type
	Errors   []Mismatch
}

// Evaluate runs tag over every .tml file under dir (recursively, in name order), with each
// document's DCT as the reference date, and scores it against the gold annotations.
func Evaluate(dir string, tag Tagger) (Report, error) {
	var paths []string
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && strings.HasSuffix(path, ".tml") {
			paths = append(paths, path)
		}
		return nil
	})
	if err != nil {
		return Report{}, err
	}
	if len(paths) == 0 {
		return Report{}, &entente.Error{Code: entente.EINVALID, Message: fmt.Sprintf("no .tml files under %s", dir)}
	}
	sort.Strings(paths)
	r := Report{Dir: dir, ByFolder: map[string]*Counts{}, ByType: map[string]*TypeCounts{}}
	for _, path := range paths {
		doc, err := ReadFile(path)
		if err != nil {
			return Report{}, err
		}
		r.addDocument(doc, folderOf(dir, path), tag(doc.Text, doc.DCT))
	}
	return r, nil
}

// folderOf returns the first folder of path below dir, or "" for files directly in dir.
func folderOf(dir, path string) string {
	rel, err := filepath.Rel(dir, path)
	if err != nil {
		return ""
	}
	if i := strings.IndexRune(rel, filepath.Separator); i > 0 {
		return rel[:i]
	}
	return ""
}

// addDocument scores one document's predictions and adds them to the report.
func (r *Report) addDocument(doc Document, folder string, pred []timex.Expr) {
	c := Counts{Documents: 1, Gold: len(doc.Gold), Predicted: len(pred)}
	pairs := pairUp(doc.Gold, pred)
	goldMatched := make([]bool, len(doc.Gold))
	predMatched := make([]bool, len(pred))
	for _, pr := range pairs {
		g, p := &doc.Gold[pr[0]], &pred[pr[1]]
		goldMatched[pr[0]], predMatched[pr[1]] = true, true
		r.addPair(&c, doc, g, p)
	}
	for i := range doc.Gold {
		r.typeCounts(doc.Gold[i].Type).Gold++
		if !goldMatched[i] {
			r.Errors = append(r.Errors, Mismatch{Doc: doc.Name, Kind: "missed", Gold: &doc.Gold[i], Context: context(doc.Text, doc.Gold[i].Start, doc.Gold[i].End)})
		}
	}
	for i := range pred {
		r.typeCounts(pred[i].Type).Predicted++
		if !predMatched[i] {
			r.Errors = append(r.Errors, Mismatch{Doc: doc.Name, Kind: "spurious", Pred: &pred[i], Context: context(doc.Text, pred[i].Start, pred[i].End)})
		}
	}
	r.Total.add(c)
	if r.ByFolder[folder] == nil {
		r.ByFolder[folder] = &Counts{}
	}
	r.ByFolder[folder].add(c)
}

// addPair counts one relaxed match.
func (r *Report) addPair(c *Counts, doc Document, g *Timex, p *timex.Expr) {
	c.Relaxed++
	gt, pt := r.typeCounts(g.Type), r.typeCounts(p.Type)
	gt.GoldFound++
	pt.PredFound++
	ctx := context(doc.Text, min(g.Start, p.Start), max(g.End, p.End))
	if g.Start == p.Start && g.End == p.End {
		c.Strict++
	} else {
		r.Errors = append(r.Errors, Mismatch{Doc: doc.Name, Kind: "extent", Gold: g, Pred: p, Context: ctx})
	}
	if g.Value == p.Value {
		c.Value++
		gt.GoldValue++
		pt.PredValue++
	} else {
		r.Errors = append(r.Errors, Mismatch{Doc: doc.Name, Kind: "value", Gold: g, Pred: p, Context: ctx})
	}
	if g.Type == p.Type {
		c.Type++
	} else {
		r.Errors = append(r.Errors, Mismatch{Doc: doc.Name, Kind: "type", Gold: g, Pred: p, Context: ctx})
	}
}

func (r *Report) typeCounts(typ string) *TypeCounts {
	if r.ByType[typ] == nil {
		r.ByType[typ] = &TypeCounts{}
	}
	return r.ByType[typ]
}

// pairUp matches gold and predicted expressions one to one by overlapping spans, sweeping both
// in order of their start (each list is expected not to overlap itself). It returns pairs of
// indices.
func pairUp(gold []Timex, pred []timex.Expr) [][2]int {
	gi := sortedIndex(len(gold), func(i int) int { return gold[i].Start })
	pi := sortedIndex(len(pred), func(i int) int { return pred[i].Start })
	used := make([]bool, len(pred))
	var pairs [][2]int
	next := 0
	for _, g := range gi {
		for next < len(pi) && pred[pi[next]].End <= gold[g].Start {
			next++
		}
		for k := next; k < len(pi) && pred[pi[k]].Start < gold[g].End; k++ {
			p := pi[k]
			if !used[p] && overlap(gold[g].Start, gold[g].End, pred[p].Start, pred[p].End) {
				used[p] = true
				pairs = append(pairs, [2]int{g, p})
				break
			}
		}
	}
	return pairs
}

func sortedIndex(n int, key func(int) int) []int {
	idx := make([]int, n)
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool { return key(idx[a]) < key(idx[b]) })
	return idx
}

func overlap(s1, e1, s2, e2 int) bool { return s1 < e2 && s2 < e1 }

// context returns the text around [start, end) on one line, with the span in brackets.
func context(text string, start, end int) string {
	start, end = max(0, min(start, len(text))), max(0, min(end, len(text)))
	start = min(start, end)
	from, to := max(0, start-40), min(len(text), end+40)
	s := text[from:start] + "[" + text[start:end] + "]" + text[end:to]
	return strings.Join(strings.Fields(s), " ")
}
