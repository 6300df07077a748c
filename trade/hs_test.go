package trade

import "testing"

func TestNomenclature(t *testing.T) {
	tests := []struct {
		level   Level
		code    int
		product string
		desc    string
		section int
	}{
		{LevelHS4, 6302, "6302", "Bed linen, table linen, toilet linen and kitchen linen", 11},
		{LevelHS4, 3104, "3104", "Fertilizers; mineral or chemical, potassic", 6},
		{LevelHS4, 101, "0101", "Horses, asses, mules and hinnies; live", 1},
		{LevelHS4, 9999, "9999", "Commodities not specified according to kind", 0},
		{LevelHS4, 8520, "8520", "Electrical machinery and equipment and parts thereof; sound recorders and reproducers… (heading not in HS 2022)", 16},
		{LevelHS4, 7701, "7701", "unknown heading", 0},
		{LevelChapter, 87, "87", "Vehicles; other than railway or tramway rolling stock, and parts and accessories thereof", 17},
		{LevelSection, 11, "XI", "Textiles", 11},
		{LevelSection, 21, "XXI", "Works of art", 21},
	}
	for _, tc := range tests {
		if got := ProductCode(tc.level, tc.code); got != tc.product {
			t.Errorf("ProductCode(%s, %d) = %q, want %q", tc.level, tc.code, got, tc.product)
		}
		if got := Describe(tc.level, tc.code); got != tc.desc {
			t.Errorf("Describe(%s, %d) = %q, want %q", tc.level, tc.code, got, tc.desc)
		}
		if got := ProductSection(tc.level, tc.code); got != tc.section {
			t.Errorf("ProductSection(%s, %d) = %d, want %d", tc.level, tc.code, got, tc.section)
		}
	}
}

func TestChaptersAndSections(t *testing.T) {
	// The chapter → section map of the Harmonized System, section by section.
	firstChapter := []int{1, 6, 15, 16, 25, 28, 39, 41, 44, 47, 50, 64, 68, 71, 72, 84, 86, 90, 93, 94, 97}
	for s := 1; s <= Sections; s++ {
		last := 98
		if s < Sections {
			last = firstChapter[s] - 1
		}
		for ch := firstChapter[s-1]; ch <= last; ch++ {
			if !KnownChapter(ch) {
				if ch != 77 && ch != 98 {
					t.Errorf("chapter %d unknown", ch)
				}
				continue
			}
			if got := ChapterSection(ch); got != s {
				t.Errorf("chapter %d in section %d, want %d", ch, got, s)
			}
		}
		if SectionTitle(s) == "" || SectionName(s) == "" || SectionRoman(s) == "" {
			t.Errorf("section %d lacks a name", s)
		}
		if n, ok := ParseSection(SectionRoman(s)); !ok || n != s {
			t.Errorf("ParseSection(%q) = %d", SectionRoman(s), n)
		}
	}
	for _, bad := range []string{"0", "22", "XXII", "", "x"} {
		if _, ok := ParseSection(bad); ok {
			t.Errorf("ParseSection(%q) accepted", bad)
		}
	}
	if len(hsHeadings) != 1229 || len(hsChapters) != 97 {
		t.Errorf("%d headings and %d chapters embedded, want 1229 and 97 (96 + chapter 99)", len(hsHeadings), len(hsChapters))
	}
}

func TestMoneyUnits(t *testing.T) {
	tests := []struct {
		largest, v float64
		want       string
	}{
		{4568498107, 4568498107, "4,568.5"},
		{4568498107, 0, "0.0"},
		{4568498107, 999949999, "999.9"},
		{4568498107, -1234567890, "-1,234.6"},
		{15000, 15000, "15.0"},
		{9e6, 1234567, "1,234.6"},
	}
	for _, tc := range tests {
		if got := unitFor(tc.largest).format(tc.v); got != tc.want {
			t.Errorf("unitFor(%v).format(%v) = %q, want %q", tc.largest, tc.v, got, tc.want)
		}
	}
}
