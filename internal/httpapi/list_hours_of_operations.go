package httpapi

import (
	"context"

	"github.com/connectlite/connectlite"
)

type wireHoursOfOperationSummary struct {
	ID                 string       `json:"Id"`
	Arn                string       `json:"Arn"`
	Name               string       `json:"Name"`
	LastModifiedTime   epochSeconds `json:"LastModifiedTime,omitzero"`
	LastModifiedRegion string       `json:"LastModifiedRegion,omitempty"`
}

type listHoursOfOperationsOutput struct {
	HoursOfOperationSummaryList []wireHoursOfOperationSummary `json:"HoursOfOperationSummaryList"`
	NextToken                   string                        `json:"NextToken,omitempty"`
}

// listHoursOfOperations serves ListHoursOfOperations
// (GET /hours-of-operations-summary/{InstanceId}).
func (s *Server) listHoursOfOperations(ctx context.Context, c *call) (any, error) {
	token, limit, err := c.page()
	if err != nil {
		return nil, err
	}
	inst, items, next, err := s.Service.ListHoursOfOperations(ctx, c.region, c.path("InstanceId"), token, limit)
	if err != nil {
		return nil, err
	}
	out := listHoursOfOperationsOutput{HoursOfOperationSummaryList: make([]wireHoursOfOperationSummary, len(items)), NextToken: next}
	for i, h := range items {
		out.HoursOfOperationSummaryList[i] = wireHoursOfOperationSummary{
			ID: h.ID, Arn: inst.ResourceARN(connectlite.ARNHoursOfOperation, h.ID), Name: h.Name,
			LastModifiedTime: epochSeconds(h.LastModifiedTime), LastModifiedRegion: h.LastModifiedRegion,
		}
	}
	return out, nil
}
