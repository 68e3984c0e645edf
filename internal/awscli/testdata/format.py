# Renders each document of format_cases.json with the aws CLI's own
# formatters (json, text, table with colour off) and with PyYAML the way
# aws-cli v2's yaml output does; the Go tests compare internal/awscli's
# formatters with this output (testdata/format.golden.json).
import argparse
import io
import json
import sys

import jmespath
import yaml
from awscli.formatter import get_formatter

out = []
for case in json.load(open(sys.argv[1], encoding="utf-8")):
    res = {"name": case["name"]}
    query = jmespath.compile(case["query"]) if "query" in case else None
    doc = query.search(case["doc"]) if query else case["doc"]
    for fmt in ("json", "text", "table"):
        args = argparse.Namespace(query=query, color="off")
        stream = io.StringIO()
        try:
            get_formatter(fmt, args)("ListUsers", json.loads(json.dumps(case["doc"])), stream)
            res[fmt] = stream.getvalue()
        except Exception as e:  # the aws CLI prints the message, exit 255
            res[fmt] = {"error": str(e)}
    res["yaml"] = yaml.safe_dump(doc, default_flow_style=False, allow_unicode=True)
    res["yaml-stream"] = yaml.safe_dump([doc], default_flow_style=False, allow_unicode=True)
    out.append(res)
sys.stdout.write(json.dumps(out, indent=2, ensure_ascii=False) + "\n")
