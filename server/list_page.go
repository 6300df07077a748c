package server

import (
	"net/http"

	"github.com/entente/entente"
)

// Pager holds the links between the pages of a list: to the page after the last item shown,
// and back to the first when the list does not start there. List pages embed it.
type Pager struct {
	NextPage, FirstPage string
}

// findPage asks for one page of a filtered list on a page of the site. When the domain refuses
// the filter (a sort it does not offer, a cursor of another list), the form says why and the
// list starts again at first. The pager follows the items found; id gives an item's cursor.
func findPage[T any](r *http.Request, form *Form, page *entente.Page, first entente.Page,
	find func() ([]T, int, error), id func(T) int64) ([]T, int, Pager, error) {
	items, total, err := find()
	if entente.ErrorCode(err) == entente.EINVALID {
		form.fail(err)
		*page = first
		items, total, err = find()
	}
	if err != nil {
		return nil, 0, Pager{}, err
	}
	var pg Pager
	if len(items) == page.Size() {
		pg.NextPage = withParam(r.URL, "cursor", entente.EncodeCursor(id(items[len(items)-1])))
	}
	if page.Cursor != "" {
		pg.FirstPage = withParam(r.URL, "cursor", "")
	}
	return items, total, pg, nil
}
