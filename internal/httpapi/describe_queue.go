package httpapi

import (
	"context"

	"github.com/connectlite/connectlite"
)

// wireOutboundCallerConfigOut is an OutboundCallerConfig as DescribeQueue
// returns it: only the members that are set.
type wireOutboundCallerConfigOut struct {
	OutboundCallerIDName     string `json:"OutboundCallerIdName,omitempty"`
	OutboundCallerIDNumberID string `json:"OutboundCallerIdNumberId,omitempty"`
	OutboundFlowID           string `json:"OutboundFlowId,omitempty"`
}

// wireQueue is the Queue shape of DescribeQueue. The outbound settings
// appear only when set, so a Terraform configuration without them plans no
// change; MaxContacts is always present (0 when there is no limit).
type wireQueue struct {
	Name                 string                       `json:"Name"`
	QueueArn             string                       `json:"QueueArn"`
	QueueID              string                       `json:"QueueId"`
	Description          string                       `json:"Description,omitempty"`
	OutboundCallerConfig *wireOutboundCallerConfigOut `json:"OutboundCallerConfig,omitempty"`
	OutboundEmailConfig  *wireOutboundEmailConfig     `json:"OutboundEmailConfig,omitempty"`
	HoursOfOperationID   string                       `json:"HoursOfOperationId"`
	MaxContacts          int32                        `json:"MaxContacts"`
	Status               string                       `json:"Status"`
	Tags                 map[string]string            `json:"Tags,omitempty"`
	LastModifiedTime     epochSeconds                 `json:"LastModifiedTime,omitzero"`
	LastModifiedRegion   string                       `json:"LastModifiedRegion,omitempty"`
}

type describeQueueOutput struct {
	Queue wireQueue `json:"Queue"`
}

func toWireQueue(inst *connectlite.Instance, q *connectlite.Queue) wireQueue {
	w := wireQueue{
		Name:               q.Name,
		QueueArn:           inst.ResourceARN(connectlite.ARNQueue, q.ID),
		QueueID:            q.ID,
		Description:        q.Description,
		HoursOfOperationID: q.HoursOfOperationID,
		MaxContacts:        q.MaxContacts,
		Status:             q.Status,
		Tags:               emptyToNil(q.Tags),
		LastModifiedTime:   epochSeconds(q.LastModifiedTime),
		LastModifiedRegion: q.LastModifiedRegion,
	}
	if oc := q.OutboundCallerConfig; !oc.IsZero() {
		w.OutboundCallerConfig = &wireOutboundCallerConfigOut{
			OutboundCallerIDName:     oc.OutboundCallerIDName,
			OutboundCallerIDNumberID: oc.OutboundCallerIDNumberID,
			OutboundFlowID:           oc.OutboundFlowID,
		}
	}
	if oe := q.OutboundEmailConfig; !oe.IsZero() {
		w.OutboundEmailConfig = &wireOutboundEmailConfig{OutboundEmailAddressID: oe.OutboundEmailAddressID}
	}
	return w
}

// describeQueue serves DescribeQueue (GET /queues/{InstanceId}/{QueueId}).
func (s *Server) describeQueue(ctx context.Context, c *call) (any, error) {
	inst, q, err := s.Service.DescribeQueue(ctx, c.region, c.path("InstanceId"), c.path("QueueId"))
	if err != nil {
		return nil, err
	}
	return describeQueueOutput{Queue: toWireQueue(inst, q)}, nil
}
