#!/usr/bin/env bash
# Makes a Docker engine available for the docker runner's tests, and takes down what it started.
#   scripts/docker-engine.sh start   use the engine that answers, or install Debian's docker.io and
#                                    start dockerd (vfs storage, no iptables, no bridge: containers use
#                                    host networking); then build the local base images that are missing or
#                                    out of date (built from another bootstrap). Exit 1 if no engine.
#   scripts/docker-engine.sh stop    stop the dockerd that `start` started (nothing else).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$PATH"
state_dir="${TMPDIR:-/tmp}/lambda-studio-dockerd"
pid_file="$state_dir/dockerd.pid"
log_file="$state_dir/dockerd.log"
socket="${LAMBDA_STUDIO_DOCKER_SOCKET:-/var/run/docker.sock}"

engine_answers() {
  DOCKER_HOST="unix://$socket" node --disable-warning=ExperimentalWarning scripts/docker-base-image.ts --status >/dev/null 2>&1
}

start() {
  if engine_answers; then
    echo "docker engine: using the one at $socket"
  else
    if ! command -v dockerd >/dev/null 2>&1; then
      if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
        echo "docker engine: none answers at $socket and dockerd is not installed (installing needs root and apt-get)" >&2
        return 1
      fi
      echo "docker engine: installing Debian's docker.io"
      apt-get update -qq >/dev/null
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq docker.io >/dev/null
    fi
    mkdir -p "$state_dir"
    echo "docker engine: starting dockerd (log: $log_file)"
    # setsid: its own process group, so `stop` ends dockerd and the containerd it runs, nothing else.
    setsid dockerd --storage-driver=vfs --iptables=false --ip6tables=false --bridge=none \
      --host="unix://$socket" --pidfile="$state_dir/dockerd.own.pid" >"$log_file" 2>&1 &
    echo $! >"$pid_file"
    for _ in $(seq 1 60); do
      engine_answers && break
      sleep 0.5
    done
    if ! engine_answers; then
      echo "docker engine: dockerd did not answer within 30 s; last lines of its log:" >&2
      tail -n 20 "$log_file" >&2 || true
      stop
      return 1
    fi
  fi
  echo "docker engine: building the local base images (Node.js, Python) that are missing or out of date"
  DOCKER_HOST="unix://$socket" node --disable-warning=ExperimentalWarning scripts/docker-base-image.ts --quiet --if-outdated
}

stop() {
  [ -f "$pid_file" ] || return 0
  local pid
  pid="$(cat "$pid_file")"
  rm -f "$pid_file"
  if kill -0 "$pid" 2>/dev/null; then
    echo "docker engine: stopping the dockerd started for the tests (pid $pid)"
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 40); do
      kill -0 "$pid" 2>/dev/null || return 0
      sleep 0.25
    done
    kill -KILL -- "-$pid" 2>/dev/null || true
  fi
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
