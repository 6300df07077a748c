package trade

import (
	"testing"

	"github.com/entente/entente"
)

func TestTrackProducts(t *testing.T) {
	tests := []struct {
		sector string
		in     []int
		out    []int
		ranges string
	}{
		{"textiles", []int{5001, 5205, 6302, 6310}, []int{4203, 6401, 4911}, "HS 50–63"},
		{"heavy_machinery", []int{8401, 8429, 8432, 8701, 8702, 8704, 8705, 8706, 8707, 8709, 8716}, []int{8501, 8703, 8708, 8711, 8601}, "HS 84, 8701–8702, 8704–8707, 8709, 8716"},
		{"agriculture", []int{101, 1006, 2401, 8432, 8437}, []int{3104, 8431, 8438, 8701}, "HS 01–24, 8432–8437"},
		{"mining_minerals", []int{2501, 2709, 3104, 7108, 7601, 8112}, []int{2801, 3001, 8201}, "HS 25–27, 31, 71–81"},
		{"energy", []int{2709, 2716}, []int{2801}, "HS 27"},
	}
	for _, tc := range tests {
		s, err := TrackProducts(tc.sector)
		if err != nil {
			t.Fatal(err)
		}
		if s.String() != tc.ranges || s.Note == "" || s.Sector != tc.sector {
			t.Errorf("%s: %q (note %q), want %q", tc.sector, s, s.Note, tc.ranges)
		}
		for _, p := range tc.in {
			if !s.Contains(LevelHS4, p) {
				t.Errorf("%s lacks %04d", tc.sector, p)
			}
		}
		for _, p := range tc.out {
			if s.Contains(LevelHS4, p) {
				t.Errorf("%s holds %04d", tc.sector, p)
			}
		}
	}
	if _, err := TrackProducts("information_technology"); entente.ErrorCode(err) != entente.ENOTFOUND {
		t.Errorf("a services sector: %v", err)
	}
	if _, err := TrackProducts("spaceflight"); entente.ErrorCode(err) != entente.EINVALID {
		t.Errorf("an unknown sector: %v", err)
	}
	if got := TrackSectors(); len(got) != 5 || got[0] != "agriculture" {
		t.Errorf("TrackSectors() = %v", got)
	}
	var all *ProductSet
	if !all.Contains(LevelHS4, 101) || all.String() != "all products" {
		t.Error("a nil set is not every product")
	}
}

func TestTrackProductsOnSections(t *testing.T) {
	textiles, _ := TrackProducts("textiles")
	agri, _ := TrackProducts("agriculture")
	mining, _ := TrackProducts("mining_minerals")
	machinery, _ := TrackProducts("heavy_machinery")
	tests := []struct {
		set  *ProductSet
		in   []int
		none bool
	}{
		{textiles, []int{11}, false},
		{agri, []int{1, 2, 3, 4}, false},
		{mining, []int{5, 14}, false}, // 71 is all of XIV; 31 is part of VI, 72–81 of XV
		{machinery, nil, true},        // 84 is part of XVI, 87 of XVII
	}
	for _, tc := range tests {
		var got []int
		for s := 1; s <= Sections; s++ {
			if tc.set.Contains(LevelSection, s) {
				got = append(got, s)
			}
		}
		if len(got) != len(tc.in) {
			t.Errorf("%s covers sections %v, want %v", tc.set.Sector, got, tc.in)
		}
		tb := &Table{Level: LevelSection}
		if err := tb.checkFilter(tc.set); (err != nil) != tc.none {
			t.Errorf("%s on a section table: %v", tc.set.Sector, err)
		}
	}
}
