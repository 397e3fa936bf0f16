#!/usr/bin/env python3
"""Creates the DynamoDB tables the benchmarked functions read, on the local engine (moto_server).

  tables.py ENDPOINT hello TABLE       hello-world's table, with the one item it looks up
  tables.py ENDPOINT claimdesk TABLE   the case table, as defined in
                                       src/main/java/io/claimdesk/cases/CaseTable.java

The case table is mirrored here rather than created by the function itself so the benchmark does not
depend on a create-on-start switch; keep it in step with CaseTable.createTableRequest.
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


def claimdesk(ddb, table):
    # CaseTable: partition key orderId; sparse GSI dueIndex (dueShard, dueOn), projection ALL.
    ddb.create_table(
        TableName=table, BillingMode="PAY_PER_REQUEST",
        AttributeDefinitions=[{"AttributeName": name, "AttributeType": "S"}
                              for name in ("orderId", "dueShard", "dueOn")],
        KeySchema=[{"AttributeName": "orderId", "KeyType": "HASH"}],
        GlobalSecondaryIndexes=[{
            "IndexName": "dueIndex",
            "KeySchema": [{"AttributeName": "dueShard", "KeyType": "HASH"},
                          {"AttributeName": "dueOn", "KeyType": "RANGE"}],
            "Projection": {"ProjectionType": "ALL"},
        }])


def main(endpoint, kind, table):
    {"hello": hello, "claimdesk": claimdesk}[kind](client(endpoint), table)


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    main(*sys.argv[1:])
