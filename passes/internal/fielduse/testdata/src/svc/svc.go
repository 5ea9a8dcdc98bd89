package svc

import (
	"context"

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
