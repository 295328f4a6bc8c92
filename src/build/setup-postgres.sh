#!/usr/bin/env bash
# Starts Debian's PostgreSQL server for the tests (installing it when missing) and prints the JDBC
# URL of a role that may create databases and roles, for SOAPSTONE_TEST_POSTGRES. The role and its
# password exist only on this throwaway test server, reached on the loopback address.
set -euo pipefail
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
if ! command -v pg_lsclusters >/dev/null 2>&1 || [ -z "$(ls /usr/lib/postgresql 2>/dev/null)" ]; then
  as_root apt-get update -q >&2
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql postgresql-contrib >&2
fi
version="$(ls /usr/lib/postgresql | sort -n | tail -n 1)"
if ! pg_lsclusters -h | awk '{print $1" "$2}' | grep -qx "$version main"; then
  as_root pg_createcluster "$version" main >&2
fi
as_root pg_ctlcluster "$version" main start >&2 2>/dev/null || true
port="$(pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" {print $3}')"
as_root runuser -u postgres -- psql -q -p "$port" -v ON_ERROR_STOP=1 >&2 <<'SQL'
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'soapstone_test') THEN
    CREATE ROLE soapstone_test SUPERUSER LOGIN PASSWORD 'soapstone_test';
  END IF;
END
$$;
SQL
echo "jdbc:postgresql://127.0.0.1:$port/postgres?user=soapstone_test&password=soapstone_test"
