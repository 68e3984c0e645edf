// Package awsmodel embeds botocore's model of the Amazon Connect API
// (service-2.json and paginators-1.json, API version 2017-08-08) and offers
// it to the rest of connectlite: the generated operation table (routes and
// shape names, so no route is retyped), the parsed model with documentation
// (for CLI help), and a generic, model-driven input validator
// (Model.ValidateInput).
//
// The embedded files and operations_gen.go are produced by
// `go generate ./internal/awsmodel`, which runs ./gen against the botocore
// installed for python3 (or the directory given with -botocore).
package awsmodel

//go:generate go run ./gen -out .
