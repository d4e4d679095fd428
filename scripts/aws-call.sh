# Sourced by register.sh and rollout.sh, once they have set script (their name), dry_run (true or false),
# region_args (an array) and access_hint (what to do when a call is denied).
#
# Every AWS call goes through aws_call: in a dry run printed (one per line, on standard output) instead of run;
# otherwise run, and when it fails its output is shown (an access denial as one line naming the call), and the caller
# stops with a message saying what to do.
exec 3>&1
aws_call() {
  if $dry_run; then
    printf 'aws' >&3; printf ' %q' "$@" "${region_args[@]}" >&3; printf '\n' >&3
    return 0
  fi
  local output
  if ! output="$(aws "$@" "${region_args[@]}" 2>&1)"; then
    case "$output" in
      *AccessDenied*|*"not authorized"*|*UnauthorizedOperation*)
        echo "$script: access denied for aws $1 $2: $access_hint" >&2 ;;
      *) echo "$script: aws $1 $2 failed:" >&2; echo "$output" >&2 ;;
    esac
    return 1
  fi
  printf '%s' "$output"
}

# In a dry run, values that only AWS can answer are shown as the placeholder given.
answer() { if $dry_run; then printf '%s' "$1"; else cat; fi; }
