# Shared helpers for the scripts in this folder (sourced, not run): Debian package checks/installs.
# shellcheck shell=bash

# Prints each named Debian package that is not fully installed, one per line.
cloudbox_missing_packages() {
    local pkg
    for pkg in "$@"; do
        if [ "$(dpkg-query -W -f='${db:Status-Abbrev}' "$pkg" 2>/dev/null)" != "ii " ]; then
            echo "$pkg"
        fi
    done
}

# Installs the named Debian packages: as root directly, otherwise through sudo when there is one.
# Refreshes the package lists first: a fresh machine or image has none, so install alone fails.
cloudbox_apt_install() {
    local -a as_root=()
    if [ "$(id -u)" -ne 0 ]; then
        if ! command -v sudo >/dev/null 2>&1; then
            echo "cloudbox: missing Debian packages: $*" >&2
            echo "cloudbox: not root and no sudo: install them with" >&2
            echo "    apt-get install $*" >&2
            return 1
        fi
        echo "cloudbox: installing $* with sudo" >&2
        as_root=(sudo env DEBIAN_FRONTEND=noninteractive)
    fi
    export DEBIAN_FRONTEND=noninteractive
    "${as_root[@]}" apt-get -o DPkg::Lock::Timeout=600 update -q
    "${as_root[@]}" apt-get -o DPkg::Lock::Timeout=600 install -y -q "$@"
}
