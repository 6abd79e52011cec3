# Shared helpers for the ./meerkat launcher: messages and finding a JDK 21+.

say() { printf '\033[1;32m[meerkat]\033[0m %s\n' "$*"; }
warn() { printf '\033[1;33m[meerkat]\033[0m %s\n' "$*" >&2; }
die() {
  printf '\033[1;31m[meerkat]\033[0m %s\n' "$*" >&2
  exit 1
}

# Prints the major version of the java binary given, or nothing.
java_major_version() {
  local version
  version=$("$1" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2; exit}')
  case "$version" in
    1.*) echo "${version#1.}" ;;
    *) echo "$version" ;;
  esac
}

# Sets JAVA_HOME (exported, so ./mvnw uses it too) to the first JDK 21+ among: MEERKAT_JAVA_HOME,
# JAVA_HOME, the JDKs under /usr/lib/jvm (newest first) and the java on PATH. The services Meerkat
# watches may run any JDK from 8 up; Meerkat itself needs 21 (Vaadin 25).
use_java_21_or_newer() {
  local candidates=() home major
  [ -n "${MEERKAT_JAVA_HOME:-}" ] && candidates+=("$MEERKAT_JAVA_HOME")
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  if [ -d /usr/lib/jvm ]; then
    while IFS= read -r home; do candidates+=("$home"); done < <(ls -d /usr/lib/jvm/*/ 2>/dev/null | sed 's:/$::' | sort -rV)
  fi
  if command -v java >/dev/null 2>&1; then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")")
  fi
  for home in "${candidates[@]}"; do
    [ -x "$home/bin/java" ] && [ -x "$home/bin/javac" ] || continue
    major=$(java_major_version "$home/bin/java")
    if [ -n "$major" ] && [ "$major" -ge 21 ] 2>/dev/null; then
      export JAVA_HOME="$home"
      export PATH="$JAVA_HOME/bin:$PATH"
      # Maven 3.9's Guice calls sun.misc.Unsafe, which JDK 24+ warns about on every build; allow
      # it for Maven's own JVM only (the option does not exist before JDK 23).
      if [ "$major" -ge 24 ]; then
        export MAVEN_OPTS="${MAVEN_OPTS:+$MAVEN_OPTS }--sun-misc-unsafe-memory-access=allow"
      fi
      return 0
    fi
  done
  die "Meerkat needs a JDK 21 or newer to build and run, and none was found (looked at MEERKAT_JAVA_HOME, JAVA_HOME, /usr/lib/jvm/* and the java on PATH).
  Install one (for example Eclipse Temurin 21 or 25 from adoptium.net, or your distribution's openjdk-21-jdk),
  then run again with JAVA_HOME=/path/to/jdk ./meerkat ..."
}

# Fails with a clear message when a TCP port on 127.0.0.1 is already taken.
require_free_port() {
  local port="$1" what="$2"
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    die "port $port (needed for $what) is already in use on 127.0.0.1. Stop whatever listens there (ss -ltnp 'sport = :$port') or choose another port."
  fi
}
