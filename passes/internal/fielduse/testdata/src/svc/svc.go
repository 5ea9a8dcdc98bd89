package svc

import (
	"context"
	"fmt"

	"svc/repo"

	"gorm.io/gorm"
)

type File struct {
	ID     uint
	Name   string
	UserID uint
}

type Service struct{ files map[uint]File }

var saved []File

func (s *Service) Rename(ctx context.Context, f File) error { // want Rename:`fields\(- \{ID,Name\}\)`
	g := s.files[f.ID]
	g.Name = f.Name
	return nil
}

func (s *Service) Delete(ctx context.Context, f *File) error { // want Delete:`fields\(- \{ID\}\)`
	delete(s.files, f.ID)
	return nil
}

func (s *Service) Save(ctx context.Context, f File) error { // want Save:`fields\(- whole\)`
	saved = append(saved, f)
	return nil
}

func Captured(f File) func() uint { // want Captured:`fields\(whole\)`
	return func() uint { return f.UserID }
}

func Count(n int) int { return n }

type Record struct {
	gorm.Model
	UserID uint
}

var db *gorm.DB

func Remove(r Record) error { // want Remove:`fields\(\{Model\}\)`
	return db.Delete(&r).Error
}

func Store(r *Record) error { // want Store:`fields\(whole\)`
	return db.Create(r).Error
}

// A service handing the record to its repository, in another package or
// its own: it reads what they read.
type Events struct{ repo *repo.Events }

func (s *Events) Update(e *repo.Event) error { // want Update:`fields\(\{ID,Name\}\)`
	return s.repo.Update(e)
}

func (s *Events) Insert(e *repo.Event) error { // want Insert:`fields\(whole\)`
	return s.repo.Insert(e)
}

func (s *Events) Rename(e *repo.Event) error { // want Rename:`fields\(\{ID,Name\}\)`
	return check(e)
}

func check(e *repo.Event) error { // want check:`fields\(\{ID,Name\}\)`
	if e.ID == 0 {
		return nil
	}
	return (&repo.Events{}).Update(e)
}

// Recursion ends without a fact for what is still being worked out: the
// value counts as handed on.
func walk(e *repo.Event, n int) error { // want walk:`fields\(whole -\)`
	if n == 0 {
		return nil
	}
	return walk(e, n-1)
}

// The record passed as the receiver of a method, or its copy to a function
// with no fact (another package's stub): handed on.
func (s *Events) Log(e *repo.Event) { // want Log:`fields\(whole\)`
	fmt.Println(e)
}
