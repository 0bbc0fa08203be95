# Runs the real AWS CLI's entry point (awscli.clidriver.AWSCLIEntryPoint, what /usr/bin/aws calls)
# once per request, in one long-lived Python process, so a conformance test pays Python's start-up
# and awscli's imports once rather than on every call. Each request replaces every AWS_* variable,
# builds a fresh CLI driver and botocore session, and captures stdout, stderr and the exit code. The proxy
# variables (HTTP_PROXY, NO_PROXY...) are replaced per request too: a request through a proxy leaves none behind.
# Protocol: one JSON object per line on stdin {"args": [...], "env": {...}};
#           one JSON object per line on stdout {"rc": int, "stdout": str, "stderr": str}.
import io
import json
import os
import sys

if os.environ.get('LC_CTYPE', '') == 'UTF-8':
    os.environ['LC_CTYPE'] = 'en_US.UTF-8'
import awscli.clidriver

# What awscli itself put in the environment on import (AWS_DATA_PATH): kept for every request.
own = {n: v for n, v in os.environ.items() if n.startswith('AWS_') and n == 'AWS_DATA_PATH'}
protocol = sys.stdout
for line in sys.stdin:
    request = json.loads(line)
    for name in [n for n in os.environ if n.startswith('AWS_') or n.lower() in ('http_proxy', 'https_proxy', 'no_proxy')]:
        del os.environ[name]
    os.environ.update(own)
    os.environ.update(request['env'])
    out = io.TextIOWrapper(io.BytesIO(), encoding='utf-8', newline='')
    err = io.TextIOWrapper(io.BytesIO(), encoding='utf-8', newline='')
    sys.stdout, sys.stderr = out, err
    try:
        rc = awscli.clidriver.AWSCLIEntryPoint().main(request['args'])
    except SystemExit as e:
        rc = e.code if isinstance(e.code, int) else (0 if e.code is None else 255)
    finally:
        sys.stdout, sys.stderr = sys.__stdout__, sys.__stderr__
    out.flush()
    err.flush()
    protocol.write(json.dumps({
        'rc': rc if isinstance(rc, int) else 255,
        'stdout': out.buffer.getvalue().decode('utf-8', 'replace'),
        'stderr': err.buffer.getvalue().decode('utf-8', 'replace'),
    }) + '\n')
    protocol.flush()
