#!/usr/bin/env bash
# Builds target/soapstone/: the extracted application, a JDK 25 AOT cache trained on typical
# commands, and bin/soapstone, the launcher that uses them. Run by Maven in the package phase.
# Never fails the build: without a JDK that supports AOT caches the launcher simply runs without.
set -uo pipefail

target="$1"
jar="$target/soapstone.jar"
dist="$target/soapstone"
app="$dist/app"
here="$(cd "$(dirname "$0")" && pwd)"

java_major() {
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p' | head -n 1
}

# The newest JDK we can find: AOT caches (-XX:AOTCacheOutput) need JDK 25 or newer.
best="" best_major=0
for candidate in ${JAVA_HOME:+"$JAVA_HOME/bin/java"} /usr/lib/jvm/*/bin/java \
    /Library/Java/JavaVirtualMachines/*/Contents/Home/bin/java "$HOME"/.sdkman/candidates/java/*/bin/java \
    "$(command -v java 2>/dev/null || true)"; do
  [ -x "$candidate" ] || continue
  major=$(java_major "$candidate")
  major=${major%%.*}
  if [ -n "$major" ] && [ "$major" -gt "$best_major" ] 2>/dev/null; then
    best=$(readlink -f "$candidate") best_major=$major
  fi
done

rm -rf "$dist"
mkdir -p "$dist/bin"
if [ -z "$best" ] || [ "$best_major" -lt 21 ]; then
  echo "[soapstone] no JDK 21+ found; target/soapstone not built" >&2
  exit 0
fi

"$best" -Djarmode=tools -jar "$jar" extract --destination "$app" >/dev/null || {
  echo "[soapstone] could not extract the jar; target/soapstone not built" >&2; exit 0; }

if [ "$best_major" -ge 25 ]; then
  training="$target/aot-training"
  rm -rf "$training"
  mkdir -p "$training"
  if SOAPSTONE_DB="$training/training.db" HOME="$training" XDG_DATA_HOME="$training" \
      "$best" -XX:AOTCacheOutput="$app/soapstone.aot" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC \
      --enable-native-access=ALL-UNNAMED -jar "$app/soapstone.jar" @"$here/aot-training.txt" \
      >"$training/output.txt" 2>&1 && [ -f "$app/soapstone.aot" ]; then
    echo "$best" > "$app/trained-with"
  else
    echo "[soapstone] AOT training did not complete (see $training/output.txt); the launcher runs without a cache" >&2
    rm -f "$app/soapstone.aot"
  fi
fi

cp "$here/soapstone-launcher.sh" "$dist/bin/soapstone"
chmod 755 "$dist/bin/soapstone"
echo "[soapstone] built $dist (java $best_major$([ -f "$app/soapstone.aot" ] && echo ', AOT cache'))"
