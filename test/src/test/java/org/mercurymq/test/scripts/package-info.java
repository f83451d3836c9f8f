/**
 * Tests of the operator scripts in bin/ run as a user runs them ({@code sh bin/...}), against the build's classes:
 * mqshutdown's pid check, pid files of print-only and failed runs, one-line start-up failures, tools.sh's mapping of
 * RocketMQ example names, and the one-host 2m-2s deployment recipe of docs/deployment.md.
 */
package org.mercurymq.test.scripts;
