#!/bin/sh
# Starts one Mercury JVM in the foreground: runserver.sh MAIN_CLASS ROLE [args...]
# ROLE names the logback config (conf/logback_ROLE.xml), the pid file and the default heap.
# JAVA_OPT replaces the default heap settings; JAVA_OPT_EXT is appended.
set -e
[ $# -ge 2 ] || { echo "usage: runserver.sh MAIN_CLASS ROLE [args...]" >&2; exit 1; }
MAIN_CLASS=$1; ROLE=$2; shift 2

. "$(dirname "$0")/env.sh"

case $ROLE in
  broker)  DEFAULT_HEAP="-Xms1g -Xmx1g" ;;
  namesrv) DEFAULT_HEAP="-Xms256m -Xmx256m" ;;
  *)       DEFAULT_HEAP="-Xms128m -Xmx512m" ;;
esac
JAVA_OPT="${JAVA_OPT:-$DEFAULT_HEAP}"
# ExitOnOutOfMemoryError: a JVM that ran out of memory has lost threads at random and may ignore SIGTERM;
# exiting lets a supervisor restart it (docs/reliability.md).
JAVA_OPT="$JAVA_OPT -XX:+UseG1GC -XX:+ExitOnOutOfMemoryError -XX:+HeapDumpOnOutOfMemoryError -XX:HeapDumpPath=$MERCURY_LOG_DIR"
JAVA_OPT="$JAVA_OPT -Dmercury.home=$MERCURY_HOME -Dmercury.log.dir=$MERCURY_LOG_DIR"
JAVA_OPT="$JAVA_OPT -Dlogback.configurationFile=$MERCURY_HOME/conf/logback_$ROLE.xml"

mkdir -p "$MERCURY_LOG_DIR"
# -p/-m/-h only print and exit: they start no daemon and get no pid file (the console's -p is its port).
DAEMON=yes
for a in "$@"; do
  case $a in
    -h|--help) DAEMON=no ;;
    -p|-m|--printConfigItem|--printImportantConfig) [ "$ROLE" = console ] || DAEMON=no ;;
  esac
done
if [ $DAEMON = yes ] && { [ "$ROLE" = namesrv ] || [ "$ROLE" = broker ] || [ "$ROLE" = controller ] \
    || [ "$ROLE" = console ]; }; then
  # One pid file per daemon so mqshutdown stops exactly what this installation started. The JVM gets the
  # file's absolute path as -Dmercury.pid.file: mqshutdown checks for it in the process's command line before
  # signalling, and the daemon deletes the file when it stops or fails to start.
  mkdir -p "$MERCURY_PID_DIR"
  MERCURY_PID_DIR=$(cd "$MERCURY_PID_DIR" && pwd)
  PID_FILE="$MERCURY_PID_DIR/$ROLE-$$.pid"
  echo $$ > "$PID_FILE"
  JAVA_OPT="$JAVA_OPT -Dmercury.pid.file=$PID_FILE"
fi
# exec keeps the pid written above: the JVM is this process.
# shellcheck disable=SC2086
exec "$JAVA" $JAVA_OPT $JAVA_OPT_EXT -cp "$MERCURY_CLASSPATH" "$MAIN_CLASS" "$@"
