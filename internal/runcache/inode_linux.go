package runcache

import (
	"os"
	"syscall"
)

// inode returns the inode number and status change time of fi.
func inode(fi os.FileInfo) (ino uint64, ctime int64) {
	if st, ok := fi.Sys().(*syscall.Stat_t); ok {
		return st.Ino, st.Ctim.Nano()
	}
	return 0, 0
}
