package timex

import "strings"

// The direction of an underspecified date ("on Tuesday", "in September") comes from the tense
// of its clause: the nearest tense cue around the expression, within the sentence, decides.

// rightPenalty is added to the distance of cues after the expression: in English the verb
// an adverbial of time belongs to usually comes before it ("the trip, planned during the
// second week of November, was discussed").
const rightPenalty = 4

// tenseWindow is how many tokens on each side of an expression are searched for a tense cue.
const tenseWindow = 10

// futureCues mark a future (or future-in-the-past) clause.
var futureCues = map[string]bool{
	"will": true, "shall": true, "would": true, "ll": true, "going": true, "plans": true,
	"plan": true, "planned": true, "planning": true, "intends": true, "intend": true,
	"expected": true, "expects": true, "expect": true, "scheduled": true, "slated": true,
	"due": true, "upcoming": true, "forthcoming": true, "next": true, "hopes": true, "aims": true,
	"tomorrow": true, "agreed": true, "decided": true, "invited": true, "proposed": true,
	"set": true, "wo": true, "pledged": true, "promised": true, "vowed": true, "must": true,
	"should": true, "can": true, "might": true, "may": true,
}

// pastCues mark a past clause; regular past forms ("signed") are recognised by their ending.
var pastCues = map[string]bool{
	"said": true, "was": true, "were": true, "had": true, "did": true, "met": true, "went": true,
	"came": true, "took": true, "gave": true, "held": true, "began": true, "saw": true,
	"told": true, "made": true, "left": true, "won": true, "lost": true, "led": true, "fell": true,
	"rose": true, "sent": true, "got": true, "thought": true, "brought": true, "bought": true,
	"sold": true, "paid": true, "spent": true, "found": true, "knew": true, "became": true,
	"stood": true, "kept": true, "ran": true, "wrote": true, "spoke": true, "broke": true,
	"chose": true, "drove": true, "flew": true, "grew": true, "threw": true, "fought": true,
	"caught": true, "taught": true, "sought": true, "struck": true, "shot": true, "ago": true,
	"yesterday": true, "last": true, "earlier": true, "has": true, "have": true, "been": true,
	"arrived": true, "died": true, "killed": true, "quit": true, "slid": true,
	"swore": true, "overtook": true, "withdrew": true, "undertook": true, "bore": true,
}

// notPast are words ending in -ed that are not past forms.
var notPast = map[string]bool{
	"need": true, "feed": true, "seed": true, "speed": true, "breed": true, "bleed": true,
	"proceed": true, "succeed": true, "exceed": true, "indeed": true, "embed": true,
	"hundred": true, "red": true, "bed": true, "shed": true, "wed": true, "reed": true,
	"weed": true, "greed": true, "steed": true, "creed": true, "deed": true, "sled": true,
	"bred": true, "naked": true, "sacred": true, "wicked": true, "kindred": true,
	"expected": true, "scheduled": true, "planned": true, "slated": true, "proposed": true,
	"agreed": true, "decided": true, "invited": true, "pledged": true, "promised": true,
	"vowed": true, "based": true, "united": true, "limited": true, "related": true,
	"so-called": true, "detailed": true, "advanced": true, "concerned": true, "interested": true,
	"used": true, "supposed": true, "allowed": true, "required": true, "needed": true,
}

// cue classifies token k: +1 future, -1 past, 0 none.
func (p *parser) cue(k int) int {
	t := &p.toks[k]
	if t.kind != tokWord {
		return 0
	}
	w := t.lower
	if futureCues[w] {
		switch w {
		case "set", "due":
			if n := p.word(k + 1); n != "to" && n != "for" {
				return 0
			}
		case "agreed", "decided", "invited", "proposed", "pledged", "promised", "vowed", "plans", "plan", "hopes", "aims":
			if p.word(k+1) != "to" {
				return pastOrNone(w)
			}
		case "expected", "scheduled", "planned", "slated":
			switch p.word(k - 1) {
			case "had", "been":
				return -1 // "had been scheduled to expire": the plan is in the past
			}
		}
		if w == "wo" && p.punct(k+1) != "'" && p.word(k+1) != "n" {
			return 0
		}
		return 1
	}
	if (w == "is" || w == "are") && p.word(k+1) == "to" {
		return 1
	}
	if pastCues[w] {
		switch w {
		case "was", "were", "had", "has", "have", "been", "did", "ago", "yesterday", "last", "earlier":
			return -1
		}
		return p.participle(k) // "will be held": a passive, not a past
	}
	if !t.cap && len(w) > 4 && strings.HasSuffix(w, "ed") && !notPast[w] {
		return p.participle(k)
	}
	return 0
}

// pastOrNone classifies a cue word used without its "to": "agreed in June" is past,
// "plans" a noun.
func pastOrNone(w string) int {
	if strings.HasSuffix(w, "ed") {
		return -1
	}
	return 0
}

// participle classifies a regular -ed form at k by the word before it: after a determiner it
// is an adjective ("the reduced dividend") and after a form of "be" a passive ("must be
// returned", "is expected") whose tense is the auxiliary's; both say nothing by themselves.
func (p *parser) participle(k int) int {
	switch p.word(k - 1) {
	case "the", "a", "an", "its", "his", "her", "their", "our", "this", "that", "these",
		"those", "some", "any", "no", "of", "be", "being", "is", "are", "am", "to", "newly",
		"recently", "previously", "already":
		return 0
	}
	return -1
}

// reportingVerbs introduce what was said; their past tense is the reporter's, not the
// event's ("officials said the summit will open on April 24", "… in early March, an official
// said"), so they count only when no other cue is near, unless they are right next to the
// date ("said Tuesday") or follow a date that opens the sentence ("In September, it
// announced plans …"), which they date themselves.
var reportingVerbs = map[string]bool{
	"said": true, "told": true, "announced": true, "reported": true, "added": true,
	"stated": true, "noted": true, "declared": true,
}

// direction returns +1 when the clause around tokens [from, to) is in the future, -1 when it
// is in the past, and 0 when no cue is found. The nearest cue wins (on a tie, the left one);
// reporting verbs further than two words away count only when there is no other cue.
func (p *parser) direction(from, to int) int {
	dir, _ := p.directionCue(from, to)
	return dir
}

// directionCue is direction, also saying whether the cue was a verb of the clause itself
// rather than a reporting verb or nothing.
func (p *parser) directionCue(from, to int) (int, bool) {
	if p.forceDir != 0 {
		return p.forceDir, true
	}
	if p.word(from-3) == "as" && p.word(from-1) == "as" {
		switch p.word(from - 2) {
		case "early", "soon", "late":
			return 1, true // "as early as Tuesday"
		}
	}
	strong, strongDist, weak, weakDist := 0, tenseWindow+1, 0, tenseWindow+1
	note := func(k, dist int) bool {
		c := p.cue(k)
		switch {
		case c == 0:
			return false
		case reportingVerbs[p.word(k)] && dist > 2 && (k < from || from > 3): // "said Tuesday": the saying is dated
			if dist < weakDist {
				weak, weakDist = c, dist
			}
			return false
		case dist < strongDist:
			strong, strongDist = c, dist
		}
		return true
	}
	for k := from - 1; k >= 0 && from-k <= tenseWindow && p.punct(k) != ";"; k-- {
		if note(k, from-k) {
			break
		}
	}
	for k := to; k < len(p.toks) && k-to < tenseWindow && p.punct(k) != ";"; k++ {
		if note(k, k-to+1+rightPenalty) {
			break
		}
	}
	if strong != 0 {
		return strong, true
	}
	return weak, false
}
