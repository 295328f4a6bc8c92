#!/usr/bin/env bash
# Builds target/soapstone/: the extracted application, a JDK 25 AOT cache trained on typical
# commands, and bin/soapstone, the launcher that uses them. Run by Maven in the package phase.
# On a developer's machine a part it cannot make is only a warning: without a JDK that supports
# AOT caches the launcher simply runs without. In CI (CI=true) it fails the build, because LauncherIT
# tests every part and a green build must mean they were all made and tested.
set -uo pipefail

target="$1"
jar="$target/soapstone.jar"
dist="$target/soapstone"
app="$dist/app"
here="$(cd "$(dirname "$0")" && pwd)"

# Says what is missing; in CI that ends the build.
incomplete() {
  echo "[soapstone] $*" >&2
  case "${CI:-}" in
    [Tt][Rr][Uu][Ee])
      echo "[soapstone] CI=true: the distribution must be complete, so the build fails" >&2
      exit 1 ;;
  esac
}

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

# The application runs here on data of its own only: never on the developer's database, templates,
# fonts or data folders (a broken template of theirs would stop the training, and their data is
# none of the build's business).
on_its_own() {  # folder, command...
  local folder="$1"
  shift
  env -u SOAPSTONE_TEMPLATES -u SOAPSTONE_FONTS -u SOAPSTONE_JAVA \
      -u XDG_CONFIG_HOME -u XDG_STATE_HOME -u XDG_CACHE_HOME \
      SOAPSTONE_DB="$folder/soapstone.db" HOME="$folder" XDG_DATA_HOME="$folder" "$@"
}

rm -rf "$dist"
mkdir -p "$dist/bin"
if [ -z "$best" ] || [ "$best_major" -lt 21 ]; then
  incomplete "no JDK 21+ found; target/soapstone not built"
  exit 0
fi

"$best" -Djarmode=tools -jar "$jar" extract --destination "$app" >/dev/null || {
  incomplete "could not extract the jar; target/soapstone not built"; exit 0; }

# Spring AOT: bean definitions worked out now instead of at every start (classpath scanning,
# condition evaluation, configuration parsing, proxy classes). The application runs them only when
# started with -Dspring.aot.enabled=true, which the launcher does when app/spring-aot exists.
# Done here rather than by spring-boot-maven-plugin's process-aot, which compiles with the JDK
# Maven runs on (possibly 17) instead of the toolchain's.
spring_aot() {
  local work="$target/spring-aot-distribution" javac jartool
  javac="$(dirname "$best")/javac" jartool="$(dirname "$best")/jar"
  [ -x "$javac" ] && [ -x "$jartool" ] || return 1
  rm -rf "$work"
  mkdir -p "$work/classes"
  on_its_own "$work/processing" "$best" --enable-native-access=ALL-UNNAMED \
      -cp "$app/soapstone.jar:$app/lib/*" org.springframework.boot.SpringApplicationAotProcessor \
      app.soapstone.SoapstoneApplication "$work/sources" "$work/resources" "$work/classes" app.soapstone soapstone \
      >"$work/processing.txt" 2>&1 || return 1
  find "$work/sources" -name '*.java' > "$work/sources.txt"
  "$javac" --release 21 -proc:none -nowarn -encoding UTF-8 -d "$work/classes" \
      -cp "$work/classes:$app/soapstone.jar:$app/lib/*" @"$work/sources.txt" >"$work/javac.txt" 2>&1 || return 1
  # Spring Data's repository metadata; the GraalVM native-image hints are of no use on a JVM.
  rm -rf "$work/resources/META-INF/native-image"
  cp -R "$work/resources/." "$work/classes/"
  cp "$app/soapstone.jar" "$work/soapstone.jar"
  "$jartool" --update --file "$work/soapstone.jar" -C "$work/classes" . || return 1
  mv "$work/soapstone.jar" "$app/soapstone.jar"
  touch "$app/spring-aot"
}
if ! spring_aot; then
  incomplete "Spring AOT processing did not complete (see $target/spring-aot-distribution); the launcher starts without it"
fi

# The native libraries of sqlite-jdbc and Jansi, unpacked once here for this machine: otherwise
# both copy theirs to the temp folder at every start (BENCHMARKS.md: about 30 ms for SQLite).
# A library that cannot be unpacked is simply left to the jar, as before.
native_library() {  # jar, OSInfo class, folder inside the jar, destination
  local folder entry
  folder="$("$best" -cp "$1" "$2" 2>/dev/null)" || return 0
  entry="$("$(dirname "$best")/jar" --list --file "$1" | grep "^$3/$folder/[^/][^/]*$" | head -n 1)"
  [ -n "$entry" ] || return 0
  mkdir -p "$4" && (cd "$4" && "$(dirname "$best")/jar" --extract --file "$1" "$entry" \
    && mv "$entry" . && rm -rf "${entry%%/*}") || rm -rf "$4"
}
native_library "$(ls "$app"/lib/sqlite-jdbc-*.jar | head -n 1)" org.sqlite.util.OSInfo org/sqlite/native "$app/native/sqlite"
native_library "$(ls "$app"/lib/jansi-*.jar | head -n 1)" org.fusesource.jansi.internal.OSInfo \
    org/fusesource/jansi/internal/native "$app/native/jansi"
# The same settings as the launcher's, so that training leaves no copies in the temp folder either.
native_flags=()
for lib in "$app"/native/sqlite/*; do
  [ -f "$lib" ] && native_flags+=(-Dorg.sqlite.lib.path="${lib%/*}" -Dorg.sqlite.lib.name="${lib##*/}" -Dorg.sqlite.tmpdir="${lib%/*}")
done
for lib in "$app"/native/jansi/*; do
  [ -f "$lib" ] && native_flags+=(-Dlibrary.jansi.path="${lib%/*}" -Dlibrary.jansi.name="${lib##*/}")
done
if ! compgen -G "$app/native/sqlite/*" >/dev/null; then
  incomplete "SQLite's native library could not be unpacked; the launcher leaves it to the jar"
fi

if [ "$best_major" -ge 25 ]; then
  training="$target/aot-training"
  rm -rf "$training"
  mkdir -p "$training"
  if on_its_own "$training" "$best" -XX:AOTCacheOutput="$app/soapstone.aot" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC \
      --enable-native-access=ALL-UNNAMED -Dspring.aot.enabled="$([ -f "$app/spring-aot" ] && echo true || echo false)" \
      "${native_flags[@]}" -jar "$app/soapstone.jar" @"$here/aot-training.txt" \
      >"$training/output.txt" 2>&1 && [ -f "$app/soapstone.aot" ]; then
    echo "$best" > "$app/trained-with"
  else
    rm -f "$app/soapstone.aot"
    incomplete "AOT training did not complete (see $training/output.txt); the launcher runs without a cache"
  fi
else
  incomplete "no JDK 25+ found (found Java $best_major at $best); the launcher runs without an AOT cache"
fi

cp "$here/soapstone-launcher.sh" "$dist/bin/soapstone"
chmod 755 "$dist/bin/soapstone"
echo "[soapstone] built $dist (java $best_major$([ -f "$app/spring-aot" ] && echo ', Spring AOT')$([ -f "$app/soapstone.aot" ] && echo ', AOT cache'))"
