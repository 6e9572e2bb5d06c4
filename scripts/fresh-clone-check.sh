#!/usr/bin/env bash
# Proves that the repository installs, builds and tests on its own: clones a commit (HEAD unless a
# ref is given) into a fresh temporary folder with nothing beside it (no shared/ reading folder,
# no caches, no node_modules), runs CI's steps there (.ci/run: `npm ci`, then `npm test`, with
# CI=true), prints the verdict and removes the folder. Uncommitted changes are not in the clone:
# commit first.
#
#   npm run test:fresh-clone [-- <ref>]       UPKIT_KEEP_CLONE=1 keeps the folder for a look
#
# Not part of `npm test` (it runs `npm test`).
set -euo pipefail

top=$(git -C "$(dirname "$0")" rev-parse --show-toplevel)
ref=${1:-HEAD}
commit=$(git -C "$top" rev-parse --verify --quiet "${ref}^{commit}") || {
  echo "fresh-clone-check: no commit '${ref}'" >&2
  exit 2
}

tmp=$(mktemp -d "${TMPDIR:-/tmp}/upkit-fresh-clone.XXXXXX")
# shellcheck disable=SC2317 # run by the EXIT trap
cleanup() {
  if [ "${UPKIT_KEEP_CLONE:-}" = 1 ]; then
    echo "fresh-clone-check: kept ${tmp}/upkit"
  else
    rm -rf "$tmp"
  fi
}
trap cleanup EXIT

echo "fresh-clone-check: ${commit} (${ref}) in ${tmp}/upkit"
if [ -n "$(git -C "$top" status --porcelain)" ]; then
  echo "fresh-clone-check: the working tree has uncommitted changes; they are not in the clone"
fi

git clone --quiet --no-checkout "$top" "${tmp}/upkit"
# The commit may be on no branch (a detached HEAD): fetch it by name.
git -C "${tmp}/upkit" fetch --quiet origin "$commit"
git -C "${tmp}/upkit" -c advice.detachedHead=false checkout --quiet --detach "$commit"

started=$(date +%s)
status=0
(cd "${tmp}/upkit" && CI=true bash .ci/run) || status=$?
elapsed=$(($(date +%s) - started))

if [ "$status" -eq 0 ]; then
  echo "fresh-clone-check: PASSED: npm ci && npm test on a fresh clone of ${commit} (${elapsed} s)"
else
  echo "fresh-clone-check: FAILED (exit ${status}): npm ci && npm test on a fresh clone of" \
    "${commit} (${elapsed} s)" >&2
fi
exit "$status"
