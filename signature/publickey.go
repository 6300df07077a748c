package signature

import (
	"crypto/ed25519"
	"crypto/x509"
	"encoding/base64"
	"encoding/hex"
	"encoding/pem"
	"fmt"
	"strings"

	"golang.org/x/crypto/ssh"

	"github.com/entente/entente"
)

// ParsePublicKey reads an external Ed25519 public key that a signatory registers: 32 raw bytes
// as hexadecimal or base64 (standard or URL alphabet, padded or not), an OpenSSH
// authorized-keys line ("ssh-ed25519 AAAA… comment"), or a PEM "PUBLIC KEY" block (PKIX, as
// `openssl pkey -pubout` writes). The key must be a canonical encoding of a curve point of large
// order. Anything else is an EINVALID error on the field "public_key" that says what was given:
// another key type, a private key, the wrong length.
func ParsePublicKey(s string) (ed25519.PublicKey, error) {
	s = strings.TrimSpace(s)
	var key []byte
	var err error
	switch {
	case s == "":
		err = fmt.Errorf("is required")
	case strings.HasPrefix(s, "-----BEGIN"):
		key, err = parsePEM(s)
	case strings.Contains(s, "ssh-") || strings.Contains(s, "ecdsa-sha2-"):
		key, err = parseAuthorizedKey(s)
	default:
		key, err = parseRaw(s)
	}
	if err == nil {
		err = checkPublicKey(key)
	}
	if err != nil {
		return nil, publicKeyError(err)
	}
	return ed25519.PublicKey(key), nil
}

// publicKeyError is the EINVALID error for a public key that cannot be registered.
func publicKeyError(err error) error {
	problem := err.Error()
	return &entente.Error{Code: entente.EINVALID, Message: "The public key " + problem + ".",
		Fields: map[string]string{"public_key": problem}}
}

// parsePEM reads a PKIX public key from a PEM block.
func parsePEM(s string) ([]byte, error) {
	block, _ := pem.Decode([]byte(s))
	switch {
	case block == nil:
		return nil, fmt.Errorf("is not a readable PEM block")
	case strings.Contains(block.Type, "PRIVATE KEY"):
		return nil, fmt.Errorf("is a private key (%s); register only the public key", block.Type)
	case block.Type != "PUBLIC KEY":
		return nil, fmt.Errorf("is a PEM %q block; a \"PUBLIC KEY\" block is expected", block.Type)
	}
	pub, err := x509.ParsePKIXPublicKey(block.Bytes)
	if err != nil {
		return nil, fmt.Errorf("is not a readable PKIX public key")
	}
	key, ok := pub.(ed25519.PublicKey)
	if !ok {
		return nil, fmt.Errorf("is a %s key, not an Ed25519 key", keyTypeName(pub))
	}
	return key, nil
}

// keyTypeName names the type of a parsed public key for messages.
func keyTypeName(pub any) string {
	name := strings.TrimPrefix(fmt.Sprintf("%T", pub), "*")
	name, _, _ = strings.Cut(name, ".")
	return strings.ToUpper(name)
}

// parseAuthorizedKey reads an OpenSSH authorized-keys line.
func parseAuthorizedKey(s string) ([]byte, error) {
	pub, _, _, _, err := ssh.ParseAuthorizedKey([]byte(s))
	if err != nil {
		return nil, fmt.Errorf("is not a readable OpenSSH public key line")
	}
	if pub.Type() != ssh.KeyAlgoED25519 {
		return nil, fmt.Errorf("is an OpenSSH %s key, not an ssh-ed25519 key", pub.Type())
	}
	crypto, ok := pub.(ssh.CryptoPublicKey)
	if !ok {
		return nil, fmt.Errorf("is an OpenSSH key that cannot be read as Ed25519")
	}
	key, ok := crypto.CryptoPublicKey().(ed25519.PublicKey)
	if !ok {
		return nil, fmt.Errorf("is an OpenSSH key that cannot be read as Ed25519")
	}
	return key, nil
}

// parseRaw reads 32 bytes written in hexadecimal or base64. A string of an even number of hex
// digits is read as hexadecimal: base64 of 32 bytes has 43 or 44 characters and never is one.
func parseRaw(s string) ([]byte, error) {
	if key, err := hex.DecodeString(s); err == nil {
		if len(key) != ed25519.PublicKeySize {
			return nil, fmt.Errorf("is %d bytes long; an Ed25519 public key is %d bytes", len(key), ed25519.PublicKeySize)
		}
		return key, nil
	}
	for _, enc := range []*base64.Encoding{base64.StdEncoding, base64.RawStdEncoding, base64.URLEncoding, base64.RawURLEncoding} {
		key, err := enc.DecodeString(s)
		if err != nil {
			continue
		}
		if len(key) != ed25519.PublicKeySize {
			return nil, fmt.Errorf("is %d bytes long; an Ed25519 public key is %d bytes", len(key), ed25519.PublicKeySize)
		}
		return key, nil
	}
	return nil, fmt.Errorf("is not hexadecimal, base64, an OpenSSH line or a PEM block")
}

// Fingerprint returns the key's SHA-256 fingerprint as OpenSSH prints it ("SHA256:…", the same
// as `ssh-keygen -l` shows), so that a signatory can compare a registered key with their own.
func Fingerprint(key ed25519.PublicKey) string {
	pub, err := ssh.NewPublicKey(key)
	if err != nil {
		return ""
	}
	return ssh.FingerprintSHA256(pub)
}
