package clause

import (
	"strings"
	"unicode"
)

// OpKind says whether a stretch of text is in both versions, only in the old one or only in
// the new one.
type OpKind string

// The kinds of Op.
const (
	OpEqual  OpKind = "equal"  // in both versions
	OpDelete OpKind = "delete" // only in the old version (shown struck out, <del>)
	OpInsert OpKind = "insert" // only in the new version (shown underlined, <ins>)
)

// Op is one stretch of a word diff. Joining the Text of the equal and delete ops in order gives
// the old text; joining the equal and insert ops gives the new text. Within each change a
// delete comes before its insert.
type Op struct {
	Kind OpKind `json:"kind"`
	Text string `json:"text"`
}

// wordDiff returns the word diff between two strings, tokenised with the interner.
func wordDiff(in *interner, old, new string) []Op {
	if old == new {
		if old == "" {
			return nil
		}
		return []Op{{OpEqual, old}}
	}
	a, b := in.tokenize(old), in.tokenize(new)
	return diffOps(a, b, diffIDs(a.ids, b.ids))
}

// diffOps turns runs into ops with text, then makes the changes readable: white space standing
// alone between two changes joins them ("[-shall not-]{+may+}" rather than
// "[-shall-]{+may+} [-not-]"), and each change is one delete followed by one insert.
func diffOps(a, b tokenized, runs []run) []Op {
	ops := make([]Op, 0, len(runs))
	var i, j int
	for _, r := range runs {
		switch r.kind {
		case runEqual:
			ops = append(ops, Op{OpEqual, strings.Join(a.text[i:i+r.n], "")})
			i, j = i+r.n, j+r.n
		case runDelete:
			ops = append(ops, Op{OpDelete, strings.Join(a.text[i:i+r.n], "")})
			i += r.n
		case runInsert:
			ops = append(ops, Op{OpInsert, strings.Join(b.text[j:j+r.n], "")})
			j += r.n
		}
	}
	return groupChanges(absorbSpaces(ops))
}

// absorbSpaces turns an equal op made only of white space between two changes into a delete and
// an insert of that space.
func absorbSpaces(ops []Op) []Op {
	out := make([]Op, 0, len(ops)+4)
	for i, op := range ops {
		if op.Kind == OpEqual && i > 0 && i < len(ops)-1 &&
			ops[i-1].Kind != OpEqual && ops[i+1].Kind != OpEqual &&
			strings.TrimFunc(op.Text, unicode.IsSpace) == "" {
			out = append(out, Op{OpDelete, op.Text}, Op{OpInsert, op.Text})
			continue
		}
		out = append(out, op)
	}
	return out
}

// groupChanges merges each maximal stretch of deletes and inserts into one delete followed by
// one insert, and adjacent equal ops into one.
func groupChanges(ops []Op) []Op {
	out := make([]Op, 0, len(ops))
	for i := 0; i < len(ops); {
		if ops[i].Kind == OpEqual {
			if n := len(out); n > 0 && out[n-1].Kind == OpEqual {
				out[n-1].Text += ops[i].Text
			} else {
				out = append(out, ops[i])
			}
			i++
			continue
		}
		var del, ins strings.Builder
		for ; i < len(ops) && ops[i].Kind != OpEqual; i++ {
			if ops[i].Kind == OpDelete {
				del.WriteString(ops[i].Text)
			} else {
				ins.WriteString(ops[i].Text)
			}
		}
		if del.Len() > 0 {
			out = append(out, Op{OpDelete, del.String()})
		}
		if ins.Len() > 0 {
			out = append(out, Op{OpInsert, ins.String()})
		}
	}
	return out
}

// sideOf joins the text of the ops one version sees: the old side (equal and delete) or the new
// side (equal and insert).
func sideOf(ops []Op, newSide bool) string {
	skip := OpInsert
	if newSide {
		skip = OpDelete
	}
	var b strings.Builder
	for _, op := range ops {
		if op.Kind != skip {
			b.WriteString(op.Text)
		}
	}
	return b.String()
}

// wholeOps is the diff of a text that exists on one side only.
func wholeOps(kind OpKind, s string) []Op {
	if s == "" {
		return nil
	}
	return []Op{{kind, s}}
}
