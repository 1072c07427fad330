#!/usr/bin/env python3
"""Prints the STS AssumeRole request botocore's own client sends, captured before sending.

Input (stdin, JSON): access_key_id, secret_access_key, session_token (or null), region,
role_arn, session_name, timestamp (ISO-8601, UTC). Output (stdout, JSON): url, body and the
headers that take part in signing (Content-Type, X-Amz-Date, X-Amz-Security-Token,
Authorization). Used by tests/verify_sts.rs as the reference.
"""
import datetime
import json
import sys

import botocore.auth
import botocore.session

args = json.load(sys.stdin)
when = datetime.datetime.strptime(args["timestamp"], "%Y-%m-%dT%H:%M:%SZ")
botocore.auth.get_current_datetime = lambda *a, **k: when


class Captured(Exception):
    pass


captured = {}


def capture(request, **_):
    captured["url"] = request.url
    captured["body"] = request.body.decode() if isinstance(request.body, bytes) else request.body
    keep = {"content-type", "x-amz-date", "x-amz-security-token", "authorization"}
    captured["headers"] = {
        k: (v.decode() if isinstance(v, bytes) else v)
        for k, v in request.headers.items()
        if k.lower() in keep
    }
    raise Captured()


client = botocore.session.get_session().create_client(
    "sts",
    region_name=args["region"],
    aws_access_key_id=args["access_key_id"],
    aws_secret_access_key=args["secret_access_key"],
    aws_session_token=args.get("session_token"),
)
client.meta.events.register("before-send.sts.AssumeRole", capture)
try:
    client.assume_role(RoleArn=args["role_arn"], RoleSessionName=args["session_name"])
except Captured:
    pass
print(json.dumps(captured, sort_keys=True))
