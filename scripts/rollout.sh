#!/usr/bin/env bash
# Rolls the resource type out to every account of an organisation (or of some of its OUs), in the Regions you name,
# through a service-managed StackSet (examples/organization/rollout.yaml in the management account, deploying
# examples/organization/provider-link-type.yaml to each account):
#   1. build the registry package under your type name (mvn -Pregistry), unless --package FILE is given
#   2. deploy the management stack (the organisation-readable artifact bucket) if it does not exist yet
#   3. upload the package and the per-account template under content-addressed keys (their SHA-256): an unchanged
#      build uploads nothing and changes nothing
#   4. deploy the management stack with those keys, so the StackSet registers the new version everywhere
#   5. wait for the StackSet operation and print each account's and Region's result
#
# usage: scripts/rollout.sh --organization-id o-abc123defg --ous ou-ab12-cdef3456[,...] --regions eu-west-1[,...]
#          [--type-name Acme::Cognito::ProviderLink] [--stack-name provider-link-rollout] [--region R]
#          [--package FILE] [--max-concurrent-percentage 25] [--failure-tolerance-percentage 10]
#          [--region-concurrency PARALLEL|SEQUENTIAL] [--call-as SELF|DELEGATED_ADMIN] [--dry-run]
#   --region is where the management stack and the bucket live (default: your CLI's Region).
#   --dry-run prints every AWS CLI call it would make, calls nothing, and needs no credentials.
set -euo pipefail

type_name="Acme::Cognito::ProviderLink" stack="provider-link-rollout" organization="" ous="" regions="" region=""
package="" max_concurrent=25 failure_tolerance=10 region_concurrency=PARALLEL call_as=SELF dry_run=false
while [ $# -gt 0 ]; do
  case "$1" in
    --type-name) type_name="${2:-}"; shift 2 ;;
    --stack-name) stack="${2:-}"; shift 2 ;;
    --organization-id) organization="${2:-}"; shift 2 ;;
    --ous) ous="${2:-}"; shift 2 ;;
    --regions) regions="${2:-}"; shift 2 ;;
    --region) region="${2:-}"; shift 2 ;;
    --package) package="${2:-}"; shift 2 ;;
    --max-concurrent-percentage) max_concurrent="${2:-}"; shift 2 ;;
    --failure-tolerance-percentage) failure_tolerance="${2:-}"; shift 2 ;;
    --region-concurrency) region_concurrency="${2:-}"; shift 2 ;;
    --call-as) call_as="${2:-}"; shift 2 ;;
    --dry-run) dry_run=true; shift ;;
    -h|--help) sed -n '2,18p' "$0"; exit 0 ;;
    *) echo "rollout.sh: unknown option '$1' (see --help)" >&2; exit 2 ;;
  esac
done

fail() { echo "rollout.sh: $*" >&2; exit 1; }

[[ "$type_name" =~ ^([a-zA-Z0-9]{2,64})::([a-zA-Z0-9]{2,64})::([a-zA-Z0-9]{2,64})$ ]] \
  || fail "'$type_name' is not a type name: it must be Organization::Service::Resource, each part 2 to 64 letters or digits"
case "$(echo "${BASH_REMATCH[1]}" | tr '[:upper:]' '[:lower:]')" in
  alexa|amzn|amazon|ask|aws|custom|dev)
    fail "'${BASH_REMATCH[1]}' is a reserved namespace: use your organisation's name, e.g. Acme::${BASH_REMATCH[2]}::${BASH_REMATCH[3]}" ;;
esac
[[ "$organization" =~ ^o-[a-z0-9]{10,32}$ ]] \
  || fail "--organization-id is required, e.g. o-abc123defg (aws organizations describe-organization --query Organization.Id)"
[[ "$ous" =~ ^(ou-[a-z0-9]{4,32}-[a-z0-9]{8,32}|r-[a-z0-9]{4,32})(,(ou-[a-z0-9]{4,32}-[a-z0-9]{8,32}|r-[a-z0-9]{4,32}))*$ ]] \
  || fail "--ous is required: organisational unit ids (or the root, r-xxxx), comma-separated (aws organizations list-roots)"
[[ "$regions" =~ ^[a-z]{2}(-[a-z]+)+-[0-9](,[a-z]{2}(-[a-z]+)+-[0-9])*$ ]] \
  || fail "--regions is required: Region names, comma-separated, e.g. eu-west-1,us-east-1"
[[ "$max_concurrent" =~ ^([1-9][0-9]?|100)$ ]] || fail "--max-concurrent-percentage must be 1 to 100"
[[ "$failure_tolerance" =~ ^([0-9]{1,2}|100)$ ]] || fail "--failure-tolerance-percentage must be 0 to 100"
[[ "$region_concurrency" =~ ^(PARALLEL|SEQUENTIAL)$ ]] || fail "--region-concurrency must be PARALLEL or SEQUENTIAL"
[[ "$call_as" =~ ^(SELF|DELEGATED_ADMIN)$ ]] || fail "--call-as must be SELF (management account) or DELEGATED_ADMIN"

hyphenated="$(echo "${type_name//::/-}" | tr '[:upper:]' '[:lower:]')"
root="$(cd "$(dirname "$0")/.." && pwd)"
account_template="$root/examples/organization/provider-link-type.yaml"
rollout_template="$root/examples/organization/rollout.yaml"
stack_set="$stack-type"
region_args=()
[ -n "$region" ] && region_args=(--region "$region")

script=rollout.sh
access_hint="run this from the management account (or a delegated StackSets administrator with --call-as DELEGATED_ADMIN) with permission for it (README, \"Roll it out to an organisation\")"
# In a dry run the management stack is taken not to exist yet, so that the whole first rollout is shown.
# shellcheck source=scripts/aws-call.sh
. "$root/scripts/aws-call.sh"

sha256() { sha256sum "$1" | cut -c1-64; }

if [ -z "$package" ]; then
  package="$root/target/registry/$hyphenated.zip"
  if ! $dry_run; then
    echo "== Building the registry package for $type_name" >&2
    (cd "$root" && mvn -B -q -Pregistry -DskipTests package "-Dtype.name=$type_name") >&2 \
      || fail "the build failed: run mvn -B -Pregistry -DskipTests package -Dtype.name=$type_name to see why"
  fi
fi
if [ -f "$package" ]; then
  package_key="packages/$hyphenated-$(sha256 "$package").zip"
elif $dry_run; then
  package_key="packages/$hyphenated-<sha256 of the package>.zip"
else
  fail "$package does not exist: pass --package FILE, or leave it out to build it"
fi
template_key="templates/provider-link-type-$(sha256 "$account_template").yaml"
if ! $dry_run; then
  command -v aws >/dev/null || fail "the AWS CLI is not installed (https://aws.amazon.com/cli/)"
fi

echo "== Rolling $type_name out to $ous in $regions" >&2
aws_call sts get-caller-identity --query Account --output text >/dev/null \
  || fail "no usable AWS credentials: configure them for the management account (aws configure, AWS_PROFILE or environment variables) and retry"
access="$(aws_call cloudformation describe-organizations-access --call-as "$call_as" --query Status --output text \
  | answer ENABLED)" || fail "could not check trusted access for StackSets: see the error above"
[ "$access" = "ENABLED" ] \
  || fail "trusted access for StackSets is not activated in this organisation ($access): run aws cloudformation activate-organizations-access from the management account, then retry"

common=("OrganizationId=$organization" "TypeName=$type_name" "TargetOrganizationalUnitIds=$ous"
  "TargetRegions=$regions" "RegionConcurrencyType=$region_concurrency" "MaxConcurrentPercentage=$max_concurrent"
  "FailureTolerancePercentage=$failure_tolerance" "CallAs=$call_as")

deployed="$(aws_call cloudformation describe-stacks --stack-name "$stack" \
  --query "Stacks[0].Parameters[?ParameterKey=='PackageKey' || ParameterKey=='AccountTemplateKey'].[ParameterKey,ParameterValue]" \
  --output text 2>/dev/null | answer none)" || deployed="none"
if [ "$deployed" = "none" ]; then
  echo "== Creating the artifact bucket (stack $stack)" >&2
  aws_call cloudformation deploy --stack-name "$stack" --template-file "$rollout_template" \
    --parameter-overrides "${common[@]}" --capabilities CAPABILITY_IAM --no-fail-on-empty-changeset >/dev/null \
    || fail "the management stack $stack could not be created: see its events with aws cloudformation describe-stack-events --stack-name $stack"
  deployed=""
fi
bucket="$(aws_call cloudformation describe-stacks --stack-name "$stack" \
  --query "Stacks[0].Outputs[?OutputKey=='ArtifactBucket'].OutputValue" --output text | answer '<artifact-bucket>')" \
  || fail "the management stack $stack has no ArtifactBucket output: see aws cloudformation describe-stacks --stack-name $stack"

tab=$'\t'
if printf '%s\n' "$deployed" | grep -qxF "PackageKey$tab$package_key" \
  && printf '%s\n' "$deployed" | grep -qxF "AccountTemplateKey$tab$template_key"; then
  echo "== Nothing to do: every account already runs $package_key (an unchanged build)" >&2
  exit 0
fi

upload() {
  local file="$1" key="$2"
  if aws_call s3api head-object --bucket "$bucket" --key "$key" >/dev/null 2>&1 && ! $dry_run; then
    echo "== s3://$bucket/$key is already uploaded" >&2
    return 0
  fi
  echo "== Uploading s3://$bucket/$key" >&2
  aws_call s3 cp "$file" "s3://$bucket/$key" >/dev/null || fail "the upload to s3://$bucket/$key failed: see the error above"
}
upload "$package" "$package_key"
upload "$account_template" "$template_key"

echo "== Deploying $package_key to every account (StackSet $stack_set)" >&2
aws_call cloudformation deploy --stack-name "$stack" --template-file "$rollout_template" \
  --parameter-overrides "${common[@]}" "PackageKey=$package_key" "AccountTemplateKey=$template_key" \
  --capabilities CAPABILITY_IAM --no-fail-on-empty-changeset >/dev/null \
  || fail "the management stack $stack could not be updated: see aws cloudformation describe-stack-events --stack-name $stack"

operation="$(aws_call cloudformation list-stack-set-operations --stack-set-name "$stack_set" --call-as "$call_as" \
  --max-results 1 --query 'Summaries[0].OperationId' --output text | answer '<operation-id>')" \
  || fail "could not find the StackSet's operation: see aws cloudformation list-stack-set-operations --stack-set-name $stack_set"
status="RUNNING"
waited=0
while [ "$status" = "RUNNING" ] || [ "$status" = "QUEUED" ] || [ "$status" = "STOPPING" ]; do
  status="$(aws_call cloudformation describe-stack-set-operation --stack-set-name "$stack_set" --operation-id "$operation" \
    --call-as "$call_as" --query 'StackSetOperation.Status' --output text | answer SUCCEEDED)" \
    || fail "could not follow operation $operation: see aws cloudformation describe-stack-set-operation --stack-set-name $stack_set --operation-id $operation"
  if [ "$status" = "RUNNING" ] || [ "$status" = "QUEUED" ] || [ "$status" = "STOPPING" ]; then
    [ "$waited" -lt 7200 ] || fail "operation $operation still $status after 2 hours: follow it with aws cloudformation describe-stack-set-operation --stack-set-name $stack_set --operation-id $operation"
    sleep 15; waited=$((waited + 15))
  fi
done

results="$(aws_call cloudformation list-stack-set-operation-results --stack-set-name "$stack_set" --operation-id "$operation" \
  --call-as "$call_as" --query 'Summaries[].[Account, Region, Status, StatusReason]' --output text \
  | answer $'<account>\t<region>\tSUCCEEDED\tNone')" || fail "could not read the operation's results"
echo "== Operation $operation: $status" >&2
printf 'ACCOUNT\tREGION\tRESULT\tREASON\n%s\n' "$results" >&2
failed="$(printf '%s\n' "$results" | awk -F'\t' '$3 != "SUCCEEDED" && NF >= 3' | wc -l | tr -d ' ')"
if [ "$status" != "SUCCEEDED" ] || [ "$failed" != "0" ]; then
  fail "$failed account/Region pairs did not take the new version (reasons above). Fix the cause (the reason names it: a missing permission, a quota, a package the account cannot read), then run this again: a rerun deploys to the failed pairs again, and the others keep the version they have"
fi
echo "== Done: $type_name runs $package_key in every target account and Region" >&2
