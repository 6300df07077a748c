package server

import (
	"errors"
	"io"
	"mime"
	"net/http"
	"strconv"

	"github.com/entente/entente"
)

// handleAttachmentCreate stores an uploaded file on an item and goes back to it. The file is
// read up to the size limit; the service checks its kind against its content.
func (s *Server) handleAttachmentCreate(w http.ResponseWriter, r *http.Request) {
	a, data, err := readUpload(r)
	back := localPath(r.FormValue("return"))
	if err == nil {
		err = s.svc.Attachments.CreateAttachment(r.Context(), a, data)
	}
	if err != nil {
		if code := entente.ErrorCode(err); code == entente.EINVALID {
			redirect(w, r, withNotice(back, "notice.file_refused"))
			return
		}
		s.pageError(w, r, err)
		return
	}
	redirect(w, r, withNotice(back, "notice.saved"))
}

// readUpload reads the multipart form of an attachment: the item, the scope and the file.
func readUpload(r *http.Request) (*entente.Attachment, []byte, error) {
	if err := r.ParseMultipartForm(entente.MaxAttachmentSize + 1<<20); err != nil {
		var tooLarge *http.MaxBytesError
		if errors.As(err, &tooLarge) {
			return nil, nil, &entente.Error{Code: entente.EINVALID, Message: "The file is larger than 5 MiB.", Fields: map[string]string{"file": "is larger than 5 MiB"}}
		}
		return nil, nil, entente.Errorf(entente.EINVALID, "The upload could not be read: send a multipart form with a file.")
	}
	f, hdr, err := r.FormFile("file")
	if err != nil {
		return nil, nil, &entente.Error{Code: entente.EINVALID, Message: "Choose a file.", Fields: map[string]string{"file": "is required"}}
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, entente.MaxAttachmentSize+1))
	if err != nil {
		return nil, nil, err
	}
	id, _ := strconv.ParseInt(r.FormValue("entity_id"), 10, 64)
	return &entente.Attachment{EntityType: r.FormValue("entity_type"), EntityID: id, Scope: r.FormValue("scope"),
		FileName: hdr.Filename}, data, nil
}

// handleAttachmentDownload sends a file as a download, never to be shown inline: it came from
// another user and is served only with the type its kind allows.
func (s *Server) handleAttachmentDownload(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	a, data, err := s.svc.Attachments.OpenAttachment(r.Context(), id)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	w.Header().Set("Content-Type", a.ContentType)
	w.Header().Set("Content-Disposition", mime.FormatMediaType("attachment", map[string]string{"filename": a.FileName}))
	w.Header().Set("Content-Security-Policy", "default-src 'none'; sandbox")
	w.Header().Set("Cache-Control", "private, no-store")
	w.Write(data)
}

func (s *Server) handleAttachmentDelete(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err == nil {
		err = s.svc.Attachments.DeleteAttachment(r.Context(), id)
	}
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	redirect(w, r, withNotice(localPath(r.PostFormValue("return")), "notice.deleted"))
}

// handlePositionCreate records the caller's party's position on an item.
func (s *Server) handlePositionCreate(w http.ResponseWriter, r *http.Request) {
	probs := entente.Problems{}
	p := &entente.Position{EntityType: r.PostFormValue("entity_type"), EntityID: formID(r.PostForm, "entity_id", probs),
		Article: r.PostFormValue("article"), Stance: r.PostFormValue("stance"), Text: r.PostFormValue("text"), Scope: r.PostFormValue("scope")}
	back := localPath(r.PostFormValue("return"))
	err := probs.Err("position")
	if err == nil {
		err = s.svc.Positions.CreatePosition(r.Context(), p)
	}
	if err != nil {
		if entente.ErrorCode(err) == entente.EINVALID {
			redirect(w, r, withNotice(back, "notice.position_invalid"))
			return
		}
		s.pageError(w, r, err)
		return
	}
	redirect(w, r, withNotice(back, "notice.saved"))
}

func (s *Server) handlePositionDelete(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err == nil {
		err = s.svc.Positions.DeletePosition(r.Context(), id)
	}
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	redirect(w, r, withNotice(localPath(r.PostFormValue("return")), "notice.deleted"))
}

// handleAttachmentList lists the files of an item (without their contents).
func (s *Server) handleAttachmentList(w http.ResponseWriter, r *http.Request) error {
	q := &query{values: r.URL.Query(), probs: entente.Problems{}}
	typ, id := q.oneOf("entity_type", entente.NoteEntities), q.id("entity_id")
	if typ == "" || id == 0 {
		q.probs.Add("entity_type", "entity_type and entity_id are required")
	}
	if err := q.probs.Err("query"); err != nil {
		return err
	}
	items, err := s.svc.Attachments.FindAttachments(r.Context(), typ, id)
	if err != nil {
		return err
	}
	if items == nil {
		items = []*entente.Attachment{}
	}
	return writeJSON(w, http.StatusOK, List[*entente.Attachment]{Items: items, Total: len(items)})
}

// handleAttachmentUpload stores a file sent as a multipart form (entity_type, entity_id,
// scope, file).
func (s *Server) handleAttachmentUpload(w http.ResponseWriter, r *http.Request) error {
	a, data, err := readUpload(r)
	if err != nil {
		return err
	}
	if err := s.svc.Attachments.CreateAttachment(r.Context(), a, data); err != nil {
		return err
	}
	w.Header().Set("Location", "/api/v1/attachments/"+itoa(a.ID)+"/content")
	return writeJSON(w, http.StatusCreated, a)
}
