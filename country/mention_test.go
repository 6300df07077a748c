package country

import (
	"strings"
	"testing"
)

func TestFind(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string // "TEXT=ALPHA3/kind"
	}{
		{"names and demonyms",
			"Belarusian President Aleksandr Lukashenko and Pakistan's Prime Minister met.",
			[]string{"Belarusian=BLR/demonym", "Pakistan=PAK/name"}},
		{"capital as metonym and dateline",
			"ISLAMABAD: Islamabad and Minsk agreed; the Kremlin was silent.",
			[]string{"ISLAMABAD=PAK/capital", "Islamabad=PAK/capital", "Minsk=BLR/capital", "Kremlin=RUS/metonym"}},
		{"longest match wins",
			"North Korea, South Korea, Korea, the Republic of Korea and Papua New Guinea.",
			[]string{"North Korea=PRK/name", "South Korea=KOR/name", "Korea=KOR/name", "Republic of Korea=KOR/name", "Papua New Guinea=PNG/name"}},
		{"acronyms match only in their case",
			"The U.S. and the UAE, but not us or uae, nor US$100.",
			[]string{"U.S.=USA/name", "UAE=ARE/name"}},
		{"lower-case common words are not countries",
			"They ate turkey and chad was a name; china plates.",
			nil},
		{"regions are not countries",
			"Latin America and the Gulf of Guinea, New Guinea, New Mexico.",
			nil},
		{"hyphenated pairs",
			"the Pakistan-Belarus JMC and the Kenya–Tanzania border",
			[]string{"Pakistan=PAK/name", "Belarus=BLR/name", "Kenya=KEN/name", "Tanzania=TZA/name"}},
		{"diacritics and curly apostrophe",
			"Việt Nam and Côte d’Ivoire met in Hà Nội.",
			[]string{"Việt Nam=VNM/name", "Côte d’Ivoire=CIV/name", "Hà Nội=VNM/capital"}},
		{"a phrase does not run across a comma",
			"Korea, North",
			[]string{"Korea=KOR/name"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, m := range Find(tt.text) {
				if tt.text[m.Start:m.End] != m.Text {
					t.Errorf("mention %q has span %d:%d = %q", m.Text, m.Start, m.End, tt.text[m.Start:m.End])
				}
				got = append(got, m.Text+"="+m.Alpha3+"/"+m.Kind.String())
			}
			if strings.Join(got, "; ") != strings.Join(tt.want, "; ") {
				t.Errorf("Find(%q)\n got %v\nwant %v", tt.text, got, tt.want)
			}
		})
	}
}

func FuzzFind(f *testing.F) {
	f.Add("Belarusian President Aleksandr Lukashenko met Pakistan's Prime Minister in Islamabad.")
	f.Add("U.S.-China talks; the UAE and Côte d’Ivoire")
	f.Add("\xff\xfe Korea\x00North")
	f.Fuzz(func(t *testing.T, text string) {
		last := 0
		for _, m := range Find(text) {
			if m.Start < last || m.End <= m.Start || m.End > len(text) {
				t.Fatalf("mention %+v out of order or bounds (previous end %d, len %d)", m, last, len(text))
			}
			if text[m.Start:m.End] != m.Text {
				t.Fatalf("mention text %q differs from its span %q", m.Text, text[m.Start:m.End])
			}
			if _, ok := ByAlpha3(m.Alpha3); !ok {
				t.Fatalf("mention %+v names no country", m)
			}
			last = m.End
		}
	})
}

func BenchmarkFind(b *testing.B) {
	para := "Belarusian President Aleksandr Lukashenko and Pakistan's Prime Minister Shehbaz Sharif held talks " +
		"on 4 July in Astana, during the summit of the Shanghai Cooperation Organization. The joint commission " +
		"is due to meet in September in Minsk, while the premier is expected in Islamabad in October. "
	text := strings.Repeat(para, 2500/len(para)+1)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		Find(text)
	}
}
