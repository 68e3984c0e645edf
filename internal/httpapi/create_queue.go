package httpapi

import (
	"context"

	"github.com/connectlite/connectlite"
)

// wireOutboundCallerConfigIn is an OutboundCallerConfig as a client sends
// it: a member may be left out.
type wireOutboundCallerConfigIn struct {
	OutboundCallerIDName     *string `json:"OutboundCallerIdName"`
	OutboundCallerIDNumberID *string `json:"OutboundCallerIdNumberId"`
	OutboundFlowID           *string `json:"OutboundFlowId"`
}

func (w *wireOutboundCallerConfigIn) domain() *connectlite.OutboundCallerConfigInput {
	if w == nil {
		return nil
	}
	return &connectlite.OutboundCallerConfigInput{
		OutboundCallerIDName:     w.OutboundCallerIDName,
		OutboundCallerIDNumberID: w.OutboundCallerIDNumberID,
		OutboundFlowID:           w.OutboundFlowID,
	}
}

// wireOutboundEmailConfig is an OutboundEmailConfig, sent or returned.
type wireOutboundEmailConfig struct {
	OutboundEmailAddressID string `json:"OutboundEmailAddressId,omitempty"`
}

func (w *wireOutboundEmailConfig) domain() *connectlite.OutboundEmailConfig {
	if w == nil {
		return nil
	}
	return &connectlite.OutboundEmailConfig{OutboundEmailAddressID: w.OutboundEmailAddressID}
}

type wireEmailAddressConfig struct {
	EmailAddressID string `json:"EmailAddressId"`
}

type createQueueInput struct {
	Name                 string                      `json:"Name"`
	Description          *string                     `json:"Description"`
	OutboundCallerConfig *wireOutboundCallerConfigIn `json:"OutboundCallerConfig"`
	OutboundEmailConfig  *wireOutboundEmailConfig    `json:"OutboundEmailConfig"`
	HoursOfOperationID   string                      `json:"HoursOfOperationId"`
	MaxContacts          *int32                      `json:"MaxContacts"`
	QuickConnectIDs      []string                    `json:"QuickConnectIds"`
	EmailAddressesConfig []wireEmailAddressConfig    `json:"EmailAddressesConfig"`
	Tags                 map[string]string           `json:"Tags"`
}

type createQueueOutput struct {
	QueueArn string `json:"QueueArn"`
	QueueID  string `json:"QueueId"`
}

// createQueue serves CreateQueue (PUT /queues/{InstanceId}).
func (s *Server) createQueue(ctx context.Context, c *call) (any, error) {
	var in createQueueInput
	if err := c.decode(&in); err != nil {
		return nil, err
	}
	var emails []string
	for _, e := range in.EmailAddressesConfig {
		emails = append(emails, e.EmailAddressID)
	}
	inst, q, err := s.Service.CreateQueue(ctx, c.region, &connectlite.CreateQueueInput{
		InstanceID:           c.path("InstanceId"),
		Name:                 in.Name,
		Description:          in.Description,
		HoursOfOperationID:   in.HoursOfOperationID,
		MaxContacts:          in.MaxContacts,
		OutboundCallerConfig: in.OutboundCallerConfig.domain(),
		OutboundEmailConfig:  in.OutboundEmailConfig.domain(),
		QuickConnectIDs:      in.QuickConnectIDs,
		EmailAddressIDs:      emails,
		Tags:                 in.Tags,
	})
	if err != nil {
		return nil, err
	}
	return createQueueOutput{QueueArn: inst.ResourceARN(connectlite.ARNQueue, q.ID), QueueID: q.ID}, nil
}
