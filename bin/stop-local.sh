#!/bin/sh
# Stops what start-local.sh started: the broker first, then the NameServer.
BIN=$(cd "$(dirname "$0")" && pwd)
sh "$BIN/mqshutdown" broker
sh "$BIN/mqshutdown" namesrv
