// Package cliapp does not serve HTTP: the pass stops early.
package cliapp

import (
	"fmt"
	"os"
)

func Print() {
	fmt.Println(os.Getenv("DYPAI_API_KEY"))
}
