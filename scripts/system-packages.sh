#!/usr/bin/env bash
# Installs the named Debian packages that are missing, when we are root.
set -euo pipefail
missing=()
for package in "$@"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
  echo "Asennetaan järjestelmäpaketit: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q >/dev/null
  apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null
else
  echo "Puuttuvat järjestelmäpaketit: ${missing[*]}"
  echo "Asenna ne komennolla: sudo apt-get install ${missing[*]}"
fi
