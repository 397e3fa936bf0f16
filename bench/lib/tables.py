#!/usr/bin/env python3
"""Creates hello-world's DynamoDB table on the local engine (moto_server), with the one item it looks up.

  tables.py ENDPOINT hello TABLE

claim-desk's case table is not created here: its single definition is
src/main/java/io/claimdesk/cases/CaseTable.java, and the benchmarks let the function create it
(CLAIMDESK_CREATE_TABLE=true, in an unmeasured preparation run only).
"""

import sys

import boto3


def client(endpoint):
    return boto3.client("dynamodb", endpoint_url=endpoint, region_name="eu-west-3",
                        aws_access_key_id="bench", aws_secret_access_key="bench")


def hello(ddb, table):
    ddb.create_table(TableName=table, BillingMode="PAY_PER_REQUEST",
                     AttributeDefinitions=[{"AttributeName": "id", "AttributeType": "S"}],
                     KeySchema=[{"AttributeName": "id", "KeyType": "HASH"}])
    ddb.put_item(TableName=table, Item={"id": {"S": "hello"}, "greeting": {"S": "hello, world"}})


def main(endpoint, kind, table):
    {"hello": hello}[kind](client(endpoint), table)


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    main(*sys.argv[1:])
