#!/bin/sh
# Runs any class on Mercury's classpath, e.g. sh bin/tools.sh org.mercurymq.example.quickstart.Producer
[ $# -ge 1 ] || { echo "usage: tools.sh MAIN_CLASS [args...]" >&2; exit 1; }
CLASS=$1; shift
exec sh "$(dirname "$0")/runserver.sh" "$CLASS" tools "$@"
