#!/bin/sh
# Nurture.app (from `python packaging/build.py bundle` on macOS) into a compressed .dmg with
# a link to /Applications, so the user drags the app there.
#   sh packaging/macos/build-dmg.sh build/pyinstaller/dist/Nurture.app dist/nurture-0.1.0-macos.dmg
set -eu
app="$1"
dmg="$2"
[ -d "$app" ] || { echo "No app bundle at $app: build it first."; exit 1; }

# The self-check executable is built into the bundle and removed after it ran; re-sign the
# app (ad hoc) so its signature covers exactly what ships.
rm -f "$app/Contents/MacOS/nurture-selfcheck"
codesign --force --deep --sign - "$app"

stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
cp -R "$app" "$stage/"
ln -s /Applications "$stage/Applications"
mkdir -p "$(dirname "$dmg")"
rm -f "$dmg"
hdiutil create -volname Nurture -srcfolder "$stage" -fs HFS+ -format UDZO -ov "$dmg"
