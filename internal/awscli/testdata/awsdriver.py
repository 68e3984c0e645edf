# Runs aws CLI command lines in one long-lived process, to spare the golden
# tests a Python start-up per command: each input line is a JSON request
# {"args": [...], "env": {...}, "dir": "..."}, each output line the JSON
# {"stdout", "stderr", "code"} of awscli.clidriver's main(), which is what
# the `aws` script runs.
import contextlib
import io
import json
import os
import sys

import botocore.session
from awscli.clidriver import create_clidriver

# One data loader for every command, so the service model is parsed once.
_loader = botocore.session.create_loader(os.environ.get("AWS_DATA_PATH"))
botocore.session.create_loader = lambda *args, **kwargs: _loader

# Importing awscli points AWS_DATA_PATH at its own data; keep that.
data_path = os.environ.get("AWS_DATA_PATH")

for line in sys.stdin:
    req = json.loads(line)
    os.environ.clear()
    os.environ.update(req["env"])
    if data_path is not None:
        os.environ["AWS_DATA_PATH"] = data_path
    os.chdir(req["dir"])
    sys.argv = ["aws"] + req["args"]
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = create_clidriver().main(req["args"])
        except SystemExit as e:
            code = e.code if isinstance(e.code, int) else 1
    sys.__stdout__.write(json.dumps({"stdout": out.getvalue(), "stderr": err.getvalue(), "code": code}) + "\n")
    sys.__stdout__.flush()
