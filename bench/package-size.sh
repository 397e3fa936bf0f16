#!/usr/bin/env bash
# Package size: claim-desk's target/function.zip against the hello-world baseline, and the 15
# biggest jars in each lib/ (what a trim would start with). Prints markdown.
#
#   bench/package-size.sh            builds whichever zip is missing, then compares
#   BENCH_SKIP_BUILD=1 bench/package-size.sh   never builds; reports what is there
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
main_zip=$root/target/function.zip
hello_zip=$root/bench/hello-world/target/function.zip
top=${BENCH_TOP_JARS:-15}

cd "$root"
if [[ ${BENCH_SKIP_BUILD:-0} != 1 ]]; then
  if [[ ! -f $hello_zip ]]; then
    ./mvnw -q -f bench/hello-world/pom.xml package
  fi
  if [[ ! -f $main_zip ]]; then
    # A main project that does not build yet must not stop the baseline from being reported.
    ./mvnw -q -DskipTests package || echo "warning: the main project did not build; no main function.zip" >&2
  fi
fi

# bytes of a file, or empty when it is missing
size_of() { [[ -f $1 ]] && stat -c %s "$1" || true; }

# uncompressed size of every lib/*.jar entry, biggest first, as "bytes name"
jars_by_size() {
  unzip -l "$1" | awk '$4 ~ /^lib\/.*\.jar$/ { sub(/^lib\//, "", $4); print $1, $4 }' | sort -rn
}

summary_row() { # label zip
  local zip=$2 bytes unpacked jars
  bytes=$(size_of "$zip")
  if [[ -z $bytes ]]; then
    echo "| $1 | (not built) | | | |"
    return
  fi
  unpacked=$(unzip -l "$zip" | tail -n 1 | awk '{ print $1 }')
  jars=$(jars_by_size "$zip" | wc -l)
  local ratio="1.00"
  [[ -n $(size_of "$hello_zip") ]] && ratio=$(awk -v a="$bytes" -v b="$(size_of "$hello_zip")" 'BEGIN { printf "%.2f", a / b }')
  echo "| $1 | $bytes | $unpacked | $jars | $ratio |"
}

top_jars() { # label zip
  [[ -f $2 ]] || return 0
  echo
  echo "#### $1: $top biggest jars in lib/"
  echo
  echo "| bytes | jar |"
  echo "|---:|---|"
  # awk (not head) takes the first N, so nothing upstream dies of SIGPIPE under pipefail
  jars_by_size "$2" | awk -v n="$top" 'NR <= n { printf "| %s | %s |\n", $1, $2 }'
}

echo "### Package size"
echo
echo "| package | function.zip bytes | unzipped bytes | jars in lib/ | ratio vs hello-world |"
echo "|---|---:|---:|---:|---:|"
summary_row "claim-desk (target/function.zip)" "$main_zip"
summary_row "hello-world (bench/hello-world/target/function.zip)" "$hello_zip"
top_jars "claim-desk" "$main_zip"
top_jars "hello-world" "$hello_zip"

# Jars that only the main project ships: the first candidates for trimming.
if [[ -f $main_zip && -f $hello_zip ]]; then
  echo
  echo "#### Jars in claim-desk's lib/ that hello-world does not ship"
  echo
  extra=$(join -v1 -1 2 -2 2 <(jars_by_size "$main_zip" | sort -k2) <(jars_by_size "$hello_zip" | sort -k2) \
    | sort -k2 -rn)
  if [[ -z $extra ]]; then
    echo "(none)"
  else
    echo "| bytes | jar |"
    echo "|---:|---|"
    awk '{ printf "| %s | %s |\n", $2, $1 }' <<<"$extra"
  fi
fi
