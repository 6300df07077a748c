package signature

import (
	"bytes"
	"crypto/ed25519"
	"encoding/hex"
	"encoding/json"
	"strings"
	"testing"

	"github.com/entente/entente"
)

const passphrase = "Minsk–Islamabad, February 2025"

func TestGenerateSealOpen(t *testing.T) {
	pub, sealed, err := GenerateKey(passphrase)
	if err != nil {
		t.Fatal(err)
	}
	key, err := Open(sealed, passphrase)
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	if !bytes.Equal(key.Public().(ed25519.PublicKey), pub) {
		t.Error("the opened key is not the generated one")
	}
	recorded, err := SealedPublicKey(sealed)
	if err != nil || !bytes.Equal(recorded, pub) {
		t.Errorf("SealedPublicKey = %x, %v; want %x", recorded, err, pub)
	}
	msg := []byte("signed text")
	if !ed25519.Verify(pub, msg, ed25519.Sign(key, msg)) {
		t.Error("the opened key does not sign for its public key")
	}
}

func TestSealedFormat(t *testing.T) {
	sealed, err := Seal(testKey, passphrase)
	if err != nil {
		t.Fatal(err)
	}
	var fields map[string]any
	if err := json.Unmarshal(sealed, &fields); err != nil {
		t.Fatal(err)
	}
	want := map[string]any{"format": "entente-sealed-ed25519-key", "version": 1.0, "kdf": "argon2id",
		"argon2_version": 19.0, "memory_kib": 19456.0, "iterations": 2.0, "parallelism": 1.0,
		"aead": "chacha20-poly1305", "public_key": hex.EncodeToString(testKey.Public().(ed25519.PublicKey))}
	for k, v := range want {
		if fields[k] != v {
			t.Errorf("%s = %v; want %v", k, fields[k], v)
		}
	}
	var s sealedKey
	json.Unmarshal(sealed, &s)
	if len(s.Salt) != 16 || len(s.Nonce) != 12 || len(s.Ciphertext) != 48 {
		t.Errorf("salt, nonce, ciphertext are %d, %d, %d bytes; want 16, 12, 48", len(s.Salt), len(s.Nonce), len(s.Ciphertext))
	}
	if bytes.Contains(sealed, testKey.Seed()) {
		t.Error("the sealed key holds the seed in the clear")
	}
	again, _ := Seal(testKey, passphrase)
	if bytes.Equal(again, sealed) {
		t.Error("sealing twice gives the same bytes: salt and nonce are not fresh")
	}
}

func TestOpenWithPassphraseInAnotherUnicodeForm(t *testing.T) {
	sealed, err := Seal(testKey, "Café au lait, Минск") // é composed
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Open(sealed, "Cafe\u0301 au lait, Минск"); err != nil {
		t.Errorf("a decomposed passphrase does not open the key: %v", err)
	}
}

func TestSealRefuses(t *testing.T) {
	for _, p := range []string{"", "short", strings.Repeat("x", MaxPassphrase+1)} {
		_, err := Seal(testKey, p)
		if entente.ErrorCode(err) != entente.EINVALID || entente.ErrorFields(err)["passphrase"] == "" {
			t.Errorf("Seal with passphrase of %d characters: %v; want EINVALID on passphrase", len(p), err)
		}
	}
	if _, err := Seal(testKey[:10], passphrase); entente.ErrorCode(err) != entente.EINVALID {
		t.Errorf("Seal of a short key: %v", err)
	}
}

func TestOpenRefuses(t *testing.T) {
	sealed, err := Seal(testKey, passphrase)
	if err != nil {
		t.Fatal(err)
	}
	other := ed25519.NewKeyFromSeed(bytes.Repeat([]byte{9}, 32)).Public().(ed25519.PublicKey)
	edit := func(change func(m map[string]any)) []byte {
		var m map[string]any
		json.Unmarshal(sealed, &m)
		change(m)
		b, _ := json.Marshal(m)
		return b
	}
	tests := []struct {
		name       string
		sealed     []byte
		passphrase string
		field      string
		want       string
	}{
		{"wrong passphrase", sealed, "Minsk–Islamabad, March 2025", "passphrase", "does not open this key"},
		{"empty passphrase", sealed, "", "passphrase", "does not open this key"},
		{"lowered memory cost", edit(func(m map[string]any) { m["memory_kib"] = 8192 }), passphrase, "passphrase", "does not open"},
		{"other public key", edit(func(m map[string]any) { m["public_key"] = hex.EncodeToString(other) }),
			passphrase, "passphrase", "does not open"},
		{"flipped ciphertext", edit(func(m map[string]any) {
			c := []byte(m["ciphertext"].(string))
			c[3] ^= 1
			m["ciphertext"] = string(c)
		}), passphrase, "", ""},
		{"not JSON", []byte("ssh-ed25519 AAAA"), passphrase, "sealed_key", "is not a sealed key in JSON"},
		{"unknown field", edit(func(m map[string]any) { m["comment"] = "x" }), passphrase, "sealed_key", "is not a sealed key"},
		{"other format", edit(func(m map[string]any) { m["format"] = "age" }), passphrase, "sealed_key", `has format "age"`},
		{"later version", edit(func(m map[string]any) { m["version"] = 2 }), passphrase, "sealed_key", "has version 2"},
		{"other KDF", edit(func(m map[string]any) { m["kdf"] = "scrypt" }), passphrase, "sealed_key", "uses scrypt"},
		{"huge memory", edit(func(m map[string]any) { m["memory_kib"] = 1 << 22 }), passphrase, "sealed_key", "out of range"},
		{"no iterations", edit(func(m map[string]any) { m["iterations"] = 0 }), passphrase, "sealed_key", "out of range"},
		{"short nonce", edit(func(m map[string]any) { m["nonce"] = "AAAA" }), passphrase, "sealed_key", "wrong length"},
		{"bad public key", edit(func(m map[string]any) { m["public_key"] = "xyz" }), passphrase, "sealed_key", "no readable public key"},
	}
	for _, tt := range tests {
		_, err := Open(tt.sealed, tt.passphrase)
		if entente.ErrorCode(err) != entente.EINVALID {
			t.Errorf("%s: Open error %v; want EINVALID", tt.name, err)
			continue
		}
		if tt.field != "" && !strings.Contains(entente.ErrorFields(err)[tt.field], tt.want) {
			t.Errorf("%s: fields %v; want %s to say %q", tt.name, entente.ErrorFields(err), tt.field, tt.want)
		}
	}
}

// FuzzReadSealed fuzzes the parser of sealed keys; it stops before the key derivation, which is
// slow by design.
func FuzzReadSealed(f *testing.F) {
	sealed, err := Seal(testKey, passphrase)
	if err != nil {
		f.Fatal(err)
	}
	f.Add(sealed)
	f.Add([]byte(`{"format":"entente-sealed-ed25519-key","version":1}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := readSealed(data)
		if err != nil {
			if entente.ErrorCode(err) != entente.EINVALID || entente.ErrorFields(err)["sealed_key"] == "" {
				t.Fatalf("error %v is not EINVALID on sealed_key", err)
			}
			return
		}
		if len(s.publicKeyRaw) != ed25519.PublicKeySize || s.MemoryKiB > maxMemoryKiB || s.Iterations > maxIterations ||
			len(s.Nonce) != 12 || len(s.Ciphertext) != 48 {
			t.Fatalf("accepted out-of-range sealed key %+v", s)
		}
	})
}

// BenchmarkOpen measures opening a sealed key: the argon2id cost a signatory waits for.
func BenchmarkOpen(b *testing.B) {
	sealed, err := Seal(testKey, passphrase)
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := Open(sealed, passphrase); err != nil {
			b.Fatal(err)
		}
	}
}
