package hostile

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
)

// ManifestFile names the corpus manifest in its folder.
const ManifestFile = "manifest.json"

// Write writes every case into dir and the manifest listing them.
func Write(dir string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	cs := Cases()
	seen := map[string]bool{}
	for _, c := range cs {
		if seen[c.File] {
			return fmt.Errorf("hostile: two cases named %s", c.File)
		}
		seen[c.File] = true
		data, err := c.Make()
		if err != nil {
			return fmt.Errorf("hostile: %s: %w", c.File, err)
		}
		if err := os.WriteFile(filepath.Join(dir, c.File), data, 0o644); err != nil {
			return err
		}
	}
	m, err := json.MarshalIndent(cs, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, ManifestFile), append(m, '\n'), 0o644)
}

// Read reads the manifest of the corpus in dir.
func Read(dir string) ([]Case, error) {
	data, err := os.ReadFile(filepath.Join(dir, ManifestFile))
	if err != nil {
		return nil, err
	}
	var cs []Case
	if err := json.Unmarshal(data, &cs); err != nil {
		return nil, fmt.Errorf("%s: %w", ManifestFile, err)
	}
	return cs, nil
}
