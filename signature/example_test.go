package signature_test

import (
	"fmt"
	"os"

	"github.com/entente/entente"
	"github.com/entente/entente/clause"
	"github.com/entente/entente/signature"
)

// A signatory's key is generated and sealed by their passphrase; at the ceremony it is opened,
// checked against the registry and used to sign the agreed version; later the agreement is
// verified, and a change to the stored text is named.
func Example() {
	pub, sealed, err := signature.GenerateKey("Minsk–Islamabad, February 2025")
	if err != nil {
		fmt.Println(err)
		return
	}
	keys := []signature.Key{{SignatoryID: 7, Signatory: "Ahmad Khan", Party: "PAK", PublicKey: pub}}

	text, _ := clause.Parse([]byte("Memorandum\n\nArticle 1\nThe Parties shall meet within 30 days.\n"), "en")
	version := entente.AgreementVersion{AgreementID: 12, Number: 3, Texts: []entente.AgreementText{text}}
	version.Digest = clause.DigestHex(version.Texts)

	key, err := signature.Open(sealed, "Minsk–Islamabad, February 2025")
	if err != nil {
		fmt.Println(err)
		return
	}
	if err := signature.CheckKey(keys, 7, "PAK", pub); err != nil {
		fmt.Println(err)
		return
	}
	sig, err := signature.SignVersion(key, version)
	if err != nil {
		fmt.Println(err)
		return
	}
	sig.ID, sig.SignatoryID, sig.Signatory, sig.Party = 1, 7, "Ahmad Khan", "PAK"

	version.Texts[0].Articles[0].Body = "The Parties shall meet within 90 days."
	report := signature.Verify(12, []entente.AgreementVersion{version}, []signature.Signature{sig}, keys)
	fmt.Println(report.OK)
	for _, d := range report.Signatures[0].Differences {
		fmt.Println(d)
	}
	_, err = signature.Open(sealed, "wrong passphrase")
	fmt.Println(entente.ErrorMessage(err))
	// Output:
	// false
	// en: article 1 changed: body: The Parties shall meet within [-30-]{+90+} days.
	// The passphrase does not open this key.
}

// WriteReport prints what `entente agreement verify` shows.
func ExampleWriteReport() {
	signature.WriteReport(os.Stdout, signature.Report{AgreementID: 12, OK: false,
		Problems: []signature.Failure{{Code: signature.FailNoSignatures, Message: "the agreement has no signatures to verify"}}})
	// Output:
	// Agreement 12: verification FAILED
	//   no_signatures: the agreement has no signatures to verify
}
