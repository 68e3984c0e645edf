# Parses the shorthand cases with the aws CLI's own parser (awscli.shorthand)
# and botocore's Connect model, printing the results as JSON. The Go tests
# compare internal/awscli's parser with this output (testdata/shorthand.golden.json).
import base64
import json
import sys

import botocore.session
from awscli.shorthand import BackCompatVisitor, ShorthandParser

model = botocore.session.get_session().get_service_model("connect")


def enc(v):
    if isinstance(v, bytes):
        return {"__bytes__": base64.b64encode(v).decode()}
    if isinstance(v, dict):
        return {k: enc(x) for k, x in v.items()}
    if isinstance(v, list):
        return [enc(x) for x in v]
    return v


out = []
for case in json.load(open(sys.argv[1], encoding="utf-8")):
    try:
        parser = ShorthandParser()
        if "values" in case:
            parsed = [parser.parse(v) for v in case["values"]]
        else:
            parsed = parser.parse(case["value"])
        if case.get("member"):
            shape = model.operation_model(case["op"]).input_shape.members[case["member"]]
            BackCompatVisitor().visit(parsed, shape)
        out.append({"name": case["name"], "result": enc(parsed)})
    except Exception as e:  # the message is what the aws CLI prints
        result = {"name": case["name"], "error": str(e)}
        if hasattr(e, "_error_location"):
            # awscli 1.45 prints "{self._error_location()}" literally in
            # syntax errors (a missing f prefix); keep the caret drawing
            # its method computes so that it can be compared too.
            result["location"] = e._error_location()
        out.append(result)
sys.stdout.write(json.dumps(out, indent=2, ensure_ascii=False) + "\n")
