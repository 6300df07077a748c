package timeml_test

import (
	"fmt"
	"os"

	"github.com/entente/entente/timex"
	"github.com/entente/entente/timex/timeml"
)

// The CLI's "entente eval timeml DIR" does this; WriteErrors lists the mismatches.
func ExampleEvaluate() {
	r, err := timeml.Evaluate("testdata/mini", timex.Find)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%d documents, relaxed F1 %.1f, value F1 %.1f\n", r.Total.Documents, r.Total.RelaxedSpan().F1, r.Total.ValueScore().F1)
	if err := r.WriteTable(os.Stdout); err != nil {
		fmt.Println(err)
	}
	// Output:
	// 2 documents, relaxed F1 100.0, value F1 85.7
	// TimeML evaluation of testdata/mini: 2 documents, 7 gold, 7 predicted
	//
	//                      P       R      F1
	//    strict span  100.00  100.00  100.00
	//   relaxed span  100.00  100.00  100.00
	//          value   85.71   85.71   85.71
	//           type  100.00  100.00  100.00
	//
	//    folder  docs  gold  pred  strict F1  relaxed F1  value F1  type F1
	//   finance     1     3     3     100.00      100.00     66.67   100.00
	//      wire     1     4     4     100.00      100.00    100.00   100.00
	//
	//       type  gold  pred  relaxed P  relaxed R  value P  value R  value F1
	//       DATE     5     5     100.00     100.00   100.00   100.00    100.00
	//   DURATION     1     1     100.00     100.00   100.00   100.00    100.00
	//        SET     1     1     100.00     100.00     0.00     0.00      0.00
}
