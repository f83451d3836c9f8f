#!/bin/sh
# Runs any class on Mercury's classpath, e.g. sh bin/tools.sh org.mercurymq.example.quickstart.Producer
# RocketMQ's quick start names its examples org.apache.rocketmq.example.*; Mercury's equivalents live under
# org.mercurymq.example.* with the same package and class names, so such a name runs Mercury's example
# after a one-line note (on stderr, so the example's own output stays clean).
[ $# -ge 1 ] || { echo "usage: tools.sh MAIN_CLASS [args...]" >&2; exit 1; }
CLASS=$1; shift
case $CLASS in
  org.apache.rocketmq.example.*)
    MERCURY_CLASS="org.mercurymq.example.${CLASS#org.apache.rocketmq.example.}"
    echo "note: $CLASS is Apache RocketMQ's example; running Mercury's equivalent $MERCURY_CLASS" >&2
    CLASS=$MERCURY_CLASS
    ;;
esac
exec sh "$(dirname "$0")/runserver.sh" "$CLASS" tools "$@"
