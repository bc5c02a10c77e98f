#!/usr/bin/env bash
# SQL injection probe: runs sqlmap (the Debian package) against every list's filter, sort and
# search parameters, their CSV twins and the API's list endpoints, on a throwaway local Keel
# with the demo data, and fails if sqlmap reports any parameter injectable.
#
#   scripts/security/sqlmap.sh            # uses build/ (builds it when missing)
#   scripts/security/sqlmap.sh --build    # rebuilds first
#   LEVEL=2 RISK=2 scripts/security/sqlmap.sh   # deeper (slower) tests
#
# Needs: sqlmap (apt-get install -y sqlmap), curl, Node. Not part of npm test: it takes minutes.
set -euo pipefail

cd "$(dirname "$0")/../.."
LEVEL="${LEVEL:-1}"
RISK="${RISK:-1}"
PORT="${PORT:-4398}"
BASE="http://127.0.0.1:${PORT}"
PASSWORD='keel-demo-2026'

command -v sqlmap >/dev/null || { echo "sqlmap is missing: apt-get install -y sqlmap" >&2; exit 2; }
if [[ "${1:-}" == "--build" || ! -f build/index.js ]]; then npm run build; fi

WORK="$(mktemp -d -t keel-sqlmap-XXXXXX)"
SERVER_PID=""
cleanup() {
	if [[ -n "$SERVER_PID" ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
		kill "$SERVER_PID"
		wait "$SERVER_PID" 2>/dev/null || true
	fi
	rm -rf "$WORK"
}
trap cleanup EXIT

echo "[sqlmap] starting Keel on ${BASE} with a fresh embedded database and the demo data"
env -u DATABASE_URL PORT="$PORT" ORIGIN="$BASE" KEEL_DATA_DIR="$WORK/pglite" KEEL_JOBS=0 \
	node build/index.js >"$WORK/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 240); do
	if curl -sf -o /dev/null "$BASE/login"; then break; fi
	kill -0 "$SERVER_PID" 2>/dev/null || { cat "$WORK/server.log" >&2; exit 1; }
	sleep 0.5
done
curl -sf -o /dev/null "$BASE/login" || { echo "Keel did not start" >&2; exit 1; }

# A session for a user, from the Set-Cookie of a same-origin sign-in.
session_for() {
	curl -s -o /dev/null -D - -H "Origin: $BASE" -H 'Accept: text/html' \
		--data-urlencode "email=$1" --data-urlencode "password=$PASSWORD" "$BASE/login" |
		sed -n 's/^set-cookie: keel_session=\([a-z2-7]*\);.*/\1/ip'
}
MANAGER="$(session_for manager@keel.demo)"
[[ -n "$MANAGER" ]] || { echo "sign-in failed" >&2; exit 1; }

# A read token for each API list: the API allows 600 requests a minute per token.
new_token() {
	curl -s -H "Origin: $BASE" -H 'Accept: application/json' -H 'x-sveltekit-action: true' \
		-b "keel_session=$MANAGER" --data-urlencode "name=sqlmap $1" --data-urlencode 'access=read' \
		--data-urlencode 'expires_on=' "$BASE/settings/tokens?/create" |
		grep -o 'keel_pat_[a-z2-7]\{52\}' | head -1
}

# An account with feedback and reviews (the largest by ARR), for the lists under an account.
ACCOUNT="$(curl -s -b "keel_session=$MANAGER" "$BASE/accounts?sort=arr&dir=desc" |
	grep -o 'href="/accounts/[0-9]*"' | head -1 | grep -o '[0-9]*')"
[[ -n "$ACCOUNT" ]] || { echo "could not find an account" >&2; exit 1; }

# Each list with every filter, sort and search parameter it reads. Filters are sent blank (the
# list unfiltered) or with a value that keeps rows in the answer: a payload can only show itself
# by changing the rows, the error or the timing of a query that reads some.
ACCOUNTS="q=a&csm=&segment=&region=&stage=&channel=&renewal=&sort=arr&dir=desc&page=1"
ESCALATIONS="view=&priority=&state=all&owner=&region=&clock=&page=1"
POSTMORTEMS="q=a&priority=&page=1"
REVIEWS="view=upcoming&kind=&csm=&segment=&region=&page=1"
FEEDBACK="kind=&status=&page=1"
TRENDS="months=24&segment=&region=&channel=&csm=&compare=segment"
RISKS="state=active&severity=&sort=renewal&renewal=&csm=&page=1"
HEALTH="segment=&region=&band=&sort=change&csm=&page=1"
ONBOARDING="csm=&region=&segment="
ADOPTION="segment=&region=&csm=&month=&page=1"
PAGES=(
	"/accounts?${ACCOUNTS}"
	"/accounts/export.csv?${ACCOUNTS}"
	"/escalations?${ESCALATIONS}"
	"/escalations/export.csv?${ESCALATIONS}"
	"/escalations/postmortems?${POSTMORTEMS}"
	"/escalations/postmortems/export.csv?${POSTMORTEMS}"
	"/reviews?${REVIEWS}"
	"/reviews/export.csv?${REVIEWS}"
	"/accounts/${ACCOUNT}/feedback?${FEEDBACK}"
	"/accounts/${ACCOUNT}/feedback/export.csv?${FEEDBACK}"
	"/feedback?${TRENDS}"
	"/feedback/trends.csv?chart=groups&${TRENDS}"
	"/risks?${RISKS}"
	"/risks/export.csv?${RISKS}"
	"/health?${HEALTH}"
	"/health/export.csv?table=accounts&${HEALTH}"
	"/onboarding?${ONBOARDING}"
	"/onboarding/export.csv?${ONBOARDING}"
	"/adoption?${ADOPTION}"
	"/adoption/export.csv?table=utilisation&${ADOPTION}"
	"/accounts/${ACCOUNT}/adoption?metric=&month="
	"/accounts/${ACCOUNT}/reviews?page=1"
	"/notifications?page=1"
)
# My work and imports take no query parameters (their lists are the user's own); sqlmap has
# nothing to try there.
API=(
	"/api/v1/accounts?${ACCOUNTS}&limit=20"
	"/api/v1/health?${HEALTH}&limit=20"
	"/api/v1/escalations?${ESCALATIONS}&limit=20"
	"/api/v1/reviews?${REVIEWS}&limit=20"
	"/api/v1/churn-flags?${RISKS}&limit=20"
	"/api/v1/tasks?due_by=2027-01-31&limit=20"
	"/api/v1/accounts/${ACCOUNT}/feedback?${FEEDBACK}&limit=20"
)

SQLMAP=(sqlmap --batch --disable-coloring --flush-session --level="$LEVEL" --risk="$RISK"
	--dbms=PostgreSQL --threads=2 --timeout=30 --retries=1 --output-dir="$WORK/out")
LOG="$WORK/sqlmap.log"
: >"$LOG"
started=$(date +%s)
n=0
for path in "${PAGES[@]}"; do
	n=$((n + 1))
	echo "[sqlmap] ${path%%\?*}"
	"${SQLMAP[@]}" -t "$WORK/traffic-$n.txt" -u "$BASE$path" --cookie="keel_session=$MANAGER" \
		>>"$LOG" 2>&1 || true
done
for path in "${API[@]}"; do
	echo "[sqlmap] ${path%%\?*} (API)"
	token="$(new_token "${path%%\?*}")"
	[[ -n "$token" ]] || { echo "could not create an API token" >&2; exit 1; }
	n=$((n + 1))
	"${SQLMAP[@]}" -t "$WORK/traffic-$n.txt" -u "$BASE$path" --headers="Authorization: Bearer $token" \
		>>"$LOG" 2>&1 || true
done
elapsed=$(($(date +%s) - started))

tested=$(grep -cE "parameter '[^']+' (does not seem to be|is not) injectable|parameter '[^']+' is '.*' injectable" "$LOG" || true)
clean=$(grep -cE "parameter '[^']+' does not seem to be injectable" "$LOG" || true)
found=$(grep -E "sqlmap identified the following injection point|parameter '[^']+' is '.*' injectable|is vulnerable" "$LOG" || true)
# sqlmap's closing "HTTP error codes detected during run: 500 (Internal Server Error) - 3 times".
count_status() {
	{ grep -oE "$1 \([A-Za-z ]+\) - [0-9]+ times" "$LOG" || true; } | awk '{s += $(NF - 1)} END {print s + 0}'
}
errors=$(count_status 500)
limited=$(count_status 429)
refused=$(($(count_status 401) + $(count_status 403)))
# Every parameter of every URL should have been tested to the end.
expected=0
for path in "${PAGES[@]}" "${API[@]}"; do
	query="${path#*\?}"
	expected=$((expected + $(tr '&' '\n' <<<"$query" | grep -c '=')))
done
requests=$({ cat "$WORK"/traffic-*.txt 2>/dev/null || true; } | { grep -c '^HTTP request \[#' || true; })
cp "$LOG" "${TMPDIR:-/tmp}/keel-sqlmap.log"
echo
echo "[sqlmap] level ${LEVEL}, risk ${RISK}: ${#PAGES[@]} pages and ${#API[@]} API lists in ${elapsed} s"
echo "[sqlmap] parameters tested: ${tested} of ${expected}; reported not injectable: ${clean}"
echo "[sqlmap] requests sent: ${requests}; answers 500: ${errors}, 429: ${limited}, 401/403: ${refused}"
if [[ "$errors" -gt 0 ]]; then
	echo "[sqlmap] some probes made the server fail (500): not an injection, but worth a look" >&2
fi
if [[ -n "$found" ]]; then
	echo "[sqlmap] INJECTABLE PARAMETER FOUND:" >&2
	echo "$found" >&2
	echo "[sqlmap] full log: ${TMPDIR:-/tmp}/keel-sqlmap.log" >&2
	exit 1
fi
if [[ "$tested" -ne "$expected" || "$limited" -gt 0 || "$refused" -gt 0 ]]; then
	echo "[sqlmap] inconclusive; full log: ${TMPDIR:-/tmp}/keel-sqlmap.log" >&2
	exit 1
fi
echo "[sqlmap] no injectable parameter found (log: ${TMPDIR:-/tmp}/keel-sqlmap.log)"
