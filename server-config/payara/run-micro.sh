#!/usr/bin/env bash
# Runs the WAR on one Payara Micro 7 node behind a reverse proxy, with settings from a properties file and the secret
# from the environment.
#   RESONITE_CLIENT_SECRET=... server-config/payara/run-micro.sh payara-micro.jar resonite-link.war resonite-link.properties
# Environment:
#   BIND_ADDRESS     the address HTTP listens on (default 127.0.0.1: the proxy on this machine is the only way in,
#                    since the node trusts X-Forwarded-Proto; give a private address when the proxy is elsewhere);
#   TRUSTED_PROXIES  the addresses the proxy connects from, for the client address of the sign-in throttle
#                    (resonite-link.trusted-proxies; default 127.0.0.1, the proxy on this machine);
#   PORT             the HTTP port (default 8080);
#   PAYARA_JAVA      the JDK to run on (Payara Micro 7 needs Java 21 or newer; payara-java.sh finds one);
#   JVM_OPTIONS      the JVM's options (default "-XX:+UseParallelGC -XX:ThreadPriorityPolicy=1", the
#                    PAYARA_DEFAULT_JVM_OPTIONS of payara-java.sh, which says why); a heap size, if any, goes here too.
# --nocluster: a single node starts no data grid. Payara Micro's default would look for one on the network and
# let any member that finds it in, with full trust (docs/deploying.md, "Production checklist").
set -euo pipefail
jar=${1:?payara-micro.jar}; war=${2:?resonite-link.war}; props=${3:?properties file}
: "${RESONITE_CLIENT_SECRET:?set RESONITE_CLIENT_SECRET in the environment}"
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=payara-java.sh
source "$here/payara-java.sh"
java=$(payara_java)
port=${PORT:-8080}
export RESONITE_LINK_TRUSTED_PROXIES=${TRUSTED_PROXIES:-127.0.0.1}
# the shipped commands plus the bound address, in a file of this port's (rewritten at each start; no secret in it)
preboot=${TMPDIR:-/tmp}/resonite-link-micro-$port.asadmin
cat "$here/pre-boot-single-node.asadmin" > "$preboot"
echo "set configs.config.server-config.network-config.network-listeners.network-listener.http-listener.address=${BIND_ADDRESS:-127.0.0.1}" >> "$preboot"
read -r -a jvm <<< "${JVM_OPTIONS:-$PAYARA_DEFAULT_JVM_OPTIONS}"
exec "$java" "${jvm[@]}" -jar "$jar" --nocluster --deploy "$war" --systemProperties "$props" --port "$port" \
  --prebootcommandfile "$preboot"
