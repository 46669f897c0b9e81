# Shared helpers for the scripts in this directory and the ./ebpf-exporter launcher.
# Source it; it defines functions only.

# Prints the feature version of the JDK at $1 (e.g. 25), or nothing if it is not a JDK.
jdk_feature_version() {
    local home=$1 version=
    [[ -x $home/bin/java ]] || return 0
    if [[ -r $home/release ]]; then
        version=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$home/release")
    fi
    if [[ -z $version ]]; then
        version=$("$home/bin/java" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n 1)
    fi
    printf '%s\n' "$version"
}

# Prints the home of a JDK 25 or newer: $JAVA_HOME when it qualifies, otherwise the first
# /usr/lib/jvm/*25* directory holding one. Returns 1 with a message on stderr if none is found.
find_jdk25() {
    local candidate version
    for candidate in ${JAVA_HOME:+"$JAVA_HOME"} /usr/lib/jvm/*25*; do
        [[ -d $candidate ]] || continue
        version=$(jdk_feature_version "$candidate")
        if [[ -n $version && $version -ge 25 && -x $candidate/bin/javac ]]; then
            printf '%s\n' "$candidate"
            return 0
        fi
    done
    echo "error: no JDK 25 found (JAVA_HOME=${JAVA_HOME:-unset}, nothing usable in /usr/lib/jvm/*25*);" \
        "install one, e.g. Temurin 25 from https://adoptium.net, or point JAVA_HOME at it" >&2
    return 1
}
