package trade

import (
	"reflect"
	"testing"
)

func TestDefaultYear(t *testing.T) {
	ots2017 := &Table{Period: Year(2017), Level: LevelHS4}
	sections := &Table{Period: Period{2019, 2021}, Level: LevelSection}
	baci2015 := &Table{Period: Year(2015), Level: LevelHS4, Bilateral: true}
	tests := []struct {
		name    string
		tables  []*Table
		imports bool
		want    int
	}{
		{"nothing loaded", nil, false, 0},
		{"an annual HS4 year beats a later summed period", []*Table{sections, ots2017}, false, 2017},
		{"only a summed period", []*Table{sections}, false, 2021},
		{"imports want the bilateral year", []*Table{ots2017, baci2015, sections}, true, 2015},
		{"without imports the latest annual year", []*Table{ots2017, baci2015}, false, 2017},
		{"imports asked of export tables fall back to them", []*Table{ots2017, sections}, true, 2017},
	}
	for _, tt := range tests {
		if got := DefaultYear(tt.tables, tt.imports); got != tt.want {
			t.Errorf("%s: %d, want %d", tt.name, got, tt.want)
		}
	}
}

func TestCoveredYears(t *testing.T) {
	got := CoveredYears([]*Table{{Period: Period{2019, 2021}}, {Period: Year(2017)}, {Period: Year(2020)}})
	if want := []int{2017, 2019, 2020, 2021}; !reflect.DeepEqual(got, want) {
		t.Errorf("CoveredYears = %v, want %v", got, want)
	}
}

func TestOnePerPeriod(t *testing.T) {
	exports := &Table{Period: Year(2021), Level: LevelHS4}
	baci := &Table{Period: Year(2021), Level: LevelHS4, Bilateral: true}
	sections := &Table{Period: Year(2021), Level: LevelSection}
	earlier := &Table{Period: Year(2019), Level: LevelHS4, Bilateral: true}
	summed := &Table{Period: Period{2019, 2021}, Level: LevelSection}
	tests := []struct {
		name      string
		tables    []*Table
		bilateral bool
		want      []*Table
	}{
		{"the bilateral HS4 table of a year wins", []*Table{sections, exports, baci, summed, earlier}, false, []*Table{earlier, summed, baci}},
		{"only bilateral tables", []*Table{sections, exports, baci, summed, earlier}, true, []*Table{earlier, baci}},
		{"HS4 beats sections", []*Table{sections, exports}, false, []*Table{exports}},
		{"nothing", nil, false, []*Table{}},
	}
	for _, tt := range tests {
		if got := OnePerPeriod(tt.tables, tt.bilateral); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: got %v, want %v", tt.name, periodsOf(got), periodsOf(tt.want))
		}
	}
}

func periodsOf(ts []*Table) []string {
	out := []string{}
	for _, t := range ts {
		out = append(out, t.Period.String()+"/"+string(t.Level))
	}
	return out
}

func TestParseProduct(t *testing.T) {
	tests := []struct {
		level Level
		code  string
		want  int
		ok    bool
	}{
		{LevelHS4, "6302", 6302, true},
		{LevelHS4, "0101", 101, true},
		{LevelHS4, "63", 0, false},
		{LevelHS4, "XI", 0, false},
		{LevelSection, "XI", 11, true},
		{LevelSection, "11", 11, true},
	}
	for _, tt := range tests {
		got, ok := ParseProduct(tt.level, tt.code)
		if ok != tt.ok || (ok && got != tt.want) {
			t.Errorf("ParseProduct(%s, %q) = %d, %v", tt.level, tt.code, got, ok)
		}
	}
}
