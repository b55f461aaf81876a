#!/usr/bin/env bash
# Installs the real AWS clients the integration tests drive (idempotent; only what is missing):
#   /usr/bin/aws       Debian's awscli (AWS CLI v2; SQS over the query protocol)
#   /usr/bin/python3   with Debian's python3-boto3
#   python3 / aws      pip's boto3 and AWS CLI v1 when python3 on PATH is another interpreter
#                      (JSON-protocol SQS); best effort: PyPI may be unreachable
#   $CLOUDBOX_CLIENTS_DIR/node_modules   the AWS SDK for JavaScript v3 clients, from npm
#                      (default $HOME/.cache/cloudbox-clients)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/lib.sh

home=${HOME:-$(getent passwd "$(id -u)" | cut -d: -f6)}
clients_dir=${CLOUDBOX_CLIENTS_DIR:-$home/.cache/cloudbox-clients}
sdk_packages=(
    @aws-sdk/client-s3 @aws-sdk/client-dynamodb @aws-sdk/lib-dynamodb @aws-sdk/client-sqs
    @aws-sdk/client-ses @aws-sdk/client-sesv2 @aws-sdk/client-lambda
)

# Debian's clients, and Node.js with npm when the machine has none (Debian's nodejs lacks npm).
apt_packages=(awscli python3-boto3)
if ! command -v node >/dev/null 2>&1; then
    apt_packages+=(nodejs)
fi
if ! command -v npm >/dev/null 2>&1; then
    apt_packages+=(npm)
fi
mapfile -t missing < <(cloudbox_missing_packages "${apt_packages[@]}")
if [ "${#missing[@]}" -gt 0 ]; then
    echo "install-clients.sh: installing ${missing[*]}"
    cloudbox_apt_install "${missing[@]}"
fi

# pip's boto3 / AWS CLI v1 for the python3 on PATH, when that is not Debian's interpreter (which
# refuses pip installs and already has python3-boto3). PyPI is not reachable everywhere: warn only.
py=$(command -v python3 || true)
if [ -n "$py" ] && [ "$(readlink -f "$py")" != "$(readlink -f /usr/bin/python3)" ]; then
    pip_missing=()
    "$py" -c 'import boto3' 2>/dev/null || pip_missing+=(boto3)
    "$py" -c 'import awscli' 2>/dev/null || pip_missing+=(awscli)
    if [ "${#pip_missing[@]}" -gt 0 ]; then
        echo "install-clients.sh: pip install ${pip_missing[*]} for $py"
        if ! timeout 180 "$py" -m pip install --disable-pip-version-check --retries 1 \
            --timeout 15 -q "${pip_missing[@]}"; then
            echo "install-clients.sh: WARNING: could not pip install ${pip_missing[*]}" \
                "(registry unreachable?); tests that need them will use Debian's clients or skip" >&2
        fi
    fi
fi

# The AWS SDK for JavaScript v3, installed into its own folder (tests point NODE_PATH at it).
mkdir -p "$clients_dir"
cd "$clients_dir"
if [ ! -f package.json ]; then
    echo '{ "name": "cloudbox-clients", "private": true }' >package.json
fi
npm_missing=()
for pkg in "${sdk_packages[@]}"; do
    [ -f "node_modules/$pkg/package.json" ] || npm_missing+=("$pkg")
done
if [ "${#npm_missing[@]}" -gt 0 ]; then
    echo "install-clients.sh: npm install ${npm_missing[*]} into $clients_dir"
    npm install --no-audit --no-fund --loglevel=error "${npm_missing[@]}"
fi

# What the tests will find.
/usr/bin/aws --version
/usr/bin/python3 -c 'import boto3; print("debian boto3", boto3.__version__)'
if [ -n "$py" ]; then
    "$py" -c 'import boto3; print("python3 boto3", boto3.__version__)' 2>/dev/null ||
        echo "python3 boto3: not installed"
fi
(command -v aws >/dev/null && echo "aws on PATH: $(aws --version 2>&1)") || true
node -e 'console.log("sdk v3", require(process.argv[1] + "/node_modules/@aws-sdk/client-s3/package.json").version)' \
    "$clients_dir"
