#!/usr/bin/env bash
# One node of a Payara Micro cluster: same WAR, shared PostgreSQL, sessions replicated by Payara's Hazelcast.
#   NODE=1 PORT=8081 server-config/payara/run-cluster-node.sh payara-micro.jar resonite-link.war postgresql.jar my.properties
#   NODE=2 PORT=8082 server-config/payara/run-cluster-node.sh ...
# Environment: RESONITE_CLIENT_SECRET, DB_HOST, DB_PORT, DB_NAME, DB_USER, DB_PASSWORD;
# CLUSTER_MEMBERS (host:port list of every node's Hazelcast port, default two nodes on this host),
# CLUSTER_NAME (default resonite-link), CLUSTER_INTERFACE (default 127.0.0.1).
set -euo pipefail
jar=${1:?payara-micro.jar}; war=${2:?resonite-link.war}; driver=${3:?postgresql.jar}; props=${4:?properties file}
here=$(cd "$(dirname "$0")" && pwd)
node=${NODE:?NODE=1, 2, ...}
: "${RESONITE_CLIENT_SECRET:?}" "${DB_HOST:?}" "${DB_PORT:?}" "${DB_NAME:?}" "${DB_USER:?}" "${DB_PASSWORD:?}"
exec java -jar "$jar" --deploy "$war" --systemProperties "$props" \
  --port "${PORT:-808$node}" --name "node-$node" \
  --clustername "${CLUSTER_NAME:-resonite-link}" \
  --clustermode "tcpip:${CLUSTER_MEMBERS:-127.0.0.1:5901,127.0.0.1:5902}" \
  --interfaces "${CLUSTER_INTERFACE:-127.0.0.1}" --startport "590$node" \
  --addlibs "$driver" \
  --prebootcommandfile "$here/pre-boot-commands.asadmin" \
  --postbootcommandfile "$here/postgresql.asadmin"
