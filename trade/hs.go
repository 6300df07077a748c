package trade

//go:generate go run ./internal/gen -data $ENTENTE_TEST_DATA/trade -out .

import (
	"fmt"
	"sort"
	"strconv"
)

// hsEntry is one row of the embedded nomenclature: a chapter (2 digits) or heading (4 digits),
// the number of its section (0 for chapter 99, "not specified"), and its trimmed description.
type hsEntry struct {
	code        int
	section     int
	description string
}

// Level is the product level of a table: what its product codes are.
type Level string

// The product levels a table can hold. BACI files (HS6) are aggregated to HS4; tables given by
// section stay at section level, since a section cannot be split into headings.
const (
	LevelHS4     Level = "hs4"     // HS headings, 4 digits (0101–9999)
	LevelSection Level = "section" // HS sections I–XXI, coded 1–21
	// LevelChapter groups headings by HS chapter (2 digits) in results; no table holds it.
	LevelChapter Level = "hs2"
)

// Sections is the number of HS sections (I–XXI).
const Sections = 21

// sectionShortNames are our own short labels for chart legends and narrow tables; the
// official titles (hsSectionNames) are often a paragraph long.
var sectionShortNames = [Sections + 1]string{"Not classified",
	"Animal products", "Vegetable products", "Fats and oils", "Foodstuffs, beverages, tobacco",
	"Mineral products", "Chemicals", "Plastics and rubber", "Hides, leather, travel goods",
	"Wood and wood articles", "Paper and pulp", "Textiles", "Footwear and headgear",
	"Stone, ceramics, glass", "Precious stones and metals", "Base metals",
	"Machinery and electrical", "Vehicles and transport", "Instruments, clocks",
	"Arms and ammunition", "Miscellaneous manufactures", "Works of art"}

var romanNumerals = [Sections + 1]string{"", "I", "II", "III", "IV", "V", "VI", "VII", "VIII",
	"IX", "X", "XI", "XII", "XIII", "XIV", "XV", "XVI", "XVII", "XVIII", "XIX", "XX", "XXI"}

// SectionRoman returns the roman numeral of section n (1–21), or "" outside that range.
func SectionRoman(n int) string {
	if n < 1 || n > Sections {
		return ""
	}
	return romanNumerals[n]
}

// ParseSection reads a section given as a number ("11") or a roman numeral ("XI").
func ParseSection(s string) (int, bool) {
	if n, err := strconv.Atoi(s); err == nil {
		return n, n >= 1 && n <= Sections
	}
	for n := 1; n <= Sections; n++ {
		if romanNumerals[n] == s {
			return n, true
		}
	}
	return 0, false
}

// SectionName returns the short English label of section n ("Textiles"); section 0 holds
// chapter 99, goods not classified by kind.
func SectionName(n int) string {
	if n < 0 || n > Sections {
		return ""
	}
	return sectionShortNames[n]
}

// SectionTitle returns the official HS 2022 title of section n, trimmed to a readable length.
func SectionTitle(n int) string {
	if n < 1 || n > Sections {
		return ""
	}
	return hsSectionNames[n]
}

func findEntry(list []hsEntry, code int) (hsEntry, bool) {
	i := sort.Search(len(list), func(i int) bool { return list[i].code >= code })
	if i < len(list) && list[i].code == code {
		return list[i], true
	}
	return hsEntry{}, false
}

// KnownChapter reports whether ch is a chapter of the Harmonized System (01–97 except the
// reserved 77, plus 99 for goods not classified by kind, which trade statistics use).
func KnownChapter(ch int) bool {
	_, ok := findEntry(hsChapters, ch)
	return ok
}

// ChapterSection returns the section (1–21) of HS chapter ch, 0 for chapter 99 and for codes
// that are not chapters. The chapter-to-section map has not changed between HS editions.
func ChapterSection(ch int) int {
	e, _ := findEntry(hsChapters, ch)
	return e.section
}

// HeadingSection returns the section of HS heading hs4 (its chapter's section).
func HeadingSection(hs4 int) int { return ChapterSection(hs4 / 100) }

// ChapterDescription returns the trimmed HS 2022 description of chapter ch.
func ChapterDescription(ch int) (string, bool) {
	e, ok := findEntry(hsChapters, ch)
	return e.description, ok
}

// HeadingDescription returns the trimmed HS 2022 description of heading hs4. Headings of older
// editions that HS 2022 dropped or renumbered are not found; Describe then falls back to the
// chapter.
func HeadingDescription(hs4 int) (string, bool) {
	e, ok := findEntry(hsHeadings, hs4)
	return e.description, ok
}

// ProductCode formats a product code of a level for people and files: "0101" for a heading,
// "XI" for a section.
func ProductCode(level Level, code int) string {
	switch level {
	case LevelSection:
		return SectionRoman(code)
	case LevelChapter:
		return fmt.Sprintf("%02d", code)
	}
	return fmt.Sprintf("%04d", code)
}

// Describe returns the description of a product code at a level. A heading unknown to HS 2022
// (the data may use an older edition) is described by its chapter and marked as such.
func Describe(level Level, code int) string {
	switch level {
	case LevelSection:
		return SectionName(code)
	case LevelChapter:
		if d, ok := ChapterDescription(code); ok {
			return d
		}
		return "unknown chapter"
	}
	if d, ok := HeadingDescription(code); ok {
		return d
	}
	if d, ok := ChapterDescription(code / 100); ok {
		return d + " (heading not in HS 2022)"
	}
	return "unknown heading"
}

// ProductSection returns the section a product code of a level belongs to.
func ProductSection(level Level, code int) int {
	switch level {
	case LevelSection:
		return code
	case LevelChapter:
		return ChapterSection(code)
	}
	return HeadingSection(code)
}

// regroup maps a product code of a table's level to a coarser level: a heading to its chapter
// or section. It reports false when the target is finer than the table (a section cannot be
// split into headings).
func regroup(from Level, code int, to Level) (int, bool) {
	switch {
	case from == to:
		return code, true
	case from == LevelHS4 && to == LevelChapter:
		return code / 100, true
	case from == LevelHS4 && to == LevelSection:
		return HeadingSection(code), true
	}
	return 0, false
}
