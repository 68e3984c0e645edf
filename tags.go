package connectlite

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// ARNInstance is the resource type of an instance's own ARN
// (arn:aws:connect:<region>:<account>:instance/<id>).
const ARNInstance = "instance"

// TaggableTypes are the resource types whose ARNs TagResource,
// UntagResource and ListTagsForResource accept: every ARN connectlite
// issues.
var TaggableTypes = []string{
	ARNInstance, ARNAgent, ARNSecurityProfile, ARNRoutingProfile,
	ARNQueue, ARNHoursOfOperation, ARNHierarchyGroup,
}

// MaxTagsPerResource is how many tags one resource may carry: the model's
// TagMap maximum, which AWS applies to the tags a resource holds after a
// TagResource has merged the new ones in.
const MaxTagsPerResource = 50

// ResourceRef names one taggable resource of an instance. Type is the ARN
// resource type (ARNAgent, ARNQueue, ...); for the instance itself it is
// ARNInstance and ID is the instance id.
type ResourceRef struct {
	InstanceID string
	Type       string
	ID         string
}

// ResourceARN is a parsed Amazon Connect resource ARN.
type ResourceARN struct {
	Partition string
	Region    string
	AccountID string
	Ref       ResourceRef
}

// ParseResourceARN reads an ARN of the forms connectlite issues,
// arn:aws:connect:<region>:<account>:instance/<instance id> and
// ...:instance/<instance id>/<type>/<id> with a type of TaggableTypes. A
// value of any other shape, partition, service or resource type is
// KindInvalidParameter naming what is wrong. Region and account are
// returned, not checked: whether they are the caller's is the Service's
// question.
func ParseResourceARN(s string) (*ResourceARN, error) {
	const form = "arn:aws:connect:<region>:<account>:instance/<instance id>[/<resource type>/<resource id>]"
	parts := strings.SplitN(s, ":", 6)
	if len(parts) != 6 || parts[0] != "arn" {
		return nil, Errorf(KindInvalidParameter, "resourceArn must be an ARN of the form %s, got %q", form, clip(s))
	}
	a := &ResourceARN{Partition: parts[1], Region: parts[3], AccountID: parts[4]}
	if a.Partition != "aws" {
		return nil, Errorf(KindInvalidParameter, "resourceArn: partition must be aws, got %q", clip(a.Partition))
	}
	if parts[2] != "connect" {
		return nil, Errorf(KindInvalidParameter, "resourceArn: service must be connect, got %q", clip(parts[2]))
	}
	if a.Region == "" || a.AccountID == "" {
		return nil, Errorf(KindInvalidParameter, "resourceArn must name a region and an account: %s", form)
	}
	segs := strings.Split(parts[5], "/")
	if segs[0] != ARNInstance || (len(segs) != 2 && len(segs) != 4) || slices.Contains(segs, "") {
		return nil, Errorf(KindInvalidParameter, "resourceArn must be an ARN of the form %s, got %q", form, clip(s))
	}
	a.Ref = ResourceRef{InstanceID: segs[1], Type: ARNInstance, ID: segs[1]}
	if len(segs) == 4 {
		if segs[2] == ARNInstance || !slices.Contains(TaggableTypes, segs[2]) {
			return nil, Errorf(KindInvalidParameter, "resourceArn: resource type %q cannot be tagged; the types are %s",
				clip(segs[2]), strings.Join(TaggableTypes[1:], ", "))
		}
		a.Ref.Type, a.Ref.ID = segs[2], segs[3]
	}
	return a, nil
}

// ValidateTagKeys applies the model's TagKey rules in code for callers that
// do not go through the model validator: 1 to 128 characters, and no
// "aws:" prefix, which AWS reserves.
func ValidateTagKeys(member string, keys []string) error {
	for _, k := range keys {
		if n := utf8.RuneCountInString(k); n < 1 || n > 128 {
			return Errorf(KindInvalidParameter, "%s: a tag key must be 1 to 128 characters long, got %d", member, n)
		}
		if strings.HasPrefix(k, "aws:") {
			return Errorf(KindInvalidParameter, "%s: tag keys must not start with aws:, which is reserved for AWS use; got %q", member, clip(k))
		}
	}
	return nil
}

// mergeTags adds tags to cur, replacing the values of keys it has, and
// fails with KindInvalidParameter if the resource would then carry more
// than MaxTagsPerResource tags, changing nothing.
func mergeTags(cur, tags map[string]string) error {
	n := len(cur)
	for k := range tags {
		if _, ok := cur[k]; !ok {
			n++
		}
	}
	if n > MaxTagsPerResource {
		return Errorf(KindInvalidParameter, "A resource can have at most %d tags; it has %d and this request would bring it to %d",
			MaxTagsPerResource, len(cur), n)
	}
	for k, v := range tags {
		cur[k] = v
	}
	return nil
}
