#!/usr/bin/env bash
# Registers the resource type in your account with the AWS CLI, as `cfn submit` would:
#   1. deploy the execution role and a log-delivery role (CloudFormation stacks)
#   2. upload the registry package (built by: mvn -B -Pregistry -DskipTests package -Dtype.name=<Org>::Cognito::ProviderLink),
#      register-type with a logging configuration, and wait for the registration; if the registry refuses the
#      package's Lambda runtime, do the same with the java17 build of the package that step built beside it
#   3. make the new version the default, and print how to use it
#   4. deregister the oldest versions beyond the newest --keep N (default 5), never the default one, so that the type
#      stays under the registry's quota of 50 versions
#
# usage: scripts/register.sh --type-name Acme::Cognito::ProviderLink --bucket my-bucket [--region eu-west-1] [--keep N]
#                            [--dry-run]
#   --dry-run prints every AWS CLI call it would make, calls nothing, and needs no credentials.
set -euo pipefail

type_name="" bucket="" region="" dry_run=false keep=5
while [ $# -gt 0 ]; do
  case "$1" in
    --type-name) type_name="${2:-}"; shift 2 ;;
    --bucket) bucket="${2:-}"; shift 2 ;;
    --region) region="${2:-}"; shift 2 ;;
    --keep) keep="${2:-}"; shift 2 ;;
    --dry-run) dry_run=true; shift ;;
    -h|--help) sed -n '2,13p' "$0"; exit 0 ;;
    *) echo "register.sh: unknown option '$1' (see --help)" >&2; exit 2 ;;
  esac
done

fail() { echo "register.sh: $*" >&2; exit 1; }

[ -n "$type_name" ] || fail "--type-name is required, e.g. --type-name Acme::Cognito::ProviderLink"
[[ "$type_name" =~ ^([a-zA-Z0-9]{2,64})::([a-zA-Z0-9]{2,64})::([a-zA-Z0-9]{2,64})$ ]] \
  || fail "'$type_name' is not a type name: it must be Organization::Service::Resource, each part 2 to 64 letters or digits"
organization="${BASH_REMATCH[1]}"
case "$(echo "$organization" | tr '[:upper:]' '[:lower:]')" in
  alexa|amzn|amazon|ask|aws|custom|dev)
    fail "'$organization' is a reserved namespace (Alexa, AMZN, Amazon, ASK, AWS, Custom, Dev): RegisterType refuses it. Use your organisation's name, e.g. Acme::${BASH_REMATCH[2]}::${BASH_REMATCH[3]}" ;;
esac
[[ "$keep" =~ ^[1-9][0-9]?$ ]] && [ "$keep" -le 49 ] \
  || fail "--keep must be a number of versions from 1 to 49 (the registry holds at most 50 per type), not '$keep'"
[ -n "$bucket" ] || fail "--bucket is required: an S3 bucket in the target Region that you can write to (create one with: aws s3 mb s3://<name>)"

hyphenated="$(echo "${type_name//::/-}" | tr '[:upper:]' '[:lower:]')"
root="$(cd "$(dirname "$0")/.." && pwd)"
package="$root/target/registry/$hyphenated.zip"
fallback_package="$root/target/registry/$hyphenated-java17.zip"
role_template="$root/target/registry/$hyphenated-role.yaml"
log_role_template="$root/scripts/log-delivery-role.yaml"
log_group="$hyphenated-logs"
stamp="$(date -u +%Y-%m-%dT%H-%M-%S)"
region_args=()
[ -n "$region" ] && region_args=(--region "$region")

script=register.sh
access_hint="use credentials of the target account that may deploy the roles and register types (README, \"Register it in your account\")"
# shellcheck source=scripts/aws-call.sh
. "$root/scripts/aws-call.sh"

if ! $dry_run; then
  command -v aws >/dev/null || fail "the AWS CLI is not installed (https://aws.amazon.com/cli/)"
  [ -f "$package" ] || fail "$package is missing: build it with: mvn -B -Pregistry -DskipTests package -Dtype.name=$type_name"
  [ -f "$role_template" ] || fail "$role_template is missing: build it with: mvn -B -Pregistry -DskipTests package -Dtype.name=$type_name"
fi

echo "== Registering $type_name" >&2
account="$(aws_call sts get-caller-identity --query Account --output text)" \
  || fail "no usable AWS credentials: configure them (aws configure, AWS_PROFILE or environment variables) and retry"
account="$(printf '%s' "$account" | answer '<account-id>')"
aws_call s3api head-bucket --bucket "$bucket" >/dev/null \
  || fail "bucket '$bucket' does not exist or you cannot use it: create it in this Region with: aws s3 mb s3://$bucket"

echo "== Deploying the execution role (stack $hyphenated-role-stack)" >&2
aws_call cloudformation deploy --stack-name "$hyphenated-role-stack" --template-file "$role_template" \
  --capabilities CAPABILITY_IAM --no-fail-on-empty-changeset >/dev/null
execution_role="$(aws_call cloudformation describe-stacks --stack-name "$hyphenated-role-stack" \
  --query "Stacks[0].Outputs[?OutputKey=='ExecutionRoleArn'].OutputValue" --output text | answer '<execution-role-arn>')"

echo "== Deploying the log delivery role (stack $hyphenated-logging-role-stack)" >&2
aws_call cloudformation deploy --stack-name "$hyphenated-logging-role-stack" --template-file "$log_role_template" \
  --parameter-overrides "LogGroupName=$log_group" --capabilities CAPABILITY_IAM --no-fail-on-empty-changeset >/dev/null
log_role="$(aws_call cloudformation describe-stacks --stack-name "$hyphenated-logging-role-stack" \
  --query "Stacks[0].Outputs[?OutputKey=='LogRoleArn'].OutputValue" --output text | answer '<log-role-arn>')"

# Uploads one package, registers it and waits; leaves the outcome in $status and $registration.
register_package() {
  local zip="$1" key="$hyphenated-$stamp$2.zip"
  echo "== Uploading the package to s3://$bucket/$key" >&2
  aws_call s3 cp "$zip" "s3://$bucket/$key" >/dev/null
  echo "== Registering (this takes a few minutes)" >&2
  local token
  token="$(aws_call cloudformation register-type --type RESOURCE --type-name "$type_name" \
    --schema-handler-package "s3://$bucket/$key" \
    --logging-config "LogRoleArn=$log_role,LogGroupName=$log_group" \
    --execution-role-arn "$execution_role" \
    --query RegistrationToken --output text | answer '<registration-token>')"
  status="IN_PROGRESS"
  local waited=0
  while [ "$status" = "IN_PROGRESS" ]; do
    registration="$(aws_call cloudformation describe-type-registration --registration-token "$token" \
      --query '[ProgressStatus, TypeVersionArn, Description]' --output text | answer $'COMPLETE\t<type-version-arn>\tdry run')"
    status="$(printf '%s' "$registration" | cut -f1)"
    if [ "$status" = "IN_PROGRESS" ]; then
      [ "$waited" -lt 1800 ] || fail "registration $token still in progress after 30 minutes: check it with: aws cloudformation describe-type-registration --registration-token $token"
      sleep 10; waited=$((waited + 10))
    fi
  done
}

runtime_refused() { case "$(printf '%s' "$registration" | cut -f3-)" in *[Rr]untime*) return 0 ;; *) return 1 ;; esac; }

register_package "$package" ""
suggested_runtime=java17
if [ "$status" != "COMPLETE" ] && runtime_refused && [ -f "$fallback_package" ]; then
  suggested_runtime=java25
  # Which Java runtimes the registry accepts is not documented (it refused java8 once Lambda deprecated it); the
  # CloudFormation CLI still defaults to java17, and the jar is Java 17 bytecode.
  echo "== The registry refused the package's runtime ($(printf '%s' "$registration" | cut -f3-)); registering its java17 build" >&2
  register_package "$fallback_package" -java17
fi
if [ "$status" != "COMPLETE" ]; then
  description="$(printf '%s' "$registration" | cut -f3-)"
  if runtime_refused; then
    fail "registration $status: $description. Rebuild the package for another Lambda runtime, e.g.: mvn -B -Pregistry -DskipTests package -Dtype.name=$type_name -Dhandler.runtime=$suggested_runtime (java17, java21 or java25), then run this again."
  fi
  fail "registration $status: $description. Handler logs, if any: log group $log_group"
fi
version_arn="$(printf '%s' "$registration" | cut -f2)"

echo "== Making $version_arn the default version" >&2
aws_call cloudformation set-type-default-version --arn "$version_arn" >/dev/null

# The registry refuses to deregister the default version ("is the default version and cannot be deregistered"), so
# the default is never a candidate, whatever its age; of the others, the newest are kept until --keep are kept.
echo "== Keeping the newest $keep versions" >&2
versions="$(aws_call cloudformation list-type-versions --type RESOURCE --type-name "$type_name" \
  --deprecated-status LIVE --query 'TypeVersionSummaries[].[VersionId, IsDefaultVersion, Arn]' --output text \
  | answer '')" || fail "could not list the versions of $type_name: the new default is in place; deregister old versions with: aws cloudformation deregister-type --arn <version-arn>"
kept=1
while IFS=$'\t' read -r version_id is_default arn; do
  [ -n "$version_id" ] || continue
  if [ "$is_default" = "True" ] || [ "$is_default" = "true" ]; then
    continue
  fi
  if [ "$kept" -lt "$keep" ]; then
    kept=$((kept + 1))
    continue
  fi
  echo "== Deregistering version $version_id" >&2
  aws_call cloudformation deregister-type --arn "$arn" >/dev/null \
    || fail "could not deregister $arn: deregister it later with: aws cloudformation deregister-type --arn $arn"
done < <(printf '%s\n' "$versions" | sort -r -k1,1)

cat >&2 <<USAGE
== Done: $type_name is registered in account $account${region:+ ($region)}.
Declare it in a template:
  Link:
    Type: $type_name
    Properties:
      UserPoolId: !Ref UserPool
      SourceUser: {ProviderName: Google, ProviderAttributeName: Cognito_Subject, ProviderAttributeValue: "<google sub>"}
      DestinationUser: {ProviderName: Cognito, ProviderAttributeValue: !Ref User}
Or through Cloud Control:
  aws cloudcontrol list-resources --type-name $type_name --resource-model '{"UserPoolId":"<pool id>"}'
Handler logs: CloudWatch log group $log_group
USAGE
