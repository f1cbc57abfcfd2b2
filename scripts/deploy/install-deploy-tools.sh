#!/usr/bin/env bash
# Builds the pinned helm and helm-unittest from source with the Go toolchain into $(go env GOPATH)/bin.
# Both come from the Go module proxy; nothing else is downloaded. Skips a tool already at the pinned version.
set -euo pipefail

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
