package connectlite

import (
	"context"
	"maps"
	"slices"
)

// TagResource adds tags to the resource arn names, replacing the values of
// keys it already has. The resource may then carry at most
// MaxTagsPerResource tags (KindInvalidParameter otherwise).
func (s *Service) TagResource(ctx context.Context, region, arn string, tags map[string]string) error {
	if len(tags) == 0 {
		return Errorf(KindInvalidParameter, "tags must contain at least one tag")
	}
	if err := ValidateTagKeys("tags", slices.Collect(maps.Keys(tags))); err != nil {
		return err
	}
	ref, err := s.resourceRef(ctx, region, arn)
	if err != nil {
		return err
	}
	// Instance tags are part of the cached Instance; forgetting it on
	// any tag change is cheap and needs no knowledge of ref's types.
	defer s.instances.invalidate(ref.InstanceID)
	return s.Store.UpdateTags(ctx, ref, s.Now(), region, func(cur map[string]string) error {
		return mergeTags(cur, tags)
	})
}

// UntagResource removes the tags with the given keys from the resource arn
// names; keys it does not carry are ignored, as AWS does.
func (s *Service) UntagResource(ctx context.Context, region, arn string, keys []string) error {
	if len(keys) == 0 {
		return Errorf(KindInvalidParameter, "tagKeys must list at least one tag key")
	}
	if err := ValidateTagKeys("tagKeys", keys); err != nil {
		return err
	}
	ref, err := s.resourceRef(ctx, region, arn)
	if err != nil {
		return err
	}
	// Instance tags are part of the cached Instance; forgetting it on
	// any tag change is cheap and needs no knowledge of ref's types.
	defer s.instances.invalidate(ref.InstanceID)
	return s.Store.UpdateTags(ctx, ref, s.Now(), region, func(cur map[string]string) error {
		for _, k := range keys {
			delete(cur, k)
		}
		return nil
	})
}

// ListTagsForResource returns the tags of the resource arn names; nil when
// it has none.
func (s *Service) ListTagsForResource(ctx context.Context, region, arn string) (map[string]string, error) {
	ref, err := s.resourceRef(ctx, region, arn)
	if err != nil {
		return nil, err
	}
	return s.Store.Tags(ctx, ref)
}

// resourceRef parses arn and checks that it names a resource the caller
// can reach: in the service's account, in the caller's region and in an
// instance of that region. A malformed ARN is KindInvalidParameter; an ARN
// of another account or region, or of an instance that does not exist, is
// KindNotFound, as a resource the caller cannot see. Whether the resource
// itself exists is the store's to say.
func (s *Service) resourceRef(ctx context.Context, region, arn string) (ResourceRef, error) {
	a, err := ParseResourceARN(arn)
	if err != nil {
		return ResourceRef{}, err
	}
	if a.AccountID != s.AccountID {
		return ResourceRef{}, Errorf(KindNotFound, "Resource %s not found: it belongs to account %s, not %s", clip(arn), clip(a.AccountID), s.AccountID)
	}
	if a.Region != region {
		return ResourceRef{}, Errorf(KindNotFound, "Resource %s not found in region %s: the ARN names region %s", clip(arn), region, clip(a.Region))
	}
	inst, err := s.instance(ctx, region, a.Ref.InstanceID)
	if err != nil {
		return ResourceRef{}, err
	}
	if inst.AccountID != s.AccountID {
		return ResourceRef{}, Errorf(KindNotFound, "Instance %s not found in region %s", inst.ID, region)
	}
	return a.Ref, nil
}
