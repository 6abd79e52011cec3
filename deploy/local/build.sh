# Builds the runnable jars, or skips the build when nothing changed since the last one.

AGENT_JAR=agent/dist/target/meerkat-agent.jar
COLLECTOR_JAR=collector/server/target/meerkat-collector.jar
DASHBOARD_JAR=dashboard/target/meerkat-dashboard.jar
DEMO_JAR=deploy/demo/target/meerkat-demo.jar
DEMO_SPRING_JAR=deploy/demo-spring/target/meerkat-demo-spring.jar
# Touched after every successful build. Jars themselves make poor stamps: Maven leaves a jar
# untouched when its content did not change.
BUILD_STAMP=target/meerkat-build.stamp

build_jars() {
  say "building (./mvnw -B -q -DskipTests package); the first build downloads dependencies and takes a few minutes"
  ./mvnw -B -q -DskipTests package "$@"
  mkdir -p "$(dirname "$BUILD_STAMP")"
  touch "$BUILD_STAMP"
}

# Rebuilds when a jar is missing or a main source, resource or POM changed since the last build
# (test sources do not change the jars).
build_if_needed() {
  local jar
  for jar in "$AGENT_JAR" "$COLLECTOR_JAR" "$DASHBOARD_JAR" "$DEMO_JAR" "$DEMO_SPRING_JAR" "$BUILD_STAMP"; do
    if [ ! -f "$jar" ]; then
      build_jars
      return
    fi
  done
  local changed
  changed=$(find pom.xml agent collector exporters dashboard deploy -newer "$BUILD_STAMP" -type f \
    -not -path '*/target/*' -not -path '*/node_modules/*' -not -path '*/frontend/generated/*' \
    \( -name 'pom.xml' -o -path '*/src/main/*' \) -print -quit)
  if [ -n "$changed" ]; then
    say "sources changed since the last build ($changed)"
    build_jars
  else
    say "jars are up to date, skipping the build"
  fi
}
