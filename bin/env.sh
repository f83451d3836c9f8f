#!/bin/sh
# Sourced by the bin/ scripts: finds the installation, java and the classpath.
# Works from an unpacked release (lib/ beside bin/) and from a built source tree
# (distribution/target/mercury-*/lib after `mvn package`).
MERCURY_HOME=$(cd "$(dirname "$0")/.." && pwd)
export MERCURY_HOME

if [ -n "$JAVA_HOME" ] && [ -x "$JAVA_HOME/bin/java" ]; then
  JAVA="$JAVA_HOME/bin/java"
else
  JAVA=java
fi

if [ -n "$MERCURY_CLASSPATH" ]; then
  # A classpath given by the caller wins (the script tests run bin/ against the build's classes this way).
  MERCURY_LIB=""
else
  if [ -d "$MERCURY_HOME/lib" ]; then
    MERCURY_LIB="$MERCURY_HOME/lib"
  else
    MERCURY_LIB=$(ls -d "$MERCURY_HOME"/distribution/target/mercury-*/mercury-*/lib 2>/dev/null | head -n 1)
  fi
  if [ -z "$MERCURY_LIB" ] || [ ! -d "$MERCURY_LIB" ]; then
    echo "No lib/ directory found. In a source tree, build first: mvn -B -DskipTests package" >&2
    exit 1
  fi
  MERCURY_CLASSPATH="$MERCURY_LIB/*"
fi

MERCURY_LOG_DIR="${MERCURY_LOG_DIR:-$HOME/logs/mercurylogs}"
MERCURY_PID_DIR="${MERCURY_PID_DIR:-$MERCURY_HOME/run}"
