package connectlite

import "context"

// The errors of QueueStore, shared by every store so that clients see the
// same messages whichever store serves them.

// HoursOfOperationNotFound is the KindNotFound error of an unknown hours of
// operation.
func HoursOfOperationNotFound(instanceID, id string) error {
	return Errorf(KindNotFound, "Hours of operation %s does not exist in instance %s", id, instanceID)
}

// QueueNotFound is the KindNotFound error of an unknown queue.
func QueueNotFound(instanceID, id string) error {
	return Errorf(KindNotFound, "Queue %s does not exist in instance %s", id, instanceID)
}

// UnknownHoursOfOperation is the KindInvalidParameter error of a queue
// whose HoursOfOperationId does not exist in its instance.
func UnknownHoursOfOperation(instanceID, id string) error {
	return Errorf(KindInvalidParameter, "HoursOfOperationId: hours of operation %s does not exist in instance %s", id, instanceID)
}

// DuplicateHoursOfOperationName is the KindDuplicate error of an hours of
// operation name that is taken.
func DuplicateHoursOfOperationName(instanceID, name string) error {
	return Errorf(KindDuplicate, "Hours of operation named %s already exists in instance %s", name, instanceID)
}

// DuplicateQueueName is the KindDuplicate error of a queue name that is
// taken.
func DuplicateQueueName(instanceID, name string) error {
	return Errorf(KindDuplicate, "Queue named %s already exists in instance %s", name, instanceID)
}

// HoursOfOperationInUse is the KindResourceInUse error of deleting hours
// of operation that queue queueID uses; "" means a reference the store
// could not name.
func HoursOfOperationInUse(id, queueID string) error {
	if queueID == "" {
		return &Error{Kind: KindResourceInUse, Message: "Hours of operation " + id + " is in use by another resource"}
	}
	return &Error{
		Kind:         KindResourceInUse,
		Message:      "Hours of operation " + id + " is in use by queue " + queueID + "; point the queue at other hours first",
		ResourceType: InUseByQueue, ResourceID: queueID,
	}
}

// QueueInUse is the KindResourceInUse error of deleting a queue that
// routing profile profileID uses; "" means a reference the store could not
// name (a foreign key it did not check first).
func QueueInUse(id, profileID string) error {
	if profileID == "" {
		return &Error{Kind: KindResourceInUse, Message: "Queue " + id + " is in use by another resource"}
	}
	return &Error{
		Kind:         KindResourceInUse,
		Message:      "Queue " + id + " is in use by routing profile " + profileID + "; remove it from the routing profile first",
		ResourceType: InUseByRoutingProfile, ResourceID: profileID,
	}
}

// QueueStore persists the queues and hours of operation of instances. Names
// are unique per instance and per resource type, compared exactly. A queue
// references an hours of operation; routing profiles reference queues (as
// their default outbound queue and in their queue configs).
type QueueStore interface {
	// CreateHoursOfOperation inserts h. It returns KindNotFound if the
	// instance does not exist and KindDuplicate if the instance has hours
	// of operation of that name.
	CreateHoursOfOperation(ctx context.Context, h *HoursOfOperation) error
	// HoursOfOperation returns KindNotFound if the instance has no hours of
	// operation with that id.
	HoursOfOperation(ctx context.Context, instanceID, id string) (*HoursOfOperation, error)
	// ListHoursOfOperations lists an instance's hours of operation ordered
	// by id. It returns KindNotFound if the instance does not exist.
	ListHoursOfOperations(ctx context.Context, instanceID string, p PageRequest) ([]HoursOfOperation, string, error)
	// UpdateHoursOfOperation reads the hours of operation, applies mutate
	// and writes the result in one transaction. It returns KindNotFound if
	// there is no such hours of operation, KindDuplicate if the new name is
	// taken, and whatever error mutate returns, changing nothing in any of
	// these cases. mutate cannot change the instance or id and may run more
	// than once.
	UpdateHoursOfOperation(ctx context.Context, instanceID, id string, mutate func(*HoursOfOperation) error) (*HoursOfOperation, error)
	// DeleteHoursOfOperation deletes the hours of operation. It returns
	// KindNotFound if there is none with that id and KindResourceInUse
	// (ResourceType InUseByQueue, ResourceID the queue's id) if a queue
	// uses it.
	DeleteHoursOfOperation(ctx context.Context, instanceID, id string) error

	// CreateQueue inserts q. It returns KindNotFound if the instance does
	// not exist, KindInvalidParameter if its hours of operation does not
	// exist in the instance and KindDuplicate if the instance has a queue of
	// that name.
	CreateQueue(ctx context.Context, q *Queue) error
	// Queue returns KindNotFound if the instance has no queue with that id.
	Queue(ctx context.Context, instanceID, id string) (*Queue, error)
	// ListQueues lists an instance's queues of the given types (all types
	// if queueTypes is empty) ordered by id. It returns KindNotFound if the
	// instance does not exist.
	ListQueues(ctx context.Context, instanceID string, queueTypes []string, p PageRequest) ([]Queue, string, error)
	// UpdateQueue reads the queue, applies mutate and writes the result in
	// one transaction, checking the hours of operation and the name as
	// CreateQueue does. It returns KindNotFound if there is no such queue
	// and whatever error mutate returns, changing nothing in any error
	// case. mutate cannot change the instance or id and may run more than
	// once.
	UpdateQueue(ctx context.Context, instanceID, id string, mutate func(*Queue) error) (*Queue, error)
	// DeleteQueue deletes the queue. It returns KindNotFound if there is
	// none with that id and KindResourceInUse (ResourceType
	// InUseByRoutingProfile, ResourceID the profile's id) if a routing
	// profile uses it as its default outbound queue, in a queue config or
	// as a manual assignment queue.
	DeleteQueue(ctx context.Context, instanceID, id string) error
}
