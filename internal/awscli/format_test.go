package awscli

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// TestFormattersMatchAWSCLI renders every document of
// testdata/format_cases.json (nesting, ragged lists, scalars of every type,
// floats, unicode and wide characters, tables too wide for 80 columns,
// strings YAML must quote) in the json, text, table, yaml and yaml-stream
// formats and compares with testdata/format.golden.json: the output of the
// aws CLI's own formatters and, for YAML, of PyYAML as aws-cli v2 uses it
// (testdata/format.py). With python3 available it also checks the golden
// file is current (UPDATE_GOLDEN=1 rewrites it).
func TestFormattersMatchAWSCLI(t *testing.T) {
	casesPath := filepath.Join("testdata", "format_cases.json")
	goldenPath := filepath.Join("testdata", "format.golden.json")
	t.Run("GoldenIsCurrent", func(t *testing.T) {
		needTool(t, "python3 with awscli and PyYAML", "python3", "-c", "import awscli.formatter, yaml")
		out, err := exec.Command("python3", filepath.Join("testdata", "format.py"), casesPath).Output()
		if err != nil {
			t.Fatalf("format.py: %v", err)
		}
		if updateGolden() {
			if err := os.WriteFile(goldenPath, out, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		golden, err := os.ReadFile(goldenPath)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(out, golden) {
			t.Fatalf("%s is stale (run UPDATE_GOLDEN=1 go test -run Formatters)", goldenPath)
		}
	})
	casesJSON, err := os.ReadFile(casesPath)
	if err != nil {
		t.Fatal(err)
	}
	goldenJSON, err := os.ReadFile(goldenPath)
	if err != nil {
		t.Fatal(err)
	}
	cases, err := decodeJSON(string(casesJSON))
	if err != nil {
		t.Fatal(err)
	}
	golden, err := decodeJSON(string(goldenJSON))
	if err != nil {
		t.Fatal(err)
	}
	for i, raw := range cases.([]any) {
		tc := raw.(*Object)
		want := golden.([]any)[i].(*Object)
		name, _ := tc.Get("name")
		full, _ := tc.Get("doc")
		t.Run(name.(string), func(t *testing.T) {
			doc := full
			if expr, ok := tc.Get("query"); ok {
				q, err := compileQuery(expr.(string))
				if err != nil {
					t.Fatal(err)
				}
				if doc, err = q.search(deepCopy(full)); err != nil {
					t.Fatal(err)
				}
			}
			render := map[string]func() any{
				"json": func() any {
					var b bytes.Buffer
					if o, ok := doc.(*Object); ok && o.Len() == 0 && !tc.Has("query") {
						return ""
					}
					if err := writeJSON(&b, doc, 4, false); err != nil {
						t.Fatal(err)
					}
					return b.String()
				},
				"text": func() any {
					var b bytes.Buffer
					formatText(&b, doc)
					return b.String()
				},
				"table": func() any {
					var b bytes.Buffer
					if err := formatTable(&b, "ListUsers", doc, styler{}, 80); err != nil {
						o := NewObject()
						o.Set("error", err.Error())
						return o
					}
					return b.String()
				},
				"yaml":        func() any { return writeYAML(doc) },
				"yaml-stream": func() any { return writeYAML([]any{doc}) },
			}
			for _, format := range []string{"json", "text", "table", "yaml", "yaml-stream"} {
				w, _ := want.Get(format)
				got := render[format]()
				if compactJSON(got) != compactJSON(w) {
					gs, _ := got.(string)
					ws, _ := w.(string)
					t.Errorf("%s:\n--- got\n%s\n--- want\n%s", format, gs, ws)
					if gs == "" || ws == "" {
						t.Errorf("got %s, want %s", compactJSON(got), compactJSON(w))
					}
				}
			}
		})
	}
}
