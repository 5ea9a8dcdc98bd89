// Package gorm is a minimal stand-in for gorm.io/gorm. It is test data: no
// behaviour.
package gorm

// Model is the usual embedded model.
type Model struct {
	ID uint `gorm:"primarykey"`
}

// DB is a database handle.
type DB struct{ Error error }

func (db *DB) Create(value interface{}) *DB                       { return db }
func (db *DB) Save(value interface{}) *DB                         { return db }
func (db *DB) Delete(value interface{}, conds ...interface{}) *DB { return db }
func (db *DB) Where(query interface{}, args ...interface{}) *DB   { return db }
func (db *DB) First(dest interface{}, conds ...interface{}) *DB   { return db }
