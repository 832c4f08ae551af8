#!/usr/bin/env bash
# Finds the Java that runs Payara Micro 7 (Jakarta EE 11), which needs Java 21 or newer, on a machine whose default
# java may be older (Debian 12's is 17). Used by run-micro.sh and run-cluster-node.sh (sourced), and by the build
# (executed), which links the JDK it finds at target/payara-jdk for the demo, the integration tests and the benchmark.
#
# The first of these that is a JDK 21 or newer wins:
#   1. the JDK named by the caller: PAYARA_JAVA in the environment, or the build's -Dpayara.java=... (a JDK's home or
#      its bin/java); naming one that is missing or too old is an error, never silently passed over;
#   2. JAVA_HOME;
#   3. the java on the PATH;
#   4. the newest JDK under /usr/lib/jvm (Debian's and Temurin's packages) or /opt/java (PAYARA_JAVA_DIRS, a
#      space-separated list, replaces these two).
# None: an error that says what to install.
#
#   source payara-java.sh; java=$(payara_java)          # the java executable, or exit 1 with the reason on stderr
#   payara-java.sh --link target/payara-jdk [JDK]       # the build: a symbolic link to the chosen JDK's home
readonly PAYARA_JAVA_MIN=21

# The feature version of the JDK at $1 (its home), from its release file: 25 for JAVA_VERSION="25.0.3", 8 for "1.8.0".
_payara_java_feature() {
  local version
  version=$(sed -n 's/^JAVA_VERSION="\(.*\)"$/\1/p' "$1/release" 2>/dev/null)
  version=${version#1.}
  version=${version%%[.+-]*}
  [[ $version =~ ^[0-9]+$ ]] && echo "$version"
}

# The JDK home of a java executable or of a directory that is a JDK home.
_payara_java_home() {
  local path
  path=$(readlink -f "$1" 2>/dev/null) || return 1
  if [ -f "$path" ]; then
    path=$(dirname "$(dirname "$path")")
  fi
  [ -x "$path/bin/java" ] && echo "$path"
}

# The home of a JDK >= 21 among candidates, the newest first; nothing when none is.
_payara_java_newest() {
  local best="" best_version=0 candidate home version
  for candidate in "$@"; do
    home=$(_payara_java_home "$candidate") || continue
    version=$(_payara_java_feature "$home") || continue
    if [ "$version" -ge "$PAYARA_JAVA_MIN" ] && [ "$version" -gt "$best_version" ]; then
      best=$home best_version=$version
    fi
  done
  [ -n "$best" ] && echo "$best"
}

# The chosen JDK's home; $1 (or PAYARA_JAVA) is the one the caller named, if any.
payara_java_home() {
  local named=${1:-${PAYARA_JAVA:-}} home version
  if [ -n "$named" ]; then
    home=$(_payara_java_home "$named") || { echo "payara-java: no JDK at $named" >&2; return 1; }
    version=$(_payara_java_feature "$home")
    if [ -z "$version" ] || [ "$version" -lt "$PAYARA_JAVA_MIN" ]; then
      echo "payara-java: $named is Java ${version:-of unknown version}; Payara Micro 7 needs $PAYARA_JAVA_MIN or newer" >&2
      return 1
    fi
    echo "$home"
    return 0
  fi
  local candidates=()
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  command -v java >/dev/null 2>&1 && candidates+=("$(command -v java)")
  home=$(_payara_java_newest "${candidates[@]}") && { echo "$home"; return 0; }
  local dirs=() dir
  for dir in ${PAYARA_JAVA_DIRS:-/usr/lib/jvm /opt/java}; do
    dirs+=("$dir"/*/)
  done
  home=$(_payara_java_newest "${dirs[@]}") && { echo "$home"; return 0; }
  cat >&2 <<EOF
payara-java: Payara Micro 7 needs Java $PAYARA_JAVA_MIN or newer, and none was found (JAVA_HOME=${JAVA_HOME:-unset},
the java on the PATH is $(java -version 2>&1 | head -n 1 || echo missing), nothing newer under ${PAYARA_JAVA_DIRS:-/usr/lib/jvm or /opt/java}).
Install a JDK 21 or newer (for example Temurin 21 or 25, or openjdk-21-jdk-headless where your distribution has it),
or name one: PAYARA_JAVA=/path/to/jdk for the scripts, mvn -Dpayara.java=/path/to/jdk for the build.
EOF
  return 1
}

payara_java() {
  local home
  home=$(payara_java_home "$@") || return 1
  echo "$home/bin/java"
}

# The JVM options both launchers pass when JVM_OPTIONS is not set: on 2 cores the parallel collector took 16% less
# CPU per link flow than the JDK's default G1; the priority policy makes the JVM apply thread priorities on Linux, so
# the password hashes run below the requests' priority and a sign-in flood slows the link flows less (without root the
# JVM warns that raising a priority may need permission; the app only lowers one, which needs none). See
# docs/benchmarks.md, "Performance, round 3".
# shellcheck disable=SC2034  # used by the scripts that source this one
PAYARA_DEFAULT_JVM_OPTIONS="-XX:+UseParallelGC -XX:ThreadPriorityPolicy=1"

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  set -euo pipefail
  if [ "${1:-}" != "--link" ] || [ -z "${2:-}" ]; then
    echo "usage: $0 --link LINK [JDK]   (or source it and call payara_java)" >&2
    exit 2
  fi
  home=$(payara_java_home "${3:-}")
  mkdir -p "$(dirname "$2")"
  ln -sfn "$home" "$2"
  echo "Payara Micro runs on Java $(_payara_java_feature "$home") at $home"
fi
