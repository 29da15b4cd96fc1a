#!/bin/sh
# Install the Debian/Ubuntu packages named in the given lists (packaging/system-packages/*.txt)
# that are not installed yet. As root it installs them; with sudo it asks first (or goes ahead
# when sudo needs no password and nobody is at the terminal, as in CI); otherwise it prints the
# exact command and stops. On other systems it says what to install and carries on.
set -eu

packages=$(sed -e 's/#.*//' "$@" | tr -s ' \t' '\n\n' | sed '/^$/d' | sort -u)

if ! command -v dpkg-query >/dev/null 2>&1 || ! command -v apt-get >/dev/null 2>&1; then
    echo "Not a Debian/Ubuntu system: make sure the equivalents of these are installed:" $packages
    exit 0
fi

installed() {
    # Ubuntu 24.04 renamed some libraries with a t64 suffix (64-bit time); either one will do.
    for name in "$1" "${1}t64"; do
        if dpkg-query -W -f='${Status}\n' "$name" 2>/dev/null | grep -q "ok installed"; then
            return 0
        fi
    done
    return 1
}

missing=""
for package in $packages; do
    installed "$package" || missing="$missing $package"
done
[ -z "$missing" ] && exit 0

command="apt-get install -y --no-install-recommends$missing"
if [ "$(id -u)" -eq 0 ]; then
    sudo=""
elif command -v sudo >/dev/null 2>&1; then
    if [ -t 0 ]; then
        printf 'Nurture needs these system packages:%s\nInstall them now with sudo? [Y/n] ' "$missing"
        read -r answer
        case "$answer" in
            "" | y | Y | yes) ;;
            *) echo "Install them yourself, then run make again: sudo $command"; exit 1 ;;
        esac
    elif ! sudo -n true 2>/dev/null; then
        echo "Nurture needs system packages, and sudo needs a password. Run: sudo $command"
        exit 1
    fi
    sudo="sudo"
else
    echo "Nurture needs these system packages; as root, run: $command"
    exit 1
fi

echo "Installing system packages:$missing"
log=$(mktemp)
if ! { $sudo apt-get update -qq && $sudo env DEBIAN_FRONTEND=noninteractive $command; } >"$log" 2>&1; then
    cat "$log"
    rm -f "$log"
    echo "Installing system packages failed (above). Fix that, then run make again."
    exit 1
fi
rm -f "$log"
