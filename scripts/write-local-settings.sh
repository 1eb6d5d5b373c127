#!/usr/bin/env sh
# Writes local.settings.json (gitignored) for `func start` in src/Functions from the values `azd provision`
# recorded, so a laptop runs with the same hub name, crons and retention as the cloud app.
#
#   scripts/write-local-settings.sh            storage = Azurite (UseDevelopmentStorage=true)
#   scripts/write-local-settings.sh --cloud    storage = the provisioned account, reached with your
#                                              `az login` identity (needs AZURE_PRINCIPAL_ID at provision)
#   --force                                    overwrite an existing file
#
# Values come from `azd env get-values`, or from the file named by AZD_ENV_VALUES (same KEY="value"
# lines); the output path is LOCAL_SETTINGS_PATH or ./local.settings.json.
set -eu

cloud=false
force=false
for arg in "$@"; do
  case "$arg" in
    --cloud) cloud=true ;;
    --force) force=true ;;
    *) echo "write-local-settings: unknown argument '$arg' (use --cloud, --force)" >&2; exit 2 ;;
  esac
done

out=${LOCAL_SETTINGS_PATH:-local.settings.json}
if [ -e "$out" ] && [ "$force" != true ]; then
  echo "write-local-settings: $out exists; keeping it (use --force to overwrite)"
  exit 0
fi

values=$(mktemp)
trap 'rm -f "$values"' EXIT
if [ -n "${AZD_ENV_VALUES:-}" ]; then
  cp "$AZD_ENV_VALUES" "$values"
else
  azd env get-values >"$values"
fi

# value KEY DEFAULT: the recorded value with its quotes removed, else DEFAULT.
value() {
  line=$(grep -E "^$1=" "$values" | tail -n 1 || true)
  if [ -z "$line" ]; then printf '%s' "$2"; return; fi
  printf '%s' "${line#*=}" | sed -e 's/^"//' -e 's/"$//'
}

# json TEXT: TEXT as a JSON string literal.
json() {
  printf '"%s"' "$(printf '%s' "$1" | sed -e 's/\\/\\\\/g' -e 's/"/\\"/g')"
}

if [ "$cloud" = true ]; then
  account=$(value AZURE_STORAGE_ACCOUNT_NAME "")
  if [ -z "$account" ]; then
    echo "write-local-settings: --cloud needs AZURE_STORAGE_ACCOUNT_NAME; run azd provision first" >&2
    exit 1
  fi
  storage="\"AzureWebJobsStorage__accountName\": $(json "$account")"
else
  storage='"AzureWebJobsStorage": "UseDevelopmentStorage=true"'
fi

tmp="$out.tmp"
cat >"$tmp" <<JSON
{
  "IsEncrypted": false,
  "Values": {
    $storage,
    "FUNCTIONS_WORKER_RUNTIME": "dotnet-isolated",
    "TaskHubName": $(json "$(value TASKHUB_NAME serverless)"),
    "ScheduleTickCron": $(json "$(value SCHEDULE_TICK_CRON '*/5 * * * * *')"),
    "RetentionSweepCron": $(json "$(value RETENTION_SWEEP_CRON '0 0 * * * *')"),
    "DefaultRetention": $(json "$(value RETENTION_DAYS 30).00:00:00"),
    "AuditRetention": $(json "$(value AUDIT_RETENTION_DAYS 365).00:00:00"),
    "APPLICATIONINSIGHTS_CONNECTION_STRING": $(json "$(value APPLICATIONINSIGHTS_CONNECTION_STRING '')")
  }
}
JSON
mv "$tmp" "$out"
echo "write-local-settings: wrote $out ($([ "$cloud" = true ] && echo "storage account $account" || echo "Azurite"))"
