package httpapi

import (
	"github.com/connectlite/connectlite"
)

// Wire structures shared by the security profile and routing profile
// operations. Slices and maps that are nil stand for members the client did
// not send; an empty one was sent empty.

type wireApplication struct {
	Namespace              string   `json:"Namespace,omitempty"`
	ApplicationPermissions []string `json:"ApplicationPermissions,omitempty"`
	Type                   string   `json:"Type,omitempty"`
}

type wireFlowModule struct {
	Type         string `json:"Type,omitempty"`
	FlowModuleID string `json:"FlowModuleId,omitempty"`
}

type wirePrimaryAttributeValue struct {
	AccessType    string   `json:"AccessType,omitempty"`
	AttributeName string   `json:"AttributeName,omitempty"`
	Values        []string `json:"Values,omitempty"`
}

type wirePrimaryAttributeAccessControl struct {
	PrimaryAttributeValues []wirePrimaryAttributeValue `json:"PrimaryAttributeValues,omitempty"`
}

type wireDataTableAccessControl struct {
	PrimaryAttributeAccessControlConfiguration *wirePrimaryAttributeAccessControl `json:"PrimaryAttributeAccessControlConfiguration,omitempty"`
}

// wireGranularAccessControl is a GranularAccessControlConfiguration.
type wireGranularAccessControl struct {
	DataTableAccessControlConfiguration *wireDataTableAccessControl `json:"DataTableAccessControlConfiguration,omitempty"`
}

func applicationsDomain(w []wireApplication) []connectlite.Application {
	if w == nil {
		return nil
	}
	out := make([]connectlite.Application, len(w))
	for i, a := range w {
		out[i] = connectlite.Application{Namespace: a.Namespace, ApplicationPermissions: a.ApplicationPermissions, Type: a.Type}
	}
	return out
}

func toWireApplications(apps []connectlite.Application) []wireApplication {
	out := make([]wireApplication, len(apps))
	for i, a := range apps {
		out[i] = wireApplication{Namespace: a.Namespace, ApplicationPermissions: a.ApplicationPermissions, Type: a.Type}
	}
	return out
}

func flowModulesDomain(w []wireFlowModule) []connectlite.FlowModule {
	if w == nil {
		return nil
	}
	out := make([]connectlite.FlowModule, len(w))
	for i, m := range w {
		out[i] = connectlite.FlowModule{Type: m.Type, FlowModuleID: m.FlowModuleID}
	}
	return out
}

func toWireFlowModules(mods []connectlite.FlowModule) []wireFlowModule {
	out := make([]wireFlowModule, len(mods))
	for i, m := range mods {
		out[i] = wireFlowModule{Type: m.Type, FlowModuleID: m.FlowModuleID}
	}
	return out
}

// domain returns the primary attribute values of a sent configuration: nil
// when it was not sent, empty when it was sent without values.
func (w *wireGranularAccessControl) domain() []connectlite.PrimaryAttributeValue {
	if w == nil {
		return nil
	}
	out := []connectlite.PrimaryAttributeValue{}
	if d := w.DataTableAccessControlConfiguration; d != nil && d.PrimaryAttributeAccessControlConfiguration != nil {
		for _, v := range d.PrimaryAttributeAccessControlConfiguration.PrimaryAttributeValues {
			out = append(out, connectlite.PrimaryAttributeValue{AccessType: v.AccessType, AttributeName: v.AttributeName, Values: v.Values})
		}
	}
	return out
}

func toWireGranularAccessControl(vals []connectlite.PrimaryAttributeValue) *wireGranularAccessControl {
	if len(vals) == 0 {
		return nil
	}
	pav := make([]wirePrimaryAttributeValue, len(vals))
	for i, v := range vals {
		pav[i] = wirePrimaryAttributeValue{AccessType: v.AccessType, AttributeName: v.AttributeName, Values: v.Values}
	}
	return &wireGranularAccessControl{DataTableAccessControlConfiguration: &wireDataTableAccessControl{
		PrimaryAttributeAccessControlConfiguration: &wirePrimaryAttributeAccessControl{PrimaryAttributeValues: pav},
	}}
}

type wireCrossChannelBehavior struct {
	BehaviorType string `json:"BehaviorType"`
}

type wireMediaConcurrency struct {
	Channel              string                    `json:"Channel"`
	Concurrency          int32                     `json:"Concurrency"`
	CrossChannelBehavior *wireCrossChannelBehavior `json:"CrossChannelBehavior,omitempty"`
}

func mediaDomain(w []wireMediaConcurrency) []connectlite.MediaConcurrency {
	out := make([]connectlite.MediaConcurrency, len(w))
	for i, m := range w {
		out[i] = connectlite.MediaConcurrency{Channel: m.Channel, Concurrency: m.Concurrency}
		if m.CrossChannelBehavior != nil {
			out[i].CrossChannelBehavior = m.CrossChannelBehavior.BehaviorType
		}
	}
	return out
}

// toWireMedia converts a profile's channels; every channel shows its
// cross-channel behavior, the default included, as AWS does.
func toWireMedia(media []connectlite.MediaConcurrency) []wireMediaConcurrency {
	out := make([]wireMediaConcurrency, len(media))
	for i, m := range media {
		out[i] = wireMediaConcurrency{Channel: m.Channel, Concurrency: m.Concurrency,
			CrossChannelBehavior: &wireCrossChannelBehavior{BehaviorType: m.EffectiveCrossChannelBehavior()}}
	}
	return out
}

type wireQueueReference struct {
	QueueID string `json:"QueueId"`
	Channel string `json:"Channel"`
}

type wireQueueConfig struct {
	QueueReference wireQueueReference `json:"QueueReference"`
	Priority       int32              `json:"Priority"`
	Delay          int32              `json:"Delay"`
}

type wireManualQueueConfig struct {
	QueueReference wireQueueReference `json:"QueueReference"`
}

func queueConfigsDomain(w []wireQueueConfig) []connectlite.RoutingProfileQueueConfig {
	if w == nil {
		return nil
	}
	out := make([]connectlite.RoutingProfileQueueConfig, len(w))
	for i, q := range w {
		out[i] = connectlite.RoutingProfileQueueConfig{QueueID: q.QueueReference.QueueID, Channel: q.QueueReference.Channel,
			Priority: q.Priority, Delay: q.Delay}
	}
	return out
}

func manualQueueConfigsDomain(w []wireManualQueueConfig) []connectlite.RoutingProfileQueueReference {
	if w == nil {
		return nil
	}
	out := make([]connectlite.RoutingProfileQueueReference, len(w))
	for i, q := range w {
		out[i] = connectlite.RoutingProfileQueueReference{QueueID: q.QueueReference.QueueID, Channel: q.QueueReference.Channel}
	}
	return out
}

func queueReferencesDomain(w []wireQueueReference) []connectlite.RoutingProfileQueueReference {
	if w == nil {
		return nil
	}
	out := make([]connectlite.RoutingProfileQueueReference, len(w))
	for i, q := range w {
		out[i] = connectlite.RoutingProfileQueueReference{QueueID: q.QueueID, Channel: q.Channel}
	}
	return out
}
