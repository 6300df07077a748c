package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/entente/entente/internal/testenv"
)

// The committed tables must be what the generator makes from the shared files today.
func TestGeneratedTablesAreCurrent(t *testing.T) {
	data := testenv.SharedData(t, "trade")
	out := t.TempDir()
	if err := run(data, out); err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"hs_table.go"} {
		got, err := os.ReadFile(filepath.Join(out, name))
		if err != nil {
			t.Fatal(err)
		}
		committed, err := os.ReadFile(filepath.Join("..", "..", name))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, committed) {
			t.Errorf("trade/%s is stale: run go generate ./trade", name)
		}
	}
}

func TestTrim(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Rice", "Rice"},
		{"  Bed   linen ", "Bed linen"},
		{"Meat and edible offal of poultry; of the poultry of heading no. 0105, (i.e. fowls of the species Gallus domesticus), fresh",
			"Meat and edible offal of poultry; of the poultry of heading no. 0105, (i.e. fowls of the…"},
	}
	for _, tc := range tests {
		if got := trim(tc.in); got != tc.want {
			t.Errorf("trim(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
