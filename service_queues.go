package connectlite

import (
	"context"
	"errors"
	"slices"
	"strings"
)

// CreateHoursOfOperationInput is the request of CreateHoursOfOperation. Nil
// pointers are members the client did not send.
type CreateHoursOfOperationInput struct {
	InstanceID  string
	Name        string
	Description *string
	TimeZone    string
	Config      []HoursOfOperationConfig
	// ParentHoursOfOperationIDs are the ids of ParentHoursOfOperationConfigs;
	// connectlite rejects any.
	ParentHoursOfOperationIDs []string
	Tags                      map[string]string
}

// UpdateHoursOfOperationInput is the request of UpdateHoursOfOperation. Nil
// pointers and a nil Config are members the client did not send and stay
// as they are; an empty Description clears it and an empty, non-nil Config
// replaces the days with none.
type UpdateHoursOfOperationInput struct {
	InstanceID         string
	HoursOfOperationID string
	Name               *string
	Description        *string
	TimeZone           *string
	Config             []HoursOfOperationConfig
}

// OutboundCallerConfigInput is an OutboundCallerConfig as sent; nil members
// were not sent.
type OutboundCallerConfigInput struct {
	OutboundCallerIDName     *string
	OutboundCallerIDNumberID *string
	OutboundFlowID           *string
}

// CreateQueueInput is the request of CreateQueue. Nil pointers and nil
// slices are members the client did not send.
type CreateQueueInput struct {
	InstanceID           string
	Name                 string
	Description          *string
	HoursOfOperationID   string
	MaxContacts          *int32
	OutboundCallerConfig *OutboundCallerConfigInput
	OutboundEmailConfig  *OutboundEmailConfig
	QuickConnectIDs      []string
	// EmailAddressIDs are the ids of EmailAddressesConfig.
	EmailAddressIDs []string
	Tags            map[string]string
}

// CreateHoursOfOperation creates hours of operation in the instance. The
// instance is returned too: the caller derives ARNs from it.
func (s *Service) CreateHoursOfOperation(ctx context.Context, region string, in *CreateHoursOfOperationInput) (*Instance, *HoursOfOperation, error) {
	inst, err := s.instance(ctx, region, in.InstanceID)
	if err != nil {
		return nil, nil, err
	}
	h, err := NewHoursOfOperation(in)
	if err != nil {
		return nil, nil, err
	}
	h.InstanceID = inst.ID
	h.ID = s.NewID()
	h.LastModifiedTime = s.Now()
	h.LastModifiedRegion = region
	if err := s.Store.CreateHoursOfOperation(ctx, h); err != nil {
		return nil, nil, err
	}
	return inst, h, nil
}

// DescribeHoursOfOperation returns the hours of operation and its instance.
func (s *Service) DescribeHoursOfOperation(ctx context.Context, region, instanceID, id string) (*Instance, *HoursOfOperation, error) {
	inst, err := s.instance(ctx, region, instanceID)
	if err != nil {
		return nil, nil, err
	}
	h, err := s.Store.HoursOfOperation(ctx, inst.ID, id)
	if err != nil {
		return nil, nil, err
	}
	return inst, h, nil
}

// ListHoursOfOperations returns a page of the instance's hours of
// operation.
func (s *Service) ListHoursOfOperations(ctx context.Context, region, instanceID, token string, limit int) (*Instance, []HoursOfOperation, string, error) {
	inst, err := s.instance(ctx, region, instanceID)
	if err != nil {
		return nil, nil, "", err
	}
	scope := "ListHoursOfOperations/" + inst.ID
	p, err := s.page(ctx, scope, token, limit)
	if err != nil {
		return nil, nil, "", err
	}
	items, next, err := s.Store.ListHoursOfOperations(ctx, inst.ID, p)
	if err != nil {
		return nil, nil, "", err
	}
	return inst, items, s.Tokens.Encode(scope, next), nil
}

// UpdateHoursOfOperation changes the members in sends.
func (s *Service) UpdateHoursOfOperation(ctx context.Context, region string, in *UpdateHoursOfOperationInput) error {
	inst, err := s.instance(ctx, region, in.InstanceID)
	if err != nil {
		return err
	}
	_, err = s.Store.UpdateHoursOfOperation(ctx, inst.ID, in.HoursOfOperationID, func(h *HoursOfOperation) error {
		if err := applyHoursOfOperationUpdate(h, in); err != nil {
			return err
		}
		h.LastModifiedTime = s.Now()
		h.LastModifiedRegion = region
		return nil
	})
	return err
}

// DeleteHoursOfOperation deletes hours of operation that no queue uses.
func (s *Service) DeleteHoursOfOperation(ctx context.Context, region, instanceID, id string) error {
	inst, err := s.instance(ctx, region, instanceID)
	if err != nil {
		return err
	}
	return inUseARN(inst, s.Store.DeleteHoursOfOperation(ctx, inst.ID, id))
}

// CreateQueue creates an ENABLED standard queue in the instance. The
// instance is returned too: the caller derives ARNs from it.
func (s *Service) CreateQueue(ctx context.Context, region string, in *CreateQueueInput) (*Instance, *Queue, error) {
	inst, err := s.instance(ctx, region, in.InstanceID)
	if err != nil {
		return nil, nil, err
	}
	q, err := NewQueue(in)
	if err != nil {
		return nil, nil, err
	}
	q.InstanceID = inst.ID
	q.ID = s.NewID()
	q.LastModifiedTime = s.Now()
	q.LastModifiedRegion = region
	if err := s.Store.CreateQueue(ctx, q); err != nil {
		return nil, nil, err
	}
	return inst, q, nil
}

// DescribeQueue returns the queue and its instance.
func (s *Service) DescribeQueue(ctx context.Context, region, instanceID, id string) (*Instance, *Queue, error) {
	inst, err := s.instance(ctx, region, instanceID)
	if err != nil {
		return nil, nil, err
	}
	q, err := s.Store.Queue(ctx, inst.ID, id)
	if err != nil {
		return nil, nil, err
	}
	return inst, q, nil
}

// ListQueues returns a page of the instance's queues of the given types
// (all types when queueTypes is empty).
func (s *Service) ListQueues(ctx context.Context, region, instanceID string, queueTypes []string, token string, limit int) (*Instance, []Queue, string, error) {
	if err := ValidateQueueTypes(queueTypes); err != nil {
		return nil, nil, "", err
	}
	inst, err := s.instance(ctx, region, instanceID)
	if err != nil {
		return nil, nil, "", err
	}
	types := slices.Clone(queueTypes)
	slices.Sort(types)
	types = slices.Compact(types)
	// A token is valid only for the filter it was issued for.
	scope := "ListQueues/" + inst.ID + "/" + strings.Join(types, ",")
	p, err := s.page(ctx, scope, token, limit)
	if err != nil {
		return nil, nil, "", err
	}
	items, next, err := s.Store.ListQueues(ctx, inst.ID, types, p)
	if err != nil {
		return nil, nil, "", err
	}
	return inst, items, s.Tokens.Encode(scope, next), nil
}

// updateQueue applies change to the queue and stamps it, in one store
// transaction.
func (s *Service) updateQueue(ctx context.Context, region, instanceID, id string, change func(*Queue) error) error {
	inst, err := s.instance(ctx, region, instanceID)
	if err != nil {
		return err
	}
	_, err = s.Store.UpdateQueue(ctx, inst.ID, id, func(q *Queue) error {
		if err := change(q); err != nil {
			return err
		}
		q.LastModifiedTime = s.Now()
		q.LastModifiedRegion = region
		return nil
	})
	return err
}

// UpdateQueueName changes the name, the description or both; a nil member
// stays as it is.
func (s *Service) UpdateQueueName(ctx context.Context, region, instanceID, id string, name, description *string) error {
	if name != nil {
		if err := validateQueueHoursName(*name); err != nil {
			return err
		}
	}
	if description != nil {
		if err := validateQueueHoursDescription(*description, 1); err != nil {
			return err
		}
	}
	return s.updateQueue(ctx, region, instanceID, id, func(q *Queue) error {
		if name != nil {
			q.Name = *name
		}
		if description != nil {
			q.Description = *description
		}
		return nil
	})
}

// UpdateQueueHoursOfOperation points the queue at other hours of operation,
// which must exist in the instance.
func (s *Service) UpdateQueueHoursOfOperation(ctx context.Context, region, instanceID, id, hoursID string) error {
	if hoursID == "" {
		return Errorf(KindInvalidParameter, "HoursOfOperationId is required")
	}
	return s.updateQueue(ctx, region, instanceID, id, func(q *Queue) error {
		q.HoursOfOperationID = hoursID
		return nil
	})
}

// UpdateQueueMaxContacts sets the maximum number of contacts in the queue;
// nil removes the limit, which connectlite records as 0.
func (s *Service) UpdateQueueMaxContacts(ctx context.Context, region, instanceID, id string, maxContacts *int32) error {
	var n int32
	if maxContacts != nil {
		if err := ValidateMaxContacts(*maxContacts); err != nil {
			return err
		}
		n = *maxContacts
	}
	return s.updateQueue(ctx, region, instanceID, id, func(q *Queue) error {
		q.MaxContacts = n
		return nil
	})
}

// UpdateQueueStatus enables or disables the queue.
func (s *Service) UpdateQueueStatus(ctx context.Context, region, instanceID, id, status string) error {
	if err := ValidateQueueStatus(status); err != nil {
		return err
	}
	return s.updateQueue(ctx, region, instanceID, id, func(q *Queue) error {
		q.Status = status
		return nil
	})
}

// UpdateQueueOutboundCallerConfig replaces the queue's outbound caller
// configuration: members in does not send are cleared.
func (s *Service) UpdateQueueOutboundCallerConfig(ctx context.Context, region, instanceID, id string, in *OutboundCallerConfigInput) error {
	c, err := NewOutboundCallerConfig(in)
	if err != nil {
		return err
	}
	return s.updateQueue(ctx, region, instanceID, id, func(q *Queue) error {
		q.OutboundCallerConfig = c
		return nil
	})
}

// UpdateQueueOutboundEmailConfig replaces the queue's outbound email
// configuration.
func (s *Service) UpdateQueueOutboundEmailConfig(ctx context.Context, region, instanceID, id string, c OutboundEmailConfig) error {
	if err := ValidateOutboundEmailConfig(&c); err != nil {
		return err
	}
	return s.updateQueue(ctx, region, instanceID, id, func(q *Queue) error {
		q.OutboundEmailConfig = c
		return nil
	})
}

// DeleteQueue deletes a queue that no routing profile uses.
func (s *Service) DeleteQueue(ctx context.Context, region, instanceID, id string) error {
	inst, err := s.instance(ctx, region, instanceID)
	if err != nil {
		return err
	}
	return inUseARN(inst, s.Store.DeleteQueue(ctx, inst.ID, id))
}

// ListQueueQuickConnects checks the token and that the queue exists and
// returns its quick connects: none, since connectlite has no quick
// connects (Terraform's aws_connect_queue reads this list after every
// change).
func (s *Service) ListQueueQuickConnects(ctx context.Context, region, instanceID, id, token string) error {
	inst, err := s.instance(ctx, region, instanceID)
	if err != nil {
		return err
	}
	if _, err := s.page(ctx, "ListQueueQuickConnects/"+inst.ID+"/"+id, token, 0); err != nil {
		return err
	}
	_, err = s.Store.Queue(ctx, inst.ID, id)
	return err
}

// inUseARN turns the ResourceID of a store's KindResourceInUse error into
// the ARN of the blocking resource, as the ResourceInUseException's
// ResourceId member carries it.
func inUseARN(inst *Instance, err error) error {
	var e *Error
	if !errors.As(err, &e) || e.Kind != KindResourceInUse || e.ResourceID == "" || strings.HasPrefix(e.ResourceID, "arn:") {
		return err
	}
	kind := ""
	switch e.ResourceType {
	case InUseByQueue:
		kind = ARNQueue
	case InUseByRoutingProfile:
		kind = ARNRoutingProfile
	default:
		return err
	}
	c := *e
	c.ResourceID = inst.ResourceARN(kind, e.ResourceID)
	return &c
}
