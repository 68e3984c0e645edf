package awscli

import (
	"context"
	"encoding/base64"
	"strings"
)

// pager is botocore's PageIterator for the paginators of the Connect
// model: one input token, one output token, top-level result keys and
// non-aggregate keys. It yields whole pages; --max-items truncates the
// page that crosses the limit and leaves a resume token as botocore
// encodes it (base64 of {"NextToken": ..., "boto_truncate_amount": n}).
type pager struct {
	cl       *client
	op       *opCommand
	params   *Object
	maxItems int64 // 0 for no limit
	hasMax   bool
	start    string // --starting-token
	pageSize any    // --page-size, nil if absent

	resumeToken  *Object // set when the listing stopped early
	nonAggregate *Object
}

func newPager(cl *client, op *opCommand, params, pagination *Object) (*pager, error) {
	p := &pager{cl: cl, op: op, params: params, nonAggregate: NewObject()}
	if v, ok := pagination.Get("MaxItems"); ok && v != nil {
		n, err := pyInt(v)
		if err != nil {
			return nil, exception("%v", err)
		}
		p.maxItems, p.hasMax = n.(int64), true
	}
	if v, ok := pagination.Get("StartingToken"); ok && v != nil {
		p.start = pyStr(v)
	}
	if v, ok := pagination.Get("PageSize"); ok {
		p.pageSize = v
	}
	return p, nil
}

// parseStartingToken decodes a starting token into the token to send and
// the number of items of its first page to skip.
func (p *pager) parseStartingToken() (*Object, int64) {
	in := p.op.pag.InputToken
	raw, err := base64.StdEncoding.DecodeString(p.start)
	if err == nil {
		if v, err := decodeJSON(string(raw)); err == nil {
			if o, ok := v.(*Object); ok {
				var skip int64
				if t, ok := o.Get("boto_truncate_amount"); ok {
					if n, ok := t.(int64); ok {
						skip = n
					}
					o.Delete("boto_truncate_amount")
				}
				return o, skip
			}
		}
	}
	// botocore's fallback for old tokens: "token___skip".
	parts := strings.Split(p.start, "___")
	var skip int64
	if len(parts) == 2 {
		if n, err := intValue(parts[1]); err == nil {
			skip = n.(int64)
			parts = parts[:1]
		} else {
			parts = []string{p.start}
		}
	}
	tok := NewObject()
	if len(parts) > 1 {
		parts = parts[:1]
	}
	if parts[0] == "None" {
		tok.Set(in, nil)
	} else {
		tok.Set(in, parts[0])
	}
	return tok, skip
}

// each calls fn with every page, in order, stopping at the first error.
func (p *pager) each(ctx context.Context, fn func(page *Object) error) error {
	pag := p.op.pag
	primary := pag.ResultKey[0]
	kwargs := deepCopy(p.params).(*Object)
	next := NewObject()
	next.Set(pag.InputToken, nil)
	var startSkip int64
	if p.start != "" {
		next, startSkip = p.parseStartingToken()
		injectToken(kwargs, next)
	}
	if p.pageSize != nil {
		kwargs.Set(pag.LimitKey, p.pageSize)
	}
	var total int64
	first := true
	var previous *Object
	for {
		if err := prepareParams(p.op, kwargs); err != nil {
			return err
		}
		page, err := p.cl.call(ctx, p.op, kwargs)
		if err != nil {
			return err
		}
		startingTruncation := int64(0)
		if first {
			if p.start != "" {
				startingTruncation = startSkip
				if l, ok := pageValue(page, primary).([]any); ok {
					if startSkip < int64(len(l)) {
						page.Set(primary, l[startSkip:])
					} else {
						page.Set(primary, []any{})
					}
				}
			}
			for _, k := range pag.NonAggregateKeys {
				if v, ok := page.Get(k); ok {
					p.nonAggregate.Set(k, v)
				} else {
					p.nonAggregate.Set(k, nil)
				}
			}
			first = false
		}
		current, _ := pageValue(page, primary).([]any)
		n := int64(len(current))
		if p.hasMax {
			if truncate := total + n - p.maxItems; truncate > 0 {
				keep := n - truncate
				page.Set(primary, current[:keep])
				next.Set("boto_truncate_amount", keep+startingTruncation)
				p.resumeToken = next
				return fn(page)
			}
		}
		if err := fn(page); err != nil {
			return err
		}
		total += n
		tok := NewObject()
		if v, ok := page.Get(pag.OutputToken); ok && truthy(v) {
			tok.Set(pag.InputToken, v)
		} else {
			tok.Set(pag.InputToken, nil)
		}
		next = tok
		if v, _ := next.Get(pag.InputToken); v == nil {
			return nil
		}
		if p.hasMax && total == p.maxItems {
			p.resumeToken = next
			return nil
		}
		if previous != nil && compactJSON(previous) == compactJSON(next) {
			return exception("Error during pagination: The same next token was received twice: %s", pyRepr(next))
		}
		injectToken(kwargs, next)
		previous = next
	}
}

// injectToken sets or removes the input token of the next request.
func injectToken(kwargs, next *Object) {
	for _, k := range next.Keys() {
		v, _ := next.Get(k)
		if v != nil && v != "None" {
			kwargs.Set(k, v)
		} else {
			kwargs.Delete(k)
		}
	}
}

func pageValue(page *Object, key string) any {
	v, _ := page.Get(key)
	return v
}

// truthy is Python's truth value.
func truthy(v any) bool {
	switch x := v.(type) {
	case nil:
		return false
	case bool:
		return x
	case int64:
		return x != 0
	case float64:
		return x != 0
	case string:
		return x != ""
	case []any:
		return len(x) > 0
	case *Object:
		return x.Len() > 0
	}
	return true
}

// encodedResumeToken is the token botocore prints as NextToken.
func (p *pager) encodedResumeToken() string {
	if p.resumeToken == nil {
		return ""
	}
	return base64.StdEncoding.EncodeToString([]byte(compactJSON(p.resumeToken)))
}

// fullResult collects every page into one object (build_full_result):
// the result keys, the non-aggregate keys, then NextToken when the listing
// stopped early.
func (p *pager) fullResult(ctx context.Context) (*Object, error) {
	out := NewObject()
	err := p.each(ctx, func(page *Object) error {
		for _, k := range p.op.pag.ResultKey {
			v, ok := page.Get(k)
			if !ok || v == nil {
				continue
			}
			existing, had := out.Get(k)
			if !had || existing == nil {
				out.Set(k, v)
				continue
			}
			switch x := v.(type) {
			case []any:
				if el, ok := existing.([]any); ok {
					out.Set(k, append(el, x...))
				}
			case int64:
				if e, ok := existing.(int64); ok {
					out.Set(k, e+x)
				}
			case float64:
				if e, ok := existing.(float64); ok {
					out.Set(k, e+x)
				}
			case string:
				if e, ok := existing.(string); ok {
					out.Set(k, e+x)
				}
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	for _, k := range p.nonAggregate.Keys() {
		v, _ := p.nonAggregate.Get(k)
		out.Set(k, v)
	}
	if t := p.encodedResumeToken(); t != "" {
		out.Set("NextToken", t)
	}
	return out, nil
}
