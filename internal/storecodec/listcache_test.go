package storecodec

import (
	"fmt"
	"reflect"
	"testing"

	"github.com/connectlite/connectlite"
)

// TestListCacheDecodesLikeDecode decodes the same columns through one
// cache twice: both equal the uncached decoding, and changing the first
// result, through its pointers too, leaves the second untouched.
func TestListCacheDecodesLikeDecode(t *testing.T) {
	for _, tc := range []struct {
		name string
		in   *connectlite.User
	}{
		{"Full", fullUser()},
		{"Empty", &connectlite.User{ID: "u2"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			j, err := EncodeUser[string](tc.in)
			if err != nil {
				t.Fatalf("EncodeUser: %v", err)
			}
			var c ListCache
			first, second := &connectlite.User{ID: tc.in.ID}, &connectlite.User{ID: tc.in.ID}
			if err := j.DecodeCached(first, &c); err != nil {
				t.Fatalf("DecodeCached (miss): %v", err)
			}
			if !reflect.DeepEqual(first, tc.in) {
				t.Fatalf("DecodeCached (miss) = %+v, want %+v", first, tc.in)
			}
			for _, list := range first.AutoAcceptConfigs {
				if list.AgentFirstCallbackAutoAccept != nil {
					*list.AgentFirstCallbackAutoAccept = !*list.AgentFirstCallbackAutoAccept
				}
			}
			for i := range first.AfterContactWorkConfigs {
				acw := &first.AfterContactWorkConfigs[i]
				if acw.AfterContactWorkConfig.AfterContactWorkTimeLimit != nil {
					*acw.AfterContactWorkConfig.AfterContactWorkTimeLimit = 999
				}
				if acw.AgentFirstCallbackAfterContactWorkConfig != nil {
					*acw.AgentFirstCallbackAfterContactWorkConfig.AfterContactWorkTimeLimit = 999
				}
			}
			if len(first.PhoneNumberConfigs) > 0 {
				first.PhoneNumberConfigs[0].PhoneNumber = "+10000000000"
			}
			if err := j.DecodeCached(second, &c); err != nil {
				t.Fatalf("DecodeCached (hit): %v", err)
			}
			if !reflect.DeepEqual(second, tc.in) {
				t.Errorf("DecodeCached (hit) after changing the first result = %+v, want %+v", second, tc.in)
			}
		})
	}
}

func TestListCacheStrings(t *testing.T) {
	var c ListCache
	for _, raw := range []string{`["a","b"]`, `["a","b"]`, `[]`, `["c"]`} {
		got, err := DecodeStringsCached(&c, raw)
		want, _ := DecodeStrings(raw)
		if err != nil || !reflect.DeepEqual(got, want) {
			t.Fatalf("DecodeStringsCached(%s) = %q, %v; want %q", raw, got, err, want)
		}
		if len(got) > 0 {
			got[0] = "changed" // must not reach the next caller
		}
	}
}

func TestListCacheIsBounded(t *testing.T) {
	var c ListCache
	for i := range maxCachedLists + 10 {
		raw := fmt.Sprintf(`[{"channel":"VOICE","phone_type":"DESK_PHONE","phone_number":"+1555%07d"}]`, i)
		got, err := decodeListCached(&c, listPhoneNumber, raw, fromPhoneNumber)
		if err != nil || len(got) != 1 || got[0].PhoneNumber != fmt.Sprintf("+1555%07d", i) {
			t.Fatalf("decode %s = %+v, %v", raw, got, err)
		}
	}
	if n := len(c.lists[listPhoneNumber]); n != maxCachedLists {
		t.Errorf("cache holds %d phone number lists, want the bound %d", n, maxCachedLists)
	}
	if _, err := decodeListCached(&c, listPhoneNumber, "{", fromPhoneNumber); err == nil {
		t.Error("decoding invalid JSON through the cache succeeded")
	}
}

// BenchmarkUserDecode compares decoding a user's config lists with and
// without a ListCache.
func BenchmarkUserDecode(b *testing.B) {
	j, err := EncodeUser[string](fullUser())
	if err != nil {
		b.Fatal(err)
	}
	for _, cached := range []bool{false, true} {
		b.Run(fmt.Sprintf("cached=%v", cached), func(b *testing.B) {
			var c *ListCache
			if cached {
				c = &ListCache{}
			}
			for b.Loop() {
				if err := j.DecodeCached(&connectlite.User{ID: "u1"}, c); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
