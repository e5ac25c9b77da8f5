// Command genhostile writes the hostile corpus (package internal/hostile)
// to testdata/hostile: "go run ./cmd/genhostile -out testdata/hostile".
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/medchron/medchron/internal/hostile"
)

func main() {
	out := flag.String("out", "testdata/hostile", "folder to write the corpus to")
	flag.Parse()
	if err := hostile.Write(*out); err != nil {
		fmt.Fprintln(os.Stderr, "genhostile:", err)
		os.Exit(1)
	}
	fmt.Printf("genhostile: %d files in %s\n", len(hostile.Cases()), *out)
}
