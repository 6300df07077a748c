package trade

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// wantProblem is a rejection a bad file must produce: the line (0 for the whole file) and why.
type wantProblem struct {
	line   int
	reason Reason
}

const baciHead = "t,i,j,k,v,q\n"

func TestBadInput(t *testing.T) {
	good := "2022,586,112,630210,10.5,1\n"
	tests := []struct {
		name     string
		file     string
		content  string
		compress bool
		truncate int // bytes cut from the end of the compressed file
		kept     int
		problems []wantProblem
	}{
		{"empty file", "y2022.csv", "", false, 0, 0, []wantProblem{{0, ReasonEmpty}}},
		{"header and no data", "y2022.csv", baciHead, false, 0, 0, []wantProblem{{0, ReasonEmpty}}},
		{"semicolon header", "y2022.csv", "t;i;j;k;v;q\n2022;586;112;630210;1;1\n", false, 0, 0, []wantProblem{{0, ReasonDelimiter}}},
		{"tab-separated line", "y2022.csv", baciHead + good + "2022\t586\t112\t630210\t1\t1\n" + good[:5] + "276" + good[8:], false, 0, 2, []wantProblem{{3, ReasonDelimiter}}},
		{"header lacks columns", "y2022.csv", "t,i,j,k,v\n" + good, false, 0, 0, []wantProblem{{0, ReasonColumns}}},
		{"line lacks a field", "y2022.csv", baciHead + "2022,586,112,630210,1\n" + good, false, 0, 1, []wantProblem{{2, ReasonColumns}}},
		{"line has an extra field", "y2022.csv", baciHead + good + "2022,586,276,630210,1,1,9\n", false, 0, 1, []wantProblem{{3, ReasonColumns}}},
		{"value not a number", "y2022.csv", baciHead + "2022,586,112,630210,abc,1\n" + good, false, 0, 1, []wantProblem{{2, ReasonNumber}}},
		{"value missing", "y2022.csv", baciHead + "2022,586,112,630210,,1\n" + good, false, 0, 1, []wantProblem{{2, ReasonNumber}}},
		{"exporter not a number", "y2022.csv", baciHead + "2022,PAK,112,630210,1,1\n" + good, false, 0, 1, []wantProblem{{2, ReasonNumber}}},
		{"negative value", "y2022.csv", baciHead + "2022,586,112,630210,-5,1\n" + good, false, 0, 1, []wantProblem{{2, ReasonNegative}}},
		{"negative quantity", "y2022.csv", baciHead + "2022,586,112,630210,5,-0.1\n" + good, false, 0, 1, []wantProblem{{2, ReasonNegative}}},
		{"unknown exporter", "y2022.csv", baciHead + good + "2022,999,112,630210,1,1\n", false, 0, 1, []wantProblem{{3, ReasonCountry}}},
		{"unknown importer", "y2022.csv", baciHead + good + "2022,586,1,630210,1,1\n", false, 0, 1, []wantProblem{{3, ReasonCountry}}},
		{"reserved chapter 77", "y2022.csv", baciHead + "2022,586,112,770000,1,1\n" + good, false, 0, 1, []wantProblem{{2, ReasonProduct}}},
		{"four-digit product", "y2022.csv", baciHead + "2022,586,112,6302,1,1\n" + good, false, 0, 1, []wantProblem{{2, ReasonProduct}}},
		{"seven-digit product", "y2022.csv", baciHead + "2022,586,112,6302101,1,1\n" + good, false, 0, 1, []wantProblem{{2, ReasonProduct}}},
		{"year out of range", "y2022.csv", baciHead + "1800,586,112,630210,1,1\n" + good, false, 0, 1, []wantProblem{{2, ReasonYear}}},
		{"duplicated row", "y2022.csv", baciHead + good + "2022,586,276,630210,1,1\n" + good, false, 0, 2, []wantProblem{{4, ReasonDuplicate}}},
		{"quoted fields", "y2022.csv", "\"t\",\"i\",\"j\",\"k\",\"v\",\"q\"\n\"2022\",\"586\",\"112\",\"630210\",\"1.5\",\"NA\"\n", false, 0, 1, nil},
		{"blank lines and CRLF", "y2022.csv", "t,i,j,k,v,q\r\n\r\n2022,586,112,630210,1,NA\r\n\n2022,586,276,630210,1,\r\n", false, 0, 2, nil},
		{"truncated gzip", "y2022.csv.gz", baciHead + strings.Repeat(good, 1) + manyRows(2000), true, 30, -1, []wantProblem{{-1, ReasonTruncated}}},
		{"gzip header only", "y2022.csv.gz", baciHead + good, true, -10, 0, []wantProblem{{0, ReasonTruncated}}},

		{"export table without a year", "exports.csv", "reporter_iso,product_code,export_value_usd\npak,6302,10\n", false, 0, 0, []wantProblem{{0, ReasonYear}}},
		{"export table lacks value", "exports_2017.csv", "reporter_iso,product_code\npak,6302\n", false, 0, 0, []wantProblem{{0, ReasonColumns}}},
		{"header of nothing known", "exports_2017.csv", "a,b,c\n1,2,3\n", false, 0, 0, []wantProblem{{0, ReasonFormat}}},
		{"export table rows", "exports_2017.csv", `"reporter_iso","product_code","export_value_usd"
"pak","6302",4568498107
"xxx","6302",10
"pak","63",10
"pak","7700",10
"pak","6303",-1
"pak","6304",ten
"pak","6305"
"pak";"6306";1
"pak","6302",7
"blr","6302","bad "quote"
"blr","3104",2493426028
`, false, 0, 2, []wantProblem{{3, ReasonCountry}, {4, ReasonProduct}, {5, ReasonProduct}, {6, ReasonNegative},
			{7, ReasonNumber}, {8, ReasonColumns}, {9, ReasonDelimiter}, {10, ReasonDuplicate}, {11, ReasonColumns}}},
		{"section table", "sections_2019_2021.csv", "Country ID,Country,Section ID,Section,Trade Value\naspak,Pakistan,11,Textiles,100\neublr,Belarus,22,None,5\nasxxb,Chinese Taipei,XVI,Machines,9\n",
			false, 0, 2, []wantProblem{{3, ReasonProduct}}},
		{"export table with a bad year", "exports.csv", "year,exporter,hs4,value\n2017,PAK,6302,1\n17,PAK,6303,1\n", false, 0, 1, []wantProblem{{3, ReasonYear}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			data := []byte(tc.content)
			if tc.compress {
				data = gzipped(t, data)
				if tc.truncate > 0 {
					data = data[:len(data)-tc.truncate]
				} else if tc.truncate < 0 {
					data = data[:-tc.truncate]
				}
			}
			f := load(t, Options{}, writeFile(t, t.TempDir(), tc.file, data)).Files[0]
			checkRejections(t, f, tc.file, tc.kept, tc.problems)
		})
	}
}

// checkRejections compares a file's summary with the lines it must keep (-1: some) and the
// problems it must report; a wanted line of -1 matches whatever line a stream broke at.
func checkRejections(t *testing.T, f FileSummary, file string, kept int, problems []wantProblem) {
	t.Helper()
	if kept >= 0 && f.Kept != kept {
		t.Errorf("kept %d lines, want %d; problems %v", f.Kept, kept, f.Problems)
	}
	if kept < 0 && f.Kept == 0 {
		t.Errorf("nothing kept before the break; problems %v", f.Problems)
	}
	var got []wantProblem
	for _, p := range f.Problems {
		got = append(got, wantProblem{p.Line, p.Reason})
		if !strings.HasPrefix(p.String(), file+":") || p.Message == "" {
			t.Errorf("problem %q does not name the file and say what is wrong", p)
		}
	}
	want := slices.Clone(problems)
	if len(want) == 1 && want[0].line < 0 && len(got) == 1 {
		want[0].line = got[0].line
	}
	if !slices.Equal(got, want) {
		t.Errorf("problems %v, want %v (%v)", got, want, f.Problems)
	}
}

// manyRows returns n distinct valid BACI rows, enough to span several gzip blocks.
func manyRows(n int) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "2022,%d,112,%06d,%d.%03d,1\n", []int{4, 8, 12, 276}[i%4], (10+i%20)*10000+i/20, i, i%1000)
	}
	return b.String()
}

func TestTruncatedGzipKeepsTheRowsBeforeTheBreak(t *testing.T) {
	body := baciHead + manyRows(5000)
	full := gzipped(t, []byte(body))
	dir := t.TempDir()
	whole := load(t, Options{}, writeFile(t, dir, "whole.csv.gz", full)).Files[0]
	cut := load(t, Options{}, writeFile(t, dir, "cut.csv.gz", full[:len(full)/2])).Files[0]
	if cut.Kept == 0 || cut.Kept >= whole.Kept {
		t.Fatalf("kept %d of %d rows from half a gzip stream", cut.Kept, whole.Kept)
	}
	last := cut.Problems[len(cut.Problems)-1]
	if last.Reason != ReasonTruncated || !strings.Contains(last.Message, fmt.Sprintf("line %d ", cut.Lines+2)) {
		t.Errorf("last problem %v, want a truncation at line %d", last, cut.Lines+2)
	}
}
