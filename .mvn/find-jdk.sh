# Sourced by ./mvnw (and .ci/run): makes JAVA_HOME point at a JDK 21 or newer.
# Loadwise needs Java 21+, but many machines still default to 17. Rather than make every
# newcomer edit their environment, look in the usual install locations and pick the newest
# suitable JDK. An explicit JAVA_HOME that is already 21+ always wins.

loadwise_java_major() {
  # Prints the feature version of the JDK at $1 (e.g. 25), or nothing if it is not a JDK.
  [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] || return 0
  "$1/bin/java" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java\.specification\.version = \([0-9][0-9]*\).*/\1/p' | head -n 1
}

loadwise_find_jdk() {
  loadwise_required=21
  if [ -n "${JAVA_HOME-}" ]; then
    loadwise_major=$(loadwise_java_major "$JAVA_HOME")
    if [ -n "$loadwise_major" ] && [ "$loadwise_major" -ge "$loadwise_required" ]; then
      return 0
    fi
  fi
  loadwise_best=""
  loadwise_best_major=0
  # mvnw runs with globbing off (set -f); the search below needs it for a moment.
  case $- in *f*) loadwise_noglob=1 ;; *) loadwise_noglob=0 ;; esac
  set +f
  for loadwise_candidate in \
    /usr/lib/jvm/* /usr/java/* /opt/java/* /opt/jdk* "$HOME"/.sdkman/candidates/java/* \
    "$HOME"/.jdks/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -d "$loadwise_candidate" ] || continue
    loadwise_major=$(loadwise_java_major "$loadwise_candidate")
    [ -n "$loadwise_major" ] || continue
    if [ "$loadwise_major" -ge "$loadwise_required" ] && [ "$loadwise_major" -gt "$loadwise_best_major" ]; then
      loadwise_best="$loadwise_candidate"
      loadwise_best_major="$loadwise_major"
    fi
  done
  [ "$loadwise_noglob" = 1 ] && set -f
  if [ -z "$loadwise_best" ]; then
    loadwise_default=$(command -v java 2>/dev/null || true)
    if [ -n "$loadwise_default" ]; then
      loadwise_home=$(dirname "$(dirname "$(readlink -f "$loadwise_default")")")
      loadwise_major=$(loadwise_java_major "$loadwise_home")
      if [ -n "$loadwise_major" ] && [ "$loadwise_major" -ge "$loadwise_required" ]; then
        loadwise_best="$loadwise_home"
      fi
    fi
  fi
  if [ -z "$loadwise_best" ]; then
    cat >&2 <<MSG
Loadwise needs a JDK $loadwise_required or newer, and none was found.
  Looked at: JAVA_HOME (${JAVA_HOME-unset}), /usr/lib/jvm, /usr/java, /opt/java, ~/.sdkman, ~/.jdks,
  /Library/Java/JavaVirtualMachines and the java on your PATH.
  Install one, for example:
    Debian/Ubuntu:  sudo apt-get install openjdk-21-jdk   (or Temurin 21/25 from adoptium.net)
    macOS:          brew install --cask temurin@21
    SDKMAN:         sdk install java 21-tem
  or point JAVA_HOME at an existing JDK 21+.
MSG
    return 1
  fi
  JAVA_HOME="$loadwise_best"
  export JAVA_HOME
}

loadwise_find_jdk || exit 1
