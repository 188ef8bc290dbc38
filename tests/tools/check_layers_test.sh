#!/usr/bin/env bash
# scripts/check_layers passes on the tree and fails on each kind of violation it is meant to catch.
set -uo pipefail
script=$1
src=$2
"$script" "$src" || { echo "FAIL: the source tree itself has a layer violation"; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
check() {  # layer file line expected-message
  rm -rf "$tmp/src" && mkdir -p "$tmp/src/$1"
  echo "$3" >"$tmp/src/$1/$2"
  if out=$("$script" "$tmp/src" 2>&1); then echo "FAIL: '$3' in $1/ passed"; exit 1; fi
  grep -q "$4" <<<"$out" || { echo "FAIL: '$3' in $1/ said: $out"; exit 1; }
}
check web x.cpp '#include "store/store.hpp"' 'includes store/'
check domain x.cpp '#include "app/app.hpp"' 'includes app/'
check app x.cpp '#include <sqlite3.h>' 'only store/ may use'
check app x.cpp '#include <sodium.h>' 'only privacy/ may use'
check app x.cpp '#include <boost/asio/io_context.hpp>' 'only web/ may use'
check cli x.cpp '#include <boost/beast/http.hpp>' 'only web/ may use'
echo "check_layers: ok"
