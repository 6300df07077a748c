package timex_test

import (
	"fmt"
	"os"

	"github.com/entente/entente"
	"github.com/entente/entente/timex"
)

// The CLI's "entente timex --ref 2024-11-26" reads stdin and does this.
func ExampleWriteJSONLines() {
	ref, _ := entente.ParseDate("2024-11-26")
	text := "The sides will reconvene this afternoon and meet again in two weeks."
	if err := timex.WriteJSONLines(os.Stdout, timex.Find(text, ref)); err != nil {
		fmt.Println(err)
	}
	// Output:
	// {"start": 25, "end": 39, "text": "this afternoon", "type": "TIME", "value": "2024-11-26TAF"}
	// {"start": 58, "end": 67, "text": "two weeks", "type": "DURATION", "value": "P2W"}
}

// A roadmap dates the planned meeting "in two weeks" as the reference date plus 14 days.
func ExampleResolveEventDate() {
	ref, _ := entente.ParseDate("2024-11-26")
	for _, e := range timex.Find("They agreed to sign by 2030 and to meet again in two weeks.", ref) {
		w, ok := timex.EventWhen(e, ref, true)
		fmt.Printf("%q %s %s → %s %v\n", e.Text, e.Type, e.Value, w, ok)
	}
	// Output:
	// "2030" DATE 2030 → 2030 ON_OR_BEFORE true
	// "two weeks" DURATION P2W → ~2024-12-10 true
}
