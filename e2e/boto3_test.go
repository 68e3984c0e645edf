package e2e

import "testing"

// TestBoto3 runs the boto3 scripts of testdata/ (Python unittest, standard
// library and boto3 only) against the shared server. Each script creates
// instances of its own.
func TestBoto3(t *testing.T) {
	t.Parallel()
	runBoto3Scripts(t, "test_boto3_roundtrip.py", "test_boto3_validation.py")
}
