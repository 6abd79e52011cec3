#!/usr/bin/env bash
# Copies the screenshots the browser tests took (dashboard/target/screenshots/<name>.png, written by
# Browser.screenshot once a page shows its seeded data) into docs/images/ for every image the docs
# reference as images/<name>.png. Run it after the browser tests, e.g.
#   ./mvnw -B -o -pl dashboard -am verify -Dit.test='*BrowserIT' -Dtest=NONE \
#     -Dsurefire.failIfNoSpecifiedTests=false
#   dashboard/scripts/update-doc-screenshots.sh
# A referenced image that no test wrote is reported and makes the script fail, so a renamed
# screenshot cannot leave the docs pointing at a stale picture unnoticed.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
shots=dashboard/target/screenshots
missing=0
for name in $(grep -ho 'images/[A-Za-z0-9_-]*\.png' docs/*.md | sort -u | sed 's|images/||'); do
  if [ -f "$shots/$name" ]; then
    cp "$shots/$name" "docs/images/$name"
    echo "updated docs/images/$name"
  else
    echo "no screenshot $shots/$name: run the browser test that takes it (grep -r '\"${name%.png}\"' dashboard/src/test)" >&2
    missing=1
  fi
done
exit "$missing"
