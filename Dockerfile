# cloudbox on Debian 12: builds with scripts/setup.sh and serves every service on port 4566.
#   docker build -t cloudbox .
#   docker run --rm -p 4566:4566 -v cloudbox-data:/data cloudbox
FROM debian:12

ENV DEBIAN_FRONTEND=noninteractive
WORKDIR /opt/cloudbox

# Dependencies first, from the setup script alone, so that source changes reuse this layer.
COPY scripts/setup.sh scripts/lib.sh scripts/
RUN bash scripts/setup.sh --deps-only && rm -rf /var/lib/apt/lists/*

COPY . .
RUN bash scripts/setup.sh

VOLUME /data
EXPOSE 4566
HEALTHCHECK --interval=10s --timeout=3s --start-period=5s \
    CMD curl -fsS http://127.0.0.1:4566/_cloudbox/health || exit 1
CMD ["./build/cloudbox", "serve", "--host", "0.0.0.0", "--port", "4566", "--data-dir", "/data"]
