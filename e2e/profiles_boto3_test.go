package e2e

import (
	"context"
	"os/exec"
	"path/filepath"
	"testing"
	"time"
)

// TestBoto3Profiles runs testdata/test_boto3_profiles.py (Python unittest,
// standard library and boto3 only) against the shared server: every security
// profile and routing profile operation through boto3, with its reference
// errors, in-use deletes and pagination through boto3's paginators.
func TestBoto3Profiles(t *testing.T) {
	t.Parallel()
	s := sharedServer(t)
	py := requirePythonModule(t, "boto3")
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	const script = "test_boto3_profiles.py"
	cmd := exec.CommandContext(ctx, py, filepath.Join("testdata", script), "-v")
	cmd.Env = append(clientEnv(t, s.URL), "PYTHONDONTWRITEBYTECODE=1", "PYTHONUNBUFFERED=1")
	out, err := cmd.CombinedOutput()
	t.Logf("python3 %s -v:\n%s", script, out)
	if err != nil {
		t.Fatalf("python3 %s: %v", script, err)
	}
}
