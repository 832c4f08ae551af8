#!/usr/bin/env bash
# Runs the WAR on Payara Micro with settings from a properties file and the secret from the environment.
#   RESONITE_CLIENT_SECRET=... server-config/payara/run-micro.sh payara-micro.jar resonite-link.war resonite-link.properties
set -euo pipefail
jar=${1:?payara-micro.jar}; war=${2:?resonite-link.war}; props=${3:?properties file}
: "${RESONITE_CLIENT_SECRET:?set RESONITE_CLIENT_SECRET in the environment}"
here=$(cd "$(dirname "$0")" && pwd)
exec java -jar "$jar" --deploy "$war" --systemProperties "$props" --port "${PORT:-8080}" \
  --prebootcommandfile "$here/pre-boot-single-node.asadmin"
