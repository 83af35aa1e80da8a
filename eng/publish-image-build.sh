#!/usr/bin/env bash
# Repeats deploy/Dockerfile's build stage without a container engine: copies what its COPY lines copy, as a clean
# clone has it (git archive HEAD), restores and publishes as it does, then starts the published bot and asks it for
# /healthz, /readyz, Web Chat's bundle and one answer. Prints one line and exits non-zero when any step fails.
set -uo pipefail
cd "$(dirname "$0")/.."

work=$(mktemp -d /tmp/artbot-image.XXXXXX)
bot_pid=""
pg_database=""
psql_admin() { psql -w -h "$pg_host" -p "$pg_port" -U "$pg_user" -d postgres -v ON_ERROR_STOP=1 -qAt -c "$1"; }
cleanup() {
  [ -n "$bot_pid" ] && kill "$bot_pid" 2> /dev/null
  if [ -n "$pg_database" ]; then
    psql_admin "DROP DATABASE IF EXISTS $pg_database WITH (FORCE)" > /dev/null 2>&1
    psql_admin "DROP ROLE IF EXISTS $pg_role" > /dev/null 2>&1
  fi
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "Image build step FAILED: $1 (log: $work/log kept above)"; tail -20 "$work/log" 2> /dev/null; exit 1; }

# The build stage's COPY sources (every COPY without --from), in the Dockerfile's own words and layers: what is copied
# before its `RUN dotnet restore` is all the restore sees (the project files alone), the rest arrives for the publish.
copies_before() {
  awk -v until="$1" '/^FROM .* AS build/{stage=1; next} /^FROM /{stage=0} stage && $0 ~ "^RUN " until {exit}
    stage && /^COPY / && !/--from/ {for (i = 2; i < NF; i++) print $i}' deploy/Dockerfile
}
mapfile -t restore_sources < <(copies_before "dotnet restore")
mapfile -t sources < <(copies_before "dotnet publish")
[ ${#restore_sources[@]} -gt 0 ] && [ ${#sources[@]} -gt ${#restore_sources[@]} ] \
  || fail "no COPY lines before and after the restore in deploy/Dockerfile's build stage"
mkdir -p "$work/src"
copy() { git archive HEAD -- "$@" | tar -x -C "$work/src"; }

# The restore and publish commands, as the Dockerfile writes them (publishing into this run's folder, not /app).
restore=$(sed -n 's/^RUN \(dotnet restore .*\)$/\1/p' deploy/Dockerfile)
publish=$(sed -n 's/^RUN \(dotnet publish .*\)$/\1/p' deploy/Dockerfile | sed "s# -o /app # -o $work/app #")
[ -n "$restore" ] && [ -n "$publish" ] || fail "no 'RUN dotnet restore' or 'RUN dotnet publish' line in deploy/Dockerfile"
echo "Image build step: from a git archive of HEAD ($(git rev-parse --short HEAD)), copying ${restore_sources[*]}, running: $restore; then copying ${sources[*]:${#restore_sources[@]}}, running: $publish"
started=$SECONDS
(copy "${restore_sources[@]}" && cd "$work/src" && bash -c "$restore") > "$work/log" 2>&1 \
  || fail "dotnet restore from the project files alone, as in deploy/Dockerfile"
(copy "${sources[@]:${#restore_sources[@]}}" && cd "$work/src" && bash -c "$publish") >> "$work/log" 2>&1 \
  || fail "dotnet publish as in deploy/Dockerfile"
echo "Image build step: dotnet publish finished in $((SECONDS - started)) s with $(find "$work/app" -type f | wc -l) files in its output"

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
port=$(free_port)
metrics_port=$(free_port)
base="http://127.0.0.1:$port"
# As deployed: host filtering on for the public name, and /metrics on its internal port only.
(cd "$work/app" && exec env Urls="$base" AllowedHosts="artbot.clinic.example;127.0.0.1" Metrics__Port="$metrics_port" dotnet ArtBot.Bot.dll) >> "$work/log" 2>&1 &
bot_pid=$!
# /healthz answers once the server is up; /readyz once the knowledge has loaded beside it (503 "still loading" before).
wait_for() {
  for _ in $(seq 1 120); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "$base$1")" = 200 ] && return 0
    sleep 0.5
  done
  return 1
}
wait_for /healthz || fail "the published bot never answered /healthz"
wait_for /readyz || fail "/readyz"
[ "$(curl -s -o /dev/null -w '%{http_code}' "$base/lib/webchat/webchat.js")" = 200 ] || fail "Web Chat's bundle is not published"
answer=$(curl -s -X POST "$base/api/messages" -H 'Content-Type: application/json' -d '{"type":"message","id":"image-check","text":"what is active release technique?","from":{"id":"image-check"},"recipient":{"id":"bot"},"conversation":{"id":"image-check"},"channelId":"test","serviceUrl":"http://127.0.0.1:1","deliveryMode":"expectReplies"}')
grep -q '"type": *"message"' <<<"$answer" || fail "no answer to a question through /api/messages"
[ "$(curl -s -o /dev/null -w '%{http_code}' -H 'Host: 10.244.1.17:3978' "$base/readyz")" = 200 ] || fail "/readyz with the replica's address as Host (Container Apps' probe)"
[ "$(curl -s -o /dev/null -w '%{http_code}' -H 'Host: evil.example' "$base/")" = 400 ] || fail "a host not in AllowedHosts was served"
[ "$(curl -s -o /dev/null -w '%{http_code}' "$base/metrics")" = 404 ] || fail "/metrics is served on the public port"
[ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$metrics_port/metrics")" = 200 ] || fail "/metrics on Metrics:Port"
# On PostgreSQL as the Azure template and compose run it (when CI's PostgreSQL is there): `migrate` as the
# administrator creates the bot's role, and the bot, connected as that role with migrations off, is ready and answers.
on_postgres=""
if [ -n "${ARTBOT_TEST_POSTGRES:-}" ]; then
  kill "$bot_pid" 2> /dev/null; wait "$bot_pid" 2> /dev/null; bot_pid=""
  setting() { sed -n "s/.*$1=\([^;]*\).*/\1/p" <<<"$ARTBOT_TEST_POSTGRES"; }
  pg_host=$(setting Host); pg_port=$(setting Port); pg_user=$(setting Username)
  pg_database="artbot_image_$$"; pg_role="artbot_image_bot_$$"
  pg_password="image-check-$(od -An -tx1 -N12 /dev/urandom | tr -d ' \n')"
  psql_admin "CREATE DATABASE $pg_database" >> "$work/log" 2>&1 || fail "creating a database on CI's PostgreSQL"
  (cd "$work/app" && env Database__Provider=PostgreSQL ConnectionStrings__ArtBot="Host=$pg_host;Port=$pg_port;Username=$pg_user;Database=$pg_database" \
    Database__BotRole="$pg_role" Database__BotRolePassword="$pg_password" dotnet ArtBot.Bot.dll migrate) >> "$work/log" 2>&1 \
    || fail "'ArtBot.Bot.dll migrate' as the administrator, making the bot's role"
  (cd "$work/app" && exec env Urls="$base" AllowedHosts="127.0.0.1" Database__Provider=PostgreSQL Database__MigrateAtStartup=false \
    ConnectionStrings__ArtBot="Host=$pg_host;Port=$pg_port;Username=$pg_role;Password=$pg_password;Database=$pg_database" dotnet ArtBot.Bot.dll) >> "$work/log" 2>&1 &
  bot_pid=$!
  wait_for /healthz || fail "the bot connected as its role never answered /healthz"
  wait_for /readyz || fail "/readyz of the bot connected as its role"
  answer=$(curl -s -X POST "$base/api/messages" -H 'Content-Type: application/json' -d '{"type":"message","id":"image-check-2","text":"does it hurt?","from":{"id":"image-check"},"recipient":{"id":"bot"},"conversation":{"id":"image-check-2"},"channelId":"test","serviceUrl":"http://127.0.0.1:1","deliveryMode":"expectReplies"}')
  grep -q '"type": *"message"' <<<"$answer" || fail "no answer from the bot connected as its role"
  refusal=$(PGPASSWORD="$pg_password" psql -w -h "$pg_host" -p "$pg_port" -U "$pg_role" -d "$pg_database" -qAt -c "DROP TABLE consult_requests" 2>&1)
  grep -q "must be owner" <<<"$refusal" || fail "the bot's role was not refused DROP TABLE: $refusal"
  on_postgres="; on PostgreSQL, migrate as the administrator, then the bot as its own role (ready, answers, cannot drop a table) OK"
fi
size=$(du -sh "$work/app" | cut -f1)
echo "Image build step: published from deploy/Dockerfile's COPY sources ($size) and started; /healthz, /readyz (any Host), webchat.js, an answer, AllowedHosts and /metrics only on its port OK$on_postgres"
