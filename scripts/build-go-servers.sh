#!/usr/bin/env bash
# Build the Go servers the local stack and the tests run, from their Go modules
# at pinned versions, and print the absolute path of each binary on stdout.
#
#   scripts/build-go-servers.sh [ferretdb|traefik|all|helm|kube-apiserver|etcd|k8s]...
#                                                                  (default: all)
#
# stdout: one absolute binary path per line, in argument order ("all" expands
#         to ferretdb then traefik, the local stack's servers; "k8s" to helm,
#         kube-apiserver then etcd, the tools tests/unit/test_helm_chart.py validates the
#         Helm chart with). Everything else goes to stderr.
#
# How: the pinned module is fetched with `go mod download` (checksum-verified
# against go.sum / the checksum database like any other module), its tree is
# copied to a scratch directory, a tiny overlay from scripts/gobuild/<name>/overlay
# is laid over it, and `go build` runs there with the module as the *main*
# module, so its own go.mod, go.sum, replace and exclude directives apply
# verbatim (that is why `go install module@version` cannot be used for
# Traefik). See scripts/gobuild/README.md for the overlays.
#
# Cache: ${FOOD_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/food-ordering}/bin/<name>-<version>/<name>
# A binary already there is returned at once (Go is not even needed then).
# Concurrent runs are serialised per binary with flock.
#
# Environment: FOOD_CACHE_DIR, XDG_CACHE_HOME as above; GOCACHE / GOMODCACHE are
# honoured (both default to Go's own locations under $HOME, never the repo).
set -euo pipefail

readonly FERRETDB_MODULE=github.com/FerretDB/FerretDB
readonly FERRETDB_VERSION=v1.24.2
# The cache directory's label: the version plus our patch level. Bump the suffix whenever
# scripts/gobuild/ferretdb/patches changes, so cached binaries are rebuilt.
readonly FERRETDB_BUILD=$FERRETDB_VERSION-food.1
readonly TRAEFIK_MODULE=github.com/traefik/traefik/v3
readonly TRAEFIK_VERSION=v3.7.13
# Traefik dependencies that have to be adjusted (see scripts/gobuild/README.md).
readonly LEGO_MODULE=github.com/go-acme/lego/v5
readonly LEGO_VERSION=v5.4.1
readonly HTTP_AUTH_MODULE=github.com/abbot/go-http-auth
readonly HTTP_AUTH_VERSION=v0.4.1-0.20220112235402-e1cee1c72f2f
# The Kubernetes tools (deploy/helm/ is validated with them, see scripts/gobuild/README.md).
readonly HELM_MODULE=helm.sh/helm/v3
readonly HELM_VERSION=v3.22.0
# The Kubernetes version the chart is validated against. Its staging modules
# (k8s.io/api, k8s.io/apiserver, ...) are published as v0.<minor>.<patch>.
readonly KUBERNETES_MODULE=k8s.io/kubernetes
readonly KUBERNETES_VERSION=v1.37.2
readonly KUBERNETES_STAGING_VERSION=v0.37.2
# etcd at the version Kubernetes v1.37.2 pins in its go.mod (go.etcd.io/etcd/server/v3).
readonly ETCD_MODULE=go.etcd.io/etcd/server/v3
readonly ETCD_VERSION=v3.7.0

SCRIPT_DIR=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd -P)
readonly SCRIPT_DIR
REPO_ROOT=$(cd -- "$SCRIPT_DIR/.." && pwd -P)
readonly REPO_ROOT
CACHE_DIR=${FOOD_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/food-ordering}
BIN_ROOT=$CACHE_DIR/bin

log() { printf '[build-go-servers] %s\n' "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

usage() {
    printf 'usage: %s [ferretdb|traefik|all|helm|kube-apiserver|etcd|k8s]...\n' \
        "$(basename -- "$0")" >&2
    exit 2
}

# Absolute path for a possibly relative directory that may not exist yet.
abspath() {
    case $1 in
        /*) printf '%s\n' "$1" ;;
        *) printf '%s/%s\n' "$(pwd -P)" "$1" ;;
    esac
}

is_inside_repo() {
    case $1/ in
        "$REPO_ROOT"/*) return 0 ;;
        *) return 1 ;;
    esac
}

setup_go_env() {
    command -v go >/dev/null 2>&1 || die "the 'go' command is not on PATH (Go >= 1.26 is needed)"
    # Never let Go fetch another toolchain; a too-old Go fails with a clear message.
    export GOTOOLCHAIN=local
    export CGO_ENABLED=0
    export GOFLAGS="-trimpath -buildvcs=false"
    # A go.work in a module tree (k8s.io/kubernetes ships one) must not switch modes.
    export GOWORK=off
    local gocache gomodcache
    gocache=$(go env GOCACHE)
    gomodcache=$(go env GOMODCACHE)
    if [[ -z $gocache || $gocache == off ]] || is_inside_repo "$gocache"; then
        export GOCACHE=$CACHE_DIR/go-build
        log "using GOCACHE=$GOCACHE"
    fi
    if is_inside_repo "$gomodcache"; then
        export GOMODCACHE=$CACHE_DIR/go-mod
        log "using GOMODCACHE=$GOMODCACHE"
    fi
}

# Prints the module's directory in the module cache (downloading it if needed).
module_dir() {
    local module=$1 version=$2 json dir
    # Run outside any module so the current directory's go.mod cannot interfere.
    json=$(cd / && go mod download -json "$module@$version" 2>&1) || {
        printf '%s\n' "$json" >&2
        die "go mod download $module@$version failed (exact error above)"
    }
    if grep -q '"Error":' <<<"$json"; then
        printf '%s\n' "$json" >&2
        die "the module proxy refused $module@$version (exact error above)"
    fi
    dir=$(sed -n 's/^[[:space:]]*"Dir": "\(.*\)",\{0,1\}$/\1/p' <<<"$json")
    [[ -n $dir && -f $dir/go.mod ]] || die "no module directory for $module@$version in: $json"
    printf '%s\n' "$dir"
}

# build <name> <module> <version> <cache label> <package dir in module> <smoke-test args...>
build_one() {
    local name=$1 module=$2 version=$3 label=$4 pkg=$5
    shift 5
    local dest_dir=$BIN_ROOT/$name-$label
    local dest=$dest_dir/$name

    if [[ -x $dest ]]; then
        printf '%s\n' "$dest"
        return 0
    fi

    mkdir -p "$BIN_ROOT"
    local lock_fd
    exec {lock_fd}>"$BIN_ROOT/.$name-$version.lock"
    if ! flock -n "$lock_fd"; then
        log "$name $version: another build is running, waiting for it"
        flock "$lock_fd"
    fi
    if [[ -x $dest ]]; then # built by the run we waited for
        exec {lock_fd}>&-
        printf '%s\n' "$dest"
        return 0
    fi

    setup_go_env
    local start=$SECONDS
    log "$name $version: fetching $module@$version"
    local src
    src=$(module_dir "$module" "$version")

    local work=$CACHE_DIR/src/$name-$version.$$
    rm -rf "$work"
    mkdir -p "$work"
    # The work tree is removed on every exit path of this function's caller.
    CLEANUP_DIRS+=("$work")
    cp -R "$src/." "$work/"
    chmod -R u+w "$work"
    local overlay=$SCRIPT_DIR/gobuild/$name/overlay
    if [[ -d $overlay ]]; then
        log "$name $version: applying overlay scripts/gobuild/$name/overlay"
        cp -R "$overlay/." "$work/"
    fi

    if declare -F "prepare_$name" >/dev/null; then
        "prepare_$name" "$work"
    fi

    local ldflags="-s -w"
    case $name in
        traefik) ldflags+=" -X github.com/traefik/traefik/v3/pkg/version.Version=$version" ;;
        helm) ldflags+=" -X helm.sh/helm/v3/internal/version.version=$version" ;;
        kube-apiserver)
            local minor=${version#v1.}
            minor=${minor%%.*}
            ldflags+=" -X k8s.io/component-base/version.gitVersion=$version"
            ldflags+=" -X k8s.io/component-base/version.gitMajor=1"
            ldflags+=" -X k8s.io/component-base/version.gitMinor=$minor"
            ldflags+=" -X k8s.io/component-base/version.gitTreeState=clean"
            ;;
    esac

    log "$name $version: go build ./$pkg ($(go env GOVERSION), GOCACHE=$(go env GOCACHE))"
    mkdir -p "$dest_dir"
    local tmp=$dest.tmp.$$
    CLEANUP_DIRS+=("$tmp")
    # In the background + wait, so that SIGTERM/SIGINT reach the trap at once (bash
    # defers traps while a foreground child runs); the trap stops the build.
    (cd "$work" && exec go build -ldflags="$ldflags" -o "$tmp" "./$pkg") &
    BUILD_PID=$!
    if ! wait "$BUILD_PID"; then
        BUILD_PID=
        die "$name $version: go build failed"
    fi
    BUILD_PID=

    local out
    if ! out=$("$tmp" "$@" 2>&1); then
        printf '%s\n' "$out" >&2
        rm -f "$tmp"
        die "$name $version: the built binary failed its smoke test ($*)"
    fi
    log "$name $version: smoke test: $(head -n 3 <<<"$out" | tr '\n' ' ')"
    mv -f "$tmp" "$dest"
    rm -rf "$work"
    exec {lock_fd}>&-
    log "$name $version: built in $((SECONDS - start))s -> $dest"
    printf '%s\n' "$dest"
}

# Traefik v3.7.13 cannot be built verbatim from the module proxy reachable here: the
# proxy answers "403 Forbidden / This module version is not available" for 14 of its
# dependency modules (13 SDKs used only by ACME DNS-challenge providers of lego, and
# github.com/containous/go-http-auth, the fork behind the BasicAuth/DigestAuth
# middlewares). Without changing anything this project uses:
#   - lego is taken from the module proxy and patched to drop those 13 DNS providers
#     from its provider registry (asking for one is then "unrecognized DNS provider");
#   - the go-http-auth fork is replaced by upstream github.com/abbot/go-http-auth at its
#     last commit (go.sum lines in scripts/gobuild/traefik/go.sum.extra), and Traefik's
#     DigestAuth middleware is patched to send a plain challenge where the fork had
#     RequireAuthStale (the only fork-only API Traefik uses).
# FerretDB embeds build/version/*.txt, which its Taskfile generates from git; the module
# zip has none, and a binary whose main module is FerretDB panics at start without
# version.txt. Write the pinned version (commit/branch stay "unknown").
# Its patches (scripts/gobuild/ferretdb/patches, see the README there) make lookups by
# `_id` use the `_id` index on the PostgreSQL backend.
prepare_ferretdb() {
    local work=$1
    printf '%s\n' "$FERRETDB_VERSION" >"$work/build/version/version.txt"
    printf '%s\n' "food-ordering-source-build" >"$work/build/version/package.txt"
    local patch_file
    for patch_file in "$SCRIPT_DIR"/gobuild/ferretdb/patches/*.patch; do
        log "ferretdb $FERRETDB_VERSION: applying $(basename -- "$patch_file")"
        apply_patch "$work" "$patch_file"
    done
}

apply_patch() {
    local dir=$1 patch_file=$2
    if command -v patch >/dev/null 2>&1; then
        patch -d "$dir" -p1 --forward --batch --silent <"$patch_file" \
            || die "could not apply $patch_file"
    else
        # Outside any repository `git apply` behaves like patch(1).
        (cd "$dir" && GIT_CEILING_DIRECTORIES=$(dirname -- "$dir") git apply "$patch_file") \
            || die "could not apply $patch_file"
    fi
}

prepare_traefik() {
    local work=$1
    grep -q "^[[:space:]]*$LEGO_MODULE $LEGO_VERSION\b" "$work/go.mod" \
        || die "traefik's go.mod no longer requires $LEGO_MODULE $LEGO_VERSION; update the patch"
    local lego_src
    lego_src=$(module_dir "$LEGO_MODULE" "$LEGO_VERSION")
    log "traefik $TRAEFIK_VERSION: vendoring $LEGO_MODULE@$LEGO_VERSION into _deps/lego and patching it"
    mkdir -p "$work/_deps/lego"
    cp -R "$lego_src/." "$work/_deps/lego/"
    chmod -R u+w "$work/_deps/lego"
    local patch_file
    for patch_file in "$SCRIPT_DIR"/gobuild/traefik/patches/lego/*.patch; do
        apply_patch "$work/_deps/lego" "$patch_file"
    done
    for patch_file in "$SCRIPT_DIR"/gobuild/traefik/patches/traefik/*.patch; do
        log "traefik $TRAEFIK_VERSION: applying $(basename -- "$patch_file")"
        apply_patch "$work" "$patch_file"
    done
    (cd "$work" && go mod edit \
        -replace="$LEGO_MODULE=./_deps/lego" \
        -replace="$HTTP_AUTH_MODULE=$HTTP_AUTH_MODULE@$HTTP_AUTH_VERSION")
    cat "$SCRIPT_DIR/gobuild/traefik/go.sum.extra" >>"$work/go.sum"
}

# Kubernetes: k8s.io/kubernetes's go.mod replaces each of its 33 staging modules
# (k8s.io/api, k8s.io/apiserver, ...) with ./staging/src/k8s.io/<name>, but a module zip
# never holds nested modules, so staging/ is empty. Each staging module is published on
# its own as v0.<minor>.<patch> of the same release: copy that (checksum-verified by
# `go mod download`) to where the replace directive points. Two samples
# (sample-cli-plugin, sample-controller) are not served here and nothing in
# cmd/kube-apiserver imports them: a go.mod with their name alone stands in. The zip's
# go.work (the staging workspace) and vendor/ (only OWNERS files) are removed, so the
# build uses go.mod and go.sum.
prepare_kube-apiserver() {
    local work=$1 module dir
    rm -rf "$work/vendor" "$work/go.work" "$work/go.work.sum"
    for module in $(sed -n 's|^[[:space:]]*\(k8s\.io/[a-z0-9-]*\) => \./staging/src/.*$|\1|p' "$work/go.mod"); do
        if ! dir=$( (cd / && go mod download -json "$module@$KUBERNETES_STAGING_VERSION") \
            | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",\{0,1\}$/\1/p') || [[ -z $dir ]]; then
            case $module in
                k8s.io/sample-cli-plugin | k8s.io/sample-controller)
                    # Nothing is built from it: a go.mod naming it is all the module
                    # graph reads there (requirements are listed in the main go.mod).
                    log "kube-apiserver: $module@$KUBERNETES_STAGING_VERSION not served; unused, an empty module stands in"
                    mkdir -p "$work/staging/src/$module"
                    printf 'module %s\n\ngo 1.26.0\n' "$module" >"$work/staging/src/$module/go.mod"
                    continue
                    ;;
                *) die "go mod download $module@$KUBERNETES_STAGING_VERSION failed" ;;
            esac
        fi
        mkdir -p "$work/staging/src/$module"
        cp -R "$dir/." "$work/staging/src/$module/"
        # The published modules require each other at v0.37.2 where the repository's
        # staging says v0.0.0; the replace directives (no version) cover both, so the
        # main go.mod says v0.37.2 too and nothing else in it changes.
        (cd "$work" && go mod edit -require="$module@$KUBERNETES_STAGING_VERSION")
    done
    chmod -R u+w "$work/staging"
    log "kube-apiserver $KUBERNETES_VERSION: staging modules laid in from $KUBERNETES_STAGING_VERSION"
}

# etcd: go.etcd.io/etcd/server/v3 replaces its four sibling modules with ../api,
# ../client/pkg, ../client/v3 and ../pkg (paths inside the etcd repository). Copy each
# one's published module at the same version into _deps/ and point the replaces there.
prepare_etcd() {
    local work=$1 module dir
    for module in go.etcd.io/etcd/api/v3 go.etcd.io/etcd/client/pkg/v3 \
        go.etcd.io/etcd/client/v3 go.etcd.io/etcd/pkg/v3; do
        dir=$(module_dir "$module" "$ETCD_VERSION")
        mkdir -p "$work/_deps/$module"
        cp -R "$dir/." "$work/_deps/$module/"
        (cd "$work" && go mod edit -replace="$module=./_deps/$module")
    done
    chmod -R u+w "$work/_deps"
}

CLEANUP_DIRS=()
BUILD_PID=
cleanup() {
    local d
    if [[ -n $BUILD_PID ]] && kill -0 "$BUILD_PID" 2>/dev/null; then
        log "stopping go build (pid $BUILD_PID)"
        kill -TERM "$BUILD_PID" 2>/dev/null || true
        wait "$BUILD_PID" 2>/dev/null || true
    fi
    for d in "${CLEANUP_DIRS[@]}"; do
        rm -rf "$d"
    done
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

main() {
    local -a names=()
    local arg
    [[ $# -gt 0 ]] || set -- all
    for arg in "$@"; do
        case $arg in
            ferretdb | traefik | helm | kube-apiserver | etcd) names+=("$arg") ;;
            all) names+=(ferretdb traefik) ;;
            k8s) names+=(helm kube-apiserver etcd) ;;
            -h | --help) usage ;;
            *) log "unknown server: $arg"; usage ;;
        esac
    done
    CACHE_DIR=$(abspath "$CACHE_DIR")
    BIN_ROOT=$CACHE_DIR/bin

    local name
    for name in "${names[@]}"; do
        case $name in
            ferretdb)
                build_one ferretdb "$FERRETDB_MODULE" "$FERRETDB_VERSION" "$FERRETDB_BUILD" \
                    cmd/ferretdb --version
                ;;
            traefik)
                build_one traefik "$TRAEFIK_MODULE" "$TRAEFIK_VERSION" "$TRAEFIK_VERSION" \
                    cmd/traefik version
                ;;
            helm)
                build_one helm "$HELM_MODULE" "$HELM_VERSION" "$HELM_VERSION" \
                    cmd/helm version --short
                ;;
            kube-apiserver)
                build_one kube-apiserver "$KUBERNETES_MODULE" "$KUBERNETES_VERSION" \
                    "$KUBERNETES_VERSION" cmd/kube-apiserver --version
                ;;
            etcd)
                build_one etcd "$ETCD_MODULE" "$ETCD_VERSION" "$ETCD_VERSION" . --version
                ;;
        esac
    done
}

main "$@"
