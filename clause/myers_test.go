package clause

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// lcsLength is the length of a longest common subsequence, by dynamic programming.
func lcsLength(a, b []int32) int {
	prev, cur := make([]int, len(b)+1), make([]int, len(b)+1)
	for i := range a {
		for j := range b {
			switch {
			case a[i] == b[j]:
				cur[j+1] = prev[j] + 1
			case prev[j+1] >= cur[j]:
				cur[j+1] = prev[j+1]
			default:
				cur[j+1] = cur[j]
			}
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// TestDiffIsMinimal checks on random sequences that the edit script keeps a longest common
// subsequence (Myers' diff is minimal) and that it transforms a into b.
func TestDiffIsMinimal(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for trial := range 2000 {
		a, b := make([]int32, rng.IntN(40)), make([]int32, rng.IntN(40))
		alphabet := int32(rng.IntN(6) + 1)
		for i := range a {
			a[i] = rng.Int32N(alphabet)
		}
		for i := range b {
			b[i] = rng.Int32N(alphabet)
		}
		var equal int
		var rebuilt []int32
		i, j := 0, 0
		for _, r := range diffIDs(a, b) {
			switch r.kind {
			case runEqual:
				for k := range r.n {
					if a[i+k] != b[j+k] {
						t.Fatalf("trial %d: equal run pairs different tokens", trial)
					}
				}
				rebuilt = append(rebuilt, a[i:i+r.n]...)
				equal, i, j = equal+r.n, i+r.n, j+r.n
			case runDelete:
				i += r.n
			case runInsert:
				rebuilt = append(rebuilt, b[j:j+r.n]...)
				j += r.n
			}
		}
		if i != len(a) || j != len(b) || !slices.Equal(rebuilt, b) {
			t.Fatalf("trial %d: script covers %d of %d and %d of %d tokens and builds %v, not %v", trial, i, len(a), j, len(b), rebuilt, b)
		}
		if want := lcsLength(a, b); equal != want {
			t.Fatalf("trial %d: %v → %v keeps %d tokens; a longest common subsequence has %d", trial, a, b, equal, want)
		}
	}
}

// TestDiffGivesUpOnHugeChanges checks that two long sequences with nothing in common are
// reported as replaced, without searching beyond maxEditSteps.
func TestDiffGivesUpOnHugeChanges(t *testing.T) {
	a, b := make([]int32, 3*maxEditSteps), make([]int32, 3*maxEditSteps)
	for i := range a {
		a[i], b[i] = int32(2*i), int32(2*i+1)
	}
	runs := diffIDs(a, b)
	want := []run{{runDelete, len(a)}, {runInsert, len(b)}}
	if len(runs) != 2 || runs[0] != want[0] || runs[1] != want[1] {
		t.Errorf("runs = %v; want %v", runs, want)
	}
}
