// Command archgraph writes the package graph of ARCHITECTURE.md from
// `go list`: which of the module's packages each package imports (test
// files left out), as a table and as a Mermaid diagram of the direct
// imports that are not implied by longer paths.
//
//	go run ./internal/archgraph        # print the section
//	go run ./internal/archgraph -w     # rewrite it in ARCHITECTURE.md
//
// Its test fails when ARCHITECTURE.md is out of date, and when a package
// imports one it must not (see forbidden).
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
)

func main() {
	write := flag.Bool("w", false, "rewrite the section in ARCHITECTURE.md instead of printing it")
	dir := flag.String("C", ".", "the module's root folder")
	flag.Parse()
	if err := run(*dir, *write); err != nil {
		fmt.Fprintln(os.Stderr, "archgraph:", err)
		os.Exit(1)
	}
}

func run(dir string, write bool) error {
	g, err := Load(dir)
	if err != nil {
		return err
	}
	section := g.Markdown()
	if !write {
		fmt.Print(section)
		return nil
	}
	path := filepath.Join(dir, "ARCHITECTURE.md")
	doc, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	out, err := Replace(string(doc), section)
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return os.WriteFile(path, []byte(out), 0o644)
}
