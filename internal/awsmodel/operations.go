package awsmodel

// OperationInfo is one row of the generated operation table: the HTTP route
// of an operation and the names of its shapes. Input and Output are "" when
// the operation has none.
type OperationInfo struct {
	Name       string
	Method     string   // HTTP method, e.g. "PUT"
	RequestURI string   // path template, e.g. "/users/{InstanceId}"
	Input      string   // input shape name
	Output     string   // output shape name
	Errors     []string // error shape names, in model order
}

// OperationTable returns every operation of the model, sorted by name. The
// slice is fresh on each call.
func OperationTable() []OperationInfo {
	names := operationNames()
	out := make([]OperationInfo, 0, len(names))
	for _, name := range names {
		info, _ := LookupOperation(name)
		out = append(out, info)
	}
	return out
}
