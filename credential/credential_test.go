package credential_test

import (
	"strings"
	"testing"

	"github.com/entente/entente/credential"
)

func TestPasswordRoundTrip(t *testing.T) {
	h, err := credential.HashPassword("correct horse battery staple")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(h, "$argon2id$v=19$m=19456,t=2,p=1$") {
		t.Fatalf("hash %q is not at the OWASP parameters", h)
	}
	tests := []struct {
		pw   string
		want bool
	}{{"correct horse battery staple", true}, {"correct horse battery stapl", false}, {"", false}}
	for _, tt := range tests {
		ok, err := credential.CheckPassword(tt.pw, h)
		if err != nil || ok != tt.want {
			t.Errorf("CheckPassword(%q) = %v, %v", tt.pw, ok, err)
		}
	}
	h2, _ := credential.HashPassword("correct horse battery staple")
	if h == h2 {
		t.Fatal("two hashes of one password are equal: the salt is not random")
	}
}

func TestMalformedHashes(t *testing.T) {
	for _, h := range []string{"", "plain", "$argon2i$v=19$m=1,t=1,p=1$AAAA$AAAA", "$argon2id$v=19$m=x$AAAA$AAAA", "$argon2id$v=19$m=0,t=1,p=1$AAAA$AAAA"} {
		if _, err := credential.CheckPassword("x", h); err == nil {
			t.Errorf("hash %q accepted", h)
		}
	}
}

func TestSecrets(t *testing.T) {
	a, b := credential.NewSecret("ent_"), credential.NewSecret("ent_")
	if a == b || !strings.HasPrefix(a, "ent_") || len(a) < 40 {
		t.Fatalf("secrets %q %q", a, b)
	}
	if credential.HashSecret(a) == credential.HashSecret(b) || len(credential.HashSecret(a)) != 64 {
		t.Fatal("secret hashes")
	}
}

func BenchmarkHashPassword(b *testing.B) {
	for b.Loop() {
		credential.HashPassword("correct horse battery staple")
	}
}
