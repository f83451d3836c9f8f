#!/bin/sh
# Stops what start-local.sh started: the console, the broker, then the NameServer.
BIN=$(cd "$(dirname "$0")" && pwd)
sh "$BIN/mqshutdown" console
sh "$BIN/mqshutdown" broker
sh "$BIN/mqshutdown" namesrv
