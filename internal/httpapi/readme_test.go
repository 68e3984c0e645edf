package httpapi

import (
	"os"
	"regexp"
	"strings"
	"testing"
)

// TestReadmeListsEveryOperation keeps README's list of supported operations
// equal to the operations the server routes.
func TestReadmeListsEveryOperation(t *testing.T) {
	b, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatalf("read README: %v", err)
	}
	text := string(b)
	start := strings.Index(text, "## Supported operations")
	if start < 0 {
		t.Fatal("README has no '## Supported operations' section")
	}
	section := text[start:]
	if end := strings.Index(section, "\nA new instance"); end >= 0 {
		section = section[:end]
	}
	listed := map[string]bool{}
	for _, m := range regexp.MustCompile(`\b[A-Z][A-Za-z]+\b`).FindAllString(section, -1) {
		listed[m] = true
	}
	served := map[string]bool{}
	for _, op := range (&Server{}).Operations() {
		served[op] = true
		if !listed[op] {
			t.Errorf("README does not list served operation %s", op)
		}
	}
	for _, row := range strings.Split(section, "\n") {
		cells := strings.Split(row, "|")
		if len(cells) < 3 || strings.HasPrefix(strings.TrimSpace(cells[1]), "---") || strings.TrimSpace(cells[1]) == "resource" {
			continue
		}
		for _, op := range strings.Split(cells[2], ",") {
			name := strings.Fields(op)
			if len(name) > 0 && !served[name[0]] {
				t.Errorf("README lists %s, which the server does not serve", name[0])
			}
		}
	}
}
