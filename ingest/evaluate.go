package ingest

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"

	"github.com/entente/entente"
)

// Counts are the matches of one field: true positives, false positives, false negatives.
type Counts struct{ TP, FP, FN int }

// Precision is TP/(TP+FP), 0 when nothing was predicted.
func (c Counts) Precision() float64 { return ratio(c.TP, c.TP+c.FP) }

// Recall is TP/(TP+FN), 0 when nothing was expected.
func (c Counts) Recall() float64 { return ratio(c.TP, c.TP+c.FN) }

// F1 is the harmonic mean of precision and recall.
func (c Counts) F1() float64 {
	p, r := c.Precision(), c.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func (c *Counts) add(o Counts) { c.TP += o.TP; c.FP += o.FP; c.FN += o.FN }

// Accuracy counts how many matched items have a field right.
type Accuracy struct{ Correct, Total int }

// Rate is Correct/Total, 0 when there is nothing to judge.
func (a Accuracy) Rate() float64 { return ratio(a.Correct, a.Total) }

func (a *Accuracy) add(o Accuracy) { a.Correct += o.Correct; a.Total += o.Total }

func (a *Accuracy) judge(ok bool) {
	a.Total++
	if ok {
		a.Correct++
	}
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// Scores are the scores of Read on one statement or on a folder of them. Events are matched
// to the gold events by time phrase (the same words, or words inside the other's, including
// the gold's other wordings) or else by kind and value; commitments by the overlap of their
// content words (at least half of the shorter statement's). The accuracies are over matched
// items only.
type Scores struct {
	Parties, People, Sectors                                 Counts
	PersonParty, PersonRole                                  Accuracy
	Events                                                   Counts
	EventValue, EventGranularity, EventStatus, EventLocation Accuracy
	Commitments                                              Counts
	Responsible, Due                                         Accuracy
}

func (s *Scores) add(o Scores) {
	s.Parties.add(o.Parties)
	s.People.add(o.People)
	s.Sectors.add(o.Sectors)
	s.PersonParty.add(o.PersonParty)
	s.PersonRole.add(o.PersonRole)
	s.Events.add(o.Events)
	s.EventValue.add(o.EventValue)
	s.EventGranularity.add(o.EventGranularity)
	s.EventStatus.add(o.EventStatus)
	s.EventLocation.add(o.EventLocation)
	s.Commitments.add(o.Commitments)
	s.Responsible.add(o.Responsible)
	s.Due.add(o.Due)
}

// FileScore is the score of one gold file.
type FileScore struct {
	ID string
	Scores
}

// Report is the evaluation of Read on a folder of gold files.
type Report struct {
	Dir   string
	Files []FileScore
	Total Scores // micro-averaged: the counts of all files added up
}

// goldFile is the part of a statements corpus file the evaluation reads.
type goldFile struct {
	ID              string `json:"id"`
	Text            string `json:"text"`
	PublicationDate string `json:"publication_date"`
	Annotations     Draft  `json:"annotations"`
}

// Evaluate runs Read on every gold file (*.json) of dir, in name order, and scores it against
// the file's annotations. It fails when the folder cannot be read, holds no gold file, or a
// file is not a gold file (the error names it); a statement Read refuses scores as an empty
// draft.
func Evaluate(dir string) (Report, error) {
	paths, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil {
		return Report{}, err
	}
	if _, err := os.Stat(dir); err != nil {
		return Report{}, &entente.Error{Code: entente.ENOTFOUND, Message: fmt.Sprintf("The folder %s cannot be read: %v.", dir, err)}
	}
	if len(paths) == 0 {
		return Report{}, &entente.Error{Code: entente.EINVALID, Message: fmt.Sprintf("The folder %s holds no gold files (*.json).", dir)}
	}
	sort.Strings(paths)
	rep := Report{Dir: dir}
	for _, p := range paths {
		fs, err := evaluateFile(p)
		if err != nil {
			return Report{}, err
		}
		rep.Files = append(rep.Files, fs)
		rep.Total.add(fs.Scores)
	}
	return rep, nil
}

// evaluateFile scores Read on one gold file.
func evaluateFile(path string) (FileScore, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return FileScore{}, err
	}
	var g goldFile
	if err := json.Unmarshal(b, &g); err != nil {
		return FileScore{}, &entente.Error{Code: entente.EINVALID, Message: fmt.Sprintf("%s is not a gold file: %v.", path, err)}
	}
	ref, err := entente.ParseDate(g.PublicationDate)
	if err != nil {
		return FileScore{}, &entente.Error{Code: entente.EINVALID, Message: fmt.Sprintf("%s: publication_date: %v.", path, err)}
	}
	if g.ID == "" {
		g.ID = filepath.Base(path[:len(path)-len(filepath.Ext(path))])
	}
	got, err := Read(g.Text, ref)
	if err != nil {
		got = &Draft{}
	}
	return FileScore{ID: g.ID, Scores: Score(got, &g.Annotations)}, nil
}

// Score compares a draft with the gold annotations of the same statement.
func Score(got, gold *Draft) Scores {
	var s Scores
	s.Parties = setCounts(got.Parties, gold.Parties)
	s.Sectors = setCounts(got.Sectors, gold.Sectors)
	s.People, s.PersonParty, s.PersonRole = scorePeople(got.People, gold.People)
	s.Events, s.EventValue, s.EventGranularity, s.EventStatus, s.EventLocation = scoreEvents(got.Events, gold.Events)
	s.Commitments, s.Responsible, s.Due = scoreCommitments(got.Commitments, gold.Commitments)
	return s
}

// setCounts compares two sets of codes.
func setCounts(got, gold []string) Counts {
	want := map[string]bool{}
	for _, g := range gold {
		want[g] = true
	}
	var c Counts
	seen := map[string]bool{}
	for _, g := range got {
		if seen[g] {
			continue
		}
		seen[g] = true
		if want[g] {
			c.TP++
		} else {
			c.FP++
		}
	}
	c.FN = len(want) - c.TP
	return c
}
