#!/usr/bin/env bash
# Builds cloudbox, installs the real AWS clients, then runs the whole test suite (every label:
# unit, service, integration, slow). Extra arguments go to ctest, e.g. scripts/test.sh -L unit
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/setup.sh
bash scripts/install-clients.sh

# Where the integration tests find the AWS SDK for JavaScript v3 (see install-clients.sh).
home=${HOME:-$(getent passwd "$(id -u)" | cut -d: -f6)}
export CLOUDBOX_CLIENTS_DIR=${CLOUDBOX_CLIENTS_DIR:-$home/.cache/cloudbox-clients}
export NODE_PATH=$CLOUDBOX_CLIENTS_DIR/node_modules${NODE_PATH:+:$NODE_PATH}

# --no-tests=error: a build that registered no test must not pass as green.
ctest --test-dir build --output-on-failure --no-tests=error -j2 "$@"
