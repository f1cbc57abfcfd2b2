#!/usr/bin/env bash
# `npm run test:helm`: every deployment check. Fails on the first error.
#   1. helm-unittest suites of helm/keygate (hook, secrets, probes, security contexts, replicas)
#   2. jest deploy project: helm lint --strict + helm template with the default and test/deploy/values/*
#      files, rendered manifests validated offline (kubernetes-models), chart docs freshness, compose files
#      against the Compose Specification schema plus policy checks, Dockerfile checks, nginx config check.
# helm and helm-unittest come from PATH or $(go env GOPATH)/bin (scripts/deploy/install-deploy-tools.sh).
set -euo pipefail
cd "$(dirname "$0")/../.."

gobin="$(go env GOPATH 2>/dev/null || echo "$HOME/go")/bin"
# node_modules/.bin first: the pinned Node 24 runs jest even when this script is called directly.
export PATH="$PWD/node_modules/.bin:$PATH:$gobin"
for tool in helm helm-unittest; do
  command -v "$tool" >/dev/null || { echo "$tool not found on PATH or in $gobin: run scripts/deploy/install-deploy-tools.sh" >&2; exit 1; }
done
HELM="$(command -v helm)"
export HELM

echo "== helm-unittest helm/keygate"
helm-unittest helm/keygate

echo "== jest deploy checks"
node_modules/.bin/jest --config test/deploy/jest.config.js --runInBand
