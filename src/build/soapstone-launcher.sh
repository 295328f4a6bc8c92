#!/usr/bin/env bash
# Soapstone launcher: runs the extracted application with the AOT cache made at build time
# (JDK 25+), and JVM settings that favour a quick start and a small footprint for a
# command-line tool. Falls back to any Java 21+ without the cache.
set -euo pipefail

home="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
app="$home/app"
trained="$(cat "$app/trained-with" 2>/dev/null || true)"

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
# compiler and a parallel collector cost more to start than they save.
flags=(-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xss512k -XX:-UsePerfData --enable-native-access=ALL-UNNAMED)
# Bean definitions prepared at build time (Spring AOT), when the build could make them.
if [ -f "$app/spring-aot" ]; then
  flags+=(-Dspring.aot.enabled=true)
fi
if [ "$java" = "$trained" ] && [ -f "$app/soapstone.aot" ]; then
  # The cache only fits the JDK that made it; its notices stay off the command's output.
  flags+=(-XX:AOTCache="$app/soapstone.aot" -Xlog:disable -Xlog:all=error:stderr)
else
  version="$("$java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')"
  if [ "${version%%.*}" -lt 21 ] 2>/dev/null; then
    echo "soapstone: $java is Java $version; Soapstone needs Java 21 or newer (set SOAPSTONE_JAVA)" >&2
    exit 1
  fi
fi
exec "$java" "${flags[@]}" -jar "$app/soapstone.jar" "$@"
