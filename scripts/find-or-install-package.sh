#!/usr/bin/env bash
# Finds COMMAND and prints its path; on Debian/Ubuntu installs PACKAGE when it
# is missing (apt-get, without recommends), using sudo when not root. Without
# root (or sudo) a missing command is reported, with how to install it, and
# the script fails. Used for what the test suite needs and showtell does not:
# LibreOffice (find-or-install-libreoffice.sh) and poppler's pdfinfo
# (find-or-install-poppler.sh).
#   find-or-install-package.sh COMMAND PACKAGE "WHAT IT IS FOR" "HOW ELSEWHERE"
set -euo pipefail
command_name=$1 package=$2 purpose=$3 elsewhere=$4

if command -v "$command_name" >/dev/null 2>&1; then command -v "$command_name"; exit 0; fi

if command -v apt-get >/dev/null 2>&1; then
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then SUDO="sudo"
    else
      echo "$command_name is missing, and installing it needs root: run 'sudo apt-get install -y --no-install-recommends $package'." >&2
      exit 1
    fi
  fi
  echo "Installing $package (apt-get install -y --no-install-recommends $package)..." >&2
  $SUDO apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "$package" >&2
  if command -v "$command_name" >/dev/null 2>&1; then command -v "$command_name"; exit 0; fi
fi
echo "$command_name not found. Install $package (Debian/Ubuntu: sudo apt-get install -y --no-install-recommends $package; $elsewhere) $purpose." >&2
exit 1
