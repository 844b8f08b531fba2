#!/usr/bin/env bash
# Installs the Debian 12 packages Duban builds and tests with — only the missing ones, and says
# which. Safe to run again. Sourced by run.sh and test.sh; can be run alone.
set -euo pipefail

DUBAN_PACKAGES=(
  build-essential cmake ninja-build pkg-config git ca-certificates curl clang-format python3
  libsqlite3-dev sqlite3 libssl-dev nlohmann-json3-dev
  libturbojpeg0-dev libexiv2-dev libxlsxwriter-dev
  # Reading exports back in tests: python3-openpyxl (xlsx), poppler-utils (PDF text and images).
  python3-openpyxl poppler-utils
  # The server's HTTP core: Boost.Beast and Asio (headers only); cpp-httplib serves the transport
  # test's fixtures only.
  libboost-dev libcpp-httplib-dev libcurl4-openssl-dev zlib1g-dev
  libgtest-dev libgmock-dev
  # The Qt Quick app (Qt 6.4), its tests offscreen, Chinese fonts, and Xvfb for screenshots.
  qt6-base-dev qt6-declarative-dev qt6-declarative-dev-tools qt6-tools-dev qt6-tools-dev-tools
  qt6-l10n-tools qt6-qpa-plugins qml6-module-qtquick qml6-module-qtquick-controls
  qml6-module-qtquick-layouts qml6-module-qtquick-templates qml6-module-qtquick-window
  qml6-module-qtquick-dialogs qml6-module-qt-labs-folderlistmodel qml6-module-qtqml-workerscript
  qml6-module-qttest
  # Qt's own words (file dialog, standard buttons) in Chinese.
  qt6-translations-l10n
  qml6-module-qtpositioning qml6-module-qtmultimedia
  libgl-dev libgl1-mesa-dri fonts-noto-cjk fonts-arphic-uming xvfb xauth libjpeg-turbo-progs
)

missing=()
for package in "${DUBAN_PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done

if ((${#missing[@]} == 0)); then
  echo "deps: all ${#DUBAN_PACKAGES[@]} Debian packages are installed"
else
  echo "deps: installing ${#missing[@]} missing Debian packages: ${missing[*]}"
  sudo_cmd=()
  if [[ $(id -u) -ne 0 ]]; then sudo_cmd=(sudo); fi
  export DEBIAN_FRONTEND=noninteractive
  "${sudo_cmd[@]}" apt-get update -q
  "${sudo_cmd[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
fi
