#!/usr/bin/env python3
"""Prints the headers botocore's SigV4Auth adds to an ECR GetAuthorizationToken request.

Input (stdin, JSON): access_key_id, secret_access_key, session_token (or null), region,
api_host, timestamp (ISO-8601, UTC). Output (stdout, JSON): the request headers after signing.
Used by tests/verify_ecr.rs as the reference signer.
"""
import datetime
import json
import sys

import botocore.auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials

args = json.load(sys.stdin)
when = datetime.datetime.strptime(args["timestamp"], "%Y-%m-%dT%H:%M:%SZ")
botocore.auth.get_current_datetime = lambda *a, **k: when

request = AWSRequest(
    method="POST",
    url=f"https://{args['api_host']}/",
    data=b"{}",
    headers={
        "Content-Type": "application/x-amz-json-1.1",
        "X-Amz-Target": "AmazonEC2ContainerRegistry_V20150921.GetAuthorizationToken",
    },
)
creds = Credentials(args["access_key_id"], args["secret_access_key"], args.get("session_token"))
botocore.auth.SigV4Auth(creds, "ecr", args["region"]).add_auth(request)
print(json.dumps(dict(request.headers.items()), sort_keys=True))
