#!/usr/bin/env python3
"""Creates the benchmarks' DynamoDB tables on the local engine (moto_server) with boto3.

  tables.py ENDPOINT hello TABLE        hello-world's table, with the one item it looks up
  tables.py ENDPOINT claim-desk TABLE   claim-desk's case table, as infra/template.yaml defines it

claim-desk's table has one definition, the AWS::DynamoDB::Table resource of infra/template.yaml: its
KeySchema, AttributeDefinitions, GlobalSecondaryIndexes and BillingMode are read from there (the
template's other table settings, such as TTL, point-in-time recovery or deletion protection, change
nothing the functions do and are left out). The functions never create it.
"""

import sys
from pathlib import Path

import boto3
import yaml

TEMPLATE = Path(__file__).resolve().parents[2] / "infra" / "template.yaml"
TABLE_FIELDS = ("KeySchema", "AttributeDefinitions", "GlobalSecondaryIndexes", "BillingMode")


class CfnLoader(yaml.SafeLoader):
    """A YAML loader that reads CloudFormation's short-form tags (!Ref, !Sub, !GetAtt, !If ...) as plain values."""


def _any_tag(loader, tag_suffix, node):
    if isinstance(node, yaml.MappingNode):
        value = loader.construct_mapping(node, deep=True)
    elif isinstance(node, yaml.SequenceNode):
        value = loader.construct_sequence(node, deep=True)
    else:
        value = loader.construct_scalar(node)
    return {"Fn::" + tag_suffix if tag_suffix != "Ref" else "Ref": value}


CfnLoader.add_multi_constructor("!", _any_tag)


def template_table(template=TEMPLATE):
    """The Properties of the template's one AWS::DynamoDB::Table resource, as create_table arguments."""
    resources = yaml.load(Path(template).read_text(encoding="utf-8"), Loader=CfnLoader)["Resources"]
    # Fn::ForEach loops are lists, not resources: the table is written out, never made by a loop.
    tables = {name: r for name, r in resources.items() if isinstance(r, dict) and r.get("Type") == "AWS::DynamoDB::Table"}
    if len(tables) != 1:
        sys.exit(f"{template}: expected one AWS::DynamoDB::Table resource, found {sorted(tables) or 'none'}")
    (name, resource), = tables.items()
    properties = resource["Properties"]
    missing = [f for f in ("KeySchema", "AttributeDefinitions") if f not in properties]
    if missing:
        sys.exit(f"{template}: {name} has no {', '.join(missing)}")
    return {f: properties[f] for f in TABLE_FIELDS if f in properties}


def client(endpoint):
    return boto3.client("dynamodb", endpoint_url=endpoint, region_name="eu-west-3",
                        aws_access_key_id="bench", aws_secret_access_key="bench")


def hello(ddb, table):
    ddb.create_table(TableName=table, BillingMode="PAY_PER_REQUEST",
                     AttributeDefinitions=[{"AttributeName": "id", "AttributeType": "S"}],
                     KeySchema=[{"AttributeName": "id", "KeyType": "HASH"}])
    ddb.put_item(TableName=table, Item={"id": {"S": "hello"}, "greeting": {"S": "hello, world"}})


def claim_desk(ddb, table):
    ddb.create_table(TableName=table, **template_table())
    ddb.get_waiter("table_exists").wait(TableName=table, WaiterConfig={"Delay": 0.2, "MaxAttempts": 50})


def main(endpoint, kind, table):
    {"hello": hello, "claim-desk": claim_desk}[kind](client(endpoint), table)


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    main(*sys.argv[1:])
