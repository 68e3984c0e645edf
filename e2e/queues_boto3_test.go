package e2e

import "testing"

// TestBoto3QueuesAndHours runs testdata/test_boto3_queues.py (Python
// unittest, standard library and boto3 only) against the shared server: every
// queue and hours of operation operation through boto3, with its reference
// errors, in-use deletes and pagination.
func TestBoto3QueuesAndHours(t *testing.T) {
	t.Parallel()
	runBoto3Scripts(t, "test_boto3_queues.py")
}
