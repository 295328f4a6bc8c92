#!/usr/bin/env bash
# Proves that a build left the developer's own Soapstone alone: before the tests it records the
# bytes of every place Soapstone would read or write given this environment, and after them it
# compares. Maven runs it (pom.xml): 'record' in initialize, 'check' in post-integration-test.
#
#   guard-user-data.sh record FILE    writes what is there now to FILE
#   guard-user-data.sh check FILE     fails (exit 1), showing the difference, if it changed since
#
# Guarded, for the environment the build runs in:
# - SOAPSTONE_DB, if set: the database, its -wal, -shm and -journal, and beside it soapstone.log,
#   history, the writing folder, the record seal's anchor file (named after the database) and the
#   clinic's key soapstone.key (not the rest of its folder, which may be any folder of the user's);
# - the default data folders, whole: $XDG_DATA_HOME/soapstone, ~/.local/share/soapstone for HOME and
#   for the account's home (Java's user.home), ~/Library/Application Support/Soapstone;
# - SOAPSTONE_TEMPLATES, if set, whole;
# - SOAPSTONE_TEST_SENTINELS: folders (separated by ':') guarded whole; .ci/run points HOME,
#   XDG_DATA_HOME, SOAPSTONE_DB, SOAPSTONE_TEMPLATES and SOAPSTONE_FONTS into one.
# A file or folder counts as touched if it appears, disappears or its bytes change.
set -euo pipefail

mode="${1:-}"
file="${2:-}"
if [ -z "$file" ] || { [ "$mode" != record ] && [ "$mode" != check ]; }; then
  echo "usage: $0 record|check FILE" >&2
  exit 2
fi

if command -v sha256sum >/dev/null 2>&1; then
  sha256() { sha256sum < "$1" | cut -d ' ' -f 1; }
else
  sha256() { shasum -a 256 < "$1" | cut -d ' ' -f 1; }
fi

expand_home() {  # what Soapstone does with a leading ~
  case "$1" in
    "~") echo "$HOME" ;;
    "~/"*) echo "$HOME/${1#"~/"}" ;;
    *) echo "$1" ;;
  esac
}

roots=()
if [ -n "${SOAPSTONE_DB:-}" ] && [ -n "${SOAPSTONE_DB// /}" ]; then
  db="$(expand_home "$SOAPSTONE_DB")"
  folder="$(dirname "$db")"
  name="$(basename "$db")"
  [ "${name%.*}" != "" ] && name="${name%.*}"
  roots+=("$db" "$db-wal" "$db-shm" "$db-journal" "$folder/soapstone.log" "$folder/history" "$folder/writing"
    "$folder/$name.anchors" "$folder/soapstone.key")
fi
case "${XDG_DATA_HOME:-}" in
  /*) roots+=("$XDG_DATA_HOME/soapstone") ;;
esac
roots+=("$HOME/.local/share/soapstone" "$HOME/Library/Application Support/Soapstone")
account_home="$(getent passwd "$(id -u)" 2>/dev/null | cut -d : -f 6 || true)"
if [ -n "$account_home" ] && [ "$account_home" != "$HOME" ]; then
  roots+=("$account_home/.local/share/soapstone")
fi
if [ -n "${SOAPSTONE_TEMPLATES:-}" ]; then
  roots+=("$(expand_home "$SOAPSTONE_TEMPLATES")")
fi
if [ -n "${SOAPSTONE_TEST_SENTINELS:-}" ]; then
  IFS=: read -r -a sentinels <<< "$SOAPSTONE_TEST_SENTINELS"
  roots+=("${sentinels[@]}")
fi

# One line per file, folder or link under each root (its SHA-256 for a file), or "absent".
fingerprint() {
  local root path
  for root in "${roots[@]}"; do
    if [ ! -e "$root" ] && [ ! -L "$root" ]; then
      echo "absent $root"
      continue
    fi
    find -H "$root" -print0 | LC_ALL=C sort -z | while IFS= read -r -d '' path; do
      if [ -L "$path" ]; then
        echo "link $path -> $(readlink "$path")"
      elif [ -d "$path" ]; then
        echo "folder $path"
      elif [ -f "$path" ]; then
        echo "file $(sha256 "$path" 2>/dev/null || echo unreadable) $path"
      else
        echo "other $path"
      fi
    done
  done
}

if [ "$mode" = record ]; then
  mkdir -p "$(dirname "$file")"
  fingerprint > "$file"
  exit 0
fi

if [ ! -f "$file" ]; then
  echo "[soapstone] $file is missing: nothing was recorded before the tests to compare with" >&2
  exit 1
fi
now="$(mktemp)"
trap 'rm -f "$now"' EXIT
fingerprint > "$now"
if ! changes="$(diff "$file" "$now")"; then
  {
    echo "[soapstone] The build touched files no test may touch: your own Soapstone data, templates or"
    echo "[soapstone] home (or CI's sentinels standing in for them). Before (<) and after (>) the tests:"
    echo "$changes" | sed -n 's/^[<>] /[soapstone]   &/p' | awk '!seen[$0]++'
    echo "[soapstone] A test reached the developer's environment (see app.soapstone.support.IsolationTest);"
    echo "[soapstone] if you ran Soapstone yourself during the build, run the build again."
  } >&2
  exit 1
fi
