#!/usr/bin/env bash
# Benchmark (issue 13, "Dashboards"): generates a trust of 20 schools x 500 pupils with the 2025-26 registers (the
# full year, about 3.8 million marks), starts the packaged app with the clock at the end of that year, waits until the
# dashboards' figures are computed, then
#   1. GET /trust/dashboard as the trust admin with wrk -c8 (8 concurrent staff) --latency: p50 / p99;
#   2. GET /schools/{id}/dashboard as the first school's attendance officer, likewise;
#   3. "a mark written is reflected within a second": REPEATS times, amend one mark through the register API
#      (PUT /pupils/{id}/marks/{date}/AM, alternately / and O) and poll the school dashboard until its unauthorised
#      sessions change; reports each delay and the max.
# Writes results/<date>-dashboard.md and results/dashboard-latest.md. Target: p99 <= 500 ms, max delay <= 1 s.
#
#   infra/bench/dashboard.sh                           # everything, in a fresh database
#   BENCH_DB=attendance_bench_x infra/bench/dashboard.sh   # reuse a database an earlier run generated (KEEP_DB=1)
#
# Settings (environment): SCHOOLS=20 PUPILS=500 YEAR=2025-26 CONNECTIONS=8 THREADS=2 DURATION=30s WARMUP=10s
# REPEATS=20 PORT=8091 KEEP_DB=0 JAR=api/target/….jar
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)

SCHOOLS=${SCHOOLS:-20}
PUPILS=${PUPILS:-500}
YEAR=${YEAR:-2025-26}
CONNECTIONS=${CONNECTIONS:-8}
THREADS=${THREADS:-2}
DURATION=${DURATION:-30s}
WARMUP=${WARMUP:-10s}
REPEATS=${REPEATS:-20}
PORT=${PORT:-8091}
KEEP_DB=${KEEP_DB:-0}
BENCH_DB=${BENCH_DB:-}
CLOCK=${CLOCK:-2026-07-20T12:00:00Z}
# a school day of the generated calendar whose morning marks exist
MARK_DATE=${MARK_DATE:-2026-07-17}
PASSWORD=bench-password-2025
JAR=${JAR:-api/target/api-0.1.0-SNAPSHOT.jar}
RESULTS=infra/bench/results
WORK=$(mktemp -d /tmp/attendance-dashboard-bench.XXXXXX)
BASE="http://127.0.0.1:$PORT"
APP_PID=
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)

log() { printf '[dashboard bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
mysql_root() { mysql --protocol=tcp -h127.0.0.1 -uroot "$@"; }

cleanup() {
  if [[ -n "$APP_PID" ]] && kill -0 "$APP_PID" 2>/dev/null; then
    kill "$APP_PID" 2>/dev/null || true
    wait "$APP_PID" 2>/dev/null || true
  fi
  if [[ "${DB_CREATED:-}" == 1 && "$KEEP_DB" != 1 ]]; then
    mysql_root -e "DROP DATABASE IF EXISTS \`$DB\`" || true
  fi
}
trap cleanup EXIT

# 1. The jar and wrk ---------------------------------------------------------------------------------
if [[ ! -f "$JAR" ]]; then
  log "building $JAR"
  mvn -B -q -DskipTests package
fi
if ! command -v wrk >/dev/null; then
  log "installing wrk from Debian"
  apt-get install -y wrk >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y wrk >/dev/null; }
fi

# 2. The database: this machine's MariaDB, a fresh database ------------------------------------------
GENERATE=1
if [[ -n "$BENCH_DB" ]]; then
  DB=$BENCH_DB
  GENERATE=0
  log "reusing database $DB"
else
  DB="attendance_dash_bench_$(date +%Y%m%d%H%M%S)_$$"
  mysql_root -e "CREATE DATABASE \`$DB\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
  DB_CREATED=1
fi
DB_DESCRIPTION="MariaDB $(mysql_root -N -e 'SELECT VERSION()') at 127.0.0.1:3306, database $DB"
export DATASOURCES_DEFAULT_URL="jdbc:mysql://127.0.0.1:3306/$DB?connectionTimeZone=UTC&rewriteBatchedStatements=true"
export DATASOURCES_DEFAULT_USERNAME=root
export DATASOURCES_DEFAULT_PASSWORD=
export ATTENDANCE_CLOCK_FIXED=$CLOCK
export DEMO_DATA=false
export JWT_SECRET
JWT_SECRET=$(head -c 48 /dev/urandom | base64 | tr -d '/+=\n')

# 3. Generate (the generator's bulk loads mark every school's figures stale) --------------------------
GENERATED="(reused database $DB)"
if [[ "$GENERATE" == 1 ]]; then
  log "generating $SCHOOLS schools x $PUPILS pupils with $YEAR registers"
  started=$(date +%s)
  ATTENDANCE_DB_FRESH=true java -jar "$JAR" generate-data --schools "$SCHOOLS" --pupils "$PUPILS" --year "$YEAR" \
    --password "$PASSWORD" 2>&1 | tee "$WORK/generate.log" | grep -v ' INFO ' >&2
  GENERATED="$(grep '^Generated trust' "$WORK/generate.log") — wall clock $(( $(date +%s) - started )) s including JVM start"
  [[ "$KEEP_DB" == 1 ]] && log "kept database $DB (BENCH_DB=$DB to reuse it)"
fi

# 4. Start the app and wait for the figures --------------------------------------------------------------
log "starting the app on port $PORT (clock fixed at $CLOCK, no demo data)"
started_app=$(date +%s)
PORT=$PORT ATTENDANCE_DB_FRESH=false java ${BENCH_JAVA_OPTS:-} -jar "$JAR" >"$WORK/app.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 180); do
  curl -fsS "$BASE/health" >/dev/null 2>&1 && break
  kill -0 "$APP_PID" 2>/dev/null || { cat "$WORK/app.log" >&2; log "the app did not start"; exit 1; }
  sleep 1
done
stale() { mysql_root -N -e "SELECT COUNT(*) FROM \`$DB\`.dashboard_stale"; }
for _ in $(seq 1 600); do
  [[ "$(stale)" == 0 ]] && break
  sleep 1
done
FIGURES_READY="$(( $(date +%s) - started_app )) s after the app was started (figures of $(mysql_root -N -e "SELECT COUNT(*) FROM \`$DB\`.dashboard_computed") school-years; $(mysql_root -N -e "SELECT COUNT(*) FROM \`$DB\`.dashboard_group") group rows)"
log "figures ready: $FIGURES_READY"

login() {
  curl -fsS "$BASE/auth/staff/login" -H 'content-type: application/json' \
    -d "{\"email\":\"$1\",\"password\":\"$PASSWORD\"}" | jq -r .accessToken
}
ADMIN=$(login data@bench.example.org)
OFFICER_EMAIL="attendance@900001.bench.example.org"
OFFICER=$(login "$OFFICER_EMAIL")
SCHOOL_ID=$(curl -fsS "$BASE/me" -H "authorization: Bearer $OFFICER" | jq -r '.schools[0].id')
curl -fsS "$BASE/schools/$SCHOOL_ID/pupils" -H "authorization: Bearer $OFFICER" | jq -r '.[].id' >"$WORK/pupils.txt"
curl -fsS "$BASE/trust/dashboard" -H "authorization: Bearer $ADMIN" >"$WORK/trust.json"
TRUST_SUMMARY=$(jq -r '"\(.schools | length) schools, \(.totals.pupils) pupils, \(.totals.possibleSessions) possible sessions, attendance \(.totals.attendancePercent) %, persistent absence \(.totals.persistentAbsencePercent) %, week \(.week) of \(.academicYear)"' "$WORK/trust.json")
log "trust dashboard: $TRUST_SUMMARY"

to_ms() { # wrk prints 812.00us, 3.21ms, 1.02s
  awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n += 0; else if (v ~ /s$/) n *= 1000; printf "%.1f", n }'
}
measure() { # name path token -> table row
  local out rps p50 p99 errors
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -H "authorization: Bearer $3" "$BASE$2" >/dev/null
  out=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -H "authorization: Bearer $3" "$BASE$2")
  printf '### %s\n%s\n\n' "$2" "$out" >>"$WORK/wrk.log"
  rps=$(awk '/^Requests\/sec:/ { print $2 }' <<<"$out")
  p50=$(to_ms "$(awk '$1 == "50%" { print $2 }' <<<"$out")")
  p99=$(to_ms "$(awk '$1 == "99%" { print $2 }' <<<"$out")")
  errors=$(awk '/Non-2xx or 3xx responses:/ { n += $5 } /Socket errors:/ { for (i = 3; i <= NF; i += 2) n += $(i + 1) + 0 } END { print n + 0 }' <<<"$out")
  awk -v n="$1" -v r="$rps" -v p50="$p50" -v p99="$p99" -v e="$errors" 'BEGIN {
    printf "| %s | %s | %s | %s | %d | %s |\n", n, r, p50, p99, e, (p99 <= 500 && e == 0) ? "PASS" : "FAIL" }'
}
log "GET /trust/dashboard: warm $WARMUP, measure $DURATION with $CONNECTIONS connections"
ROW_TRUST=$(measure "GET /trust/dashboard (trust admin)" "/trust/dashboard" "$ADMIN")
log "GET /schools/$SCHOOL_ID/dashboard: warm $WARMUP, measure $DURATION with $CONNECTIONS connections"
ROW_SCHOOL=$(measure "GET /schools/{id}/dashboard (attendance officer)" "/schools/$SCHOOL_ID/dashboard" "$OFFICER")

# 5. A mark written is reflected ----------------------------------------------------------------------------
unauthorised() { curl -fsS "$BASE/schools/$SCHOOL_ID/dashboard" -H "authorization: Bearer $OFFICER" | jq -r .totals.unauthorisedSessions; }
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
DELAYS=()
for i in $(seq 1 "$REPEATS"); do
  pupil=$(sed -n "${i}p" "$WORK/pupils.txt")
  current=$(curl -fsS "$BASE/pupils/$pupil/marks/$MARK_DATE/AM" -H "authorization: Bearer $OFFICER" | jq -r .code)
  if [[ "$current" == "O" ]]; then next='/'; else next='O'; fi
  before=$(unauthorised)
  curl -fsS -X PUT "$BASE/pupils/$pupil/marks/$MARK_DATE/AM" -H "authorization: Bearer $OFFICER" \
    -H 'content-type: application/json' -d "{\"code\":\"$next\",\"reason\":\"Dashboard benchmark\"}" >/dev/null
  written=$(now_ms)
  seen=
  while (( $(now_ms) - written < 10000 )); do
    if [[ "$(unauthorised)" != "$before" ]]; then seen=$(now_ms); break; fi
    sleep 0.02
  done
  if [[ -z "$seen" ]]; then DELAYS+=(timeout); log "mark $i ($current -> $next): not reflected in 10 s"; continue; fi
  DELAYS+=($(( seen - written )))
  log "mark $i ($current -> $next): reflected after $(( seen - written )) ms"
done
MAX_DELAY=$(printf '%s\n' "${DELAYS[@]}" | awk '$1 == "timeout" { print "timeout"; exit } { if ($1 > m) m = $1 } END { if (NR) print m + 0 }' | head -1)
MEAN_DELAY=$(printf '%s\n' "${DELAYS[@]}" | awk '$1 != "timeout" { s += $1; n++ } END { if (n) printf "%.0f", s / n }')

# 6. Results ------------------------------------------------------------------------------------------------
mkdir -p "$RESULTS"
OUT="$RESULTS/$(date -u +%Y-%m-%d)-dashboard.md"
{
  echo "# Dashboard benchmark"
  echo
  echo "Run $(date -u +%Y-%m-%dT%H:%M:%SZ) on commit $(git rev-parse --short HEAD 2>/dev/null || echo '?') ($(nproc) cores shared with other work; load average at the start: $LOAD_BEFORE, at the end: $(cut -d' ' -f1-3 /proc/loadavg))."
  echo
  echo "- Data: $SCHOOLS schools x $PUPILS pupils, $YEAR registers (the whole year; no marks for the year before, so no last-year figures); $GENERATED"
  echo "- Database: $DB_DESCRIPTION"
  echo "- App: \`java -jar $JAR\` with ATTENDANCE_CLOCK_FIXED=$CLOCK, DEMO_DATA=false; figures ready $FIGURES_READY"
  echo "- Trust dashboard as measured: $TRUST_SUMMARY"
  echo "- Load: wrk -t$THREADS -c$CONNECTIONS --latency (8 concurrent staff), warmed $WARMUP, measured $DURATION per endpoint"
  echo "- Targets: p99 <= 500 ms, no errors; a mark written is reflected within 1 s"
  echo "- Command: \`infra/bench/dashboard.sh\`"
  echo
  echo "| Endpoint | Requests/s | p50 ms | p99 ms | Errors | Result |"
  echo "|---|---:|---:|---:|---:|---|"
  echo "$ROW_TRUST"
  echo "$ROW_SCHOOL"
  echo
  echo "A mark written through \`PUT /pupils/{id}/marks/$MARK_DATE/AM\` (/ <-> O), then the school dashboard polled every ~20 ms until its unauthorised sessions changed, $REPEATS times:"
  echo
  echo "- delays (ms): ${DELAYS[*]}"
  echo "- mean $MEAN_DELAY ms, max $MAX_DELAY ms: $( [[ "$MAX_DELAY" != timeout && "$MAX_DELAY" -le 1000 ]] && echo PASS || echo FAIL )"
  echo
  echo "Raw wrk output:"
  echo
  echo '```'
  cat "$WORK/wrk.log"
  echo '```'
} >"$OUT"
cp "$OUT" "$RESULTS/dashboard-latest.md"
cat "$OUT"
log "written $OUT and $RESULTS/dashboard-latest.md"
