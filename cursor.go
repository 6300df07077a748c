package entente

import (
	"encoding/base64"
	"strconv"
	"strings"
)

// EncodeCursor turns the id of the last item of a page into the opaque cursor of the next page.
// The store continues after that item's position in whatever order the list is sorted by, so a
// cursor stays valid while other rows are added.
func EncodeCursor(lastID int64) string {
	return base64.RawURLEncoding.EncodeToString([]byte("after:" + strconv.FormatInt(lastID, 10)))
}

// DecodeCursor returns the id a cursor continues after; an empty cursor gives 0.
func DecodeCursor(s string) (int64, error) {
	if s == "" {
		return 0, nil
	}
	b, err := base64.RawURLEncoding.DecodeString(s)
	if err == nil {
		if rest, ok := strings.CutPrefix(string(b), "after:"); ok {
			if id, err := strconv.ParseInt(rest, 10, 64); err == nil && id > 0 {
				return id, nil
			}
		}
	}
	return 0, &Error{Code: EINVALID, Message: "The cursor is not one this server gave out.",
		Fields: map[string]string{"cursor": "is not a cursor from a previous page"}}
}
