// Package e2e holds the end-to-end tests of connectlite: they build the real
// binary, start it on 127.0.0.1 and drive it with aws-sdk-go-v2, boto3 and
// the aws CLI. The package has no code of its own outside its tests.
package e2e
