# Prints, for every operation named on the command line, the "Shorthand
# Syntax" the aws CLI's help shows for each argument that has one
# (ParamShorthandDocGen), as JSON {"create-user": {"--identity-info": "..."}}.
import json
import sys

import botocore.session
from awscli.argprocess import ParamShorthandDocGen
from awscli.arguments import CLIArgument
from botocore import xform_name

session = botocore.session.get_session()
model = session.get_service_model("connect")
gen = ParamShorthandDocGen()
out = {}
for op_name in sys.argv[1:]:
    op = model.operation_model(op_name)
    cli_op = xform_name(op_name, "-")
    docs = {}
    if op.input_shape is not None:
        for name, shape in op.input_shape.members.items():
            arg = CLIArgument(xform_name(name, "-"), shape, op, session.get_component("event_emitter"))
            if gen.supports_shorthand(shape):
                docs["--" + arg.name] = gen.generate_shorthand_example(arg, "connect", cli_op)
    out[cli_op] = docs
sys.stdout.write(json.dumps(out, indent=2, sort_keys=True) + "\n")
