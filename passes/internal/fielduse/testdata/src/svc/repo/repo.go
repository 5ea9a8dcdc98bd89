package repo

// Event is a record a repository writes (hotien2107/go-gin-api-with-auth:
// the update's SQL sets the name and selects by id, never the owner).
type Event struct {
	ID     int64
	Name   string
	UserID int64
}

type Events struct{ rows map[int64]string }

func (r *Events) Update(e *Event) error { // want Update:`fields\(\{ID,Name\}\)`
	r.rows[e.ID] = e.Name
	return nil
}

func (r *Events) Insert(e *Event) error { // want Insert:`fields\(whole\)`
	all = append(all, *e)
	return nil
}

var all []Event
