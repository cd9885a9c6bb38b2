# Sourced by infra/ops/backup, restore and verify-restore: the connection options they share and the
# PostgreSQL client tools they run. Options -h host, -p port, -U user, -d dbname (or the usual PGHOST,
# PGPORT, PGUSER, PGDATABASE); the password comes from PGPASSWORD or ~/.pgpass, never from the command
# line. Tools: from the directory PG_BIN when set, else from PATH.
ops_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres} PGDATABASE=${PGDATABASE:-postgres}
# no ~/.psqlrc, no pager, stop at the first error
export PSQLRC=/dev/null PAGER=cat

# Reads -h -p -U -d; leaves the remaining arguments in ops_args.
pg_options() {
  ops_args=()
  while [ $# -gt 0 ]; do
    case $1 in
      -h) PGHOST=${2:?}; shift 2 ;;
      -p) PGPORT=${2:?}; shift 2 ;;
      -U) PGUSER=${2:?}; shift 2 ;;
      -d) PGDATABASE=${2:?}; shift 2 ;;
      -*) return 1 ;;
      *) ops_args+=("$1"); shift ;;
    esac
  done
}

pg_tool() {
  local tool=${PG_BIN:+$PG_BIN/}$1
  command -v "$tool" >/dev/null 2>&1 || { echo "$1 not found (set PG_BIN or install postgresql-client)" >&2; return 1; }
  echo "$tool"
}

# psql without decorations: one row a line, fields separated by one space
pg_query() {
  "$(pg_tool psql)" -X -q -At -F ' ' -v ON_ERROR_STOP=1 "$@"
}

# the major version a client tool reports, e.g. 15 of "pg_dump (PostgreSQL) 15.18 (Debian ...)"
tool_major() {
  "$1" --version | sed -n 's/^[^0-9]* \([0-9][0-9]*\)[.].*/\1/p'
}

jdbc_url() {
  echo "jdbc:postgresql://$PGHOST:$PGPORT/$PGDATABASE"
}
