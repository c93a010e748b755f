#!/usr/bin/env bash
# k8s-binaries.sh - provision pinned Kubernetes test binaries into a local cache.
#
# Puts pinned versions of
#     kube-apiserver, kube-controller-manager, kubectl, etcd, kube-rbac-proxy
# into
#     $ROOT/k8s/<k8s-version>-<os>-<arch>/        e.g. ~/.cache/sei-operator/k8s/1.33.13-linux-amd64/
# where ROOT=${SEI_BINARIES_DIR:-$HOME/.cache/sei-operator}. That layout is what fabric8
# kube-api-test expects ($KUBE_API_TEST_DIR/k8s/<version>-linux-amd64/{etcd,kube-apiserver,kubectl}),
# so tests can simply point KUBE_API_TEST_DIR at $ROOT.
#
# Each binary comes from the first of these three sources that works:
#   1. the cache: the binary is already there and its version command reports the pinned version;
#   2. a download of the official release artefact (dl.k8s.io for kube-*/kubectl, the GitHub release
#      tarballs of etcd and kube-rbac-proxy), sha256-checked where upstream publishes sums. Each attempt
#      uses short curl timeouts, so on a machine without that network it fails in seconds and falls
#      through. SEI_BINARIES_NO_DOWNLOAD=1 skips this step entirely (no traffic to those hosts at all);
#   3. a build from source with the local Go toolchain, fetching modules through the Go module proxy
#      ($GOPROXY, Go's default unless set). Cold, this takes a long time (the three Kubernetes binaries
#      dominate); module and build caches (and Go's temp dirs) are kept under $ROOT/go so later builds
#      reuse the work and an interrupted build leaves nothing elsewhere.
#
# Environment:
#   SEI_BINARIES_DIR           cache root (default: $HOME/.cache/sei-operator)
#   SEI_BINARIES_NO_DOWNLOAD   1 = skip step 2, go straight from the cache to a source build
#   SEI_K8S_VERSION            Kubernetes version, with or without leading v (default below)
#   SEI_ETCD_VERSION           etcd version (default below)
#   SEI_KUBE_RBAC_PROXY_VERSION  kube-rbac-proxy version (default below)
#   SEI_BUILD_JOBS             parallel compile jobs for `go build -p` (default: nproc, capped at 4)
#   SEI_BINARIES_PRUNE_GO_CACHE  1 = after a successful run delete $ROOT/go and $ROOT/build (the Go module
#                              and build caches, ~5.5 GB after a cold build); a later source build is then cold again
#   GOPROXY, GOSUMDB, ...      honoured as usual by the Go toolchain
#
# Output contract: progress and version lines go to stderr; stdout carries exactly one line,
#     BINARIES_DIR=<absolute path of the version directory>
# which is therefore always the last line of stdout. Exit status is non-zero (with a message naming the
# binaries) if any binary could not be provisioned.
#
# Concurrency: the whole run holds an exclusive flock on $ROOT/.lock, and every binary is written under a
# temporary name and renamed into place, so concurrent or interrupted runs never expose a partial file.
#
# Requirements: Linux, bash, flock and GNU coreutils/procps; curl, tar and sha256sum for step 2; for step 3
# Go >= the go directive of the built modules (1.24 for Kubernetes 1.33). GOTOOLCHAIN=local is forced, so no
# Go toolchain is ever downloaded.
set -euo pipefail

# ---- pinned versions -------------------------------------------------------------------------------
# Kubernetes 1.33: newest 1.33 patch served by the Go module proxy when this was pinned.
K8S_VERSION="${SEI_K8S_VERSION:-1.33.13}"
# etcd: Kubernetes 1.33 ships/tests with etcd 3.5.21 (it is also the etcd client version in k8s 1.33's go.mod).
ETCD_VERSION="${SEI_ETCD_VERSION:-3.5.21}"
# kube-rbac-proxy: newest release the Go module proxy serves (v0.20.0 is not served there).
KUBE_RBAC_PROXY_VERSION="${SEI_KUBE_RBAC_PROXY_VERSION:-0.19.1}"

K8S_VERSION="${K8S_VERSION#v}"
ETCD_VERSION="${ETCD_VERSION#v}"
KUBE_RBAC_PROXY_VERSION="${KUBE_RBAC_PROXY_VERSION#v}"

ROOT="${SEI_BINARIES_DIR:-$HOME/.cache/sei-operator}"
NO_DOWNLOAD="${SEI_BINARIES_NO_DOWNLOAD:-0}"
PRUNE_GO_CACHE="${SEI_BINARIES_PRUNE_GO_CACHE:-0}"

log() { printf '[k8s-binaries] %s\n' "$*" >&2; }
die() { printf '[k8s-binaries] ERROR: %s\n' "$*" >&2; exit 1; }

# Linux only: upstream publishes no kube-apiserver for other OSes, and this script uses GNU tools.
[[ "$(uname -s)" == Linux ]] || die "unsupported OS $(uname -s): only Linux is supported"
OS=linux
case "$(uname -m)" in
  x86_64 | amd64) ARCH=amd64 ;;
  aarch64 | arm64) ARCH=arm64 ;;
  *) die "unsupported architecture $(uname -m)" ;;
esac

[[ "$K8S_VERSION" =~ ^1\.([0-9]+)\.([0-9]+)$ ]] || die "SEI_K8S_VERSION must look like 1.33.13, got '$K8S_VERSION'"
K8S_MINOR="${BASH_REMATCH[1]}"
K8S_PATCH="${BASH_REMATCH[2]}"
# k8s.io/kubernetes vX.Y.Z publishes its staging modules (k8s.io/api, k8s.io/client-go, ...) as v0.Y.Z.
K8S_STAGING_VERSION="v0.${K8S_MINOR}.${K8S_PATCH}"

mkdir -p "$ROOT"
ROOT="$(cd "$ROOT" && pwd -P)"
BIN_DIR="$ROOT/k8s/${K8S_VERSION}-${OS}-${ARCH}"
BUILD_ROOT="$ROOT/build"

K8S_BINS=(kube-apiserver kube-controller-manager kubectl)
ALL_BINS=("${K8S_BINS[@]}" etcd kube-rbac-proxy)

# ---- temp dirs / background helpers, cleaned up on exit ---------------------------------------------
TMP_DIRS=()
HEARTBEAT_PID=""
# Kill a process and all its descendants (only ever our own children: a build in progress).
kill_tree() {
  local child
  for child in $(ps -o pid= --ppid "$1" 2>/dev/null); do kill_tree "$child"; done
  kill "$1" 2>/dev/null || true
}
cleanup() {
  if [[ -n "${ATTEMPT_PID:-}" ]]; then kill_tree "$ATTEMPT_PID"; fi
  if [[ -n "$HEARTBEAT_PID" ]]; then kill_tree "$HEARTBEAT_PID"; fi
  local d
  for d in "${TMP_DIRS[@]+"${TMP_DIRS[@]}"}"; do rm -rf "$d"; done
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# A temp dir inside BIN_DIR (so the final `mv` is a same-filesystem, atomic rename), in $NEW_TMP.
# Not called via $(...): the registration in TMP_DIRS must happen in this shell.
new_tmp_dir() {
  NEW_TMP="$(mktemp -d "$BIN_DIR/.tmp.XXXXXX")"
  TMP_DIRS+=("$NEW_TMP")
}

# Atomically put $1 (a file) in place as $BIN_DIR/$2.
install_bin() {
  chmod 0755 "$1"
  mv -f "$1" "$BIN_DIR/$2"
}

# ---- version checks ----------------------------------------------------------------------------------
expected_version() {
  case "$1" in
    kube-apiserver | kube-controller-manager | kubectl) echo "v$K8S_VERSION" ;;
    etcd) echo "$ETCD_VERSION" ;;
    kube-rbac-proxy) echo "v$KUBE_RBAC_PROXY_VERSION" ;;
  esac
}

# Prints the binary's version line; fails if it cannot run.
version_of() {
  local path="$1" name="$2" out
  case "$name" in
    kubectl) out="$(timeout 30 "$path" version --client 2>&1)" || return 1 ;;
    *) out="$(timeout 30 "$path" --version 2>&1)" || return 1 ;;
  esac
  # kubectl: "Client Version: v1.33.13" (+ Kustomize line); etcd: "etcd Version: 3.5.21" (+ SHA/Go lines).
  printf '%s\n' "$out" | grep -m1 -E 'Version|^Kubernetes|^kube-rbac-proxy' || printf '%s\n' "$out" | head -n1
}

# True if $1 exists, runs, and reports the pinned version of binary $2.
bin_ok() {
  local path="$1" name="$2" v
  [[ -x "$path" ]] || return 1
  v="$(version_of "$path" "$name")" || return 1
  # Match the exact version token (so 1.33.1 does not accept 1.33.13).
  printf '%s\n' "$v" | grep -qE "(^|[^0-9.])$(expected_version "$name" | sed 's/\./\\./g')([^0-9.]|$)"
}

# ---- step 2: downloads ---------------------------------------------------------------------------------
CURL=(curl -fsSL --connect-timeout 5 --max-time 900)

sha256_of() { sha256sum "$1" | awk '{print $1}'; }

download_k8s_bin() {
  local name="$1" tmp url sum
  new_tmp_dir
  tmp="$NEW_TMP"
  url="https://dl.k8s.io/release/v${K8S_VERSION}/bin/${OS}/${ARCH}/${name}"
  "${CURL[@]}" -o "$tmp/$name" "$url" || return 1
  sum="$("${CURL[@]}" "$url.sha256")" || return 1
  [[ "$(sha256_of "$tmp/$name")" == "${sum%% *}" ]] || { log "checksum mismatch for $url"; return 1; }
  chmod 0755 "$tmp/$name"
  bin_ok "$tmp/$name" "$name" || return 1
  install_bin "$tmp/$name" "$name"
}

download_etcd() {
  local tmp base url sums
  new_tmp_dir
  tmp="$NEW_TMP"
  base="etcd-v${ETCD_VERSION}-${OS}-${ARCH}"
  url="https://github.com/etcd-io/etcd/releases/download/v${ETCD_VERSION}"
  "${CURL[@]}" -o "$tmp/$base.tar.gz" "$url/$base.tar.gz" || return 1
  sums="$("${CURL[@]}" "$url/SHA256SUMS")" || return 1
  printf '%s\n' "$sums" | grep -q "^$(sha256_of "$tmp/$base.tar.gz")  $base.tar.gz\$" \
    || { log "checksum mismatch for $url/$base.tar.gz"; return 1; }
  tar -xzf "$tmp/$base.tar.gz" -C "$tmp" "$base/etcd" || return 1
  bin_ok "$tmp/$base/etcd" etcd || return 1
  install_bin "$tmp/$base/etcd" etcd
}

download_kube_rbac_proxy() {
  local tmp f
  new_tmp_dir
  tmp="$NEW_TMP"
  # Upstream publishes no checksum file; the version check below is the sanity check.
  "${CURL[@]}" -o "$tmp/krp.tar.gz" \
    "https://github.com/brancz/kube-rbac-proxy/releases/download/v${KUBE_RBAC_PROXY_VERSION}/kube-rbac-proxy-${OS}-${ARCH}.tar.gz" \
    || return 1
  tar -xzf "$tmp/krp.tar.gz" -C "$tmp" || return 1
  f="$(find "$tmp" -type f -name "kube-rbac-proxy*" ! -name '*.tar.gz' | head -n1)"
  [[ -n "$f" ]] || return 1
  bin_ok "$f" kube-rbac-proxy || return 1
  install_bin "$f" kube-rbac-proxy
}

# ---- step 3: builds from the Go module proxy -----------------------------------------------------
setup_go_env() {
  command -v go >/dev/null 2>&1 || die "Go toolchain not found: needed to build missing binaries from source"
  export GOTOOLCHAIN=local # never download a toolchain; fail clearly if the local Go is too old
  export CGO_ENABLED=0     # static binaries, no C toolchain needed
  export GOWORK=off GO111MODULE=on GOOS="$OS" GOARCH="$ARCH"
  export GOPATH="$ROOT/go"
  export GOMODCACHE="$ROOT/go/mod"
  export GOCACHE="$ROOT/go/build-cache"
  # Go's scratch dirs live in the cache too: an interrupted build leaves nothing in /tmp, and the next run
  # (holding the lock) clears them.
  export GOTMPDIR="$ROOT/go/tmp"
  rm -rf "$GOTMPDIR"
  mkdir -p "$GOTMPDIR"
  # -mod=mod: let the wrapper modules' go.mod/go.sum be completed automatically.
  # -modcacherw: keep the module cache writable so `rm -rf $ROOT` works.
  export GOFLAGS="-mod=mod -modcacherw"
  local jobs
  jobs="$(nproc 2>/dev/null || echo 2)"
  if ((jobs > 4)); then jobs=4; fi
  BUILD_JOBS="${SEI_BUILD_JOBS:-$jobs}"
}

# go, with a fallback for machines that reach the module proxy but not the checksum database: Go first
# asks the proxy to relay the checksum database (the default proxy does), and only if that fails talks to
# the database directly. If verification fails for lack of network (not for a checksum mismatch) we retry
# once with GOSUMDB=off: hashes still land in the wrapper's go.sum, but the proxy is then trusted as is.
go_resolve() {
  local outf errf rc=0
  outf="$(mktemp)" errf="$(mktemp)"
  go "$@" >"$outf" 2>"$errf" || rc=$?
  if ((rc != 0)) && [[ "${GOSUMDB:-}" != off ]] \
    && grep -qE 'verifying .*(dial tcp|no such host|i/o timeout|connection refused|connection reset|TLS handshake)' \
      "$errf" "$outf"; then
    grep -hE 'verifying' "$errf" "$outf" | head -n1 >&2
    log "checksum database unreachable; retrying with GOSUMDB=off"
    export GOSUMDB=off
    rc=0
    go "$@" >"$outf" 2>"$errf" || rc=$?
  fi
  # One summary line instead of hundreds of "go: downloading X" lines.
  local n
  n="$(grep -c '^go: downloading' "$errf" || true)"
  grep -v '^go: downloading' "$errf" >&2 || true
  ((n == 0)) || log "  fetched $n modules from the Go module proxy"
  cat "$outf"
  rm -f "$outf" "$errf"
  return "$rc"
}

start_heartbeat() {
  local what="$1" start="$SECONDS"
  # fd 9 (the lock) is closed in the ticker, so a stray `sleep` can never keep the lock held.
  (
    trap - EXIT INT TERM
    while sleep 60; do log "  ... still ${what} ($((SECONDS - start))s)"; done
  ) 9>&- &
  HEARTBEAT_PID=$!
}
stop_heartbeat() {
  [[ -z "$HEARTBEAT_PID" ]] || kill_tree "$HEARTBEAT_PID"
  wait "$HEARTBEAT_PID" 2>/dev/null || true
  HEARTBEAT_PID=""
}

# Field of a `go mod download -json` answer, e.g. json_field GoMod.
json_field() { sed -n "s/^[[:space:]]*\"$1\": \"\\(.*\\)\",\\{0,1\\}\$/\\1/p" | head -n1; }

# Start a fresh throw-away wrapper module in $1 that requires $2@$3, and mirror the parts of the
# dependency's go.mod that Go ignores for non-main modules: its go/godebug directives and its replace
# directives. Local-path replaces (`=> ./staging/...`, `=> ../api`) are mapped by map_local_replace.
# Prints the path of the dependency's go.mod.
init_wrapper() {
  local dir="$1" mod="$2" ver="$3" gomod godir line edits=()
  mkdir -p "$dir"
  cd "$dir"
  rm -f go.mod go.sum download.json
  go mod init sei-operator.local/build-wrapper >/dev/null 2>&1
  # (not via $(...), so a GOSUMDB=off fallback in go_resolve carries over to the following go commands)
  go_resolve mod download -json "$mod@$ver" >download.json || true
  gomod="$(json_field GoMod <download.json)"
  if [[ -z "$gomod" || ! -f "$gomod" ]]; then
    log "could not fetch $mod@$ver from the Go module proxy: $(json_field Error <download.json)"
    return 1
  fi
  edits+=(-require="$mod@$ver")
  godir="$(awk '$1 == "go" && NF == 2 {print $2; exit}' "$gomod")"
  [[ -z "$godir" ]] || edits+=(-go="$godir")
  # godebug directives (the main module's decide the binary's GODEBUG defaults), single or in a block.
  while read -r line; do
    edits+=(-godebug="$line")
  done < <(awk '
    /^godebug[[:space:]]*\(/ {b=1; next}
    b && /^\)/ {b=0; next}
    b && NF {print $1; next}
    $1 == "godebug" && NF >= 2 {for (i = 2; i <= NF; i++) print $i}
  ' "$gomod")
  # replace directives, single or in a block, normalised to: old [oldver] => new [newver]
  while read -r line; do
    local lhs rhs old oldver new newver
    lhs="${line%%=>*}"
    rhs="${line#*=>}"
    read -r old oldver <<<"$lhs"
    read -r new newver <<<"$rhs"
    if [[ "$new" == ./* || "$new" == ../* || "$new" == /* ]]; then
      line="$(map_local_replace "$old" "$new")"
      [[ -z "$line" ]] || edits+=(-replace="$line")
    else
      edits+=(-replace="$old${oldver:+@$oldver}=$new${newver:+@$newver}")
    fi
  done < <(awk '
    /^replace[[:space:]]*\(/ {b=1; next}
    b && /^\)/ {b=0; next}
    b { sub(/\/\/.*/, ""); if ($0 ~ /=>/) print; next }
    /^replace[[:space:]]/ { sub(/^replace[[:space:]]+/, ""); sub(/\/\/.*/, ""); print }
  ' "$gomod")
  go mod edit "${edits[@]}"
  printf '%s\n' "$gomod"
}

# Replaces pointing into the dependency's own repository, printed as a -replace argument (or nothing).
# Kubernetes: `k8s.io/X => ./staging/src/k8s.io/X` becomes `k8s.io/X => k8s.io/X v0.<minor>.<patch>`, the
# published copy of that staging module (k8s.io/kubernetes requires them all at the placeholder v0.0.0).
# Others (etcd's `=> ../api` etc.) are dropped: its requirements already name the published versions.
MAP_STAGING=0
map_local_replace() {
  local old="$1" new="$2"
  if ((MAP_STAGING)) && [[ "$new" == ./staging/src/* ]]; then
    printf '%s=%s@%s\n' "$old" "$old" "$K8S_STAGING_VERSION"
  fi
}

# Module .info "Time" (the release's commit time), used as a reproducible buildDate.
module_time() {
  local info
  info="$(go mod download -json "$1@$2" | json_field Info)"
  sed -n 's/.*"Time": *"\([^"]*\)".*/\1/p' "$info" | head -n1
}

# go build into a temp dir, then verify and atomically install each produced binary.
# usage: go_build_install <ldflags> <pkg=name>...
go_build_install() {
  local ldflags="$1" tmp spec pkgs=() out t0
  shift
  new_tmp_dir
  tmp="$NEW_TMP"
  for spec in "$@"; do pkgs+=("${spec%%=*}"); done
  t0=$SECONDS
  log "resolving/downloading modules for: ${pkgs[*]}"
  go_resolve list -deps "${pkgs[@]}" >/dev/null || return 1
  log "  modules ready in $((SECONDS - t0))s"
  # One package: -o names the file. Several: -o is a directory and each binary is named after the
  # last element of its package path (true for all the k8s.io/kubernetes/cmd/* packages built here).
  if (($# == 1)); then out="$tmp/${1#*=}"; else out="$tmp/"; fi
  t0=$SECONDS
  start_heartbeat "compiling"
  if ! go build -p "$BUILD_JOBS" -trimpath -ldflags "$ldflags" -o "$out" "${pkgs[@]}"; then
    stop_heartbeat
    return 1
  fi
  stop_heartbeat
  log "  compiled in $((SECONDS - t0))s"
  for spec in "$@"; do
    local name="${spec#*=}"
    bin_ok "$tmp/$name" "$name" || { log "built $name does not report $(expected_version "$name")"; return 1; }
    install_bin "$tmp/$name" "$name"
  done
}

build_k8s() {
  local names=("$@") specs=() n date ldflags
  log "building ${names[*]} v$K8S_VERSION from the Go module proxy (this takes several minutes cold: 7-10 min of compiling on 2 cores)..."
  MAP_STAGING=1
  init_wrapper "$BUILD_ROOT/k8s-$K8S_VERSION" k8s.io/kubernetes "v$K8S_VERSION" >/dev/null
  MAP_STAGING=0
  date="$(module_time k8s.io/kubernetes "v$K8S_VERSION")"
  # The same version variables upstream's hack/lib/version.sh sets; --version, /version and the
  # apiserver's compatibility-version logic read gitVersion/gitMajor/gitMinor.
  ldflags="-s -w"
  local p
  for p in k8s.io/component-base/version k8s.io/client-go/pkg/version; do
    ldflags+=" -X $p.gitVersion=v$K8S_VERSION -X $p.gitMajor=1 -X $p.gitMinor=$K8S_MINOR"
    ldflags+=" -X $p.gitTreeState=archive${date:+ -X $p.buildDate=$date}"
  done
  for n in "${names[@]}"; do specs+=("k8s.io/kubernetes/cmd/$n=$n"); done
  go_build_install "$ldflags" "${specs[@]}"
}

build_etcd() {
  log "building etcd v$ETCD_VERSION from the Go module proxy..."
  init_wrapper "$BUILD_ROOT/etcd-$ETCD_VERSION" go.etcd.io/etcd/server/v3 "v$ETCD_VERSION" >/dev/null
  # In etcd 3.5 the etcd binary's main package is the server/v3 module root (server/main.go -> etcdmain).
  go_build_install "-s -w -X go.etcd.io/etcd/api/v3/version.GitSHA=v$ETCD_VERSION-modproxy" \
    "go.etcd.io/etcd/server/v3=etcd"
}

build_kube_rbac_proxy() {
  log "building kube-rbac-proxy v$KUBE_RBAC_PROXY_VERSION from the Go module proxy..."
  init_wrapper "$BUILD_ROOT/kube-rbac-proxy-$KUBE_RBAC_PROXY_VERSION" github.com/brancz/kube-rbac-proxy \
    "v$KUBE_RBAC_PROXY_VERSION" >/dev/null
  # Same -X flags as upstream's Makefile.
  go_build_install "-s -w -X k8s.io/component-base/version.gitVersion=v$KUBE_RBAC_PROXY_VERSION -X k8s.io/component-base/version/verflag.programName=kube-rbac-proxy" \
    "github.com/brancz/kube-rbac-proxy/cmd/kube-rbac-proxy=kube-rbac-proxy"
}

# Run "$@" in a subshell with its own cleanup and errexit in force; its exit status goes to ATTEMPT_RC.
# Call it as a plain statement, never in `if`/`||`/`&&`: bash suppresses errexit in everything run from
# such a context, subshells included, so a failing step would not stop the build.
ATTEMPT_PID=""
ATTEMPT_RC=0
attempt() {
  (
    TMP_DIRS=()
    trap cleanup EXIT
    trap 'exit 143' TERM
    "$@"
  ) &
  ATTEMPT_PID=$!
  ATTEMPT_RC=0
  wait "$ATTEMPT_PID" || ATTEMPT_RC=$?
  ATTEMPT_PID=""
}

# ---- main ------------------------------------------------------------------------------------------
mkdir -p "$BIN_DIR"
exec 9>"$ROOT/.lock"
if ! flock -n 9; then
  log "another run holds $ROOT/.lock; waiting for it..."
  flock 9
fi
# Leftovers of an interrupted run (we hold the lock, so nobody else is using them).
rm -rf "$BIN_DIR"/.tmp.* "$BIN_DIR"/*.new

log "Kubernetes v$K8S_VERSION, etcd v$ETCD_VERSION, kube-rbac-proxy v$KUBE_RBAC_PROXY_VERSION -> $BIN_DIR"

missing=()
for b in "${ALL_BINS[@]}"; do
  if bin_ok "$BIN_DIR/$b" "$b"; then
    log "cached: $b"
  else
    missing+=("$b")
  fi
done

if ((${#missing[@]})) && [[ "$NO_DOWNLOAD" != 1 ]]; then
  still=()
  for b in "${missing[@]}"; do
    log "downloading $b..."
    case "$b" in
      etcd) fn=download_etcd ;;
      kube-rbac-proxy) fn=download_kube_rbac_proxy ;;
      *) fn="download_k8s_bin $b" ;;
    esac
    # shellcheck disable=SC2086
    attempt $fn
    if ((ATTEMPT_RC == 0)); then
      log "downloaded: $b"
    else
      log "download of $b failed; will build it from source"
      still+=("$b")
    fi
  done
  missing=("${still[@]+"${still[@]}"}")
fi

failed=()
if ((${#missing[@]})); then
  setup_go_env
  k8s_missing=()
  for b in "${missing[@]}"; do
    case "$b" in kube-apiserver | kube-controller-manager | kubectl) k8s_missing+=("$b") ;; esac
  done
  # Smallest first, so a broken toolchain or proxy shows up before the long Kubernetes build.
  if [[ " ${missing[*]} " == *" kube-rbac-proxy "* ]]; then
    attempt build_kube_rbac_proxy
    ((ATTEMPT_RC == 0)) || log "build of kube-rbac-proxy failed"
  fi
  if [[ " ${missing[*]} " == *" etcd "* ]]; then
    attempt build_etcd
    ((ATTEMPT_RC == 0)) || log "build of etcd failed"
  fi
  if ((${#k8s_missing[@]})); then
    attempt build_k8s "${k8s_missing[@]}"
    ((ATTEMPT_RC == 0)) || log "build of ${k8s_missing[*]} failed"
  fi
fi

# Final verification of everything, whatever its source.
for b in "${ALL_BINS[@]}"; do
  if bin_ok "$BIN_DIR/$b" "$b"; then
    log "ok: $b: $(version_of "$BIN_DIR/$b" "$b")"
  else
    failed+=("$b")
  fi
done
if ((${#failed[@]})); then
  # kube-api-test picks the newest <version>-linux-amd64 directory when no version is configured, so do not
  # leave behind a version directory it cannot use.
  if [[ ! -x "$BIN_DIR/kube-apiserver" || ! -x "$BIN_DIR/kubectl" || ! -x "$BIN_DIR/etcd" ]]; then
    rm -rf "$BIN_DIR"
  fi
  die "could not provision: ${failed[*]} (for $BIN_DIR; see messages above)"
fi

if [[ "$PRUNE_GO_CACHE" == 1 && -d "$ROOT/go" ]]; then
  log "pruning the Go module/build caches under $ROOT/go and $ROOT/build"
  chmod -R u+w "$ROOT/go" 2>/dev/null || true
  rm -rf "$ROOT/go" "$BUILD_ROOT"
fi

echo "BINARIES_DIR=$BIN_DIR"
