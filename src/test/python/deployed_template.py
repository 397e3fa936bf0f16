"""Prints, as JSON, a CloudFormation template as CloudFormation deploys it: after its transforms
(AWS::LanguageExtensions expands the Fn::ForEach loops, then AWS::Serverless-2016-10-31 turns SAM's resources
into plain CloudFormation), done offline the way cfn-lint does before it lints. TemplateTest reads what this prints.

    python3 deployed_template.py infra/template.yaml
"""
import json
import sys

import cfnlint.decode
from cfnlint.template import Template
from cfnlint.template.transforms.transform import Transform

path = sys.argv[1]
template, errors = cfnlint.decode.decode(path)
if errors:
    sys.exit("cannot read %s: %s" % (path, "; ".join(str(e) for e in errors)))
cfn = Template(path, template, ["eu-west-3"])
failures = Transform().transform(cfn)
if failures:
    sys.exit("cannot transform %s: %s" % (path, "; ".join(str(f) for f in failures)))
json.dump(cfn.template, sys.stdout, indent=1, default=str)
