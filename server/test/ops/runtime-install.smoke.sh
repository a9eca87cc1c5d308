#!/usr/bin/env bash
# Runs the Docker image's runtime stage without Docker: in an empty directory, the
# files server/Dockerfile copies, its production-only install, then the compiled
# server as the image starts it. Proves that the build output runs, finds its
# migrations and the web app, and needs nothing from devDependencies.
# Needs `npm run build` first. deployment.test.ts keeps the commands in step with
# the Dockerfile.
set -euo pipefail
cd "$(dirname "$0")/../../.."
ROOT=$PWD

# The same command as the Dockerfile's runtime stage.
RUNTIME_INSTALL="npm ci --omit=dev -w server --no-audit --no-fund"

for built in server/dist/main.js web/dist/index.html; do
  [ -f "$built" ] || { echo "missing $built: run 'npm run build' first" >&2; exit 1; }
done

WORK=$(mktemp -d)
SERVER_PID=
cleanup() {
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then kill -KILL "$SERVER_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

APP="$WORK/app"
mkdir -p "$APP" "$WORK/data"
cp package.json package-lock.json "$APP/"
# npm ci wants every workspace's manifest, as the Dockerfile copies them.
for workspace in $(node -p "require('./package.json').workspaces.join(' ')"); do
  mkdir -p "$APP/$workspace"
  cp "$workspace/package.json" "$APP/$workspace/"
done
(cd "$APP" && $RUNTIME_INSTALL)
cp -R drizzle "$APP/drizzle"
cp -R server/dist "$APP/server/dist"
cp -R web/dist "$APP/web/dist"

LOG="$WORK/server.log"
# The first admin as a deployment names it, so that a token can be obtained below
# (and argon2's native binding is proved to load from the production install).
ADMIN_EMAIL=smoke@example.com
ADMIN_PASSWORD='smoke test passphrase 4711'
(cd "$APP" && exec env -i PATH="$PATH" HOME="$WORK" NODE_ENV=production HOST=127.0.0.1 PORT=0 \
  DATA_DIR="$WORK/data" WEB_DIST_DIR="$APP/web/dist" ADMIN_EMAIL="$ADMIN_EMAIL" ADMIN_PASSWORD="$ADMIN_PASSWORD" \
  node server/dist/main.js) >"$LOG" 2>&1 &
SERVER_PID=$!

URL=
for _ in $(seq 1 120); do
  URL=$(grep -o '"address":"http://[^"]*"' "$LOG" | head -1 | cut -d'"' -f4 || true)
  [ -n "$URL" ] && break
  kill -0 "$SERVER_PID" 2>/dev/null || { echo "the compiled server exited during start:" >&2; cat "$LOG" >&2; exit 1; }
  sleep 0.5
done
[ -n "$URL" ] || { echo "the compiled server did not become ready:" >&2; cat "$LOG" >&2; exit 1; }

check() { # path, expected status, pattern in the body, extra curl arguments
  local body status
  body=$(curl -s -w '\n%{http_code}' "${@:4}" "$URL$1")
  status=${body##*$'\n'}
  if [ "$status" != "$2" ] || ! grep -q -- "$3" <<<"${body%$'\n'*}"; then
    echo "$1: expected $2 and /$3/, got $status:" >&2
    echo "${body%$'\n'*}" | head -c 500 >&2
    exit 1
  fi
  echo "$1 -> $status"
}
check /readyz 200 '"status":"ok"'
check /api/tickets/ 401 '"detail":"Authentication credentials were not provided."'
TOKEN=$(curl -s -X POST "$URL/api/auth/token/" -H 'content-type: application/json' \
  --data "{\"email\":\"$ADMIN_EMAIL\",\"password\":\"$ADMIN_PASSWORD\"}" | sed -n 's/.*"token":"\([^"]*\)".*/\1/p')
[ -n "$TOKEN" ] || { echo "no token from /api/auth/token/:" >&2; tail -20 "$LOG" >&2; exit 1; }
check /api/tickets/ 200 '\[' -H "Authorization: Token $TOKEN"
check /graphql 200 '"__typename":"Query"' -H 'content-type: application/json' -H "Authorization: Token $TOKEN" --data '{"query":"{ __typename }"}'
check / 200 '<div id="root">'

kill -TERM "$SERVER_PID"
set +e
wait "$SERVER_PID"
CODE=$?
set -e
SERVER_PID=
if [ "$CODE" != 0 ]; then
  echo "the compiled server exited $CODE on SIGTERM:" >&2
  tail -20 "$LOG" >&2
  exit 1
fi
grep -q '"msg":"shut down cleanly"' "$LOG"
echo "runtime install smoke: ok ($(du -sh "$APP/node_modules" | cut -f1) of production dependencies)"
