package runcache

import (
	"crypto/sha256"
	"encoding/binary"
	"hash"
)

// Hasher builds a Key from named parts. Each part is length-prefixed, so
// that no two different sequences of parts hash alike.
type Hasher struct{ h hash.Hash }

// NewHasher starts a key of the given kind.
func NewHasher(kind string) *Hasher {
	h := &Hasher{h: sha256.New()}
	h.String(Format)
	h.String(kind)
	return h
}

// String adds a part.
func (h *Hasher) String(s string) *Hasher {
	var n [8]byte
	binary.LittleEndian.PutUint64(n[:], uint64(len(s)))
	h.h.Write(n[:])
	h.h.Write([]byte(s))
	return h
}

// Strings adds a list of parts, with its length.
func (h *Hasher) Strings(list []string) *Hasher {
	var n [8]byte
	binary.LittleEndian.PutUint64(n[:], uint64(len(list)))
	h.h.Write(n[:])
	for _, s := range list {
		h.String(s)
	}
	return h
}

// Bool adds a flag.
func (h *Hasher) Bool(b bool) *Hasher {
	if b {
		return h.String("1")
	}
	return h.String("0")
}

// Key adds another key.
func (h *Hasher) Key(k Key) *Hasher { return h.String(string(k[:])) }

// Sum returns the key.
func (h *Hasher) Sum() Key {
	var k Key
	copy(k[:], h.h.Sum(nil))
	return k
}
