#!/usr/bin/env sh
# Declares the product's roles (Reader, Author, Operator, Approver, Admin) as app roles of the Entra app
# registration whose tokens App Service authentication accepts (APPROVER_CLIENT_ID), from
# infra/entra/app-roles.json. Bicep cannot declare app roles of an app registration, so this runs `az`.
#
#   scripts/set-entra-app-roles.sh <application (client) id>
#   APPROVER_CLIENT_ID=<id> scripts/set-entra-app-roles.sh
#
# Idempotent: the role ids are fixed, so running it again changes nothing. Assign people and applications
# with `az ad app` / the Entra portal (Enterprise applications > Users and groups); docs/security.md.
set -eu

app=${1:-${APPROVER_CLIENT_ID:-}}
if [ -z "$app" ]; then
  echo "set-entra-app-roles: give the application (client) id as the argument or APPROVER_CLIENT_ID" >&2
  exit 2
fi

roles="$(dirname "$0")/../infra/entra/app-roles.json"
az ad app update --id "$app" --app-roles "@$roles"
echo "set-entra-app-roles: $app declares $(grep -c '"value"' "$roles") app roles"
