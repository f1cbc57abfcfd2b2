#!/usr/bin/env bash
# Installs what `npm run test:helm` needs besides node_modules:
#   - helm and helm-unittest, pinned, built from source with the Go toolchain into $(go env GOPATH)/bin
#     (both from the Go module proxy; a tool already at the pinned version is not rebuilt);
#   - nginx from Debian's packages (the dashboard image's nginx configuration is run by the tests).
set -euo pipefail

if ! [ -x /usr/sbin/nginx ]; then
  echo "installing nginx (Debian package)"
  # Keep the package from starting a system nginx on port 80: the tests run their own on loopback.
  printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d
  chmod +x /usr/sbin/policy-rc.d
  trap 'rm -f /usr/sbin/policy-rc.d' EXIT
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx >/dev/null
  rm -f /usr/sbin/policy-rc.d
  trap - EXIT
fi

HELM_VERSION=v3.22.0          # latest v3 release that builds with the Go here (go 1.26)
HELM_UNITTEST_VERSION=v1.1.2  # helm-unittest runs standalone: no `helm plugin install` needed

gobin="$(go env GOPATH)/bin"
mkdir -p "$gobin"
stamp="$gobin/.keygate-helm-tools"

if [ -x "$gobin/helm" ] && [ -x "$gobin/helm-unittest" ] && [ "$(cat "$stamp" 2>/dev/null)" = "$HELM_VERSION $HELM_UNITTEST_VERSION" ]; then
  echo "helm $HELM_VERSION and helm-unittest $HELM_UNITTEST_VERSION already in $gobin"
  exit 0
fi

# The version and Kubernetes version stamps its Makefile sets; without them `helm template` assumes
# Kubernetes 1.20 and `helm lint` checks API deprecations against 1.20.
K8S_MINOR=37   # helm v3.22.0 is built on k8s.io/client-go v0.37
pkg=helm.sh/helm/v3
ldflags="-X $pkg/internal/version.version=$HELM_VERSION -X $pkg/internal/version.gitTreeState=clean"
for target in pkg/lint/rules pkg/chartutil; do
  ldflags="$ldflags -X $pkg/$target.k8sVersionMajor=1 -X $pkg/$target.k8sVersionMinor=$K8S_MINOR"
done
echo "building helm $HELM_VERSION"
GOBIN="$gobin" go install -ldflags "$ldflags" "$pkg/cmd/helm@$HELM_VERSION"

# helm-unittest's go.mod has a replace directive, so `go install pkg@version` refuses it: build it from
# a writable copy of the downloaded module instead.
echo "building helm-unittest $HELM_UNITTEST_VERSION"
module_dir="$(cd "$(mktemp -d)" && GOFLAGS=-mod=mod go mod download -json "github.com/helm-unittest/helm-unittest@$HELM_UNITTEST_VERSION" | sed -n 's/^\t"Dir": "\(.*\)",$/\1/p')"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp -r "$module_dir/." "$work"
chmod -R u+w "$work"
(cd "$work" && go build -o "$gobin/helm-unittest" ./cmd/helm-unittest)

echo "$HELM_VERSION $HELM_UNITTEST_VERSION" > "$stamp"
"$gobin/helm" version --short
echo "helm-unittest $HELM_UNITTEST_VERSION in $gobin"
