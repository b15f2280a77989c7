#!/usr/bin/env bash
# Runs before `npm test`. The browser tests drive Debian's Chromium (never a downloaded browser)
# and the SQL tests start a throwaway PostgreSQL server from Debian's package: both are installed
# when missing and we may (root), else this says how.
set -euo pipefail

has_postgres() {
  command -v pg_ctl >/dev/null 2>&1 || compgen -G '/usr/lib/postgresql/*/bin/pg_ctl' >/dev/null
}

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
has_postgres || missing+=(postgresql)
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing ${missing[*]} from Debian's packages for the tests..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  exit 0
fi
for package in "${missing[@]}"; do
  case "$package" in
    chromium) echo "The browser tests need Chromium at /usr/bin/chromium: run 'sudo apt-get install chromium' and try again." >&2 ;;
    postgresql) echo "The SQL tests need PostgreSQL ('sudo apt-get install postgresql'); without it they skip PostgreSQL and say so." >&2 ;;
  esac
done
# Only a missing browser stops the tests.
command -v chromium >/dev/null 2>&1 || exit 1
