package signature

import (
	"bytes"
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"slices"
	"strings"

	"github.com/entente/entente"
	"github.com/entente/entente/clause"
)

// Key is a public key registered for a signatory of a party: generated in entente, or an
// external key registered with ParsePublicKey.
type Key struct {
	SignatoryID int64  `json:"signatory_id"`
	Signatory   string `json:"signatory"` // the signatory's name, for reports
	Party       string `json:"party"`
	PublicKey   []byte `json:"public_key"`
}

// Failure codes: what can be wrong with one signature or with the agreement as a whole.
const (
	FailMalformed         = "malformed"              // a key, signature or digest of the wrong size or form
	FailKeyUnknown        = "key_unknown"            // the public key is registered for nobody
	FailKeyOtherSignatory = "key_other_signatory"    // the key belongs to another signatory
	FailKeyOtherParty     = "key_other_party"        // the key's signatory is registered for another party
	FailSignatureInvalid  = "signature_invalid"      // the signature does not verify over agreement, version and digest
	FailSnapshotAltered   = "snapshot_altered"       // the stored snapshot does not hash to the signed digest
	FailVersionMissing    = "version_missing"        // the signed version is not among the stored versions
	FailStoredDigest      = "stored_digest_mismatch" // a version's recorded digest does not match its text
	FailTextChanged       = "text_changed"           // the stored text no longer hashes to the signed digest
	FailNoSignatures      = "no_signatures"          // the agreement has no signature to verify
	FailDifferentTexts    = "different_texts"        // the signatures do not all cover the same text
)

// Failure is one thing wrong: a code from the list above and a sentence for people.
type Failure struct {
	Code    string `json:"code"`
	Message string `json:"message"`
}

// Report is the outcome of verifying an agreement: OK when every signature verifies and they
// all cover the same text.
type Report struct {
	AgreementID int64             `json:"agreement_id"`
	OK          bool              `json:"ok"`
	Signatures  []SignatureReport `json:"signatures"`
	Problems    []Failure         `json:"problems,omitempty"` // about the agreement as a whole
}

// SignatureReport is the outcome for one signature. Differences name what changed in the stored
// text since it was signed (by language, part and article), when the snapshot is intact.
type SignatureReport struct {
	ID          int64               `json:"id,omitempty"`
	SignatoryID int64               `json:"signatory_id"`
	Signatory   string              `json:"signatory"`
	Party       string              `json:"party"`
	Version     int                 `json:"version"`
	Digest      string              `json:"digest"`
	OK          bool                `json:"ok"`
	Failures    []Failure           `json:"failures,omitempty"`
	Differences []clause.Difference `json:"differences,omitempty"`
}

// CheckKey reports whether a public key is registered for the signatory and the party: nil, or
// an EFORBIDDEN error that says whose key it is. Call it before signing; Verify makes the same
// check.
func CheckKey(keys []Key, signatoryID int64, party string, pub ed25519.PublicKey) error {
	if f := keyFailure(keys, signatoryID, party, pub); f != nil {
		return &entente.Error{Code: entente.EFORBIDDEN, Message: capitalize(f.Message) + "."}
	}
	return nil
}

// keyFailure checks a key against the registry.
func keyFailure(keys []Key, signatoryID int64, party string, pub []byte) *Failure {
	var holder *Key
	for i, k := range keys {
		if !bytes.Equal(k.PublicKey, pub) {
			continue
		}
		if k.SignatoryID == signatoryID && k.Party == party {
			return nil
		}
		if holder == nil {
			holder = &keys[i]
		}
	}
	fingerprint := Fingerprint(pub)
	switch {
	case holder == nil:
		return &Failure{FailKeyUnknown, fmt.Sprintf("the public key %s is not registered for any signatory", fingerprint)}
	case holder.SignatoryID != signatoryID:
		return &Failure{FailKeyOtherSignatory, fmt.Sprintf("the public key %s belongs to %s (%s), not to this signatory",
			fingerprint, holder.Signatory, holder.Party)}
	default:
		return &Failure{FailKeyOtherParty, fmt.Sprintf("the public key %s is registered for %s of %s, not of %s",
			fingerprint, holder.Signatory, holder.Party, party)}
	}
}

// Verify checks every signature of an agreement against its stored versions and the registered
// keys: that the key is the signatory's and the party's, that the signature verifies over the
// agreement id, version number and signed digest, that the snapshot hashes to that digest, and
// that the stored text of the version still does; when it does not, the report names what
// differs from the snapshot. Versions of other agreements are ignored. Verify never fails: every
// problem is in the report.
func Verify(agreementID int64, versions []entente.AgreementVersion, signatures []Signature, keys []Key) Report {
	r := Report{AgreementID: agreementID, OK: true, Signatures: make([]SignatureReport, 0, len(signatures))}
	index := newVersionIndex(agreementID, versions)
	for _, s := range signatures {
		sr := verifySignature(agreementID, s, index, keys)
		r.OK = r.OK && sr.OK
		r.Signatures = append(r.Signatures, sr)
	}
	r.Problems = agreementProblems(signatures)
	r.OK = r.OK && len(r.Problems) == 0
	return r
}

// verifySignature checks one signature.
func verifySignature(agreementID int64, s Signature, index *versionIndex, keys []Key) SignatureReport {
	sr := SignatureReport{ID: s.ID, SignatoryID: s.SignatoryID, Signatory: s.Signatory, Party: s.Party,
		Version: s.Version, Digest: s.Digest}
	digest, digestOK := decodeDigest(s.Digest)
	if !digestOK {
		sr.fail(FailMalformed, "the signed digest %q is not 64 hexadecimal digits", s.Digest)
	}
	switch {
	case len(s.PublicKey) != ed25519.PublicKeySize:
		sr.fail(FailMalformed, "the public key is %d bytes, not %d", len(s.PublicKey), ed25519.PublicKeySize)
	case len(s.Bytes) != ed25519.SignatureSize:
		sr.fail(FailMalformed, "the signature is %d bytes, not %d", len(s.Bytes), ed25519.SignatureSize)
	}
	if len(s.PublicKey) == ed25519.PublicKeySize {
		if f := keyFailure(keys, s.SignatoryID, s.Party, s.PublicKey); f != nil {
			sr.Failures = append(sr.Failures, *f)
		}
		if digestOK && len(s.Bytes) == ed25519.SignatureSize &&
			!ed25519.Verify(s.PublicKey, Message(agreementID, s.Version, digest), s.Bytes) {
			sr.fail(FailSignatureInvalid, "the signature does not verify for agreement %d, version %d and digest %s: "+
				"the signature, its key, its version number or its digest was altered, or it was made for another agreement",
				agreementID, s.Version, short(s.Digest))
		}
	}
	snapshotOK := digestOK && sha256.Sum256(s.Snapshot) == digest
	if digestOK && !snapshotOK {
		sr.fail(FailSnapshotAltered, "the stored snapshot of the signed text does not hash to the signed digest %s", short(s.Digest))
	}
	sr.checkText(s, digest, digestOK, snapshotOK, index)
	sr.OK = len(sr.Failures) == 0
	return sr
}

// checkText compares the stored text of the signed version with the signed digest and, when
// they differ and the snapshot is intact, names the differences.
func (sr *SignatureReport) checkText(s Signature, digest [32]byte, digestOK, snapshotOK bool, index *versionIndex) {
	v, found := index.find(s.Version)
	if !found {
		sr.fail(FailVersionMissing, "version %d is not among the stored versions of agreement %d", s.Version, index.agreementID)
		return
	}
	current := index.digest(v)
	currentHex := hex.EncodeToString(current[:])
	if v.Digest != "" && v.Digest != currentHex {
		sr.fail(FailStoredDigest, "the digest recorded for version %d (%s) does not match its stored text (%s)",
			s.Version, short(v.Digest), short(currentHex))
	}
	if !digestOK || current == digest {
		return
	}
	msg := fmt.Sprintf("the stored text of version %d no longer matches what was signed (signed %s, stored text %s)",
		s.Version, short(s.Digest), short(currentHex))
	if !snapshotOK {
		sr.fail(FailTextChanged, "%s; the snapshot is not intact, so what changed cannot be named", msg)
		return
	}
	signed, err := clause.ParseCanonical(s.Snapshot)
	if err != nil {
		sr.fail(FailTextChanged, "%s; the snapshot cannot be read (%s)", msg, entente.ErrorMessage(err))
		return
	}
	sr.Differences = clause.Compare(signed, v.Texts)
	sr.fail(FailTextChanged, "%s: %s", msg, differenceSummary(sr.Differences))
}

// differenceSummary names the changed parts briefly: "ru: article 4 changed; en: title changed".
func differenceSummary(diffs []clause.Difference) string {
	const most = 5
	parts := make([]string, 0, most+1)
	for i, d := range diffs {
		if i == most {
			parts = append(parts, fmt.Sprintf("and %d more", len(diffs)-most))
			break
		}
		what := d.Part
		if d.Article != "" {
			what += " " + d.Article
		}
		parts = append(parts, d.Language+": "+what+" "+d.Change)
	}
	return strings.Join(parts, "; ")
}

// fail records a failure.
func (sr *SignatureReport) fail(code, format string, args ...any) {
	sr.Failures = append(sr.Failures, Failure{code, fmt.Sprintf(format, args...)})
}

// agreementProblems checks the signatures together: there must be some, over one text.
func agreementProblems(signatures []Signature) []Failure {
	if len(signatures) == 0 {
		return []Failure{{FailNoSignatures, "the agreement has no signatures to verify"}}
	}
	var covered []string
	for _, s := range signatures {
		what := fmt.Sprintf("version %d (%s)", s.Version, short(strings.ToLower(s.Digest)))
		if !slices.Contains(covered, what) {
			covered = append(covered, what)
		}
	}
	if len(covered) > 1 {
		return []Failure{{FailDifferentTexts, "the signatures do not all cover the same text: " + strings.Join(covered, ", ")}}
	}
	return nil
}

// decodeDigest reads a hex SHA-256 digest.
func decodeDigest(s string) ([32]byte, bool) {
	var d [32]byte
	if len(s) != 2*len(d) {
		return d, false
	}
	_, err := hex.Decode(d[:], []byte(s))
	return d, err == nil
}

// versionIndex finds the versions of one agreement by number and computes each digest once.
type versionIndex struct {
	agreementID int64
	versions    map[int]*entente.AgreementVersion
	digests     map[int][32]byte
}

func newVersionIndex(agreementID int64, versions []entente.AgreementVersion) *versionIndex {
	x := &versionIndex{agreementID: agreementID, versions: map[int]*entente.AgreementVersion{}, digests: map[int][32]byte{}}
	for i := range versions {
		v := &versions[i]
		if v.AgreementID != agreementID {
			continue
		}
		if _, dup := x.versions[v.Number]; !dup {
			x.versions[v.Number] = v
		}
	}
	return x
}

func (x *versionIndex) find(number int) (*entente.AgreementVersion, bool) {
	v, ok := x.versions[number]
	return v, ok
}

func (x *versionIndex) digest(v *entente.AgreementVersion) [32]byte {
	d, ok := x.digests[v.Number]
	if !ok {
		d = clause.Digest(v.Texts)
		x.digests[v.Number] = d
	}
	return d
}

// capitalize upper-cases the first letter of an ASCII sentence.
func capitalize(s string) string {
	if s != "" && s[0] >= 'a' && s[0] <= 'z' {
		return string(s[0]-'a'+'A') + s[1:]
	}
	return s
}
