package awsmodel

import (
	"bytes"
	"encoding/json"
	"testing"
)

// BenchmarkValidateInputCreateUser measures the model-driven validation of a
// CreateUser request that sets most members, as the HTTP layer runs it.
func BenchmarkValidateInputCreateUser(b *testing.B) {
	m, err := Load()
	if err != nil {
		b.Fatal(err)
	}
	body := []byte(`{"Username":"mary","Password":"Pass@Word1",
		"IdentityInfo":{"FirstName":"Mary","LastName":"Major","Email":"mary@example.com","Mobile":"+15555551212"},
		"PhoneConfig":{"PhoneType":"DESK_PHONE","AutoAccept":true,"AfterContactWorkTimeLimit":60,"DeskPhoneNumber":"+15555551212"},
		"SecurityProfileIds":["12345678-1111-2222-aaaa-a1b2c3d4f5g7"],"RoutingProfileId":"87654321-9999-3434-abcd-x1y2z3a1b2c3",
		"Tags":{"team":"blue","site":"north"}}`)
	b.ReportAllocs()
	for b.Loop() {
		in := map[string]any{}
		d := json.NewDecoder(bytes.NewReader(body))
		d.UseNumber()
		if err := d.Decode(&in); err != nil {
			b.Fatal(err)
		}
		in["InstanceId"] = "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111"
		if err := m.ValidateInput(OpCreateUser, in); err != nil {
			b.Fatal(err)
		}
	}
}
