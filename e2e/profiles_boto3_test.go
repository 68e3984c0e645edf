package e2e

import "testing"

// TestBoto3Profiles runs testdata/test_boto3_profiles.py (Python unittest,
// standard library and boto3 only) against the shared server: every security
// profile and routing profile operation through boto3, with its reference
// errors, in-use deletes and pagination through boto3's paginators.
func TestBoto3Profiles(t *testing.T) {
	t.Parallel()
	runBoto3Scripts(t, "test_boto3_profiles.py")
}
