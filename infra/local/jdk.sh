# Sourced by the scripts here: puts a JDK 21+ on JAVA_HOME and PATH (the service uses Java 21
# features; these machines default to 17). JAVA_HOME wins when it is new enough, then the newest under /usr/lib/jvm.
feature_version() { sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release" 2>/dev/null; }
anjia_find_jdk() {
  if [ -n "${JAVA_HOME:-}" ] && [ "$(feature_version "$JAVA_HOME")" -ge 21 ] 2>/dev/null; then
    echo "$JAVA_HOME"; return
  fi
  local best="" best_version=0 home version
  for home in /usr/lib/jvm/*; do
    [ -x "$home/bin/java" ] || continue
    version=$(feature_version "$home")
    if [ -n "$version" ] && [ "$version" -ge 21 ] && [ "$version" -gt "$best_version" ]; then
      best=$home; best_version=$version
    fi
  done
  [ -n "$best" ] && echo "$best"
}
JAVA_HOME=$(anjia_find_jdk) || true
if [ -z "$JAVA_HOME" ]; then
  echo "Anjia needs a JDK 21 or newer: set JAVA_HOME or install one under /usr/lib/jvm" >&2
  exit 1
fi
export JAVA_HOME PATH="$JAVA_HOME/bin:$PATH"
