#!/usr/bin/env bash
# Installs cloudbox's build dependencies on Debian 12 (only those missing) and builds it into build/.
#   scripts/setup.sh              install what is missing, configure if needed, build
#   scripts/setup.sh --deps-only  install what is missing and stop (used by the Dockerfile)
# Idempotent: a second run checks the packages with dpkg (no apt-get) and lets ninja do nothing.
# CLOUDBOX_BUILD_JOBS=N passes -jN to ninja (default: ninja's own choice).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/lib.sh

deps_only=false
for arg in "$@"; do
    case "$arg" in
    --deps-only) deps_only=true ;;
    -h | --help)
        sed -n '2,6p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
        exit 0
        ;;
    *)
        echo "setup.sh: unknown argument '$arg'" >&2
        exit 2
        ;;
    esac
done

# The toolchain, the libraries the build links (Boost.Beast/Asio are header-only), the image
# libraries and Haar cascades that functions/ use, Catch2 v2, and the tools the tests drive.
build_deps=(
    cmake ninja-build ccache g++ pkg-config clang-format
    libboost1.81-dev nlohmann-json3-dev libsqlite3-dev libssl-dev zlib1g-dev
    libturbojpeg0-dev libpng-dev libopencv-dev opencv-data catch2
    curl jq python3
)

if command -v dpkg-query >/dev/null 2>&1; then
    mapfile -t missing < <(cloudbox_missing_packages "${build_deps[@]}")
    if [ "${#missing[@]}" -gt 0 ]; then
        echo "setup.sh: installing ${missing[*]}"
        cloudbox_apt_install "${missing[@]}"
    else
        echo "setup.sh: build dependencies present"
    fi
else
    echo "setup.sh: not a Debian system (no dpkg); assuming these are installed:" >&2
    echo "    ${build_deps[*]}" >&2
fi

if [ "$deps_only" = true ]; then
    exit 0
fi

# Test suites use precompiled headers; ccache caches those compiles only with this sloppiness.
export CCACHE_SLOPPINESS=${CCACHE_SLOPPINESS:-pch_defines,time_macros}

# Configure once; afterwards ninja re-runs CMake by itself whenever a CMakeLists.txt (or a globbed
# folder) changes, so a second run costs nothing.
if [ ! -f build/CMakeCache.txt ] || [ ! -f build/build.ninja ]; then
    cmake --preset default
fi
jobs=()
if [ -n "${CLOUDBOX_BUILD_JOBS:-}" ]; then
    jobs=(-j "$CLOUDBOX_BUILD_JOBS")
fi
ninja -C build "${jobs[@]}"
