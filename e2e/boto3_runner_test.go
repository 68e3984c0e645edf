package e2e

import (
	"context"
	"os/exec"
	"path/filepath"
	"testing"
	"time"
)

// runBoto3Scripts runs each of the scripts of testdata/ (Python unittest,
// standard library and boto3 only) with -v against the shared server, as a
// parallel subtest named after the script, failing it if the script fails.
// Each script gets 5 minutes and creates instances of its own. Without
// python3 and boto3 the test is skipped (it fails in CI).
func runBoto3Scripts(t *testing.T, scripts ...string) {
	t.Helper()
	py := requirePythonModule(t, "boto3")
	s := sharedServer(t)
	for _, script := range scripts {
		t.Run(script, func(t *testing.T) {
			t.Parallel()
			ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
			defer cancel()
			cmd := exec.CommandContext(ctx, py, filepath.Join("testdata", script), "-v")
			cmd.Env = append(clientEnv(t, s.URL), "PYTHONDONTWRITEBYTECODE=1", "PYTHONUNBUFFERED=1")
			out, err := cmd.CombinedOutput()
			t.Logf("python3 %s -v:\n%s", script, out)
			if err != nil {
				t.Fatalf("python3 %s: %v", script, err)
			}
		})
	}
}
