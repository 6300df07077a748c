package signature

import (
	"bytes"
	"crypto/ecdsa"
	"crypto/ed25519"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"encoding/base64"
	"encoding/hex"
	"encoding/pem"
	"math/big"
	"strings"
	"testing"

	"golang.org/x/crypto/ssh"

	"github.com/entente/entente"
)

// testKey is a fixed key pair, so that failures are reproducible.
var testKey = ed25519.NewKeyFromSeed(bytes.Repeat([]byte{7}, ed25519.SeedSize))

func TestParsePublicKey(t *testing.T) {
	pub := testKey.Public().(ed25519.PublicKey)
	sshPub, err := ssh.NewPublicKey(pub)
	if err != nil {
		t.Fatal(err)
	}
	der, err := x509.MarshalPKIXPublicKey(pub)
	if err != nil {
		t.Fatal(err)
	}
	forms := map[string]string{
		"hex":                hex.EncodeToString(pub),
		"upper-case hex":     strings.ToUpper(hex.EncodeToString(pub)),
		"base64":             base64.StdEncoding.EncodeToString(pub),
		"unpadded base64":    base64.RawStdEncoding.EncodeToString(pub),
		"URL base64":         base64.URLEncoding.EncodeToString(pub),
		"OpenSSH line":       string(ssh.MarshalAuthorizedKey(sshPub)),
		"OpenSSH w/ comment": strings.TrimSpace(string(ssh.MarshalAuthorizedKey(sshPub))) + " ahmad@mofa.gov.pk",
		"PEM":                string(pem.EncodeToMemory(&pem.Block{Type: "PUBLIC KEY", Bytes: der})),
		"padded with spaces": "  \n" + hex.EncodeToString(pub) + "\n",
	}
	for name, s := range forms {
		got, err := ParsePublicKey(s)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if !bytes.Equal(got, pub) {
			t.Errorf("%s: key = %x; want %x", name, got, pub)
		}
	}
}

func TestParsePublicKeyRefuses(t *testing.T) {
	ecKey, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	ecSSH, err := ssh.NewPublicKey(&ecKey.PublicKey)
	if err != nil {
		t.Fatal(err)
	}
	ecDER, err := x509.MarshalPKIXPublicKey(&ecKey.PublicKey)
	if err != nil {
		t.Fatal(err)
	}
	privDER, err := x509.MarshalPKCS8PrivateKey(testKey)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ name, in, want string }{
		{"empty", " ", "is required"},
		{"ECDSA OpenSSH key", string(ssh.MarshalAuthorizedKey(ecSSH)), "ecdsa-sha2-nistp256 key, not an ssh-ed25519 key"},
		{"ECDSA PEM key", string(pem.EncodeToMemory(&pem.Block{Type: "PUBLIC KEY", Bytes: ecDER})), "ECDSA key, not an Ed25519 key"},
		{"private key", string(pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: privDER})), "is a private key"},
		{"certificate", "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n", `"CERTIFICATE" block`},
		{"broken PEM", "-----BEGIN PUBLIC KEY-----\n", "not a readable PEM block"},
		{"broken OpenSSH line", "ssh-ed25519 AAAA!!", "not a readable OpenSSH"},
		{"short hex", strings.Repeat("ab", 31), "is 31 bytes long"},
		{"long base64", base64.StdEncoding.EncodeToString(bytes.Repeat([]byte{0xff}, 33)), "is 33 bytes long"},
		{"garbage", "not a key at all", "is not hexadecimal, base64"},
		{"identity point", "01" + strings.Repeat("00", 31), "small order"},
		{"point of order 2", "ec" + strings.Repeat("ff", 30) + "7f", "small order"},
		{"point of order 4", strings.Repeat("00", 32), "small order"},
		{"point of order 8", "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a", "small order"},
		{"point of order 8, other sign", "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac03fa", "small order"},
		{"non-canonical y = p", "ed" + strings.Repeat("ff", 30) + "7f", "not in the canonical encoding"},
		{"negative zero x", "01" + strings.Repeat("00", 30) + "80", "not in the canonical encoding"},
		{"not on the curve", hex.EncodeToString(offCurve(t)), "not a point on the Ed25519 curve"},
	}
	for _, tt := range tests {
		_, err := ParsePublicKey(tt.in)
		if entente.ErrorCode(err) != entente.EINVALID || !strings.Contains(entente.ErrorFields(err)["public_key"], tt.want) {
			t.Errorf("%s: error %v; want EINVALID on public_key with %q", tt.name, err, tt.want)
		}
	}
}

// offCurve returns the encoding of a y coordinate for which no x exists.
func offCurve(t *testing.T) []byte {
	for y := int64(2); y < 100; y++ {
		enc := make([]byte, 32)
		enc[0] = byte(y)
		if _, err := decodePoint(enc); err == errNotOnCurve {
			return enc
		}
	}
	t.Fatal("no y below 100 is off the curve")
	return nil
}

// TestSmallOrderPoints checks the point arithmetic: the base point has large order, and the
// order-8 point above generates the whole small subgroup.
func TestSmallOrderPoints(t *testing.T) {
	if err := checkPublicKey(testKey.Public().(ed25519.PublicKey)); err != nil {
		t.Errorf("a generated key is refused: %v", err)
	}
	base, err := decodePoint(append([]byte{0x58}, bytes.Repeat([]byte{0x66}, 31)...))
	if err != nil {
		t.Fatalf("the base point does not decode: %v", err)
	}
	if want, _ := new(big.Int).SetString("15112221349535400772501151409588531511454012693041857206046113283949847762202", 10); base.x.Cmp(want) != 0 {
		t.Errorf("base point x = %v; want %v", base.x, want)
	}
	enc, _ := hex.DecodeString("c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a")
	p, err := decodePoint(enc)
	if err != nil {
		t.Fatal(err)
	}
	q, order := p, 1
	for q.x.Sign() != 0 || q.y.Cmp(big.NewInt(1)) != 0 {
		q, order = q.add(p), order+1
		if order > 8 {
			t.Fatal("the point's order is above 8")
		}
	}
	if order != 8 {
		t.Errorf("order = %d; want 8", order)
	}
}

// TestSmallOrderKeyForges shows why small-order keys are refused: crypto/ed25519 accepts a
// signature that nobody made under the identity key.
func TestSmallOrderKeyForges(t *testing.T) {
	identity := ed25519.PublicKey(append([]byte{1}, make([]byte, 31)...))
	forged := append(append([]byte{1}, make([]byte, 31)...), make([]byte, 32)...)
	if !ed25519.Verify(identity, []byte("any text at all"), forged) {
		t.Skip("crypto/ed25519 now refuses the forgery; the check at registration is still right")
	}
	if _, err := ParsePublicKey(hex.EncodeToString(identity)); err == nil {
		t.Error("the identity key is accepted")
	}
}

func TestFingerprint(t *testing.T) {
	pub := testKey.Public().(ed25519.PublicKey)
	sshPub, _ := ssh.NewPublicKey(pub)
	got := Fingerprint(pub)
	if got != ssh.FingerprintSHA256(sshPub) || !strings.HasPrefix(got, "SHA256:") {
		t.Errorf("Fingerprint = %q", got)
	}
}

func FuzzParsePublicKey(f *testing.F) {
	pub := testKey.Public().(ed25519.PublicKey)
	sshPub, _ := ssh.NewPublicKey(pub)
	f.Add(hex.EncodeToString(pub))
	f.Add(string(ssh.MarshalAuthorizedKey(sshPub)))
	f.Add("-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEA\n-----END PUBLIC KEY-----\n")
	f.Fuzz(func(t *testing.T, s string) {
		key, err := ParsePublicKey(s)
		if err != nil {
			if entente.ErrorCode(err) != entente.EINVALID || entente.ErrorFields(err)["public_key"] == "" {
				t.Fatalf("error %v is not EINVALID on public_key", err)
			}
			return
		}
		if len(key) != ed25519.PublicKeySize || checkPublicKey(key) != nil {
			t.Fatalf("accepted a bad key %x", key)
		}
		again, err := ParsePublicKey(hex.EncodeToString(key))
		if err != nil || !bytes.Equal(again, key) {
			t.Fatalf("hex form of an accepted key does not read back: %v", err)
		}
	})
}
