package e2e

import (
	"context"
	"os/exec"
	"path/filepath"
	"testing"
	"time"
)

// TestBoto3 runs the boto3 scripts of testdata/ (Python unittest, standard
// library and boto3 only) against the shared server. Each script creates
// instances of its own.
func TestBoto3(t *testing.T) {
	t.Parallel()
	py := requirePythonModule(t, "boto3")
	s := sharedServer(t)
	for _, script := range []string{"test_boto3_roundtrip.py", "test_boto3_validation.py"} {
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
