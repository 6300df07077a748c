package sqlstore

import (
	"context"
	"encoding/hex"
	"fmt"
	"slices"

	"github.com/entente/entente"
	"github.com/entente/entente/signature"
)

// Problems the store adds to what the signature package checks: the record of the agreement
// must agree with its signatures.
const (
	failPartyUnsigned   = "party_not_signed"        // the agreement is recorded as signed, but a party's signature is missing
	failAgreedElsewhere = "agreed_version_mismatch" // a signature covers another version than the agreed one
)

// VerificationReport verifies every signature of an agreement against its stored versions and
// the key registry (see signature.Verify), and checks that the agreement's record agrees with
// them: a signed agreement has a signature of every party, each over the agreed version. The
// command line prints it with signature.WriteReport.
func (s *SigningService) VerificationReport(ctx context.Context, agreementID int64) (signature.Report, error) {
	return view(ctx, s.db, func(tx *Tx) (signature.Report, error) {
		a, err := tx.findAgreement(agreementID)
		if err != nil {
			return signature.Report{}, err
		}
		r, err := tx.findRoadmap(a.RoadmapID)
		if err != nil {
			return signature.Report{}, err
		}
		sigs, err := tx.signatures(a.ID)
		if err != nil {
			return signature.Report{}, err
		}
		var versions []entente.AgreementVersion
		for _, number := range signedVersions(sigs) {
			v, err := tx.version(a.ID, number, true)
			if err != nil && entente.ErrorCode(err) != entente.ENOTFOUND {
				return signature.Report{}, err
			} else if err == nil {
				versions = append(versions, *v)
			}
		}
		registry, err := tx.keys(entente.SignatoryKeyFilter{})
		if err != nil {
			return signature.Report{}, err
		}
		report := signature.Verify(a.ID, versions, signatureRecords(sigs), signatureKeys(registry))
		report.Problems = append(report.Problems, recordProblems(a, r, sigs)...)
		report.OK = report.OK && len(report.Problems) == 0
		return report, nil
	})
}

// signedVersions lists the version numbers the signatures cover, in order.
func signedVersions(sigs []*entente.AgreementSignature) []int {
	var out []int
	for _, g := range sigs {
		if !slices.Contains(out, g.TextVersion) {
			out = append(out, g.TextVersion)
		}
	}
	slices.Sort(out)
	return out
}

// signatureRecords turns stored signatures into the signature package's form. A public key or
// signature that is not hexadecimal decodes to nothing, which Verify reports as malformed.
func signatureRecords(sigs []*entente.AgreementSignature) []signature.Signature {
	out := make([]signature.Signature, len(sigs))
	for i, g := range sigs {
		pub, _ := hex.DecodeString(g.PublicKey)
		raw, _ := hex.DecodeString(g.Signature)
		out[i] = signature.Signature{ID: g.ID, SignatoryID: g.SignatoryID, Signatory: g.Signatory, Party: g.Party,
			PublicKey: pub, Version: g.TextVersion, Digest: g.Digest, Bytes: raw, Snapshot: g.Snapshot}
	}
	return out
}

// recordProblems checks the agreement's record against its signatures.
func recordProblems(a *entente.Agreement, r *entente.Roadmap, sigs []*entente.AgreementSignature) []signature.Failure {
	var out []signature.Failure
	if a.AgreedVersion != 0 {
		for _, g := range sigs {
			if g.TextVersion != a.AgreedVersion {
				out = append(out, signature.Failure{Code: failAgreedElsewhere, Message: fmt.Sprintf(
					"signature %d (%s) covers version %d, but the agreement records version %d as the agreed text",
					g.ID, g.Signatory, g.TextVersion, a.AgreedVersion)})
			}
		}
	}
	if a.SignedOn.IsZero() || len(sigs) == 0 {
		return out
	}
	for _, party := range r.Parties {
		if !slices.ContainsFunc(sigs, func(g *entente.AgreementSignature) bool { return g.Party == party }) {
			out = append(out, signature.Failure{Code: failPartyUnsigned, Message: fmt.Sprintf(
				"the agreement is recorded as signed on %s, but there is no signature of %s", a.SignedOn, party)})
		}
	}
	return out
}

// VerifyAgreement verifies an agreement's signatures (see VerificationReport).
func (s *SigningService) VerifyAgreement(ctx context.Context, agreementID int64) (*entente.Verification, error) {
	r, err := s.VerificationReport(ctx, agreementID)
	if err != nil {
		return nil, err
	}
	return verificationOf(r), nil
}

// verificationOf turns the signature package's report into the domain's.
func verificationOf(r signature.Report) *entente.Verification {
	v := &entente.Verification{AgreementID: r.AgreementID, OK: r.OK, Signatures: make([]entente.SignatureCheck, len(r.Signatures)),
		Problems: failures(r.Problems)}
	for i, s := range r.Signatures {
		c := entente.SignatureCheck{ID: s.ID, SignatoryID: s.SignatoryID, Signatory: s.Signatory, Party: s.Party,
			Version: s.Version, Digest: s.Digest, OK: s.OK, Failures: failures(s.Failures)}
		for _, d := range s.Differences {
			c.Differences = append(c.Differences, entente.TextDifference{Language: d.Language, Part: d.Part, Article: d.Article,
				Change: d.Change, Detail: d.Detail})
		}
		v.Signatures[i] = c
	}
	return v
}

func failures(fs []signature.Failure) []entente.VerificationFailure {
	var out []entente.VerificationFailure
	for _, f := range fs {
		out = append(out, entente.VerificationFailure{Code: f.Code, Message: f.Message})
	}
	return out
}
