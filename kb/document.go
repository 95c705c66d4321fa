package kb

import (
	"crypto/sha256"
	"encoding/hex"
	"unicode/utf8"

	"github.com/caravan-transport/caravan/network"
)

// Document is a text the knowledge base holds facts from: a news article,
// a press release. It is identified by the hash of its text, so storing the
// same text twice stores it once.
type Document struct {
	ID    string       `json:"id"`   // "doc-" and the first 16 hex digits of Hash
	Hash  string       `json:"hash"` // SHA-256 of Text, hex
	Title string       `json:"title,omitempty"`
	Lang  string       `json:"lang,omitempty"` // BCP 47: "fa", "prs", "en"
	Date  network.Date `json:"date,omitzero"`  // publication date, when known
	URL   string       `json:"url,omitempty"`
	// Source is the id of the dataset source the document is, if any.
	Source string      `json:"source,omitempty"`
	Text   string      `json:"text"`
	Pos    network.Pos `json:"-"`
}

// HashText returns the content hash of text: SHA-256 of its bytes, hex.
func HashText(text string) string {
	h := sha256.Sum256([]byte(text))
	return hex.EncodeToString(h[:])
}

// DocumentID returns the id of the document whose text has hash h.
func DocumentID(hash string) string {
	if len(hash) < 16 {
		return "doc-" + hash
	}
	return "doc-" + hash[:16]
}

// NewDocument returns a document holding text with its hash and id set.
func NewDocument(text string) Document {
	h := HashText(text)
	return Document{ID: DocumentID(h), Hash: h, Text: text}
}

// Validate reports what is wrong with d to ps: the hash and id must match
// the text, which must be valid UTF-8.
func (d *Document) Validate(ps *network.Problems) {
	if !utf8.ValidString(d.Text) {
		ps.Addf(d.Pos, "text", "document %s: text is not valid UTF-8", d.ID)
	}
	if h := HashText(d.Text); d.Hash != h {
		ps.Addf(d.Pos, "hash", "document %s: hash %q does not match the text (want %s)", d.ID, d.Hash, h)
	} else if d.ID != DocumentID(h) {
		ps.Addf(d.Pos, "id", "document id %q: want %s (from the hash)", d.ID, DocumentID(h))
	}
}
