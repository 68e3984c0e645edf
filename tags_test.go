package connectlite

import (
	"fmt"
	"maps"
	"strings"
	"testing"
)

func TestParseResourceARN(t *testing.T) {
	const (
		inst = "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111"
		id   = "12345678-1111-2222-aaaa-a1b2c3d4f5g7"
		pre  = "arn:aws:connect:us-west-2:123456789012:instance/" + inst
	)
	tests := []struct {
		name string
		in   string
		want ResourceRef
		kind Kind
	}{
		{"Instance", pre, ResourceRef{inst, ARNInstance, inst}, noError},
		{"Agent", pre + "/agent/" + id, ResourceRef{inst, ARNAgent, id}, noError},
		{"SecurityProfile", pre + "/security-profile/" + id, ResourceRef{inst, ARNSecurityProfile, id}, noError},
		{"RoutingProfile", pre + "/routing-profile/" + id, ResourceRef{inst, ARNRoutingProfile, id}, noError},
		{"Queue", pre + "/queue/" + id, ResourceRef{inst, ARNQueue, id}, noError},
		{"Hours", pre + "/operating-hours/" + id, ResourceRef{inst, ARNHoursOfOperation, id}, noError},
		{"HierarchyGroup", pre + "/agent-group/" + id, ResourceRef{inst, ARNHierarchyGroup, id}, noError},
		{"Empty", "", ResourceRef{}, KindInvalidParameter},
		{"NotAnARN", "agent/" + id, ResourceRef{}, KindInvalidParameter},
		{"TooFewParts", "arn:aws:connect:us-west-2:instance/" + inst, ResourceRef{}, KindInvalidParameter},
		{"OtherPartition", strings.Replace(pre, "arn:aws:", "arn:aws-us-gov:", 1), ResourceRef{}, KindInvalidParameter},
		{"OtherService", strings.Replace(pre, ":connect:", ":iam:", 1), ResourceRef{}, KindInvalidParameter},
		{"NoRegion", "arn:aws:connect::123456789012:instance/" + inst, ResourceRef{}, KindInvalidParameter},
		{"NoAccount", "arn:aws:connect:us-west-2::instance/" + inst, ResourceRef{}, KindInvalidParameter},
		{"NotUnderAnInstance", "arn:aws:connect:us-west-2:123456789012:phone-number/" + id, ResourceRef{}, KindInvalidParameter},
		{"EmptyInstance", "arn:aws:connect:us-west-2:123456789012:instance/", ResourceRef{}, KindInvalidParameter},
		{"TypeWithoutID", pre + "/agent", ResourceRef{}, KindInvalidParameter},
		{"EmptyID", pre + "/agent/", ResourceRef{}, KindInvalidParameter},
		{"ExtraSegment", pre + "/agent/" + id + "/x", ResourceRef{}, KindInvalidParameter},
		{"UntaggableType", pre + "/contact-flow/" + id, ResourceRef{}, KindInvalidParameter},
		{"InstanceAsType", pre + "/instance/" + id, ResourceRef{}, KindInvalidParameter},
		{"TypeIsCaseSensitive", pre + "/Agent/" + id, ResourceRef{}, KindInvalidParameter},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a, err := ParseResourceARN(tc.in)
			if tc.kind == noError {
				if err != nil {
					t.Fatalf("ParseResourceARN(%q): %v", tc.in, err)
				}
				if a.Ref != tc.want || a.Partition != "aws" || a.Region != "us-west-2" || a.AccountID != "123456789012" {
					t.Fatalf("ParseResourceARN(%q) = %+v, want ref %+v in aws/us-west-2/123456789012", tc.in, *a, tc.want)
				}
				return
			}
			if got := KindOf(err); got != tc.kind || err == nil {
				t.Fatalf("ParseResourceARN(%q): kind %v (err %v), want %v", tc.in, got, err, tc.kind)
			}
		})
	}
}

func TestMergeTags(t *testing.T) {
	many := func(prefix string, n int) map[string]string {
		m := map[string]string{}
		for i := range n {
			m[fmt.Sprintf("%s%02d", prefix, i)] = "v"
		}
		return m
	}
	tests := []struct {
		name     string
		cur, add map[string]string
		wantLen  int
		kind     Kind
	}{
		{"IntoEmpty", map[string]string{}, many("a", 3), 3, noError},
		{"ReplacesValues", many("a", 3), map[string]string{"a00": "new"}, 3, noError},
		{"UpTo50", many("a", 40), many("b", 10), 50, noError},
		{"RepeatedKeysDoNotCount", many("a", 50), many("a", 50), 50, noError},
		{"51IsRefused", many("a", 40), many("b", 11), 40, KindInvalidParameter},
		{"FullResourceTakesNoNewKey", many("a", 50), map[string]string{"new": "x"}, 50, KindInvalidParameter},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			before := maps.Clone(tc.cur)
			err := mergeTags(tc.cur, tc.add)
			if tc.kind == noError {
				if err != nil {
					t.Fatalf("mergeTags: %v", err)
				}
				for k, v := range tc.add {
					if tc.cur[k] != v {
						t.Errorf("tag %s = %q, want %q", k, tc.cur[k], v)
					}
				}
			} else {
				if KindOf(err) != tc.kind || !strings.Contains(err.Error(), "at most 50 tags") {
					t.Fatalf("mergeTags: err %v, want %v naming the 50-tag rule", err, tc.kind)
				}
				if !maps.Equal(tc.cur, before) {
					t.Errorf("a refused merge changed the tags")
				}
			}
			if len(tc.cur) != tc.wantLen {
				t.Errorf("%d tags, want %d", len(tc.cur), tc.wantLen)
			}
		})
	}
}

func TestValidateTagKeys(t *testing.T) {
	tests := []struct {
		keys []string
		kind Kind
	}{
		{[]string{"team", "Ünï:cödé/=+-@ ."}, noError},
		{[]string{strings.Repeat("é", 128)}, noError},
		{[]string{strings.Repeat("k", 129)}, KindInvalidParameter},
		{[]string{""}, KindInvalidParameter},
		{[]string{"ok", "aws:reserved"}, KindInvalidParameter},
		{[]string{"AWS:upper"}, noError}, // the model's look-ahead is case-sensitive
	}
	for _, tc := range tests {
		err := ValidateTagKeys("tags", tc.keys)
		if got := KindOf(err); (tc.kind == noError) != (err == nil) || (err != nil && got != tc.kind) {
			t.Errorf("ValidateTagKeys(%q) = %v, want %v", tc.keys, err, tc.kind)
		}
	}
}
