package storetest

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/connectlite/connectlite"
)

// runQueues is the part of the suite that covers connectlite.QueueStore:
// queues and hours of operation, their names, references and in-use rules.
func runQueues(t *testing.T, open func(t *testing.T) connectlite.Store) {
	runTests(t, open, []suiteTest{
		{"DefaultHoursAndQueueOfNewInstanceAreReadable", testDefaultHoursAndQueue},
		{"CreateHoursOfOperationRoundTripsEveryField", testHoursRoundTrip},
		{"CreateHoursOfOperationInUnknownInstanceIsNotFound", testHoursUnknownInstance},
		{"DuplicateHoursOfOperationNameIsDuplicateAndWritesNothing", testHoursDuplicateName},
		{"UnknownHoursOfOperationIsNotFound", testHoursUnknown},
		{"UpdateHoursOfOperationAppliesMutation", testHoursUpdate},
		{"UpdateHoursOfOperationErrorsChangeNothing", testHoursUpdateErrors},
		{"DeleteHoursOfOperationInUseIsResourceInUse", testHoursDelete},
		{"ListHoursOfOperationsPagesEveryIDOnce", testHoursListPages},
		{"CreateQueueRoundTripsEveryField", testQueueRoundTrip},
		{"CreateQueueWithBadReferenceOrNameWritesNothing", testQueueCreateErrors},
		{"UpdateQueueAppliesMutation", testQueueUpdate},
		{"UpdateQueueErrorsChangeNothing", testQueueUpdateErrors},
		{"DeleteQueueInUseByRoutingProfileIsResourceInUse", testQueueDelete},
		{"ListQueuesFiltersTypesAndPagesEveryIDOnce", testQueueListPages},
		{"DeleteInstanceRemovesItsQueuesAndHours", testQueueDeleteInstance},
		{"ConcurrentCreateQueueSameNameExactlyOneSucceeds", testQueueConcurrentSameName},
	})
}

func normHours(h connectlite.HoursOfOperation) connectlite.HoursOfOperation {
	h.Config = nilIfEmpty(h.Config)
	h.Tags = nilIfEmptyMap(h.Tags)
	h.LastModifiedTime = normTime(h.LastModifiedTime)
	return h
}

func normQueue(q connectlite.Queue) connectlite.Queue {
	q.Tags = nilIfEmptyMap(q.Tags)
	q.LastModifiedTime = normTime(q.LastModifiedTime)
	return q
}

// newHours returns hours of operation of n (not yet stored) with every
// member set.
func (f *fixture) newHours(n *connectlite.NewInstance, name string) *connectlite.HoursOfOperation {
	return &connectlite.HoursOfOperation{
		InstanceID:  n.Instance.ID,
		ID:          f.newID(),
		Name:        name,
		Description: "Weekdays, with a lunch break on Friday",
		TimeZone:    "Europe/Lisbon",
		Config: []connectlite.HoursOfOperationConfig{
			{Day: "MONDAY", StartHours: 9, StartMinutes: 0, EndHours: 17, EndMinutes: 30},
			{Day: "FRIDAY", StartHours: 13, StartMinutes: 15, EndHours: 18, EndMinutes: 0},
			{Day: "FRIDAY", StartHours: 8, StartMinutes: 45, EndHours: 12, EndMinutes: 5},
			{Day: "SUNDAY", StartHours: 22, StartMinutes: 0, EndHours: 2, EndMinutes: 0},
		},
		Tags:               map[string]string{"team": "support", "empty": ""},
		LastModifiedTime:   time.Date(2024, 3, 5, 9, 9, 11, 456_000_000, time.FixedZone("CET", 3600)),
		LastModifiedRegion: n.Instance.Region,
	}
}

// newQueue returns a queue of n (not yet stored) on hoursID with every
// member set.
func (f *fixture) newQueue(n *connectlite.NewInstance, name, hoursID string) *connectlite.Queue {
	return &connectlite.Queue{
		InstanceID:         n.Instance.ID,
		ID:                 f.newID(),
		Name:               name,
		Description:        "Sales calls",
		HoursOfOperationID: hoursID,
		MaxContacts:        25,
		Status:             connectlite.QueueStatusEnabled,
		QueueType:          connectlite.QueueTypeStandard,
		Tags:               map[string]string{"team": "sales"},
		LastModifiedTime:   t0(),
		LastModifiedRegion: n.Instance.Region,
		OutboundCallerConfig: connectlite.OutboundCallerConfig{
			OutboundCallerIDName:     "Example Corp",
			OutboundCallerIDNumberID: "a1b2c3d4-0000-4000-8000-000000000001",
			OutboundFlowID:           "a1b2c3d4-0000-4000-8000-000000000002",
		},
		OutboundEmailConfig: connectlite.OutboundEmailConfig{OutboundEmailAddressID: "a1b2c3d4-0000-4000-8000-000000000003"},
	}
}

func (f *fixture) mustHours(t *testing.T, h *connectlite.HoursOfOperation) {
	t.Helper()
	if err := f.s.CreateHoursOfOperation(f.ctx, h); err != nil {
		t.Fatalf("CreateHoursOfOperation(%s): %v", h.Name, err)
	}
}

func (f *fixture) mustQueue(t *testing.T, q *connectlite.Queue) {
	t.Helper()
	if err := f.s.CreateQueue(f.ctx, q); err != nil {
		t.Fatalf("CreateQueue(%s): %v", q.Name, err)
	}
}

func (f *fixture) mustGetHours(t *testing.T, instanceID, id string) *connectlite.HoursOfOperation {
	t.Helper()
	h, err := f.s.HoursOfOperation(f.ctx, instanceID, id)
	if err != nil {
		t.Fatalf("HoursOfOperation(%s): %v", id, err)
	}
	return h
}

func (f *fixture) mustGetQueue(t *testing.T, instanceID, id string) *connectlite.Queue {
	t.Helper()
	q, err := f.s.Queue(f.ctx, instanceID, id)
	if err != nil {
		t.Fatalf("Queue(%s): %v", id, err)
	}
	return q
}

// allHours pages through ListHoursOfOperations with limit (see allPages).
func (f *fixture) allHours(t *testing.T, instanceID string, limit int) []connectlite.HoursOfOperation {
	t.Helper()
	return allPages(t, "ListHoursOfOperations", limit,
		func(p connectlite.PageRequest) ([]connectlite.HoursOfOperation, string, error) {
			return f.s.ListHoursOfOperations(f.ctx, instanceID, p)
		}, func(h connectlite.HoursOfOperation) string { return h.ID })
}

// allQueues is allHours for ListQueues with a type filter.
func (f *fixture) allQueues(t *testing.T, instanceID string, types []string, limit int) []connectlite.Queue {
	t.Helper()
	return allPages(t, "ListQueues", limit, func(p connectlite.PageRequest) ([]connectlite.Queue, string, error) {
		return f.s.ListQueues(f.ctx, instanceID, types, p)
	}, func(q connectlite.Queue) string { return q.ID })
}

// wantInUse fails unless err is KindResourceInUse naming the blocking
// resource.
func wantInUse(t *testing.T, op string, err error, resourceType, resourceID string) {
	t.Helper()
	wantKind(t, op, err, connectlite.KindResourceInUse)
	var e *connectlite.Error
	if !errors.As(err, &e) {
		t.Fatalf("%s: err %T is not a *connectlite.Error", op, err)
	}
	if e.ResourceType != resourceType || e.ResourceID != resourceID {
		t.Fatalf("%s: blocking resource = %s %q, want %s %q", op, e.ResourceType, e.ResourceID, resourceType, resourceID)
	}
}

func testDefaultHoursAndQueue(t *testing.T, f *fixture) {
	n := f.mustInstance(t, instanceOpts{})
	wantHours, wantQueue := n.HoursOfOperations[0], n.Queues[0]

	got := f.mustGetHours(t, n.Instance.ID, wantHours.ID)
	checkEqual(t, "HoursOfOperation(Basic Hours)", *got, wantHours, normHours)
	checkUTC(t, "HoursOfOperation", got)
	// AWS's Basic Hours are open around the clock, every day of the week.
	var days []string
	for _, c := range got.Config {
		days = append(days, c.Day)
		if c.StartHours != 0 || c.StartMinutes != 0 || c.EndHours != 0 || c.EndMinutes != 0 {
			t.Errorf("Basic Hours %s: %02d:%02d-%02d:%02d, want 00:00-00:00 (all day)",
				c.Day, c.StartHours, c.StartMinutes, c.EndHours, c.EndMinutes)
		}
	}
	slices.Sort(days)
	if want := slices.Sorted(slices.Values(connectlite.HoursOfOperationDays)); !slices.Equal(days, want) {
		t.Errorf("Basic Hours days = %v, want %v", days, want)
	}

	q := f.mustGetQueue(t, n.Instance.ID, wantQueue.ID)
	checkEqual(t, "Queue(BasicQueue)", *q, wantQueue, normQueue)
	if q.Status != connectlite.QueueStatusEnabled || q.QueueType != connectlite.QueueTypeStandard || q.HoursOfOperationID != wantHours.ID {
		t.Errorf("BasicQueue: status %s type %s hours %s, want ENABLED STANDARD %s", q.Status, q.QueueType, q.HoursOfOperationID, wantHours.ID)
	}
	if hs := f.allHours(t, n.Instance.ID, 0); len(hs) != 1 || hs[0].ID != wantHours.ID {
		t.Errorf("ListHoursOfOperations = %v, want only %s", ids(hs, func(h connectlite.HoursOfOperation) string { return h.ID }), wantHours.ID)
	}
	if qs := f.allQueues(t, n.Instance.ID, nil, 0); len(qs) != 1 || qs[0].ID != wantQueue.ID {
		t.Errorf("ListQueues = %v, want only %s", ids(qs, func(q connectlite.Queue) string { return q.ID }), wantQueue.ID)
	}
}

func testHoursRoundTrip(t *testing.T, f *fixture) {
	n := f.mustInstance(t, instanceOpts{})
	h := f.newHours(n, "Support Hours")
	f.mustHours(t, h)
	got := f.mustGetHours(t, n.Instance.ID, h.ID)
	checkEqual(t, "HoursOfOperation", *got, *h, normHours)
	checkUTC(t, "HoursOfOperation", got)

	// No description, no tags, no days: all legal.
	bare := &connectlite.HoursOfOperation{
		InstanceID: n.Instance.ID, ID: f.newID(), Name: "Closed", TimeZone: "UTC",
		LastModifiedTime: t0(), LastModifiedRegion: n.Instance.Region,
	}
	f.mustHours(t, bare)
	checkEqual(t, "HoursOfOperation(bare)", *f.mustGetHours(t, n.Instance.ID, bare.ID), *bare, normHours)

	listed := f.allHours(t, n.Instance.ID, 0)
	if len(listed) != 3 {
		t.Fatalf("ListHoursOfOperations: %d items, want 3", len(listed))
	}
	for _, l := range listed {
		if l.ID == h.ID {
			checkEqual(t, "ListHoursOfOperations item", l, *h, normHours)
		}
	}
}

func testHoursUnknownInstance(t *testing.T, f *fixture) {
	n := f.mustInstance(t, instanceOpts{})
	h := f.newHours(n, "Nowhere")
	h.InstanceID = f.newID()
	wantKind(t, "CreateHoursOfOperation(unknown instance)", f.s.CreateHoursOfOperation(f.ctx, h), connectlite.KindNotFound)
	_, _, err := f.s.ListHoursOfOperations(f.ctx, h.InstanceID, connectlite.PageRequest{})
	wantKind(t, "ListHoursOfOperations(unknown instance)", err, connectlite.KindNotFound)
	_, _, err = f.s.ListQueues(f.ctx, h.InstanceID, nil, connectlite.PageRequest{})
	wantKind(t, "ListQueues(unknown instance)", err, connectlite.KindNotFound)
	q := f.newQueue(n, "Nowhere", n.HoursOfOperations[0].ID)
	q.InstanceID = h.InstanceID
	wantKind(t, "CreateQueue(unknown instance)", f.s.CreateQueue(f.ctx, q), connectlite.KindNotFound)
}

func testHoursDuplicateName(t *testing.T, f *fixture) {
	n := f.mustInstance(t, instanceOpts{})
	other := f.mustInstance(t, instanceOpts{})
	first := f.newHours(n, "Support Hours")
	f.mustHours(t, first)
	dup := f.newHours(n, "Support Hours")
	err := f.s.CreateHoursOfOperation(f.ctx, dup)
	wantKind(t, "CreateHoursOfOperation(taken name)", err, connectlite.KindDuplicate)
	wantMessage(t, "CreateHoursOfOperation(taken name)", err,
		connectlite.DuplicateHoursOfOperationName(n.Instance.ID, "Support Hours").Error())
	_, err = f.s.HoursOfOperation(f.ctx, n.Instance.ID, dup.ID)
	wantKind(t, "HoursOfOperation(rejected)", err, connectlite.KindNotFound)
	// The default name is taken too.
	err = f.s.CreateHoursOfOperation(f.ctx, f.newHours(n, connectlite.DefaultHoursName))
	wantKind(t, "CreateHoursOfOperation(Basic Hours)", err, connectlite.KindDuplicate)

	// Names compare exactly, and per instance.
	f.mustHours(t, f.newHours(n, "support hours"))
	f.mustHours(t, f.newHours(other, "Support Hours"))
	if got := len(f.allHours(t, n.Instance.ID, 0)); got != 3 {
		t.Fatalf("ListHoursOfOperations: %d items, want 3", got)
	}
}

func testHoursUnknown(t *testing.T, f *fixture) {
	n := f.mustInstance(t, instanceOpts{})
	other := f.mustInstance(t, instanceOpts{})
	hours, queue := n.HoursOfOperations[0].ID, n.Queues[0].ID
	cases := []struct{ name, instance, hoursID, queueID string }{
		{"UnknownID", n.Instance.ID, f.newID(), f.newID()},
		{"OfOtherInstance", n.Instance.ID, other.HoursOfOperations[0].ID, other.Queues[0].ID},
		{"UnknownInstance", f.newID(), hours, queue},
		{"IDOfTheOtherType", n.Instance.ID, queue, hours},
		{"EmptyID", n.Instance.ID, "", ""},
		{"IDInOtherCase", n.Instance.ID, strings.ToUpper(hours), strings.ToUpper(queue)},
	}
	for _, c := range cases {
		_, err := f.s.HoursOfOperation(f.ctx, c.instance, c.hoursID)
		wantKind(t, "HoursOfOperation("+c.name+")", err, connectlite.KindNotFound)
		_, err = f.s.Queue(f.ctx, c.instance, c.queueID)
		wantKind(t, "Queue("+c.name+")", err, connectlite.KindNotFound)
	}
	_, err := f.s.HoursOfOperation(f.ctx, n.Instance.ID, other.HoursOfOperations[0].ID)
	wantMessage(t, "HoursOfOperation(other instance)", err,
		connectlite.HoursOfOperationNotFound(n.Instance.ID, other.HoursOfOperations[0].ID).Error())
	_, err = f.s.Queue(f.ctx, n.Instance.ID, other.Queues[0].ID)
	wantMessage(t, "Queue(other instance)", err, connectlite.QueueNotFound(n.Instance.ID, other.Queues[0].ID).Error())
}

func testHoursUpdate(t *testing.T, f *fixture) {
	n := f.mustInstance(t, instanceOpts{})
	h := f.newHours(n, "Support Hours")
	f.mustHours(t, h)
	later := t0().Add(time.Hour)
	updated, err := f.s.UpdateHoursOfOperation(f.ctx, n.Instance.ID, h.ID, func(cur *connectlite.HoursOfOperation) error {
		checkEqual(t, "the hours given to mutate", *cur, *h, normHours)
		cur.Name = "Support Hours v2"
		cur.Description = ""
		cur.TimeZone = "Asia/Kolkata"
		cur.Config = []connectlite.HoursOfOperationConfig{{Day: "SATURDAY", StartHours: 10, EndHours: 14, EndMinutes: 59}}
		cur.Tags = map[string]string{"team": "tier2"}
		cur.LastModifiedTime = later
		cur.LastModifiedRegion = "eu-west-2"
		cur.InstanceID, cur.ID = "ignored", "ignored" // the store keeps the row's
		return nil
	})
	if err != nil {
		t.Fatalf("UpdateHoursOfOperation: %v", err)
	}
	want := *h
	want.Name, want.Description, want.TimeZone = "Support Hours v2", "", "Asia/Kolkata"
	want.Config = []connectlite.HoursOfOperationConfig{{Day: "SATURDAY", StartHours: 10, EndHours: 14, EndMinutes: 59}}
	want.Tags = map[string]string{"team": "tier2"}
	want.LastModifiedTime, want.LastModifiedRegion = later, "eu-west-2"
	checkEqual(t, "UpdateHoursOfOperation result", *updated, want, normHours)
	checkEqual(t, "HoursOfOperation after update", *f.mustGetHours(t, n.Instance.ID, h.ID), want, normHours)

	// Renaming to the own name, or only changing its case, is no conflict.
	if _, err := f.s.UpdateHoursOfOperation(f.ctx, n.Instance.ID, h.ID, func(cur *connectlite.HoursOfOperation) error {
		cur.Name = "SUPPORT HOURS V2"
		return nil
	}); err != nil {
		t.Fatalf("UpdateHoursOfOperation(case-only rename): %v", err)
	}
}

func testHoursUpdateErrors(t *testing.T, f *fixture) {
	n := f.mustInstance(t, instanceOpts{})
	h := f.newHours(n, "Support Hours")
	f.mustHours(t, h)

	_, err := f.s.UpdateHoursOfOperation(f.ctx, n.Instance.ID, h.ID, func(cur *connectlite.HoursOfOperation) error {
		cur.Name = connectlite.DefaultHoursName
		cur.TimeZone = "UTC"
		return nil
	})
	wantKind(t, "UpdateHoursOfOperation(taken name)", err, connectlite.KindDuplicate)
	wantMessage(t, "UpdateHoursOfOperation(taken name)", err,
		connectlite.DuplicateHoursOfOperationName(n.Instance.ID, connectlite.DefaultHoursName).Error())

	boom := errors.New("boom")
	_, err = f.s.UpdateHoursOfOperation(f.ctx, n.Instance.ID, h.ID, func(cur *connectlite.HoursOfOperation) error {
		cur.Name = "changed"
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("UpdateHoursOfOperation(mutate fails): err = %v, want mutate's error", err)
	}
	checkEqual(t, "HoursOfOperation after failed updates", *f.mustGetHours(t, n.Instance.ID, h.ID), *h, normHours)

	called := false
	_, err = f.s.UpdateHoursOfOperation(f.ctx, n.Instance.ID, f.newID(), func(*connectlite.HoursOfOperation) error {
		called = true
		return nil
	})
	wantKind(t, "UpdateHoursOfOperation(unknown)", err, connectlite.KindNotFound)
	if called {
		t.Errorf("UpdateHoursOfOperation(unknown) called mutate")
	}
}

func testHoursDelete(t *testing.T, f *fixture) {
	n := f.mustInstance(t, instanceOpts{})
	basic := n.HoursOfOperations[0]
	// The default hours are used by BasicQueue.
	err := f.s.DeleteHoursOfOperation(f.ctx, n.Instance.ID, basic.ID)
	wantInUse(t, "DeleteHoursOfOperation(Basic Hours)", err, connectlite.InUseByQueue, n.Queues[0].ID)
	wantMessage(t, "DeleteHoursOfOperation(Basic Hours)", err, connectlite.HoursOfOperationInUse(basic.ID, n.Queues[0].ID).Error())

	h := f.newHours(n, "Support Hours")
	f.mustHours(t, h)
	q := f.newQueue(n, "Support", h.ID)
	f.mustQueue(t, q)
	wantInUse(t, "DeleteHoursOfOperation(used)", f.s.DeleteHoursOfOperation(f.ctx, n.Instance.ID, h.ID), connectlite.InUseByQueue, q.ID)
	checkEqual(t, "HoursOfOperation after refused delete", *f.mustGetHours(t, n.Instance.ID, h.ID), *h, normHours)

	// Once the queue points elsewhere, the hours can go.
	if _, err := f.s.UpdateQueue(f.ctx, n.Instance.ID, q.ID, func(cur *connectlite.Queue) error {
		cur.HoursOfOperationID = basic.ID
		return nil
	}); err != nil {
		t.Fatalf("UpdateQueue(hours): %v", err)
	}
	if err := f.s.DeleteHoursOfOperation(f.ctx, n.Instance.ID, h.ID); err != nil {
		t.Fatalf("DeleteHoursOfOperation(unused): %v", err)
	}
	_, err = f.s.HoursOfOperation(f.ctx, n.Instance.ID, h.ID)
	wantKind(t, "HoursOfOperation(deleted)", err, connectlite.KindNotFound)
	err = f.s.DeleteHoursOfOperation(f.ctx, n.Instance.ID, h.ID)
	wantKind(t, "DeleteHoursOfOperation(again)", err, connectlite.KindNotFound)
	wantMessage(t, "DeleteHoursOfOperation(again)", err, connectlite.HoursOfOperationNotFound(n.Instance.ID, h.ID).Error())
	// Its name is free again.
	f.mustHours(t, f.newHours(n, "Support Hours"))
	if got := len(f.allHours(t, n.Instance.ID, 0)); got != 2 {
		t.Fatalf("ListHoursOfOperations: %d items, want 2", got)
	}
}

func testHoursListPages(t *testing.T, f *fixture) {
	n := f.mustInstance(t, instanceOpts{})
	other := f.mustInstance(t, instanceOpts{})
	want := []string{n.HoursOfOperations[0].ID}
	for i := range 9 {
		h := f.newHours(n, fmt.Sprintf("Hours %d", i))
		f.mustHours(t, h)
		want = append(want, h.ID)
	}
	f.mustHours(t, f.newHours(other, "Elsewhere"))
	slices.Sort(want)
	for _, limit := range []int{0, 1, 3, 10, 11} {
		got := ids(f.allHours(t, n.Instance.ID, limit), func(h connectlite.HoursOfOperation) string { return h.ID })
		if !slices.Equal(got, want) {
			t.Fatalf("ListHoursOfOperations(limit %d) = %v, want %v", limit, got, want)
		}
	}
	items, next, err := f.s.ListHoursOfOperations(f.ctx, n.Instance.ID, connectlite.PageRequest{Limit: 10})
	if err != nil || len(items) != 10 || next != "" {
		t.Fatalf("ListHoursOfOperations(limit 10 of 10) = %d items, next %q, err %v; want 10, \"\", nil", len(items), next, err)
	}
}

func testQueueRoundTrip(t *testing.T, f *fixture) {
	n := f.mustInstance(t, instanceOpts{})
	q := f.newQueue(n, "Sales", n.HoursOfOperations[0].ID)
	q.LastModifiedTime = time.Date(2024, 3, 5, 9, 9, 11, 456_000_000, time.FixedZone("CET", 3600))
	f.mustQueue(t, q)
	got := f.mustGetQueue(t, n.Instance.ID, q.ID)
	checkEqual(t, "Queue", *got, *q, normQueue)
	checkUTC(t, "Queue", got)

	bare := &connectlite.Queue{
		InstanceID: n.Instance.ID, ID: f.newID(), Name: "Bare", HoursOfOperationID: n.HoursOfOperations[0].ID,
		Status: connectlite.QueueStatusDisabled, QueueType: connectlite.QueueTypeStandard,
		LastModifiedTime: t0(), LastModifiedRegion: n.Instance.Region,
	}
	f.mustQueue(t, bare)
	checkEqual(t, "Queue(bare)", *f.mustGetQueue(t, n.Instance.ID, bare.ID), *bare, normQueue)

	for _, l := range f.allQueues(t, n.Instance.ID, nil, 0) {
		if l.ID == q.ID {
			checkEqual(t, "ListQueues item", l, *q, normQueue)
		}
	}
}

func testQueueCreateErrors(t *testing.T, f *fixture) {
	n := f.mustInstance(t, instanceOpts{})
	other := f.mustInstance(t, instanceOpts{})
	for name, hours := range map[string]string{
		"UnknownHours":         f.newID(),
		"HoursOfOtherInstance": other.HoursOfOperations[0].ID,
	} {
		q := f.newQueue(n, "Sales "+name, hours)
		err := f.s.CreateQueue(f.ctx, q)
		wantKind(t, "CreateQueue("+name+")", err, connectlite.KindInvalidParameter)
		wantMessage(t, "CreateQueue("+name+")", err, connectlite.UnknownHoursOfOperation(n.Instance.ID, hours).Error())
		_, err = f.s.Queue(f.ctx, n.Instance.ID, q.ID)
		wantKind(t, "Queue(rejected "+name+")", err, connectlite.KindNotFound)
	}
	first := f.newQueue(n, "Sales", n.HoursOfOperations[0].ID)
	f.mustQueue(t, first)
	for _, name := range []string{"Sales", connectlite.DefaultQueueName} {
		dup := f.newQueue(n, name, n.HoursOfOperations[0].ID)
		err := f.s.CreateQueue(f.ctx, dup)
		wantKind(t, "CreateQueue(taken "+name+")", err, connectlite.KindDuplicate)
		wantMessage(t, "CreateQueue(taken "+name+")", err, connectlite.DuplicateQueueName(n.Instance.ID, name).Error())
	}
	// Exact, per-instance names.
	f.mustQueue(t, f.newQueue(n, "SALES", n.HoursOfOperations[0].ID))
	f.mustQueue(t, f.newQueue(other, "Sales", other.HoursOfOperations[0].ID))
	if got := len(f.allQueues(t, n.Instance.ID, nil, 0)); got != 3 {
		t.Fatalf("ListQueues: %d queues, want 3", got)
	}
}

func testQueueUpdate(t *testing.T, f *fixture) {
	n := f.mustInstance(t, instanceOpts{})
	h := f.newHours(n, "Support Hours")
	f.mustHours(t, h)
	q := f.newQueue(n, "Sales", n.HoursOfOperations[0].ID)
	f.mustQueue(t, q)
	later := t0().Add(time.Minute)
	updated, err := f.s.UpdateQueue(f.ctx, n.Instance.ID, q.ID, func(cur *connectlite.Queue) error {
		checkEqual(t, "the queue given to mutate", *cur, *q, normQueue)
		cur.Name = "Sales EMEA"
		cur.Description = "Sales in Europe"
		cur.HoursOfOperationID = h.ID
		cur.MaxContacts = 0
		cur.Status = connectlite.QueueStatusDisabled
		cur.OutboundCallerConfig = connectlite.OutboundCallerConfig{OutboundCallerIDName: "Example EMEA"}
		cur.OutboundEmailConfig = connectlite.OutboundEmailConfig{}
		cur.Tags = nil
		cur.LastModifiedTime = later
		cur.LastModifiedRegion = "eu-central-1"
		cur.ID = "ignored"
		return nil
	})
	if err != nil {
		t.Fatalf("UpdateQueue: %v", err)
	}
	want := *q
	want.Name, want.Description, want.HoursOfOperationID = "Sales EMEA", "Sales in Europe", h.ID
	want.MaxContacts, want.Status = 0, connectlite.QueueStatusDisabled
	want.OutboundCallerConfig = connectlite.OutboundCallerConfig{OutboundCallerIDName: "Example EMEA"}
	want.OutboundEmailConfig = connectlite.OutboundEmailConfig{}
	want.Tags = nil
	want.LastModifiedTime, want.LastModifiedRegion = later, "eu-central-1"
	checkEqual(t, "UpdateQueue result", *updated, want, normQueue)
	checkEqual(t, "Queue after update", *f.mustGetQueue(t, n.Instance.ID, q.ID), want, normQueue)
}

func testQueueUpdateErrors(t *testing.T, f *fixture) {
	n := f.mustInstance(t, instanceOpts{})
	other := f.mustInstance(t, instanceOpts{})
	q := f.newQueue(n, "Sales", n.HoursOfOperations[0].ID)
	f.mustQueue(t, q)
	cases := []struct {
		name   string
		mutate func(*connectlite.Queue) error
		want   connectlite.Kind
		msg    string
	}{
		{"UnknownHours", func(c *connectlite.Queue) error {
			c.Name = "changed"
			c.HoursOfOperationID = "unknown-hours"
			return nil
		}, connectlite.KindInvalidParameter, connectlite.UnknownHoursOfOperation(n.Instance.ID, "unknown-hours").Error()},
		{"HoursOfOtherInstance", func(c *connectlite.Queue) error {
			c.HoursOfOperationID = other.HoursOfOperations[0].ID
			return nil
		}, connectlite.KindInvalidParameter, connectlite.UnknownHoursOfOperation(n.Instance.ID, other.HoursOfOperations[0].ID).Error()},
		{"TakenName", func(c *connectlite.Queue) error {
			c.Name = connectlite.DefaultQueueName
			c.Status = connectlite.QueueStatusDisabled
			return nil
		}, connectlite.KindDuplicate, connectlite.DuplicateQueueName(n.Instance.ID, connectlite.DefaultQueueName).Error()},
	}
	for _, tc := range cases {
		_, err := f.s.UpdateQueue(f.ctx, n.Instance.ID, q.ID, tc.mutate)
		wantKind(t, "UpdateQueue("+tc.name+")", err, tc.want)
		wantMessage(t, "UpdateQueue("+tc.name+")", err, tc.msg)
	}
	boom := errors.New("boom")
	_, err := f.s.UpdateQueue(f.ctx, n.Instance.ID, q.ID, func(c *connectlite.Queue) error {
		c.MaxContacts = 99
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("UpdateQueue(mutate fails): err = %v, want mutate's error", err)
	}
	checkEqual(t, "Queue after failed updates", *f.mustGetQueue(t, n.Instance.ID, q.ID), *q, normQueue)
	_, err = f.s.UpdateQueue(f.ctx, n.Instance.ID, other.Queues[0].ID, func(*connectlite.Queue) error { return nil })
	wantKind(t, "UpdateQueue(queue of other instance)", err, connectlite.KindNotFound)
	wantMessage(t, "UpdateQueue(queue of other instance)", err, connectlite.QueueNotFound(n.Instance.ID, other.Queues[0].ID).Error())
}

func testQueueDelete(t *testing.T, f *fixture) {
	// An instance with a second routing profile that uses a second queue
	// only in its queue configs (its default outbound queue is BasicQueue).
	n := f.build(instanceOpts{alias: "withprofiles"})
	basicHours := n.HoursOfOperations[0].ID
	routed := connectlite.Queue{
		InstanceID: n.Instance.ID, ID: f.newID(), Name: "Routed", HoursOfOperationID: basicHours,
		Status: connectlite.QueueStatusEnabled, QueueType: connectlite.QueueTypeStandard,
		LastModifiedTime: t0(), LastModifiedRegion: n.Instance.Region,
	}
	n.Queues = append(n.Queues, routed)
	profile := n.RoutingProfiles[0]
	profile.ID, profile.Name = f.newID(), "Second Routing Profile"
	profile.QueueConfigs = []connectlite.RoutingProfileQueueConfig{{QueueID: routed.ID, Channel: "CHAT", Priority: 2, Delay: 5}}
	n.RoutingProfiles = append(n.RoutingProfiles, profile)
	if err := f.s.CreateInstance(f.ctx, n); err != nil {
		t.Fatalf("CreateInstance: %v", err)
	}
	basic := n.Queues[0]
	// BasicQueue is the default profile's outbound queue and in its
	// configs, and the second profile's outbound queue.
	want := min(n.RoutingProfiles[0].ID, profile.ID)
	err := f.s.DeleteQueue(f.ctx, n.Instance.ID, basic.ID)
	wantInUse(t, "DeleteQueue(BasicQueue)", err, connectlite.InUseByRoutingProfile, want)
	wantMessage(t, "DeleteQueue(BasicQueue)", err, connectlite.QueueInUse(basic.ID, want).Error())
	wantInUse(t, "DeleteQueue(routed)", f.s.DeleteQueue(f.ctx, n.Instance.ID, routed.ID), connectlite.InUseByRoutingProfile, profile.ID)
	checkEqual(t, "Queue after refused delete", *f.mustGetQueue(t, n.Instance.ID, routed.ID), routed, normQueue)

	// A queue used only for manual assignment, by a third profile.
	manual := f.newQueue(&connectlite.NewInstance{Instance: n.Instance}, "Manual", basicHours)
	f.mustQueue(t, manual)
	third := connectlite.RoutingProfile{
		InstanceID: n.Instance.ID, ID: f.newID(), Name: "Manual Routing Profile", Description: "manual",
		DefaultOutboundQueueID: basic.ID,
		MediaConcurrencies:     []connectlite.MediaConcurrency{{Channel: "CHAT", Concurrency: 1}},
		ManualAssignmentQueues: []connectlite.RoutingProfileQueueReference{{QueueID: manual.ID, Channel: "CHAT"}},
		LastModifiedTime:       t0(), LastModifiedRegion: n.Instance.Region,
	}
	if err := f.s.CreateRoutingProfile(f.ctx, &third); err != nil {
		t.Fatalf("CreateRoutingProfile: %v", err)
	}
	wantInUse(t, "DeleteQueue(manual assignment)", f.s.DeleteQueue(f.ctx, n.Instance.ID, manual.ID), connectlite.InUseByRoutingProfile, third.ID)

	free := f.newQueue(&connectlite.NewInstance{Instance: n.Instance}, "Free", basicHours)
	f.mustQueue(t, free)
	if err := f.s.DeleteQueue(f.ctx, n.Instance.ID, free.ID); err != nil {
		t.Fatalf("DeleteQueue(unused): %v", err)
	}
	_, err = f.s.Queue(f.ctx, n.Instance.ID, free.ID)
	wantKind(t, "Queue(deleted)", err, connectlite.KindNotFound)
	err = f.s.DeleteQueue(f.ctx, n.Instance.ID, free.ID)
	wantKind(t, "DeleteQueue(again)", err, connectlite.KindNotFound)
	wantMessage(t, "DeleteQueue(again)", err, connectlite.QueueNotFound(n.Instance.ID, free.ID).Error())
	got := ids(f.allQueues(t, n.Instance.ID, nil, 0), func(q connectlite.Queue) string { return q.ID })
	wantIDs := []string{basic.ID, routed.ID, manual.ID}
	slices.Sort(wantIDs)
	if !slices.Equal(got, wantIDs) {
		t.Fatalf("ListQueues after deletes = %v, want %v", got, wantIDs)
	}
}

func testQueueListPages(t *testing.T, f *fixture) {
	n := f.mustInstance(t, instanceOpts{})
	other := f.mustInstance(t, instanceOpts{})
	want := []string{n.Queues[0].ID}
	for i := range 8 {
		q := f.newQueue(n, fmt.Sprintf("Queue %d", i), n.HoursOfOperations[0].ID)
		f.mustQueue(t, q)
		want = append(want, q.ID)
	}
	f.mustQueue(t, f.newQueue(other, "Elsewhere", other.HoursOfOperations[0].ID))
	slices.Sort(want)
	std, agent := connectlite.QueueTypeStandard, connectlite.QueueTypeAgent
	for _, types := range [][]string{nil, {std}, {std, agent}, {agent, std}} {
		for _, limit := range []int{0, 1, 4, 9} {
			got := ids(f.allQueues(t, n.Instance.ID, types, limit), func(q connectlite.Queue) string { return q.ID })
			if !slices.Equal(got, want) {
				t.Fatalf("ListQueues(%v, limit %d) = %v, want %v", types, limit, got, want)
			}
		}
	}
	// connectlite has no agent queues.
	items, next, err := f.s.ListQueues(f.ctx, n.Instance.ID, []string{agent}, connectlite.PageRequest{Limit: 2})
	if err != nil || len(items) != 0 || next != "" {
		t.Fatalf("ListQueues(AGENT) = %d items, next %q, err %v; want none", len(items), next, err)
	}
}

func testQueueDeleteInstance(t *testing.T, f *fixture) {
	n := f.mustInstance(t, instanceOpts{})
	h := f.newHours(n, "Support Hours")
	f.mustHours(t, h)
	q := f.newQueue(n, "Support", h.ID)
	f.mustQueue(t, q)
	if err := f.s.DeleteInstance(f.ctx, n.Instance.ID); err != nil {
		t.Fatalf("DeleteInstance: %v", err)
	}
	_, err := f.s.Queue(f.ctx, n.Instance.ID, q.ID)
	wantKind(t, "Queue(of deleted instance)", err, connectlite.KindNotFound)
	_, err = f.s.HoursOfOperation(f.ctx, n.Instance.ID, h.ID)
	wantKind(t, "HoursOfOperation(of deleted instance)", err, connectlite.KindNotFound)
}

func testQueueConcurrentSameName(t *testing.T, f *fixture) {
	n := f.mustInstance(t, instanceOpts{})
	const racers = 10
	queues := make([]*connectlite.Queue, racers)
	errs := make([]error, racers)
	for i := range queues {
		queues[i] = f.newQueue(n, "Contested", n.HoursOfOperations[0].ID)
	}
	var wg sync.WaitGroup
	start := make(chan struct{})
	for i := range queues {
		wg.Go(func() {
			<-start
			errs[i] = f.s.CreateQueue(f.ctx, queues[i])
		})
	}
	close(start)
	wg.Wait()
	winners := 0
	for i, err := range errs {
		if err == nil {
			winners++
			continue
		}
		wantKind(t, fmt.Sprintf("CreateQueue #%d", i), err, connectlite.KindDuplicate)
	}
	if winners != 1 {
		t.Fatalf("%d CreateQueue calls succeeded, want exactly 1 (errors: %v)", winners, errs)
	}
	if got := len(f.allQueues(t, n.Instance.ID, nil, 0)); got != 2 {
		t.Fatalf("ListQueues: %d queues, want 2 (BasicQueue and the winner)", got)
	}
}
