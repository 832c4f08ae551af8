#!/usr/bin/env bash
# Runs the WAR on one Payara Micro 7 node with settings from a properties file and the secret from the environment.
#   RESONITE_CLIENT_SECRET=... server-config/payara/run-micro.sh payara-micro.jar resonite-link.war resonite-link.properties
# Payara Micro 7 needs Java 21 or newer: payara-java.sh finds it (PAYARA_JAVA=/path/to/jdk names one).
# --nocluster: a single node joins no data grid (Payara Micro's default would look for one on the network).
set -euo pipefail
jar=${1:?payara-micro.jar}; war=${2:?resonite-link.war}; props=${3:?properties file}
: "${RESONITE_CLIENT_SECRET:?set RESONITE_CLIENT_SECRET in the environment}"
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=payara-java.sh
source "$here/payara-java.sh"
java=$(payara_java)
exec "$java" -jar "$jar" --nocluster --deploy "$war" --systemProperties "$props" --port "${PORT:-8080}" \
  --prebootcommandfile "$here/pre-boot-single-node.asadmin"
