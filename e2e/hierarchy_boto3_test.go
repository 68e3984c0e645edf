package e2e

import "testing"

// TestBoto3Hierarchy runs, against the shared server, the boto3 scripts of
// slice 0006: testdata/test_boto3_hierarchy.py (Python unittest: every
// hierarchy and instance attribute operation, CreateInstance's ClientToken,
// and their errors) and testdata/provision_connect.py (a provisioning
// script as a user writes it: instance, hierarchy, hours, queue, routing
// and security profiles, 50 tagged agents, searches by tag, name prefix and
// hierarchy, profile updates, then everything deleted).
func TestBoto3Hierarchy(t *testing.T) {
	t.Parallel()
	runBoto3Scripts(t, "test_boto3_hierarchy.py", "provision_connect.py")
}
