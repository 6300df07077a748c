package ingest

// This file holds the English words Read knows besides sectors and countries: titles of
// office, the words of bodies' names, event cues and commitment cues. Each list is data; the
// code that uses it lives with the step that needs it.

// titleHeads are the heads of titles of office, lower case; a title is a run of title words
// ending in a head ("Deputy Prime Minister", "Foreign Affairs Cabinet Secretary").
var titleHeads = []string{
	"president", "vice president", "vice-president", "president-elect", "prime minister", "premier",
	"vice premier", "vice-premier", "minister", "ministers", "secretary", "secretaries",
	"secretary of state", "secretary-general", "secretary general", "general secretary",
	"ambassador", "ambassadors", "high commissioner", "commissioner", "speaker", "chancellor",
	"king", "queen", "crown prince", "prince", "princess", "emir", "amir", "sultan", "sheikh",
	"shaikh", "senator", "governor", "mayor", "chairman", "chairwoman", "chairperson", "chair",
	"co-chair", "co-chairs", "envoy", "special envoy", "consul general", "consul", "director general",
	"director-general", "director", "general", "field marshal", "marshal", "admiral", "commander",
	"chief of army staff", "army chief", "army chiefs", "head of state", "head of government",
	"counterpart", "counterparts", "adviser", "advisor", "special assistant", "spokesperson",
	"spokesman", "spokeswoman", "chargé d'affaires", "attorney general", "foreign minister",
	"defence minister", "defense minister", "leader", "supreme leader", "monarch", "vice chairman",
	"deputy chairman", "state secretary", "chief executive", "chief minister", "presidents",
	"premiers", "prime ministers", "foreign ministers",
}

// titleWords may stand inside a title before its head: modifiers ("Deputy", "former") and
// the domains of portfolios ("Foreign Affairs", "Commerce").
var titleWords = []string{
	"former", "then", "acting", "interim", "caretaker", "incumbent", "current", "outgoing", "new",
	"deputy", "first", "vice", "federal", "state", "foreign", "special", "permanent", "principal",
	"cabinet", "chief", "senior", "joint", "executive", "additional", "provincial", "regional",
	"national", "general", "grand", "defence", "defense", "military", "prime",
}

// domainWords name portfolios and fields in titles and bodies ("Minister for Planning,
// Development & Reforms", "Ministry of Economic Affairs"); they are never part of a person's
// name.
var domainWords = []string{
	"affairs", "foreign", "internal", "interior", "home", "planning", "development", "reforms",
	"reform", "commerce", "trade", "finance", "economy", "economic", "defence", "defense",
	"energy", "power", "petroleum", "communications", "communication", "information",
	"broadcasting", "technology", "technologies", "telecommunication", "industry", "industries",
	"production", "agriculture", "food", "health", "education", "justice", "law", "culture",
	"tourism", "transport", "railways", "aviation", "maritime", "water", "resources", "mining",
	"labour", "labor", "employment", "science", "investment", "privatisation", "privatization",
	"housing", "environment", "climate", "security", "overseas", "human", "rights", "emergency",
	"situations", "sports", "youth", "textile", "textiles", "revenue", "statistics", "religious",
	"parliamentary", "narcotics", "control", "ports", "shipping", "natural", "national", "nationals",
	"social", "protection", "ecology", "taxes", "customs", "digital", "innovation", "higher",
	"research", "commodities", "procurement", "engineering", "military", "armed", "forces",
	"cooperation", "integration", "relations", "coordination", "special", "initiatives", "state",
	"public", "works", "infrastructure", "urban", "rural", "affair", "expatriates", "diaspora",
	"inter-provincial", "information technology", "it", "food security", "fisheries", "fishery",
	"oceans", "sea", "waters", "inland", "forestry", "forests", "mines", "minerals",
	"hydrocarbons", "oil", "gas", "electricity", "telecommunications", "posts", "budget",
	"treasury", "local", "municipal", "heritage", "arts", "women", "family", "children",
	"gender", "welfare", "veterans", "immigration", "citizenship", "border", "borders",
	"entrepreneurship", "enterprise", "enterprises", "agrarian", "land", "lands", "irrigation",
	"nuclear", "atomic", "space", "aerospace", "metallurgy", "chemical", "chemicals",
	"sustainable", "trade", "tourism", "agriculture", "livestock", "transportation", "tax",
	"supply", "supplies", "logistics",
}

// bodyWords mark capitalised phrases that name bodies, documents, places and events rather
// than people.
var bodyWords = []string{
	"ministry", "ministries", "commission", "council", "committee", "organization", "organisation",
	"agreement", "agreements", "memorandum", "memorandums", "memoranda", "republic", "bank",
	"corridor", "summit", "forum", "party", "group", "union", "assembly", "parliament", "senate",
	"government", "cabinet", "authority", "department", "agency", "office", "house", "palace",
	"mechanism", "conference", "programme", "program", "declaration", "area", "zone", "zones",
	"partnership", "association", "federation", "chamber", "institute", "university", "company",
	"corporation", "airlines", "railways", "line", "fund", "project", "plan", "roadmap", "strategy",
	"treaty", "protocol", "convention", "statement", "communique", "communiqué", "coalition",
	"alliance", "community", "nations", "states", "emirates", "islands", "kingdom", "federal",
	"court", "police", "army", "navy", "force", "forces", "state", "city", "province", "region",
	"street", "square", "hall", "centre", "center", "hotel", "airport", "port", "station", "board",
	"service", "services", "embassy", "consulate", "mission", "secretariat", "directorate",
	"division", "bureau", "administration", "presidency", "chancellery", "press", "news", "agency",
	"times", "post", "daily", "tribune", "herald", "gazette", "photo", "pid", "app", "reuters",
	"xinhua", "tass", "belta", "pti", "media", "tv", "radio", "network", "sco", "nato", "asean",
	"brics", "eu", "un", "cpec", "jcc", "jmc", "bnc", "mou", "mous", "expo", "exhibition", "week",
	"day", "year", "east", "west", "north", "south", "central", "mechanism", "initiative",
	"dialogue", "framework", "talks", "meeting", "session", "visit", "road", "map",
}

// leadWords start sentences and clauses in capitals without being names.
var leadWords = []string{
	"the", "a", "an", "this", "that", "these", "those", "it", "its", "he", "she", "they", "we",
	"his", "her", "their", "our", "in", "on", "at", "by", "for", "with", "from", "to", "of",
	"and", "but", "or", "as", "after", "before", "during", "since", "until", "under", "among",
	"amid", "according", "speaking", "earlier", "later", "also", "however", "meanwhile",
	"further", "furthermore", "moreover", "additionally", "both", "each", "every", "all", "both",
	"while", "when", "where", "which", "who", "whom", "if", "there", "here", "today", "yesterday",
	"tomorrow", "last", "next", "this", "senior", "officials", "members", "delegations", "leaders",
	"ministers", "sides", "two", "photo", "caption", "said", "says", "agreed", "signed", "held",
	"met", "dear", "excellency", "his excellency", "her excellency", "hon", "honourable",
	"honorable", "mr", "mrs", "ms", "dr", "prof", "sir", "lady", "lord", "h.e", "highness",
	"majesty", "royal", "then", "one", "first", "second", "third", "new", "other", "another",
	"some", "many", "several", "most", "more", "such", "no", "not", "only", "just", "even",
	"so", "thus", "therefore", "hence", "instead", "indeed", "finally", "lastly", "separately",
	"similarly", "likewise", "again", "once", "now", "currently", "recently", "previously",
	"subsequently", "thereafter", "following", "ahead", "despite", "without", "within", "upon",
	"about", "around", "over", "through", "between", "against", "towards", "toward", "into",
	"prior", "regarding", "concerning", "considering", "given", "noting", "welcoming",
	"recalling", "recognising", "recognizing", "stressing", "emphasising", "emphasizing",
	"underlining", "expressing", "reaffirming", "highlighting", "addressing", "calling",
}

// honorifics come before names ("Mr", "H.E."); they make the following capitalised words a name.
var honorifics = []string{"mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sir", "dame",
	"madam", "h.e", "his excellency", "her excellency", "excellency", "hon", "honourable",
	"honorable", "sheikh", "sheikha", "lord", "lady"}

// nameParticles are the lower-case words inside names ("Mohammed bin Salman", "Ursula von der
// Leyen").
var nameParticles = []string{"bin", "bint", "ibn", "al", "el", "de", "da", "del", "della", "di",
	"van", "von", "der", "den", "la", "le", "du", "dos", "das", "ben", "abu", "ul", "ud"}

// speechVerbs report speech; what follows them is reported, and a date attached to them
// ("said at a press conference on Tuesday") anchors the relative dates they report.
var speechVerbs = []string{"said", "says", "told", "stated", "states", "announced", "added",
	"noted", "stressed", "emphasised", "emphasized", "underlined", "remarked", "explained",
	"declared", "informed", "briefed", "asserted", "observed", "pointed out", "according to"}

// eventCue is a word or phrase that names an event, with the kind of event and how surely
// it names one (3: "joint commission", "phone call"; 1: "talks", "target").
type eventCue struct {
	kind        string
	strength    int
	meetingKind string // leaders_talks, delegation_talks, working_group
	exclude     bool   // an occasion the corpus does not annotate (taking office, elections)
}

// eventCues are the English event cues, matched on hyphen-split words, longest first.
var eventCues = map[string]eventCue{
	"commission": {kind: KindCommissionSession, strength: 3}, "joint commission": {kind: KindCommissionSession, strength: 3},
	"intergovernmental commission": {kind: KindCommissionSession, strength: 3},
	"coordination council":         {kind: KindCommissionSession, strength: 3}, "cooperation council": {kind: KindCommissionSession, strength: 3},
	"joint cooperation committee": {kind: KindCommissionSession, strength: 3}, "joint committee": {kind: KindCommissionSession, strength: 3},
	"JMC": {kind: KindCommissionSession, strength: 3}, "JCC": {kind: KindCommissionSession, strength: 3},
	"BNC": {kind: KindCommissionSession, strength: 3}, "JEC": {kind: KindCommissionSession, strength: 3},
	"IGC": {kind: KindCommissionSession, strength: 3}, "session": {kind: KindCommissionSession, strength: 2},
	"sessions": {kind: KindCommissionSession, strength: 2}, "plenary": {kind: KindCommissionSession, strength: 2},
	"council": {kind: KindCommissionSession, strength: 2}, "interstate council": {kind: KindCommissionSession, strength: 3},
	"intergovernmental council": {kind: KindCommissionSession, strength: 3}, "supreme council": {kind: KindCommissionSession, strength: 3},
	"strategic council": {kind: KindCommissionSession, strength: 3}, "security council": {kind: KindMeeting, strength: 1},

	"phone call": {kind: KindCall, strength: 3}, "telephone call": {kind: KindCall, strength: 3},
	"phone conversation": {kind: KindCall, strength: 3}, "telephone conversation": {kind: KindCall, strength: 3},
	"spoke by phone": {kind: KindCall, strength: 3}, "spoke by telephone": {kind: KindCall, strength: 3},
	"spoke on the phone": {kind: KindCall, strength: 3}, "telephoned": {kind: KindCall, strength: 3},
	"phoned": {kind: KindCall, strength: 3}, "video call": {kind: KindCall, strength: 3},
	"spoke on the telephone": {kind: KindCall, strength: 3}, "by telephone": {kind: KindCall, strength: 3},
	"by phone": {kind: KindCall, strength: 3}, "telephone talk": {kind: KindCall, strength: 3},
	"telephone talks": {kind: KindCall, strength: 3}, "on the telephone": {kind: KindCall, strength: 3},
	"video conference": {kind: KindCall, strength: 2}, "videoconference": {kind: KindCall, strength: 2},
	"call": {kind: KindCall, strength: 1},

	"sign": {kind: KindSigning, strength: 2}, "signed": {kind: KindSigning, strength: 2},
	"signing": {kind: KindSigning, strength: 2}, "signs": {kind: KindSigning, strength: 2},
	"inked": {kind: KindSigning, strength: 2}, "ink": {kind: KindSigning, strength: 2},
	"approve": {kind: KindSigning, strength: 1}, "approved": {kind: KindSigning, strength: 1},
	"ratify": {kind: KindSigning, strength: 2}, "ratified": {kind: KindSigning, strength: 2},
	"exchanged the documents": {kind: KindSigning, strength: 2}, "exchange of documents": {kind: KindSigning, strength: 2},
	"exchange of": {kind: KindSigning, strength: 1}, "witnessed the exchange": {kind: KindSigning, strength: 2},

	"visit": {kind: KindVisit, strength: 2}, "visits": {kind: KindVisit, strength: 2},
	"visited": {kind: KindVisit, strength: 2}, "visiting": {kind: KindVisit, strength: 2},
	"trip": {kind: KindVisit, strength: 2}, "travel": {kind: KindVisit, strength: 2},
	"travelled": {kind: KindVisit, strength: 2}, "traveled": {kind: KindVisit, strength: 2},
	"tour": {kind: KindVisit, strength: 1}, "arrived": {kind: KindVisit, strength: 1},
	"arrive": {kind: KindVisit, strength: 1}, "arrives": {kind: KindVisit, strength: 1},

	"met": {kind: KindMeeting, strength: 2, meetingKind: "leaders_talks"}, "meet": {kind: KindMeeting, strength: 2},
	"meets": {kind: KindMeeting, strength: 2}, "meeting": {kind: KindMeeting, strength: 2},
	"meetings": {kind: KindMeeting, strength: 2}, "talks": {kind: KindMeeting, strength: 2},
	"delegation-level talks": {kind: KindMeeting, strength: 3, meetingKind: "delegation_talks"},
	"delegations held talks": {kind: KindMeeting, strength: 3, meetingKind: "delegation_talks"},
	"reconvene":              {kind: KindMeeting, strength: 2}, "reconvened": {kind: KindMeeting, strength: 2},
	"reconvenes": {kind: KindMeeting, strength: 2}, "convene": {kind: KindMeeting, strength: 1},
	"convened": {kind: KindMeeting, strength: 1}, "consultations": {kind: KindMeeting, strength: 2},
	"summit": {kind: KindMeeting, strength: 2}, "round of talks": {kind: KindMeeting, strength: 3},
	"consultation": {kind: KindMeeting, strength: 2}, "annual consultation": {kind: KindMeeting, strength: 3},
	"interaction": {kind: KindMeeting, strength: 1}, "negotiations": {kind: KindMeeting, strength: 1},
	"working group":          {kind: KindMeeting, strength: 2, meetingKind: "working_group"},
	"working groups":         {kind: KindMeeting, strength: 2, meetingKind: "working_group"},
	"committee":              {kind: KindMeeting, strength: 1},
	"round of consultations": {kind: KindMeeting, strength: 3}, "next round": {kind: KindMeeting, strength: 2},
	"joint sitting": {kind: KindMeeting, strength: 2}, "courtesy call": {kind: KindMeeting, strength: 3},
	"paid a call on": {kind: KindMeeting, strength: 3}, "be received by": {kind: KindMeeting, strength: 2},
	"was received by": {kind: KindMeeting, strength: 2}, "received by": {kind: KindMeeting, strength: 1},

	"forum": {kind: KindForum, strength: 2}, "business forum": {kind: KindForum, strength: 3},
	"exhibition": {kind: KindForum, strength: 2}, "expo": {kind: KindForum, strength: 2},
	"conference": {kind: KindForum, strength: 1}, "roundtable": {kind: KindForum, strength: 2},
	"symposium": {kind: KindForum, strength: 2},

	"target": {kind: KindDeadline, strength: 1}, "deadline": {kind: KindDeadline, strength: 2},
	"to be settled": {kind: KindDeadline, strength: 1}, "to be cleared": {kind: KindDeadline, strength: 1},
	"should be cleared": {kind: KindDeadline, strength: 1}, "to be completed": {kind: KindDeadline, strength: 1},
	"expires": {kind: KindDeadline, strength: 1}, "expire": {kind: KindDeadline, strength: 1},
	"expiry": {kind: KindDeadline, strength: 1},

	"anniversary": {kind: KindOther, strength: 1}, "announced": {kind: KindOther, strength: 1},
	"inauguration": {kind: KindOther, strength: 1}, "inaugurated": {kind: KindOther, strength: 1},
	"entry into force": {kind: KindOther, strength: 2}, "entered into force": {kind: KindOther, strength: 2},
	"came into force": {kind: KindOther, strength: 2}, "took effect": {kind: KindOther, strength: 2},
	"strategic dialogue": {kind: KindMeeting, strength: 2}, "dialogue": {kind: KindMeeting, strength: 1},

	"taking office": {exclude: true}, "took office": {exclude: true}, "oath": {exclude: true},
	"elected": {exclude: true}, "election": {exclude: true}, "elections": {exclude: true},
	"born": {exclude: true}, "established diplomatic relations": {exclude: true},
	"establishment of diplomatic relations": {exclude: true}, "since": {exclude: true},
	"assumed office": {exclude: true}, "appointed": {exclude: true}, "died": {exclude: true},
	"press conference": {exclude: true}, "press release": {exclude: true}, "years ago": {exclude: true},
	"called for": {exclude: true}, "called on": {exclude: true}, "recent months": {exclude: true},
	"recent years": {exclude: true}, "in the past": {exclude: true},
}

// Tense cues decide whether an event was held, is planned, is under way or was put off.
var (
	futureWords = []string{"will", "shall", "would", "'ll", "to be held", "is to", "are to",
		"is due", "are due", "due to", "is expected", "are expected", "expected", "scheduled",
		"planned", "plans", "plan to", "intends", "intend", "upcoming", "next", "forthcoming",
		"tentatively", "is set to", "are set to", "going to", "proposed",
		"agreed to", "invited", "invitation", "hopes", "hoped", "could", "to meet", "to visit",
		"to sign", "to be signed", "culminate", "set for", "slated", "asked", "to pay", "requested",
		"offered to", "offers to", "to host", "to hold", "to organise", "to organize", "to convene",
		"to launch", "to make", "meet again", "were expected", "was expected", "was to", "were to"}
	pastWords = []string{"was", "were", "had", "has been", "have been", "held", "met", "did",
		"took place", "ended", "concluded", "signed", "took", "came", "visited", "travelled",
		"traveled", "arrived", "spoke", "announced", "convened", "reconvened", "inked",
		"exchanged", "first met", "drew", "recent", "recently", "earlier"}
	ongoingWords   = []string{"is visiting", "are visiting", "is on a visit", "is on an official visit", "currently", "ongoing", "underway", "under way", "is holding", "are holding", "is in"}
	postponedWords = []string{"postponed", "rescheduled", "delayed", "deferred", "put off", "pushed back", "called off", "cancelled", "canceled",
		"has been moved", "have been moved", "was moved", "were moved", "been brought forward"}
)

// commitKind says how a commitment cue introduces what is promised.
type commitKind uint8

const (
	commitTo       commitKind = iota + 1 // "decided to", "pledged to", "ready to": the promise follows "to"
	commitAgree                          // "agreed": to/on/that follows, perhaps after a time
	commitModal                          // "will", "shall", "should", "is to", "is scheduled": subject and verb
	commitReported                       // "would": only in reported speech
	commitAfter                          // "were given the task of", "called for": the promise follows
	commitThat                           // "proposed that", "agreed that"
	commitInterest                       // "interested in": a request, kept when it names an object
)

// commitCues are the English commitment cues, matched on hyphen-split words.
var commitCues = map[string]commitKind{
	"agreed": commitAgree, "agree": commitAgree, "agrees": commitAgree,
	"decided to": commitTo, "decide to": commitTo, "agreeing to": commitTo, "agreeing on": commitTo,
	"pledging to": commitTo, "deciding to": commitTo, "committing to": commitTo, "resolved to": commitTo, "pledged to": commitTo,
	"pledge to": commitTo, "committed to": commitTo, "commit to": commitTo, "committed themselves to": commitTo,
	"vowed to": commitTo, "undertook to": commitTo, "undertake to": commitTo, "promised to": commitTo,
	"reaffirmed their commitment to": commitTo, "renewed their commitment to": commitTo,
	"reiterated their commitment to": commitTo, "reaffirmed their resolve to": commitTo,
	"restated their shared resolve to": commitTo, "restated their resolve to": commitTo,
	"reaffirmed their shared resolve to": commitTo, "expressed their determination to": commitTo,
	"are determined to": commitTo, "is determined to": commitTo, "ready to": commitTo,
	"stands ready to": commitTo, "readiness to": commitTo, "willing to": commitTo, "willingness to": commitTo,
	"offered to": commitTo, "plans to": commitTo, "plan to": commitTo, "intends to": commitTo,
	"intend to": commitTo, "aims to": commitTo, "aim to": commitTo, "seeks to": commitTo, "seek to": commitTo,
	"instructed": commitAfter, "directed": commitAfter, "tasked": commitAfter, "mandated": commitAfter,
	"were given the task of": commitAfter, "was given the task of": commitAfter, "called for": commitAfter,
	"set a target of": commitAfter, "set the target of": commitAfter, "accepted the invitation": commitAfter,
	"accepted an invitation": commitAfter,
	"will":                   commitModal, "shall": commitModal, "should": commitModal, "must": commitModal,
	"is to": commitModal, "are to": commitModal, "is due to": commitModal, "are due to": commitModal,
	"is expected to": commitModal, "are expected to": commitModal, "is scheduled": commitModal,
	"are scheduled": commitModal, "is planned": commitModal, "are planned": commitModal,
	"is tentatively planned": commitModal, "is set to": commitModal, "are set to": commitModal,
	"was expected to": commitModal, "were expected to": commitModal, "will be expected to": commitModal,
	"needs to": commitModal, "need to": commitModal, "has to": commitModal, "have to": commitModal,
	"would":         commitReported,
	"proposed that": commitThat, "suggested that": commitThat,
	"interested in": commitInterest, "keen to": commitInterest, "interest in": commitInterest,
	"wants to": commitInterest, "wanted to": commitInterest,
}

// jointWords in a subject make a commitment joint: "the two sides", "both countries".
var jointWords = map[string]bool{"both": true, "two": true, "three": true, "four": true, "sides": true, "leaders": true,
	"parties": true, "delegations": true, "governments": true, "they": true, "we": true,
	"joint": true, "bilateral": true, "each": true, "premiers": true, "presidents": true,
	"ministers": true}

// actorWords open a subject that names the parties themselves: "the two sides", "both",
// "they" (while "the joint commission" names a body).
var actorWords = map[string]bool{"both": true, "two": true, "sides": true, "leaders": true,
	"parties": true, "delegations": true, "governments": true, "they": true, "we": true,
	"premiers": true, "presidents": true, "ministers": true}

// instrumentHeads name signed instruments.
var instrumentHeads = map[string]bool{"annex": true, "agreement": true, "agreements": true, "memorandum": true,
	"memorandums": true, "memoranda": true, "mou": true, "mous": true, "protocol": true,
	"protocols": true, "programme": true, "program": true, "treaty": true, "accord": true,
	"accords": true, "convention": true, "declaration": true, "roadmap": true, "contract": true,
	"contracts": true, "plan": true}

// signingWords make a sentence's instruments signed ones.
var signingWords = map[string]bool{"signed": true, "signing": true, "concluded": true,
	"exchanged": true, "inked": true, "initialled": true, "among": true, "included": true,
	"include": true, "cover": true, "covering": true}
