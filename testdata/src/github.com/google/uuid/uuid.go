// Package uuid is a stub of github.com/google/uuid v1.6.0.
package uuid

type UUID [16]byte

func (uuid UUID) String() string { return "" }

func New() UUID { return UUID{} }

func NewString() string { return "" }

func NewRandom() (UUID, error) { return UUID{}, nil }

func Must(uuid UUID, err error) UUID { return uuid }
