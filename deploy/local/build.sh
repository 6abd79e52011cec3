# Builds the runnable jars, or skips the build when they are newer than every source file.

AGENT_JAR=agent/dist/target/meerkat-agent.jar
COLLECTOR_JAR=collector/server/target/meerkat-collector.jar
DASHBOARD_JAR=dashboard/target/meerkat-dashboard.jar
DEMO_JAR=deploy/demo/target/meerkat-demo.jar

build_jars() {
  say "building (./mvnw -B -q -DskipTests package); the first build downloads dependencies and takes a few minutes"
  ./mvnw -B -q -DskipTests package "$@"
}

# Rebuilds when a jar is missing or any source, resource or POM is newer than the oldest jar.
build_if_needed() {
  local jar oldest=""
  for jar in "$AGENT_JAR" "$COLLECTOR_JAR" "$DASHBOARD_JAR" "$DEMO_JAR"; do
    if [ ! -f "$jar" ]; then
      build_jars
      return
    fi
    if [ -z "$oldest" ] || [ "$jar" -ot "$oldest" ]; then oldest="$jar"; fi
  done
  local changed
  changed=$(find pom.xml agent collector exporters dashboard deploy -newer "$oldest" -type f \
    -not -path '*/target/*' -not -path '*/node_modules/*' -not -path '*/frontend/generated/*' \
    \( -name '*.java' -o -name 'pom.xml' -o -path '*/src/main/*' \) -print -quit)
  if [ -n "$changed" ]; then
    say "sources changed since the last build ($changed)"
    build_jars
  else
    say "jars are up to date, skipping the build"
  fi
}
