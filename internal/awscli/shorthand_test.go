package awscli

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/connectlite/connectlite/internal/awsmodel"
)

// updateGolden reports whether golden files should be rewritten from the
// reference tools (UPDATE_GOLDEN=1 go test ./internal/awscli).
func updateGolden() bool { return os.Getenv("UPDATE_GOLDEN") == "1" }

// needTool skips the test when a reference tool is missing, except in CI,
// where the tool is part of the test environment and its absence fails.
func needTool(t *testing.T, what string, probe ...string) {
	t.Helper()
	cmd := exec.Command(probe[0], probe[1:]...)
	if out, err := cmd.CombinedOutput(); err != nil {
		msg := what + " is not available (" + err.Error() + ": " + string(bytes.TrimSpace(out)) + ")"
		if os.Getenv("CI") != "" {
			t.Fatalf("%s; CI must provide it", msg)
		}
		t.Skipf("%s; skipping the comparison with it", msg)
	}
}

// TestShorthandMatchesAWSCLI parses every case of
// testdata/shorthand_cases.json (syntax edge cases, quoting, escapes,
// backtracking, errors with their caret positions, file references and the
// model-driven coercions of BackCompatVisitor) and compares the result
// with testdata/shorthand.golden.json, which is the output of the aws
// CLI's own parser (testdata/shorthand.py). When python3 and awscli are
// installed it also regenerates that output and checks the golden file is
// current (UPDATE_GOLDEN=1 rewrites it).
func TestShorthandMatchesAWSCLI(t *testing.T) {
	casesJSON, err := os.ReadFile(filepath.Join("testdata", "shorthand_cases.json"))
	if err != nil {
		t.Fatal(err)
	}
	goldenPath := filepath.Join("testdata", "shorthand.golden.json")

	t.Run("GoldenIsCurrent", func(t *testing.T) {
		needTool(t, "python3 with awscli", "python3", "-c", "import awscli.shorthand, botocore.session")
		out, err := exec.Command("python3", filepath.Join("testdata", "shorthand.py"), filepath.Join("testdata", "shorthand_cases.json")).Output()
		if err != nil {
			t.Fatalf("shorthand.py: %v", err)
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
			t.Fatalf("%s is stale: the aws CLI's parser now gives\n%s\n(run UPDATE_GOLDEN=1 go test -run Shorthand)", goldenPath, out)
		}
	})

	golden, err := os.ReadFile(goldenPath)
	if err != nil {
		t.Fatal(err)
	}
	want, err := decodeJSON(string(golden))
	if err != nil {
		t.Fatal(err)
	}
	cases, err := decodeJSON(string(casesJSON))
	if err != nil {
		t.Fatal(err)
	}
	model, err := awsmodel.Load()
	if err != nil {
		t.Fatal(err)
	}
	c := &Command{}
	wantList := want.([]any)
	caseList := cases.([]any)
	if len(caseList) < 20 || len(wantList) != len(caseList) {
		t.Fatalf("%d cases, %d golden results", len(caseList), len(wantList))
	}
	for i, raw := range caseList {
		tc := raw.(*Object)
		name, _ := tc.Get("name")
		t.Run(name.(string), func(t *testing.T) {
			got := NewObject()
			got.Set("name", name)
			res, err := parseCase(c, model, tc)
			if err != nil {
				got.Set("error", err.Error())
			} else {
				got.Set("result", encodeBytes(res))
			}
			w := wantList[i].(*Object)
			if loc, ok := w.Get("location"); ok {
				// The aws CLI's syntax errors name the location with a
				// placeholder (see shorthand.py); we print the caret.
				msg, _ := w.Get("error")
				fixed := NewObject()
				fixed.Set("name", name)
				fixed.Set("error", strings.Replace(msg.(string), "{self._error_location()}", loc.(string), 1))
				w = fixed
			}
			if g, w := compactJSON(got), compactJSON(w); g != w {
				t.Errorf("value %s\n got %s\nwant %s", compactJSON(tc), g, w)
			}
		})
	}
}

func parseCase(c *Command, m *awsmodel.Model, tc *Object) (any, error) {
	var parsed any
	if vs, ok := tc.Get("values"); ok {
		var l []any
		for _, v := range vs.([]any) {
			o, err := parseShorthand(v.(string), c.paramFileLoader())
			if err != nil {
				return nil, err
			}
			l = append(l, o)
		}
		parsed = l
	} else {
		v, _ := tc.Get("value")
		o, err := parseShorthand(v.(string), c.paramFileLoader())
		if err != nil {
			return nil, err
		}
		parsed = o
	}
	if member, ok := tc.Get("member"); ok {
		opName, _ := tc.Get("op")
		in := resolve(m, m.Operation(opName.(string)).Input)
		s, _ := in.member(member.(string))
		return backCompat(parsed, s)
	}
	return parsed, nil
}

// encodeBytes writes blobs as the Python harness does.
func encodeBytes(v any) any {
	switch x := v.(type) {
	case []byte:
		o := NewObject()
		o.Set("__bytes__", base64Std(x))
		return o
	case *Object:
		o := NewObject()
		for _, k := range x.Keys() {
			e, _ := x.Get(k)
			o.Set(k, encodeBytes(e))
		}
		return o
	case []any:
		l := make([]any, len(x))
		for i, e := range x {
			l[i] = encodeBytes(e)
		}
		return l
	}
	return v
}
