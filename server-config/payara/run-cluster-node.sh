#!/usr/bin/env bash
# One node of a Payara Micro 7 cluster behind the TLS proxy (server-config/nginx): same WAR, shared PostgreSQL,
# sessions replicated by Payara's Hazelcast.
#   CLUSTER_NAME=events-2026-x7 NODE=1 NODE_ADDRESS=10.0.0.11 CLUSTER_MEMBERS=10.0.0.11:5901,10.0.0.12:5902 \
#     server-config/payara/run-cluster-node.sh payara-micro.jar resonite-link.war postgresql.jar my.properties
#
# Environment: RESONITE_CLIENT_SECRET, DB_HOST, DB_PORT, DB_NAME, DB_USER, DB_PASSWORD;
#   CLUSTER_NAME     a name of this site's own (required: never Payara's default, so no stray node joins by accident);
#   NODE             1, 2, ... (Hazelcast listens on 590<NODE>, HTTP on 808<NODE> unless PORT is set);
#   NODE_ADDRESS     the private address HTTP and Hazelcast bind to (default 127.0.0.1): the proxy must be the only
#                    way in, since the node trusts X-Forwarded-Proto, and Hazelcast carries the sessions unencrypted;
#   CLUSTER_MEMBERS  host:port of every node's Hazelcast (default: two nodes on this host);
#   TRUSTED_PROXIES  the addresses the proxy connects from (required): its X-Forwarded-For then gives each client's
#                    address to the sign-in throttle (resonite-link.trusted-proxies); without it every client would
#                    have the proxy's address, and one client's failures would lock everybody out;
#   TRUST_STORE, TRUST_STORE_PASSWORD  a trust store for Resonite's certificate, when the JDK's own does not do;
#   PAYARA_JAVA      the JDK to run on (Java 21 or newer; by default payara-java.sh finds one);
#   JVM_OPTIONS      the JVM's options (default "-XX:+UseParallelGC -XX:ThreadPriorityPolicy=1", the
#                    PAYARA_DEFAULT_JVM_OPTIONS of payara-java.sh, which says why); a heap size goes here too.
set -euo pipefail
jar=${1:?payara-micro.jar}; war=${2:?resonite-link.war}; driver=${3:?postgresql.jar}; props=${4:?properties file}
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=payara-java.sh
source "$here/payara-java.sh"
java=$(payara_java)
node=${NODE:?NODE=1, 2, ...}
: "${CLUSTER_NAME:?CLUSTER_NAME=<a name of your own>}"
: "${RESONITE_CLIENT_SECRET:?}" "${DB_HOST:?}" "${DB_PORT:?}" "${DB_NAME:?}" "${DB_USER:?}" "${DB_PASSWORD:?}"
address=${NODE_ADDRESS:-127.0.0.1}
export RESONITE_LINK_TRUSTED_PROXIES=${TRUSTED_PROXIES:?"TRUSTED_PROXIES=<the proxy's addresses, e.g. 10.0.0.10>"}
preboot=$(mktemp)
trap 'rm -f "$preboot"' EXIT
cat "$here/pre-boot-commands.asadmin" > "$preboot"
echo "set configs.config.server-config.network-config.network-listeners.network-listener.http-listener.address=$address" >> "$preboot"
read -r -a jvm <<< "${JVM_OPTIONS:-$PAYARA_DEFAULT_JVM_OPTIONS}"
if [ -n "${TRUST_STORE:-}" ]; then
  jvm+=("-Djavax.net.ssl.trustStore=$TRUST_STORE" "-Djavax.net.ssl.trustStorePassword=${TRUST_STORE_PASSWORD:-changeit}")
fi
"$java" "${jvm[@]}" -jar "$jar" --deploy "$war" --systemProperties "$props" \
  --port "${PORT:-808$node}" --name "node-$node" \
  --clustername "$CLUSTER_NAME" \
  --clustermode "tcpip:${CLUSTER_MEMBERS:-127.0.0.1:5901,127.0.0.1:5902}" \
  --interfaces "$address" --startport "590$node" \
  --addlibs "$driver" \
  --prebootcommandfile "$preboot" \
  --postbootcommandfile "$here/postgresql.asadmin"
