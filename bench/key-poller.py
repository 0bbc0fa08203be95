"""Calls IAM with the leaked key every 100 ms, black-box, until stopped; one line per call: epoch seconds and
ok | refused | error. Used by response-bench.sh to measure when the leaked key stops working.

usage: python3 key-poller.py ENDPOINT_URL CREDENTIALS_FILE OUT_FILE   (profile "leaked" of the file)"""
import signal, sys, time
import botocore.session
from botocore.config import Config
from botocore.exceptions import ClientError

endpoint, credentials, out = sys.argv[1:4]
session = botocore.session.Session(profile="leaked")
session.set_config_variable("credentials_file", credentials)
iam = session.create_client("iam", region_name="us-east-1", endpoint_url=endpoint,
                            config=Config(retries={"max_attempts": 1}, connect_timeout=2, read_timeout=2))
running = True
def stop(*_):
    global running
    running = False
signal.signal(signal.SIGTERM, stop)
with open(out, "w", buffering=1) as f:
    while running:
        sent = time.time()
        try:
            iam.get_account_summary()
            result = "ok"
        except ClientError as e:
            code = e.response.get("Error", {}).get("Code", "")
            result = "refused" if code in ("AccessDenied", "InvalidClientTokenId", "SignatureDoesNotMatch") else "error"
        except Exception:
            result = "error"
        f.write(f"{sent:.3f} {result}\n")
        time.sleep(max(0.0, 0.1 - (time.time() - sent)))
