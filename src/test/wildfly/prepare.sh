#!/usr/bin/env bash
# Prepares the two stock WildFly copies that mvn -Pwildfly verify unpacked into target/, with the very scripts a
# WildFly administrator runs (server-config/wildfly, see docs/deploying.md): one on the embedded H2, one on PostgreSQL.
# Each run starts with an empty server log, because the tests read it (no secret may ever appear in it).
#   prepare.sh <server-config/wildfly> <H2 copy's home> <PostgreSQL copy's home> <postgresql.jar>
set -euo pipefail
scripts=$1 h2_home=$2 pg_home=$3 driver=$4
JBOSS_HOME=$h2_home "$h2_home/bin/jboss-cli.sh" --file="$scripts/configure.cli"
JBOSS_HOME=$pg_home "$pg_home/bin/jboss-cli.sh" --file="$scripts/configure.cli"
JBOSS_HOME=$pg_home "$pg_home/bin/jboss-cli.sh" -Ddriver="$driver" --file="$scripts/postgresql.cli"
rm -rf "$h2_home/standalone/log" "$pg_home/standalone/log"
