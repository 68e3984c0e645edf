package awscli_test

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
)

// installCommand puts a `connectlite` (and `aws`, when wanted) on a PATH of
// its own: a script that re-executes the test binary as the command line.
func installCommand(t *testing.T) string {
	t.Helper()
	bin := t.TempDir()
	script := "#!/bin/sh\nCONNECTLITE_AWSCLI_MAIN=1 exec " + shellWord(os.Args[0]) + " \"$@\"\n"
	if err := os.WriteFile(filepath.Join(bin, "connectlite"), []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	return bin
}

func shellWord(s string) string { return "'" + strings.ReplaceAll(s, "'", `'"'"'`) + "'" }

// TestSeedExampleVerbatim runs the example of seed 000 (the aws CLI page
// of create-user) with "aws" replaced by "connectlite", as a shell script,
// against `serve --demo`, with the endpoint and region from the
// environment. It prints the same JSON shape as the page shows and, when
// the aws CLI is installed, as `aws connect` prints for the original
// example on a server of its own.
func TestSeedExampleVerbatim(t *testing.T) {
	script, err := os.ReadFile(filepath.Join("testdata", "seed000.sh"))
	if err != nil {
		t.Fatal(err)
	}
	e := newEnv(t)
	bin := installCommand(t)
	run := func(e *env, script string) (string, string, error) {
		cmd := exec.Command("sh", "-c", script)
		cmd.Env = e.withVars([]string{"PATH=" + bin + string(os.PathListSeparator) + os.Getenv("PATH")})
		cmd.Dir = e.dir
		var stdout, stderr strings.Builder
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		err := cmd.Run()
		return stdout.String(), stderr.String(), err
	}
	stdout, stderr, err := run(e, string(script))
	if err != nil {
		t.Fatalf("seed example: %v\n%s%s", err, stdout, stderr)
	}
	shape := jsonShape(t, stdout)
	if want := "UserArn,UserId"; shape != want {
		t.Errorf("output keys %s, want %s\n%s", shape, want, stdout)
	}
	var out struct{ UserId, UserArn string }
	if err := json.Unmarshal([]byte(stdout), &out); err != nil {
		t.Fatal(err)
	}
	arnRE := regexp.MustCompile(`^arn:aws:connect:us-west-2:123456789012:instance/a1b2c3d4-5678-90ab-cdef-EXAMPLE11111/agent/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$`)
	if !arnRE.MatchString(out.UserArn) || !strings.HasSuffix(out.UserArn, "/"+out.UserId) {
		t.Errorf("UserArn %q does not have the example's form for UserId %q", out.UserArn, out.UserId)
	}
	if !strings.HasPrefix(stdout, "{\n    \"UserId\": ") {
		t.Errorf("output is not the aws CLI's four-space JSON with UserId first:\n%s", stdout)
	}

	t.Run("SameAsAWSCLI", func(t *testing.T) {
		needTool(t, "the aws CLI", "aws", "--version")
		other := newEnv(t)
		original := strings.Replace(string(script), "connectlite create-user", "aws connect create-user", 1)
		awsOut, awsErr, err := run(other, original)
		if err != nil {
			t.Fatalf("aws: %v\n%s%s", err, awsOut, awsErr)
		}
		uuid := regexp.MustCompile(`[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}`)
		if g, w := uuid.ReplaceAllString(stdout, "<id>"), uuid.ReplaceAllString(awsOut, "<id>"); g != w {
			t.Errorf("connectlite printed\n%s\naws printed\n%s", g, w)
		}
	})
}

// jsonShape lists the top-level keys of a JSON object, sorted.
func jsonShape(t *testing.T, s string) string {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal([]byte(s), &m); err != nil {
		t.Fatalf("not a JSON object: %v\n%s", err, s)
	}
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return strings.Join(keys, ",")
}
