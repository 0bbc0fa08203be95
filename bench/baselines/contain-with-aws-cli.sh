#!/usr/bin/env bash
# The baseline a competent engineer would run by hand with the AWS CLI on the night of a leak,
# without Shodo: deactivate the leaked key, then, region by region, stop every instance launched
# since the leak began. It records nothing, finds no backdoor user and cannot stop one-time spot
# instances — which is the point of the comparison — but it is written to be as fast as a careful
# person would make it.
#
# usage: contain-with-aws-cli.sh ACCESS_KEY_ID LEAK_START_ISO8601
# environment: AWS_PROFILE / AWS_SHARED_CREDENTIALS_FILE, AWS_ENDPOINT_URL (for the range), AWS CLI v2
set -euo pipefail
key_id=${1:?access key id}
since=${2:?leak start, e.g. 2026-11-28T10:00:00Z}
aws=${SHODO_AWS_CLI:-/usr/bin/aws}
endpoint=()
[[ -n "${AWS_ENDPOINT_URL:-}" ]] && endpoint=(--endpoint-url "$AWS_ENDPOINT_URL")
export AWS_DEFAULT_REGION=${AWS_DEFAULT_REGION:-us-east-1} AWS_PAGER=""

# 1. Whose key is it? Deactivate it.
user=$("$aws" "${endpoint[@]}" iam list-users --query 'Users[].UserName' --output text | tr '\t' '\n' | while read -r u; do
  if "$aws" "${endpoint[@]}" iam list-access-keys --user-name "$u" --query 'AccessKeyMetadata[].AccessKeyId' --output text | grep -qw "$key_id"; then
    echo "$u"; break
  fi
done)
[[ -n "$user" ]] || { echo "key $key_id not found" >&2; exit 1; }
"$aws" "${endpoint[@]}" iam update-access-key --user-name "$user" --access-key-id "$key_id" --status Inactive
echo "deactivated $key_id of $user"

# 2. Every enabled region: stop what was launched since the leak.
for region in $("$aws" "${endpoint[@]}" ec2 describe-regions --query 'Regions[].RegionName' --output text); do
  ids=$("$aws" "${endpoint[@]}" --region "$region" ec2 describe-instances \
        --filters Name=instance-state-name,Values=pending,running \
        --query "Reservations[].Instances[?LaunchTime>=\`$since\`].InstanceId" --output text)
  [[ -z "$ids" ]] && continue
  # shellcheck disable=SC2086
  if "$aws" "${endpoint[@]}" --region "$region" ec2 stop-instances --instance-ids $ids >/dev/null 2>&1; then
    echo "$region: stopped $ids"
  else
    echo "$region: could not stop $ids" >&2
  fi
done
