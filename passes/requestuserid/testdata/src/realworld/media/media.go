// Package media is a service of the project in another package than its
// handlers (flipped-aurora/gin-vue-admin's service/media).
package media

import (
	"context"

	"realworld/media/repository"
)

// File is an uploaded file; UserID is its uploader.
type File struct {
	ID     uint   `json:"id"`
	Name   string `json:"name"`
	UserID uint   `json:"userId"`
}

// Service stores files.
type Service struct{ byID map[uint]*File }

// Files is the service.
var Files = &Service{}

// Rename renames a file by its ID.
func (s *Service) Rename(ctx context.Context, f File) error {
	if g := s.byID[f.ID]; g != nil {
		g.Name = f.Name
	}
	return nil
}

// Delete deletes a file by its ID.
func (s *Service) Delete(ctx context.Context, f *File) error {
	delete(s.byID, f.ID)
	return nil
}

// Create stores the file as given.
func (s *Service) Create(ctx context.Context, f File) error {
	s.byID[f.ID] = &f
	return nil
}

// EventService hands events to the repository beneath it.
type EventService struct{ repo *repository.Events }

// Events is the event service.
var Events = &EventService{}

// Update updates the event through the repository.
func (s *EventService) Update(e *repository.Event) error { return s.repo.Update(e) }

// Insert stores the event through the repository.
func (s *EventService) Insert(e *repository.Event) error { return s.repo.Insert(e) }
