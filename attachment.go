package entente

import (
	"context"
	"path/filepath"
	"strings"
	"time"
	"unicode/utf8"
)

// MaxAttachmentSize is the largest file entente keeps (5 MiB).
const MaxAttachmentSize = 5 << 20

// AttachmentTypes are the kinds of file entente accepts, by extension, with the content type
// it serves them as. Web pages, scripts and images that can carry scripts (SVG) are refused:
// a file from one party is opened by the other party's officials.
var AttachmentTypes = map[string]string{
	".pdf":  "application/pdf",
	".png":  "image/png",
	".jpg":  "image/jpeg",
	".jpeg": "image/jpeg",
	".txt":  "text/plain; charset=utf-8",
	".csv":  "text/csv; charset=utf-8",
	".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
	".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
	".odt":  "application/vnd.oasis.opendocument.text",
}

// Attachment is a file attached to an item of a roadmap: a draft, a note verbale, a scan of a
// signed page. Like notes, it is shared or internal to one party.
type Attachment struct {
	ID          int64     `json:"id"`
	RoadmapID   int64     `json:"roadmap_id"`
	EntityType  string    `json:"entity_type"`
	EntityID    int64     `json:"entity_id"`
	Scope       string    `json:"scope"`
	FileName    string    `json:"file_name"`
	ContentType string    `json:"content_type"`
	Size        int64     `json:"size"`
	SHA256      string    `json:"sha256"`
	AuthorName  string    `json:"author_name,omitempty"`
	CreatedAt   time.Time `json:"created_at"`
}

// CheckAttachment checks a file's name, size and content against the accepted types; sniffed
// is what the first bytes say the content is (http.DetectContentType). It returns the content
// type to serve it as.
func CheckAttachment(name string, size int64, sniffed string) (string, error) {
	probs := Problems{}
	base := filepath.Base(strings.ReplaceAll(name, "\\", "/"))
	ext := strings.ToLower(filepath.Ext(base))
	typ, ok := AttachmentTypes[ext]
	switch {
	case !utf8.ValidString(base) || base == "." || base == "/" || len(base) > 200:
		probs.Add("file", "has no usable file name")
	case !ok:
		probs.Add("file", "is not a kind of file entente keeps (PDF, PNG, JPEG, text, CSV, Word, Excel or OpenDocument)")
	case size == 0:
		probs.Add("file", "is empty")
	case size > MaxAttachmentSize:
		probs.Add("file", "is larger than 5 MiB")
	case !sniffAgrees(ext, sniffed):
		probs.Add("file", "does not hold what its name says ("+sniffed+")")
	}
	return typ, probs.Err("attachment")
}

// sniffAgrees reports whether the sniffed content type fits the extension.
func sniffAgrees(ext, sniffed string) bool {
	switch ext {
	case ".pdf":
		return sniffed == "application/pdf"
	case ".png":
		return sniffed == "image/png"
	case ".jpg", ".jpeg":
		return sniffed == "image/jpeg"
	case ".txt", ".csv":
		return strings.HasPrefix(sniffed, "text/plain")
	case ".docx", ".xlsx", ".odt":
		return sniffed == "application/zip"
	}
	return false
}

// AttachmentService keeps files. Reading follows the roadmap and the scope, like notes; a file
// internal to another party is ENOTFOUND. Members who may write notes may attach files; their
// authors and the roadmap's editors may delete them.
type AttachmentService interface {
	FindAttachments(ctx context.Context, entityType string, entityID int64) ([]*Attachment, error)
	// OpenAttachment returns an attachment with its content.
	OpenAttachment(ctx context.Context, id int64) (*Attachment, []byte, error)
	CreateAttachment(ctx context.Context, a *Attachment, data []byte) error
	DeleteAttachment(ctx context.Context, id int64) error
}
