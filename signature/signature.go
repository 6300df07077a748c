// Package signature signs agreement versions with Ed25519 and verifies the signatures of an
// agreement: that each one is valid, made with a key registered for its signatory and party, and
// that the stored text still hashes to what was signed, naming what differs when it does not.
//
// # What is signed
//
// A signature covers a version's digest (clause.Digest: the SHA-256 of the canonical form of all
// its texts, defined in package clause) bound to the agreement and the version, so that a
// signature over one version or agreement cannot be presented as one over another. The signed
// message is these four lines of ASCII, each ended by LF (0x0A):
//
//	entente agreement signature v1
//	agreement <agreement id, decimal>
//	version <version number, decimal>
//	digest <digest, 64 lower-case hexadecimal digits>
//
// Numbers are written without sign (ids and version numbers are positive), leading zeros or
// spaces. The signature is pure Ed25519 (RFC 8032) over the message bytes, 64 bytes long. To
// check one outside entente: recompute the digest from the texts (or from the canonical
// snapshot stored with the signature), build the message, verify with the signatory's public key.
//
// # Sealed private keys
//
// A key pair generated in entente keeps its private key sealed by the signatory's passphrase.
// The sealed key is a JSON object:
//
//	{
//	  "format": "entente-sealed-ed25519-key",
//	  "version": 1,
//	  "public_key": "<Ed25519 public key, 64 hex digits>",
//	  "kdf": "argon2id",
//	  "argon2_version": 19,
//	  "memory_kib": 19456,
//	  "iterations": 2,
//	  "parallelism": 1,
//	  "salt": "<16 random bytes, standard base64>",
//	  "aead": "chacha20-poly1305",
//	  "nonce": "<12 random bytes, standard base64>",
//	  "ciphertext": "<sealed 32-byte Ed25519 seed and 16-byte tag, standard base64>"
//	}
//
// The sealing key is argon2id (RFC 9106, version 0x13) of the passphrase in Unicode NFC, with the
// salt and parameters recorded in the object (the OWASP recommendation of 19 MiB, 2 passes, 1
// lane when sealed), 32 bytes long. ChaCha20-Poly1305 (RFC 8439) seals the seed with the nonce
// and, as additional data, the ASCII line
//
//	entente-sealed-ed25519-key 1 argon2id 19 <memory_kib> <iterations> <parallelism> chacha20-poly1305 <public key>
//
// (numbers in decimal, the public key in lower-case hex, single spaces, no line break), so that
// neither the parameters nor the public key can be changed without opening failing. Opening
// checks that the seed gives the recorded public key.
package signature

import (
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/hex"
	"strconv"

	"github.com/entente/entente"
	"github.com/entente/entente/clause"
)

// messageHeader is the first line of the signed message; its v1 changes with the format.
const messageHeader = "entente agreement signature v1\n"

// Message returns the bytes a signature over a version covers (see the package comment).
func Message(agreementID int64, version int, digest [32]byte) []byte {
	m := make([]byte, 0, len(messageHeader)+128)
	m = append(m, messageHeader...)
	m = append(m, "agreement "...)
	m = strconv.AppendInt(m, agreementID, 10)
	m = append(m, "\nversion "...)
	m = strconv.AppendInt(m, int64(version), 10)
	m = append(m, "\ndigest "...)
	m = hex.AppendEncode(m, digest[:])
	return append(m, '\n')
}

// Signature is a signature on one version of an agreement, as it is stored and verified: who
// signed for which party, with which public key, over which version and digest, and the
// canonical snapshot of the texts that were signed (clause.Canonical), kept so that a later
// change to the stored text can be named.
type Signature struct {
	ID          int64  `json:"id,omitempty"`
	SignatoryID int64  `json:"signatory_id"`
	Signatory   string `json:"signatory"` // the signatory's name, for reports
	Party       string `json:"party"`
	PublicKey   []byte `json:"public_key"` // 32 bytes
	Version     int    `json:"version"`
	Digest      string `json:"digest"`    // hex SHA-256 of Snapshot, as signed
	Bytes       []byte `json:"signature"` // 64 bytes
	Snapshot    []byte `json:"snapshot"`
}

// SignVersion signs a saved version with a private key and returns the signature with its
// public key, version, digest and snapshot set; the caller sets ID, SignatoryID, Signatory and
// Party, after checking with CheckKey that the key is the signatory's. SignVersion refuses, with
// an EINVALID error, a version without texts, an agreement id or version number that is not
// positive, and, with ECONFLICT, a version whose recorded Digest no longer matches its texts
// (the text changed after it was saved, so what the signatory read is not certain).
func SignVersion(key ed25519.PrivateKey, v entente.AgreementVersion) (Signature, error) {
	switch {
	case len(key) != ed25519.PrivateKeySize:
		return Signature{}, entente.Errorf(entente.EINVALID, "The private key is %d bytes; an Ed25519 private key is %d.", len(key), ed25519.PrivateKeySize)
	case v.AgreementID <= 0 || v.Number <= 0:
		return Signature{}, entente.Errorf(entente.EINVALID, "Only a saved version can be signed (agreement %d, version %d).", v.AgreementID, v.Number)
	case len(v.Texts) == 0:
		return Signature{}, entente.Errorf(entente.EINVALID, "Version %d has no text to sign.", v.Number)
	}
	snapshot := clause.Canonical(v.Texts)
	digest := sha256.Sum256(snapshot)
	digestHex := hex.EncodeToString(digest[:])
	if v.Digest != "" && v.Digest != digestHex {
		return Signature{}, entente.Errorf(entente.ECONFLICT,
			"Version %d cannot be signed: its text no longer matches the digest recorded when it was saved (%s, now %s).",
			v.Number, short(v.Digest), short(digestHex))
	}
	return Signature{
		PublicKey: key.Public().(ed25519.PublicKey),
		Version:   v.Number,
		Digest:    digestHex,
		Bytes:     ed25519.Sign(key, Message(v.AgreementID, v.Number, digest)),
		Snapshot:  snapshot,
	}, nil
}

// short abbreviates a hex digest for messages.
func short(digest string) string {
	if len(digest) > 12 {
		return digest[:12] + "…"
	}
	return digest
}
