package clause

import (
	"fmt"
	"math/rand/v2"
	"strings"

	"github.com/entente/entente"
)

// Generated agreement texts for benchmarks and fuzz seeds: sentences in the register of a
// cooperation memorandum, so that word frequencies and article similarity look like the real
// thing rather than random letters.

var (
	sampleSubjects = []string{"The Parties", "Each Party", "The competent authorities of the Parties",
		"The Joint Working Group", "The Ministry of National Food Security and Research",
		"The Ministry of Agriculture and Food of the Republic of Belarus", "The Joint Ministerial Commission"}
	sampleVerbs = []string{"shall promote", "shall encourage", "shall facilitate", "may establish",
		"shall exchange information on", "shall develop", "shall take measures to support",
		"shall consider proposals for", "shall cooperate in"}
	sampleObjects = []string{"the supply of agricultural machinery", "joint ventures in tractor assembly",
		"the training of specialists", "technology transfer", "the exchange of delegations",
		"scientific and technical cooperation", "investment in processing facilities",
		"the certification of equipment", "seed production and plant protection",
		"the maintenance of combine harvesters", "trade in textiles and machinery"}
	sampleQualifiers = []string{"in accordance with their national legislation",
		"on the basis of equality and mutual benefit", "within the limits of available funds",
		"subject to the agreement of the competent authorities", "within ninety days of a request",
		"through diplomatic channels", "in the territory of either Party", "as the Parties may agree"}
	sampleHeadings = []string{"Definitions", "Scope of cooperation", "Forms of cooperation",
		"Competent authorities", "Joint Working Group", "Financing", "Confidentiality",
		"Intellectual property", "Settlement of disputes", "Amendments", "Entry into force",
		"Duration and termination", "Exchange of information", "Training", "Investment"}
)

// sampleText generates a text of n articles of about articleSize bytes each; the same seed
// gives the same text.
func sampleText(seed uint64, n, articleSize int) entente.AgreementText {
	rng := rand.New(rand.NewPCG(seed, 7))
	t := entente.AgreementText{
		Language: "en",
		Title: "Memorandum of Understanding between the Government of the Islamic Republic of Pakistan " +
			"and the Government of the Republic of Belarus on Cooperation in Agricultural Machinery",
		Preamble: "The Government of the Islamic Republic of Pakistan and the Government of the Republic " +
			"of Belarus, hereinafter referred to as the Parties,\n\nDesiring to develop the roadmap agreed " +
			"in Islamabad on 26 November 2024,\n\nHave agreed as follows:",
	}
	for i := range n {
		t.Articles = append(t.Articles, entente.Article{
			Number:  fmt.Sprint(i + 1),
			Heading: pick(rng, sampleHeadings),
			Body:    sampleBody(rng, articleSize),
		})
	}
	return t
}

// sampleBody writes numbered paragraphs of sentences until the body reaches size bytes.
func sampleBody(rng *rand.Rand, size int) string {
	var b strings.Builder
	for para := 1; b.Len() < size; para++ {
		if para > 1 {
			b.WriteString("\n\n")
		}
		fmt.Fprintf(&b, "%d.", para)
		for s := 0; s < 3 && b.Len() < size; s++ {
			fmt.Fprintf(&b, " %s %s %s %s.", pick(rng, sampleSubjects), pick(rng, sampleVerbs),
				pick(rng, sampleObjects), pick(rng, sampleQualifiers))
		}
	}
	return b.String()
}

func pick(rng *rand.Rand, words []string) string { return words[rng.IntN(len(words))] }

// reviseText makes a negotiated revision of t: words replaced, inserted and deleted in every
// fourth article, the last article moved to the front, one article deleted and one added, and
// the articles renumbered in order.
func reviseText(t entente.AgreementText, seed uint64) entente.AgreementText {
	rng := rand.New(rand.NewPCG(seed, 11))
	r := t
	r.Articles = nil
	for i, a := range t.Articles {
		if i == len(t.Articles)/2 {
			continue // deleted
		}
		if i%4 == 1 {
			a.Body = editWords(rng, a.Body, 12)
		}
		r.Articles = append(r.Articles, a)
	}
	if len(r.Articles) > 2 {
		last := r.Articles[len(r.Articles)-1]
		r.Articles = append([]entente.Article{last}, r.Articles[:len(r.Articles)-1]...)
		r.Articles = append(r.Articles[:3], append([]entente.Article{{
			Heading: "Customs procedures", Body: sampleBody(rng, 800),
		}}, r.Articles[3:]...)...)
	}
	for i := range r.Articles {
		r.Articles[i].Number = fmt.Sprint(i + 1)
	}
	return r
}

// editWords replaces, deletes or inserts n words of s at random places.
func editWords(rng *rand.Rand, s string, n int) string {
	words := strings.Split(s, " ")
	for range n {
		i := rng.IntN(len(words))
		switch rng.IntN(3) {
		case 0:
			words[i] = "substantially"
		case 1:
			words = append(words[:i], words[i+1:]...)
		default:
			words = append(words[:i], append([]string{"jointly"}, words[i:]...)...)
		}
	}
	return strings.Join(words, " ")
}
