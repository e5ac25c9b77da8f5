#!/usr/bin/env bash
# Installs the Debian 12 packages medchron needs, only those missing.
#   scripts/setup-debian.sh          what the embedded mode needs (Tesseract, poppler)
#   scripts/setup-debian.sh test     the same, plus what the test suite needs
#                                    (Chromium for the browser tests)
#   scripts/setup-debian.sh bench    the same, plus what "make bench" compares
#                                    medchron with (OCRmyPDF)
set -euo pipefail

need=(tesseract-ocr tesseract-ocr-eng libtesseract-dev libleptonica-dev poppler-utils gcc make)
if [ "${1:-}" = "test" ]; then
  need+=(chromium fonts-dejavu-core)
fi
if [ "${1:-}" = "bench" ]; then
  need+=(ocrmypdf)
fi

missing=()
for p in "${need[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  sudo=""
  [ "$(id -u)" = 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
command -v go >/dev/null || { echo "setup: Go 1.26 or newer is required (https://go.dev/doc/install)" >&2; exit 1; }
