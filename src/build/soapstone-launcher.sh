#!/usr/bin/env bash
# Soapstone launcher: runs the extracted application with the AOT cache made at build time
# (JDK 25+), and JVM settings that favour a quick start and a small footprint for a
# command-line tool. Falls back to any Java 21+ without the cache.
set -euo pipefail

# Few subprocesses here: each costs milliseconds, and this runs before every command.
self="$(readlink -f "${BASH_SOURCE[0]}")"
home="${self%/bin/*}"
app="$home/app"
trained=""
if [ -f "$app/trained-with" ]; then
  read -r trained < "$app/trained-with" || true
fi

java="${SOAPSTONE_JAVA:-}"
if [ -z "$java" ]; then
  if [ -n "$trained" ] && [ -x "$trained" ]; then
    java="$trained"
  elif [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
    java="$JAVA_HOME/bin/java"
  else
    java="$(command -v java 2>/dev/null || true)"
  fi
fi
if [ -z "$java" ] || [ ! -x "$java" ]; then
  echo "soapstone: no Java found; install Java 21 or newer, or set SOAPSTONE_JAVA or JAVA_HOME" >&2
  exit 1
fi

# C1 only and the serial collector: a command runs for well under a second, so the optimising
# compiler and a parallel collector cost more to start than they save. A small young generation
# keeps a command's memory low (about 125 MB instead of 175 MB in BENCHMARKS.md) at no cost in time.
flags=(-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmn8m -Xss512k -XX:-UsePerfData --enable-native-access=ALL-UNNAMED)
# Bean definitions prepared at build time (Spring AOT), when the build could make them.
if [ -f "$app/spring-aot" ]; then
  flags+=(-Dspring.aot.enabled=true)
fi
# Native libraries unpacked at build time, so that SQLite and Jansi need not copy theirs to the
# temp folder at every start.
for lib in "$app"/native/sqlite/*; do
  # (tmpdir: where sqlite-jdbc looks for old copies of its library to clean up)
  [ -f "$lib" ] && flags+=(-Dorg.sqlite.lib.path="${lib%/*}" -Dorg.sqlite.lib.name="${lib##*/}"
    -Dorg.sqlite.tmpdir="${lib%/*}")
done
for lib in "$app"/native/jansi/*; do
  [ -f "$lib" ] && flags+=(-Dlibrary.jansi.path="${lib%/*}" -Dlibrary.jansi.name="${lib##*/}")
done
if [ "$java" = "$trained" ] && [ -f "$app/soapstone.aot" ]; then
  # The cache only fits the JDK and the files that made it (moving the folder is fine); when it
  # does not fit, Java runs without it. Its notices stay off the command's output either way.
  flags+=(-XX:AOTCache="$app/soapstone.aot" -Xlog:disable -Xlog:all=error,aot*=off:stderr)
else
  version="$("$java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')"
  major="${version%%.*}"
  case "$major" in
    '' | *[!0-9]*)
      echo "soapstone: cannot tell which Java $java is; Soapstone needs Java 21 or newer (set SOAPSTONE_JAVA)" >&2
      exit 1 ;;
  esac
  if [ "$major" -lt 21 ]; then
    echo "soapstone: $java is Java $version; Soapstone needs Java 21 or newer (set SOAPSTONE_JAVA)" >&2
    exit 1
  fi
fi
exec "$java" "${flags[@]}" -jar "$app/soapstone.jar" "$@"
