package e2e

import (
	"context"
	"os/exec"
	"path/filepath"
	"testing"
	"time"
)

// TestBoto3Hierarchy runs, against the shared server, the boto3 scripts of
// slice 0006: testdata/test_boto3_hierarchy.py (Python unittest: every
// hierarchy and instance attribute operation, CreateInstance's ClientToken,
// and their errors) and testdata/provision_connect.py (a provisioning
// script as a user writes it: instance, hierarchy, hours, queue, routing
// and security profiles, 50 tagged agents, searches by tag, name prefix and
// hierarchy, profile updates, then everything deleted).
func TestBoto3Hierarchy(t *testing.T) {
	t.Parallel()
	py := requirePythonModule(t, "boto3")
	s := sharedServer(t)
	for _, script := range []string{"test_boto3_hierarchy.py", "provision_connect.py"} {
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
