package signature

import (
	"errors"
	"math/big"
)

// A registered public key must be a point of large order on edwards25519. crypto/ed25519
// verifies without the cofactor and accepts any point that decodes, so a key of small order
// (the identity above all) would verify signatures nobody made: with the identity as key, the
// signature R = identity, S = 0 verifies for every message. Registration is rare, so the check
// uses plain big-integer arithmetic (RFC 8032, section 5.1) rather than a constant-time field
// implementation: the key is public.

var (
	fieldP = new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), 255), big.NewInt(19)) // 2^255 - 19
	// curveD = -121665 / 121666 mod p.
	curveD = new(big.Int).Mod(new(big.Int).Mul(big.NewInt(-121665),
		new(big.Int).ModInverse(big.NewInt(121666), fieldP)), fieldP)
	// sqrtMinusOne = 2^((p-1)/4) mod p.
	sqrtMinusOne = new(big.Int).Exp(big.NewInt(2),
		new(big.Int).Rsh(new(big.Int).Sub(fieldP, big.NewInt(1)), 2), fieldP)
)

// affinePoint is a point (x, y) of edwards25519 in affine coordinates.
type affinePoint struct{ x, y *big.Int }

// errNotOnCurve and errNonCanonical explain why 32 bytes are not a public key.
var (
	errNotOnCurve   = errors.New("is not a point on the Ed25519 curve")
	errNonCanonical = errors.New("is not in the canonical encoding of an Ed25519 point")
	errSmallOrder   = errors.New("is a point of small order, which would accept signatures nobody made")
)

// checkPublicKey reports why 32 bytes are not a usable Ed25519 public key, or nil.
func checkPublicKey(key []byte) error {
	p, err := decodePoint(key)
	if err != nil {
		return err
	}
	q := p
	for range 3 {
		q = q.add(q)
	}
	if q.x.Sign() == 0 && q.y.Cmp(big.NewInt(1)) == 0 {
		return errSmallOrder
	}
	return nil
}

// decodePoint decodes a 32-byte point as RFC 8032, section 5.1.3 specifies, refusing
// non-canonical encodings.
func decodePoint(enc []byte) (affinePoint, error) {
	le := make([]byte, 32)
	for i := range 32 {
		le[31-i] = enc[i] // big.Int reads big-endian
	}
	sign := le[0] >> 7
	le[0] &= 0x7f
	y := new(big.Int).SetBytes(le)
	if y.Cmp(fieldP) >= 0 {
		return affinePoint{}, errNonCanonical
	}
	// x² = (y² - 1) / (d y² + 1)
	y2 := new(big.Int).Mul(y, y)
	u := new(big.Int).Sub(y2, big.NewInt(1))
	v := new(big.Int).Add(new(big.Int).Mul(curveD, y2), big.NewInt(1))
	x2 := new(big.Int).Mul(u, new(big.Int).ModInverse(v.Mod(v, fieldP), fieldP))
	x2.Mod(x2, fieldP)
	x, ok := sqrtModP(x2)
	if !ok {
		return affinePoint{}, errNotOnCurve
	}
	if x.Sign() == 0 && sign == 1 {
		return affinePoint{}, errNonCanonical
	}
	if x.Bit(0) != uint(sign) {
		x.Sub(fieldP, x)
	}
	return affinePoint{x, y}, nil
}

// sqrtModP returns a square root of a modulo p (p ≡ 5 mod 8), or false when there is none.
func sqrtModP(a *big.Int) (*big.Int, bool) {
	exp := new(big.Int).Rsh(new(big.Int).Add(fieldP, big.NewInt(3)), 3) // (p+3)/8
	x := new(big.Int).Exp(a, exp, fieldP)
	check := new(big.Int).Mod(new(big.Int).Mul(x, x), fieldP)
	if check.Cmp(a) == 0 {
		return x, true
	}
	if check.Add(check, a).Mod(check, fieldP).Sign() == 0 { // x² = -a
		return x.Mod(x.Mul(x, sqrtMinusOne), fieldP), true
	}
	return nil, false
}

// add returns p + q by the complete twisted Edwards addition law with a = -1:
// x3 = (x1 y2 + y1 x2) / (1 + d x1 x2 y1 y2), y3 = (y1 y2 + x1 x2) / (1 - d x1 x2 y1 y2).
func (p affinePoint) add(q affinePoint) affinePoint {
	mul := func(a, b *big.Int) *big.Int { return new(big.Int).Mod(new(big.Int).Mul(a, b), fieldP) }
	t := mul(curveD, mul(mul(p.x, q.x), mul(p.y, q.y)))
	xNum := new(big.Int).Add(mul(p.x, q.y), mul(p.y, q.x))
	yNum := new(big.Int).Add(mul(p.y, q.y), mul(p.x, q.x))
	xDen := new(big.Int).Add(big.NewInt(1), t)
	yDen := new(big.Int).Sub(big.NewInt(1), t)
	x := mul(xNum, new(big.Int).ModInverse(xDen.Mod(xDen, fieldP), fieldP))
	y := mul(yNum, new(big.Int).ModInverse(yDen.Mod(yDen, fieldP), fieldP))
	return affinePoint{x, y}
}
