package signature

import (
	"bufio"
	"fmt"
	"io"
)

// WriteReport writes a verification report for a terminal: a first line saying whether the
// agreement verifies, then one line per signature (ok or FAIL, who, for which party, which
// version and digest), each failure indented under it, and under a changed text each
// difference on its own line.
//
//	Agreement 12: verification FAILED (1 of 2 signatures fail)
//	  ok    signature 1: Ahmad Khan (PAK), version 5, digest 3f2a9c1e04b7…
//	  FAIL  signature 2: Ivan Petrov (BLR), version 5, digest 3f2a9c1e04b7…
//	        text_changed: the stored text of version 5 no longer matches what was signed …
//	          en: article 4 changed: body: …within [-30-]{+60+} days.
func WriteReport(w io.Writer, r Report) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "Agreement %d: %s\n", r.AgreementID, reportVerdict(r))
	for _, p := range r.Problems {
		fmt.Fprintf(bw, "  %s: %s\n", p.Code, p.Message)
	}
	for _, s := range r.Signatures {
		mark := "ok  "
		if !s.OK {
			mark = "FAIL"
		}
		name := s.Signatory
		if name == "" {
			name = fmt.Sprintf("signatory %d", s.SignatoryID)
		}
		fmt.Fprintf(bw, "  %s  signature %d: %s (%s), version %d, digest %s\n", mark, s.ID, name, s.Party, s.Version, short(s.Digest))
		for _, f := range s.Failures {
			fmt.Fprintf(bw, "        %s: %s\n", f.Code, f.Message)
		}
		for _, d := range s.Differences {
			fmt.Fprintf(bw, "          %s\n", d)
		}
	}
	return bw.Flush()
}

// reportVerdict is the report's first line after the agreement number.
func reportVerdict(r Report) string {
	failed := 0
	for _, s := range r.Signatures {
		if !s.OK {
			failed++
		}
	}
	switch {
	case r.OK:
		return fmt.Sprintf("verified (%d of %d signatures verify)", len(r.Signatures), len(r.Signatures))
	case failed == 0:
		return "verification FAILED"
	default:
		return fmt.Sprintf("verification FAILED (%d of %d signatures fail)", failed, len(r.Signatures))
	}
}
