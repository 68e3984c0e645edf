package connectlite

import "testing"

// BenchmarkNewUser measures the domain rules of CreateUser on the seed 000
// input, the hot path of every CreateUser request.
func BenchmarkNewUser(b *testing.B) {
	inst := instance(IdentityConnectManaged)
	in := seed000()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := NewUser(inst, &in); err != nil {
			b.Fatal(err)
		}
	}
}
