#!/usr/bin/env bash
# Gradescope runs this once, as root, when it builds the autograder's image, from
# the folder the autograder zip was unpacked into (/autograder/source). The zip
# holds this file, run_autograder, the scenario students are graded against
# (challenge.yaml) and archsim's packed tarball (archsim-*.tgz, from `npm pack`).
# AUTOGRADER_ROOT (default /autograder) lets you try the recipe in any folder.
set -euo pipefail
ROOT="${AUTOGRADER_ROOT:-/autograder}"
cd "$ROOT/source"

# Node.js 20 or later; Gradescope's Ubuntu images have none (or an older one)
node_major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
if [ "$node_major" -lt 20 ]; then
  apt-get update
  apt-get install -y --no-install-recommends ca-certificates curl
  curl -fsSL https://deb.nodesource.com/setup_20.x | bash -
  apt-get install -y --no-install-recommends nodejs
fi

# archsim from the tarball, without development tools, into source/node_modules
shopt -s nullglob
tarballs=(archsim-*.tgz)
if [ "${#tarballs[@]}" -ne 1 ]; then
  echo "setup.sh: expected one archsim-*.tgz (from npm pack) beside this script, found ${#tarballs[@]}" >&2
  exit 1
fi
tarball="${tarballs[0]}"
[ -f package.json ] || echo '{ "private": true }' > package.json
npm install --omit=dev --no-audit --no-fund "./$tarball"

# a broken challenge fails the image build, not every student's submission
npx --no-install archsim validate challenge.yaml
