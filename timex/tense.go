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
		case "next":
			if p.word(k+1) == "to" {
				return 0 // "next to the embassy"
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
	if scheduleVerbs[w] && !t.cap && !determiners[p.word(k-1)] && p.word(k+1) != "of" {
		return 1 // "the festival opens on Friday": the present of a timetable
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

// scheduleVerbs are present-tense forms news uses for what is on the timetable ("talks
// resume on Monday", "tickets go on sale at 9 a.m.", "the law takes effect on Jan. 1").
var scheduleVerbs = wordSet("opens", "begins", "starts", "meets", "arrives", "departs", "resumes",
	"ends", "closes", "expires", "goes", "travels", "convenes", "kicks", "takes", "go", "resume",
	"convene")

// determiners make the word after them a noun ("the visit", "his talks").
var determiners = wordSet("the", "a", "an", "his", "her", "its", "their", "our", "this", "that",
	"these", "those", "of", "two", "to", "will", "would", "shall", "could", "should", "might",
	"may", "must", "can", "did", "do", "does", "not")

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
//
// Distances are counted in words that can carry tense: names and titles (capitalised words
// inside the sentence) and punctuation are passed over, so that in "will hold talks with
// Prime Minister Sitiveni Rabuka in Suva on Monday" the verb is six words from the date. An
// infinitive between the date and the verb ("agreed on Tuesday to meet again in June",
// "expect the bank to start cutting rates in the summer") looks forward from its governing
// verb: the date is in the future unless that verb is a plain past ("travelled to Minsk to
// sign the deal on Tuesday", "was forced to resign on Friday").
func (p *parser) directionCue(from, to int) (int, bool) {
	if p.forceDir != 0 {
		return p.forceDir, true
	}
	switch p.word(from - 1) {
	case "since":
		return -1, true // "since Jan. 13" counts from a day gone by
	case "effective":
		return 1, true // "effective Feb. 1" announces a change to come
	}
	if p.word(from-3) == "as" && p.word(from-1) == "as" {
		switch p.word(from - 2) {
		case "early", "soon", "late":
			return 1, true // "as early as Tuesday"
		}
	}
	c := cueSearch{strongDist: tenseWindow + 1, weakDist: tenseWindow + 1}
	infinitive := p.scanLeft(from, &c)
	p.scanRight(from, to, &c)
	if c.strong == 0 && infinitive > 0 {
		return 1, true
	}
	if c.strong != 0 {
		return c.strong, true
	}
	if c.far != 0 {
		return c.far, true
	}
	return c.weak, false
}

// auxiliaries carry a clause's tense however long its object is; past the window of other
// cues, they still count when no other cue was found.
var auxiliaries = wordSet("will", "would", "shall", "was", "were", "had", "has", "have")

// cueSearch collects the nearest tense cues on both sides of an expression.
type cueSearch struct {
	strong, strongDist int // the nearest cue of the clause's own verbs
	weak, weakDist     int // the nearest reporting verb further away
	far                int // the nearest auxiliary beyond the window
}

// note records the cue of token k at distance dist from an expression starting at from; it
// reports whether k holds a verb of the clause, which ends the search on that side.
func (p *parser) note(c *cueSearch, k, from, dist int) bool {
	d := p.cue(k)
	switch {
	case d == 0:
		return false
	case reportingVerbs[p.word(k)] && dist > 2 && (k < from || from > 3): // "said Tuesday": the saying is dated
		if dist < c.weakDist {
			c.weak, c.weakDist = d, dist
		}
		return false
	case dist < c.strongDist:
		c.strong, c.strongDist = d, dist
	}
	return true
}

// scanLeft looks for the verb before the expression, through an infinitive to the verb that
// governs it. It returns the distance of an infinitive whose governing verb it did not find
// (0 when there is none): such an infinitive looks forward unless a verb after the
// expression says otherwise ("the countries to accede to NATO on Friday were …").
func (p *parser) scanLeft(from int, c *cueSearch) int {
	dist, infinitive := 0, 0
	for k := from - 1; k >= 0 && from-k <= maxScan && p.punct(k) != ";"; k-- {
		if !p.countsForTense(k) {
			continue
		}
		dist++
		if dist > tenseWindow+infinitive {
			if infinitive == 0 && auxiliaries[p.word(k)] && c.far == 0 {
				c.far = p.cue(k) // "will address a joint sitting of the … groups of the two parliaments on Friday"
			}
			continue
		}
		switch {
		case infinitive == 0 && p.infinitiveAt(k):
			infinitive = dist // look as far again for the verb that governs it
		case infinitive == 0:
			if p.note(c, k, from, dist) {
				return 0
			}
		case reportingVerbs[p.word(k)]:
			p.note(c, k, from, dist) // "said it is trying to sell itself under a June agreement"
			return 0
		default:
			if d, ok := p.governing(k); ok {
				c.strong, c.strongDist = d, infinitive
				return 0
			}
		}
	}
	return infinitive
}

// governing returns the direction an infinitive takes from the verb at k that governs it:
// forward after verbs of planning, agreeing and asking, whatever their tense, unless in the
// pluperfect ("had been scheduled to expire"); the verb's own tense otherwise.
func (p *parser) governing(k int) (int, bool) {
	d := p.cue(k)
	if !forwardVerbs[p.word(k)] {
		return d, d != 0
	}
	switch p.word(k - 1) {
	case "had", "been":
		return -1, true
	}
	return 1, true
}

// scanRight looks for a verb after the expression; cues there count for less.
func (p *parser) scanRight(from, to int, c *cueSearch) {
	dist := 0
	for k := to; k < len(p.toks) && k-to < maxScan && p.punct(k) != ";"; k++ {
		if !p.countsForTense(k) {
			continue
		}
		dist++
		if dist > tenseWindow {
			return
		}
		if p.note(c, k, from, dist+rightPenalty) {
			return
		}
	}
}

// maxScan bounds the tokens looked at on each side of an expression, counted or not.
const maxScan = 3 * tenseWindow

// countsForTense reports whether token k counts in the distance to a tense cue: words do,
// except capitalised ones inside the sentence (names and titles); numbers do; punctuation
// does not.
func (p *parser) countsForTense(k int) bool {
	t := &p.toks[k]
	switch t.kind {
	case tokPunct:
		return false
	case tokWord:
		return !t.cap || k == 0 || p.punct(k-1) == "\"" || p.punct(k-1) == ":"
	}
	return true
}

// infinitiveAt reports whether token k is the "to" of an infinitive: "to" before a
// lower-case word that can be a verb, not after words that make "to" a preposition ("up to",
// "due to", "according to", "from … to").
func (p *parser) infinitiveAt(k int) bool {
	if p.word(k) != "to" || p.capital(k+1) {
		return false
	}
	w := p.word(k + 1)
	if w == "" || notVerbs[w] || strings.HasSuffix(w, "ing") || timeWord(w) {
		return false
	}
	switch p.word(k - 1) {
	case "up", "due", "according", "prior", "close", "next", "compared", "thanks", "addition",
		"similar", "from", "back", "owing", "relative", "contrary", "opposed", "subject", "as":
		return false
	}
	return true
}

// timeWord reports whether w names a time or an amount ("to May", "to two weeks"), which makes
// the "to" before it a preposition.
func timeWord(w string) bool {
	_, unit := units[w]
	return months[w] > 0 || weekdays[w] > 0 || cardinals[w] > 0 || ordinals[w] > 0 || unit ||
		w == "today" || w == "tomorrow" || w == "yesterday" || w == "date"
}

// notVerbs are lower-case words after "to" that show it is a preposition.
var notVerbs = map[string]bool{
	"a": true, "an": true, "the": true, "this": true, "these": true, "those": true, "his": true,
	"her": true, "its": true, "their": true, "our": true, "my": true, "your": true, "him": true,
	"them": true, "us": true, "me": true, "it": true, "some": true, "any": true, "all": true,
	"each": true, "both": true, "date": true, "power": true, "office": true, "court": true,
	"trial": true, "war": true, "percent": true, "per": true, "about": true,
	"around": true, "nearly": true, "almost": true, "more": true, "less": true, "over": true,
	"under": true, "what": true, "whom": true, "which": true, "where": true, "whether": true,
	"and": true, "or": true, "no": true, "one": true, "other": true, "another": true,
}

// forwardVerbs govern an infinitive that looks forward from them, whatever their own tense:
// "agreed on Tuesday to meet again in June" is a meeting to come.
var forwardVerbs = wordSet("agree", "agreed", "agrees", "decide", "decided", "decides", "plan",
	"plans", "planned", "intend", "intends", "intended", "expect", "expects", "expected", "hope",
	"hopes", "hoped", "aim", "aims", "aimed", "want", "wants", "wanted", "wish", "wishes",
	"wished", "promise", "promised", "promises", "pledge", "pledged", "pledges", "vow", "vowed",
	"vows", "threaten", "threatened", "threatens", "invite", "invited", "invites", "urge", "urged",
	"urges", "ask", "asked", "asks", "called", "calls", "propose", "proposed", "proposes",
	"prepare", "prepared", "prepares", "seek", "seeks", "sought", "schedule", "scheduled", "set",
	"due", "going", "ready", "willing", "eager", "likely", "able", "unable", "need", "needs",
	"needed", "instructed", "tasked", "directed", "authorized", "authorised", "encouraged",
	"mandated", "committed", "determined", "resolved", "undertook", "undertakes", "offered",
	"offers", "requested", "requests", "reaffirmed", "told", "ordered", "orders",
	"subpoenaed", "summoned", "required", "requires", "invited", "advised", "recommended",
	"slated", "appointed", "chosen", "elected", "nominated",
	// nouns whose infinitive looks forward too: "signed an agreement to open flights from April"
	"agreement", "agreements", "deal", "decision", "commitment", "pledge", "promise",
	"invitation", "proposal", "bid", "intention", "memorandum", "accord", "contract")

func wordSet(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}
