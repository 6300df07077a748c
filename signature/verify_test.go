package signature

import (
	"bytes"
	"crypto/ed25519"
	"encoding/hex"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/entente/entente"
	"github.com/entente/entente/clause"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata")

// signatories of the fixture: two who sign, one more who has a key.
var (
	khanKey    = ed25519.NewKeyFromSeed(bytes.Repeat([]byte{1}, 32))
	petrovKey  = ed25519.NewKeyFromSeed(bytes.Repeat([]byte{2}, 32))
	ivanovaKey = ed25519.NewKeyFromSeed(bytes.Repeat([]byte{3}, 32))
)

// fixture is an agreement with two versions, the second signed by both parties.
type fixture struct {
	agreementID int64
	versions    []entente.AgreementVersion
	signatures  []Signature
	keys        []Key
}

func agreedTexts() []entente.AgreementText {
	return []entente.AgreementText{
		{Language: "en", Title: "Memorandum of Understanding on Agricultural Machinery", Preamble: "The Parties have agreed as follows:",
			Articles: []entente.Article{
				{Number: "1", Heading: "Scope", Body: "The Parties shall cooperate in the supply and assembly of tractors."},
				{Number: "2", Heading: "Working group", Body: "A Joint Working Group shall meet within 30 days of signature."},
				{Number: "3", Body: "Disputes shall be settled by consultations."},
				{Number: "4", Body: "This Memorandum enters into force on the date of the last notification."},
			}},
		{Language: "ru", Title: "Меморандум о взаимопонимании", Preamble: "Стороны договорились о нижеследующем:",
			Articles: []entente.Article{
				{Number: "1", Heading: "Сфера", Body: "Стороны сотрудничают в области поставки и сборки тракторов."},
				{Number: "2", Heading: "Рабочая группа", Body: "Совместная рабочая группа собирается в течение 30 дней с даты подписания."},
				{Number: "3", Body: "Споры разрешаются путем консультаций."},
				{Number: "4", Body: "Настоящий Меморандум вступает в силу с даты последнего уведомления."},
			}},
	}
}

func newFixture(t testing.TB) *fixture {
	t.Helper()
	draft := agreedTexts()
	draft[0].Articles[1].Body = "A Joint Working Group shall meet within 60 days of signature."
	f := &fixture{agreementID: 12}
	for n, texts := range [][]entente.AgreementText{draft, agreedTexts()} {
		f.versions = append(f.versions, entente.AgreementVersion{ID: int64(100 + n), AgreementID: 12, Number: n + 1,
			Party: "BLR", Texts: texts, Digest: clause.DigestHex(texts)})
	}
	signers := []struct {
		id          int64
		name, party string
		key         ed25519.PrivateKey
	}{{101, "Ahmad Khan", "PAK", khanKey}, {202, "Ivan Petrov", "BLR", petrovKey}, {303, "Olga Ivanova", "BLR", ivanovaKey}}
	for i, s := range signers {
		f.keys = append(f.keys, Key{SignatoryID: s.id, Signatory: s.name, Party: s.party, PublicKey: s.key.Public().(ed25519.PublicKey)})
		if i == 2 {
			break // the third signatory has a key but does not sign
		}
		sig, err := SignVersion(s.key, f.versions[1])
		if err != nil {
			t.Fatal(err)
		}
		sig.ID, sig.SignatoryID, sig.Signatory, sig.Party = int64(i+1), s.id, s.name, s.party
		f.signatures = append(f.signatures, sig)
	}
	return f
}

func (f *fixture) verify() Report {
	return Verify(f.agreementID, f.versions, f.signatures, f.keys)
}

func TestMessage(t *testing.T) {
	var digest [32]byte
	for i := range digest {
		digest[i] = byte(i)
	}
	want := "entente agreement signature v1\nagreement 12\nversion 5\n" +
		"digest 000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f\n"
	if got := string(Message(12, 5, digest)); got != want {
		t.Errorf("Message =\n%q\nwant\n%q", got, want)
	}
}

func TestSignAndVerify(t *testing.T) {
	f := newFixture(t)
	r := f.verify()
	if !r.OK || len(r.Signatures) != 2 || len(r.Problems) != 0 {
		t.Fatalf("report = %+v", r)
	}
	s := f.signatures[0]
	if s.Digest != f.versions[1].Digest || s.Version != 2 || !bytes.Equal(s.Snapshot, clause.Canonical(agreedTexts())) {
		t.Errorf("signature does not record what was signed: %+v", s)
	}
	digest, _ := hex.DecodeString(s.Digest)
	if !ed25519.Verify(khanKey.Public().(ed25519.PublicKey), Message(12, 2, [32]byte(digest)), s.Bytes) {
		t.Error("the signature does not verify over the documented message")
	}
}

func TestSignVersionRefuses(t *testing.T) {
	f := newFixture(t)
	changed := f.versions[1]
	changed.Texts = agreedTexts()
	changed.Texts[1].Title = "Меморандум"
	tests := []struct {
		name    string
		key     ed25519.PrivateKey
		version entente.AgreementVersion
		code    string
		want    string
	}{
		{"text changed after saving", khanKey, changed, entente.ECONFLICT, "no longer matches the digest recorded"},
		{"no text", khanKey, entente.AgreementVersion{AgreementID: 12, Number: 3}, entente.EINVALID, "has no text"},
		{"unsaved", khanKey, entente.AgreementVersion{Texts: agreedTexts()}, entente.EINVALID, "Only a saved version"},
		{"short key", khanKey[:32], f.versions[1], entente.EINVALID, "private key is 32 bytes"},
	}
	for _, tt := range tests {
		_, err := SignVersion(tt.key, tt.version)
		if entente.ErrorCode(err) != tt.code || !strings.Contains(entente.ErrorMessage(err), tt.want) {
			t.Errorf("%s: error %v; want %s with %q", tt.name, err, tt.code, tt.want)
		}
	}
}

func TestCheckKey(t *testing.T) {
	f := newFixture(t)
	pub := func(k ed25519.PrivateKey) ed25519.PublicKey { return k.Public().(ed25519.PublicKey) }
	tests := []struct {
		name        string
		signatoryID int64
		party       string
		key         ed25519.PublicKey
		want        string
	}{
		{"own key", 101, "PAK", pub(khanKey), ""},
		{"another signatory's key", 101, "PAK", pub(petrovKey), "belongs to Ivan Petrov (BLR), not to this signatory"},
		{"key for another party", 202, "PAK", pub(petrovKey), "is registered for Ivan Petrov of BLR, not of PAK"},
		{"unregistered key", 101, "PAK", pub(ed25519.NewKeyFromSeed(make([]byte, 32))), "is not registered for any signatory"},
	}
	for _, tt := range tests {
		err := CheckKey(f.keys, tt.signatoryID, tt.party, tt.key)
		switch {
		case tt.want == "" && err != nil:
			t.Errorf("%s: %v", tt.name, err)
		case tt.want != "" && (entente.ErrorCode(err) != entente.EFORBIDDEN || !strings.Contains(entente.ErrorMessage(err), tt.want)):
			t.Errorf("%s: error %v; want EFORBIDDEN with %q", tt.name, err, tt.want)
		}
	}
}

// tamperCase changes a signed agreement and says what verification must report: the failure
// codes of each signature, the differences named for the first, and the agreement's problems.
type tamperCase struct {
	name     string
	change   func(f *fixture)
	failures [2][]string
	diffs    []string
	problems []string
}

var tamperCases = []tamperCase{
	{name: "a word of an article, digest column kept", change: func(f *fixture) {
		f.versions[1].Texts[0].Articles[1].Body = "A Joint Working Group shall meet within 90 days of signature."
	}, failures: [2][]string{{FailStoredDigest, FailTextChanged}, {FailStoredDigest, FailTextChanged}},
		diffs: []string{"en: article 2 changed: body: …Group shall meet within [-30-]{+90+} days of signature."}},
	{name: "a word of an article, digest column rewritten too", change: func(f *fixture) {
		f.versions[1].Texts[1].Articles[3].Body = "Настоящий Меморандум вступает в силу с даты подписания."
		f.versions[1].Digest = clause.DigestHex(f.versions[1].Texts)
	}, failures: [2][]string{{FailTextChanged}, {FailTextChanged}},
		diffs: []string{"ru: article 4 changed: body: …вступает в силу с даты [-последнего уведомления-]{+подписания+}."}},
	{name: "the title", change: func(f *fixture) {
		f.versions[1].Texts[0].Title = "Memorandum of Understanding on Machinery"
		f.versions[1].Digest = clause.DigestHex(f.versions[1].Texts)
	}, failures: [2][]string{{FailTextChanged}, {FailTextChanged}},
		diffs: []string{"en: title changed: …of Understanding on [-Agricultural -]Machinery"}},
	{name: "an article removed", change: func(f *fixture) {
		a := f.versions[1].Texts[0].Articles
		f.versions[1].Texts[0].Articles = append(a[:2:2], a[3])
	}, failures: [2][]string{{FailStoredDigest, FailTextChanged}, {FailStoredDigest, FailTextChanged}},
		diffs: []string{"en: article 3 removed"}},
	{name: "the order of articles", change: func(f *fixture) {
		a := f.versions[1].Texts[1].Articles
		a[0], a[1] = a[1], a[0]
	}, failures: [2][]string{{FailStoredDigest, FailTextChanged}, {FailStoredDigest, FailTextChanged}},
		diffs: []string{"ru: article 1 moved: now after article 2"}},
	{name: "a language dropped", change: func(f *fixture) {
		f.versions[1].Texts = f.versions[1].Texts[:1]
	}, failures: [2][]string{{FailStoredDigest, FailTextChanged}, {FailStoredDigest, FailTextChanged}},
		diffs: []string{"ru: language removed"}},
	{name: "a byte of a signature", change: func(f *fixture) {
		f.signatures[1].Bytes[10] ^= 0x40
	}, failures: [2][]string{nil, {FailSignatureInvalid}}},
	{name: "a public key swapped for another signatory's", change: func(f *fixture) {
		f.signatures[0].PublicKey = f.keys[1].PublicKey
	}, failures: [2][]string{{FailKeyOtherSignatory, FailSignatureInvalid}, nil}},
	{name: "a public key swapped for an unknown one", change: func(f *fixture) {
		f.signatures[0].PublicKey = ed25519.NewKeyFromSeed(make([]byte, 32)).Public().(ed25519.PublicKey)
	}, failures: [2][]string{{FailKeyUnknown, FailSignatureInvalid}, nil}},
	{name: "a signature re-signed with another registered key", change: func(f *fixture) {
		s, _ := SignVersion(ivanovaKey, f.versions[1])
		f.signatures[1].PublicKey, f.signatures[1].Bytes = s.PublicKey, s.Bytes
	}, failures: [2][]string{nil, {FailKeyOtherSignatory}}},
	{name: "a signatory's key registered for the other party", change: func(f *fixture) {
		f.keys[0].Party = "BLR"
	}, failures: [2][]string{{FailKeyOtherParty}, nil}},
	{name: "the version number of a signature", change: func(f *fixture) {
		f.signatures[0].Version = 1
	}, failures: [2][]string{{FailSignatureInvalid, FailTextChanged}, nil},
		diffs:    []string{"en: article 2 changed: body: …Group shall meet within [-30-]{+60+} days of signature."},
		problems: []string{FailDifferentTexts}},
	{name: "a signature moved to an identical later version", change: func(f *fixture) {
		v := f.versions[1]
		v.Number, v.ID = 3, 300
		f.versions = append(f.versions, v)
		f.signatures[1].Version = 3
	}, failures: [2][]string{nil, {FailSignatureInvalid}}, problems: []string{FailDifferentTexts}},
	{name: "the signed digest rewritten to match a changed text", change: func(f *fixture) {
		f.versions[1].Texts[0].Articles[0].Body = "The Parties shall cooperate in tractors."
		f.versions[1].Digest = clause.DigestHex(f.versions[1].Texts)
		f.signatures[0].Digest = f.versions[1].Digest
		f.signatures[0].Snapshot = clause.Canonical(f.versions[1].Texts)
	}, failures: [2][]string{{FailSignatureInvalid}, {FailTextChanged}},
		problems: []string{FailDifferentTexts}},
	{name: "the snapshot", change: func(f *fixture) {
		f.signatures[0].Snapshot = bytes.Replace(f.signatures[0].Snapshot, []byte("30 days"), []byte("10 days"), 1)
	}, failures: [2][]string{{FailSnapshotAltered}, nil}},
	{name: "the snapshot and the text together", change: func(f *fixture) {
		f.versions[1].Texts[0].Articles[1].Body = "A Joint Working Group shall meet within 10 days of signature."
		f.signatures[0].Snapshot = clause.Canonical(f.versions[1].Texts)
	}, failures: [2][]string{{FailSnapshotAltered, FailStoredDigest, FailTextChanged}, {FailStoredDigest, FailTextChanged}}},
	{name: "a version deleted", change: func(f *fixture) {
		f.versions = f.versions[:1]
	}, failures: [2][]string{{FailVersionMissing}, {FailVersionMissing}}},
	{name: "a signature replayed on another agreement", change: func(f *fixture) {
		f.agreementID = 13
		for i := range f.versions {
			f.versions[i].AgreementID = 13
		}
	}, failures: [2][]string{{FailSignatureInvalid}, {FailSignatureInvalid}}},
	{name: "a truncated key and signature", change: func(f *fixture) {
		f.signatures[0].PublicKey = f.signatures[0].PublicKey[:31]
		f.signatures[1].Bytes = f.signatures[1].Bytes[:63]
		f.signatures[1].Digest = "xyz"
	}, failures: [2][]string{{FailMalformed}, {FailMalformed, FailMalformed}},
		problems: []string{FailDifferentTexts}},
	{name: "every signature removed", change: func(f *fixture) {
		f.signatures = nil
	}, problems: []string{FailNoSignatures}},
}

func TestVerifyDetectsTampering(t *testing.T) {
	for _, tc := range tamperCases {
		t.Run(tc.name, func(t *testing.T) {
			f := newFixture(t)
			tc.change(f)
			r := f.verify()
			for i, s := range r.Signatures {
				var codes []string
				for _, fl := range s.Failures {
					codes = append(codes, fl.Code)
					if fl.Message == "" {
						t.Errorf("signature %d: failure %s has no message", i, fl.Code)
					}
				}
				if !slices.Equal(codes, tc.failures[i]) {
					t.Errorf("signature %d failures = %v; want %v\n%+v", i, codes, tc.failures[i], s.Failures)
				}
				if s.OK != (len(codes) == 0) {
					t.Errorf("signature %d: OK = %v with failures %v", i, s.OK, codes)
				}
			}
			var diffs []string
			if len(r.Signatures) > 0 {
				for _, d := range r.Signatures[0].Differences {
					diffs = append(diffs, d.String())
				}
			}
			if !slices.Equal(diffs, tc.diffs) {
				t.Errorf("differences = %q; want %q", diffs, tc.diffs)
			}
			var problems []string
			for _, p := range r.Problems {
				problems = append(problems, p.Code)
			}
			if !slices.Equal(problems, tc.problems) {
				t.Errorf("problems = %v; want %v", problems, tc.problems)
			}
			if r.OK {
				t.Error("the report is OK after tampering")
			}
		})
	}
}

// tamperChange returns the change of the tamper case with that name.
func tamperChange(t *testing.T, name string) func(*fixture) {
	for _, tc := range tamperCases {
		if tc.name == name {
			return tc.change
		}
	}
	t.Fatalf("no tamper case %q", name)
	return nil
}

// TestWriteReport compares the text report with golden files; run with -update to rewrite them.
func TestWriteReport(t *testing.T) {
	for _, tc := range []struct {
		golden string
		change func(f *fixture)
	}{
		{"report_ok.golden", func(*fixture) {}},
		{"report_text_changed.golden", tamperChange(t, "a word of an article, digest column kept")},
		{"report_key_swapped.golden", tamperChange(t, "a public key swapped for another signatory's")},
		{"report_no_signatures.golden", func(f *fixture) { f.signatures = nil }},
	} {
		f := newFixture(t)
		tc.change(f)
		var buf bytes.Buffer
		if err := WriteReport(&buf, f.verify()); err != nil {
			t.Fatal(err)
		}
		path := filepath.Join("testdata", tc.golden)
		if *update {
			if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v (run go test -update to create it)", err)
		}
		if !bytes.Equal(buf.Bytes(), want) {
			t.Errorf("%s differs from the output:\n%s", path, buf.Bytes())
		}
	}
}

// TestReportJSON checks that a report survives JSON, the form the API serves.
func TestReportJSON(t *testing.T) {
	f := newFixture(t)
	tamperChange(t, "the version number of a signature")(f)
	r := f.verify()
	data, err := jsonRoundTrip(r)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(data, r) {
		t.Errorf("report changed through JSON:\n%+v\n%+v", data, r)
	}
}

// jsonRoundTrip encodes a report as JSON and decodes it again.
func jsonRoundTrip(r Report) (Report, error) {
	data, err := json.Marshal(r)
	if err != nil {
		return Report{}, err
	}
	var out Report
	err = json.Unmarshal(data, &out)
	return out, err
}

// BenchmarkVerify verifies an agreement with four signatures over a version in two languages of
// 40 articles and about 60 KB each, the case the issue names (at most 5 ms).
func BenchmarkVerify(b *testing.B) {
	f := newFixture(b)
	texts := []entente.AgreementText{largeText("en", 40, 1500), largeText("ru", 40, 1500)}
	f.versions[1].Texts, f.versions[1].Digest = texts, clause.DigestHex(texts)
	f.signatures = nil
	for i, k := range []ed25519.PrivateKey{khanKey, petrovKey, ivanovaKey, khanKey} {
		s, err := SignVersion(k, f.versions[1])
		if err != nil {
			b.Fatal(err)
		}
		key := f.keys[i%3]
		s.ID, s.SignatoryID, s.Signatory, s.Party = int64(i+1), key.SignatoryID, key.Signatory, key.Party
		f.signatures = append(f.signatures, s)
	}
	if r := f.verify(); !r.OK {
		b.Fatalf("fixture does not verify: %+v", r)
	}
	for b.Loop() {
		f.verify()
	}
}

// largeText generates a normalised text of n articles of about size bytes each, as Parse stores
// them.
func largeText(lang string, n, size int) entente.AgreementText {
	t := entente.AgreementText{Language: lang, Title: "Memorandum " + lang, Preamble: "The Parties have agreed as follows:"}
	sentence := "The competent authorities of the Parties shall facilitate the supply of agricultural machinery " +
		"in accordance with their national legislation. "
	if lang == "ru" {
		sentence = "Компетентные органы Сторон содействуют поставкам сельскохозяйственной техники " +
			"в соответствии с национальным законодательством. "
	}
	for i := range n {
		body := strings.TrimSpace(fmt.Sprintf("%d. ", i+1) + strings.Repeat(sentence, size/len(sentence)+1))
		t.Articles = append(t.Articles, entente.Article{Number: fmt.Sprint(i + 1), Heading: "Heading", Body: body})
	}
	return t
}
