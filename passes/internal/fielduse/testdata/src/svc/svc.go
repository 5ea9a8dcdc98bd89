package svc

import "context"

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
