package signature

import (
	"bytes"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"unicode/utf8"

	"golang.org/x/crypto/argon2"
	"golang.org/x/crypto/chacha20poly1305"
	"golang.org/x/text/unicode/norm"

	"github.com/entente/entente"
)

// Sealing parameters: argon2id as OWASP recommends it (19 MiB, 2 passes, 1 lane), a 16-byte
// salt, and ChaCha20-Poly1305.
const (
	sealFormat      = "entente-sealed-ed25519-key"
	sealVersion     = 1
	argonVersion    = argon2.Version // 0x13 = 19
	sealMemoryKiB   = 19 * 1024
	sealIterations  = 2
	sealParallelism = 1
	saltSize        = 16
	aeadName        = "chacha20-poly1305"
	kdfName         = "argon2id"
)

// Bounds on the parameters Open accepts, so that a damaged or hostile sealed key cannot make it
// allocate gigabytes or run for minutes.
const (
	maxMemoryKiB   = 1 << 20 // 1 GiB
	maxIterations  = 64
	maxParallelism = 64
	maxSaltSize    = 64
)

// Passphrase length limits, in characters.
const (
	MinPassphrase = 8
	MaxPassphrase = 1024
)

// sealedKey is the JSON form of a sealed private key; the package comment documents it.
type sealedKey struct {
	Format       string `json:"format"`
	Version      int    `json:"version"`
	PublicKey    string `json:"public_key"`
	KDF          string `json:"kdf"`
	ArgonVersion int    `json:"argon2_version"`
	MemoryKiB    uint32 `json:"memory_kib"`
	Iterations   uint32 `json:"iterations"`
	Parallelism  uint8  `json:"parallelism"`
	Salt         []byte `json:"salt"`
	AEAD         string `json:"aead"`
	Nonce        []byte `json:"nonce"`
	Ciphertext   []byte `json:"ciphertext"`
	publicKeyRaw []byte // PublicKey decoded
}

// GenerateKey makes a new Ed25519 key pair and returns its public key and its private key sealed
// by the passphrase (see Seal).
func GenerateKey(passphrase string) (ed25519.PublicKey, []byte, error) {
	pub, priv, err := ed25519.GenerateKey(nil)
	if err != nil {
		return nil, nil, entente.Errorf(entente.EINTERNAL, "generate key: %v", err)
	}
	sealed, err := Seal(priv, passphrase)
	if err != nil {
		return nil, nil, err
	}
	return pub, sealed, nil
}

// Seal encrypts a private key with a passphrase of MinPassphrase to MaxPassphrase characters,
// in the format of the package comment, with a fresh random salt and nonce. A passphrase of
// the wrong length is an EINVALID error on the field "passphrase".
func Seal(key ed25519.PrivateKey, passphrase string) ([]byte, error) {
	if len(key) != ed25519.PrivateKeySize {
		return nil, entente.Errorf(entente.EINVALID, "The private key is %d bytes; an Ed25519 private key is %d.", len(key), ed25519.PrivateKeySize)
	}
	passphrase = norm.NFC.String(passphrase)
	if n := utf8.RuneCountInString(passphrase); n < MinPassphrase || n > MaxPassphrase {
		return nil, passphraseError(fmt.Sprintf("must be %d to %d characters long", MinPassphrase, MaxPassphrase))
	}
	s := sealedKey{
		Format: sealFormat, Version: sealVersion, KDF: kdfName, ArgonVersion: argonVersion,
		MemoryKiB: sealMemoryKiB, Iterations: sealIterations, Parallelism: sealParallelism,
		AEAD: aeadName, Salt: make([]byte, saltSize), Nonce: make([]byte, chacha20poly1305.NonceSize),
		publicKeyRaw: key.Public().(ed25519.PublicKey),
	}
	s.PublicKey = hex.EncodeToString(s.publicKeyRaw)
	rand.Read(s.Salt)
	rand.Read(s.Nonce)
	aead, err := chacha20poly1305.New(s.sealingKey(passphrase))
	if err != nil {
		return nil, entente.Errorf(entente.EINTERNAL, "seal key: %v", err)
	}
	s.Ciphertext = aead.Seal(nil, s.Nonce, key.Seed(), s.additionalData())
	return json.MarshalIndent(s, "", "  ")
}

// Open decrypts a sealed private key with the passphrase. A passphrase that does not open the
// key is an EINVALID error on the field "passphrase" (an altered sealed key fails the same way:
// the two cannot be told apart); a sealed key that cannot be read is an EINVALID error on the
// field "sealed_key".
func Open(sealed []byte, passphrase string) (ed25519.PrivateKey, error) {
	s, err := readSealed(sealed)
	if err != nil {
		return nil, err
	}
	aead, err := chacha20poly1305.New(s.sealingKey(norm.NFC.String(passphrase)))
	if err != nil {
		return nil, entente.Errorf(entente.EINTERNAL, "open key: %v", err)
	}
	seed, err := aead.Open(nil, s.Nonce, s.Ciphertext, s.additionalData())
	if err != nil {
		return nil, passphraseError("does not open this key")
	}
	key := ed25519.NewKeyFromSeed(seed)
	if !bytes.Equal(key.Public().(ed25519.PublicKey), s.publicKeyRaw) {
		return nil, sealedError("its private key does not match its public key")
	}
	return key, nil
}

// SealedPublicKey returns the public key recorded in a sealed key, without the passphrase.
func SealedPublicKey(sealed []byte) (ed25519.PublicKey, error) {
	s, err := readSealed(sealed)
	if err != nil {
		return nil, err
	}
	return ed25519.PublicKey(s.publicKeyRaw), nil
}

// sealingKey derives the ChaCha20-Poly1305 key from the passphrase with argon2id.
func (s *sealedKey) sealingKey(passphrase string) []byte {
	return argon2.IDKey([]byte(passphrase), s.Salt, s.Iterations, s.MemoryKiB, s.Parallelism, chacha20poly1305.KeySize)
}

// additionalData is the line the AEAD authenticates along with the seed.
func (s *sealedKey) additionalData() []byte {
	return fmt.Appendf(nil, "%s %d %s %d %d %d %d %s %s", s.Format, s.Version, s.KDF, s.ArgonVersion,
		s.MemoryKiB, s.Iterations, s.Parallelism, s.AEAD, hex.EncodeToString(s.publicKeyRaw))
}

// readSealed parses and checks a sealed key before any expensive work.
func readSealed(sealed []byte) (*sealedKey, error) {
	var s sealedKey
	dec := json.NewDecoder(bytes.NewReader(sealed))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&s); err != nil {
		return nil, sealedError("is not a sealed key in JSON")
	}
	var err error
	s.publicKeyRaw, err = hex.DecodeString(s.PublicKey)
	switch {
	case s.Format != sealFormat:
		return nil, sealedError(fmt.Sprintf("has format %q, not %q", s.Format, sealFormat))
	case s.Version != sealVersion:
		return nil, sealedError(fmt.Sprintf("has version %d; this program reads version %d", s.Version, sealVersion))
	case err != nil || len(s.publicKeyRaw) != ed25519.PublicKeySize:
		return nil, sealedError("has no readable public key")
	case s.KDF != kdfName || s.ArgonVersion != argonVersion || s.AEAD != aeadName:
		return nil, sealedError(fmt.Sprintf("uses %s version %d with %s; only %s version %d with %s can be opened",
			s.KDF, s.ArgonVersion, s.AEAD, kdfName, argonVersion, aeadName))
	case s.Iterations < 1 || s.Iterations > maxIterations || s.Parallelism < 1 || s.Parallelism > maxParallelism ||
		s.MemoryKiB < 8*uint32(s.Parallelism) || s.MemoryKiB > maxMemoryKiB:
		return nil, sealedError("has argon2id parameters out of range")
	case len(s.Salt) < saltSize || len(s.Salt) > maxSaltSize || len(s.Nonce) != chacha20poly1305.NonceSize ||
		len(s.Ciphertext) != ed25519.SeedSize+chacha20poly1305.Overhead:
		return nil, sealedError("has a salt, nonce or ciphertext of the wrong length")
	}
	return &s, nil
}

func passphraseError(problem string) error {
	return &entente.Error{Code: entente.EINVALID, Message: "The passphrase " + problem + ".",
		Fields: map[string]string{"passphrase": problem}}
}

func sealedError(problem string) error {
	return &entente.Error{Code: entente.EINVALID, Message: "The sealed key " + problem + ".",
		Fields: map[string]string{"sealed_key": problem}}
}
