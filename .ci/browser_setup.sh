#!/usr/bin/env bash
# Installs what .ci/browser_test.py needs, only when it is missing: Debian's chromium and
# chromium-driver, and the selenium Python package. Idempotent; runs as root (no sudo).
set -euo pipefail

PYTHON=${PYTHON:-python3}

if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
  if [ "$(id -u)" != 0 ]; then
    echo "browser_setup: chromium/chromedriver missing and not root: cannot apt-get install" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  echo "browser_setup: installing chromium chromium-driver"
  if ! apt-get install -y --no-install-recommends chromium chromium-driver; then
    echo "browser_setup: install failed, running apt-get update and retrying"
    apt-get update
    apt-get install -y --no-install-recommends chromium chromium-driver
  fi
else
  echo "browser_setup: chromium and chromedriver already installed"
fi

if ! "$PYTHON" -c "import selenium" 2>/dev/null; then
  echo "browser_setup: installing selenium"
  "$PYTHON" -m pip install --quiet --disable-pip-version-check selenium
else
  echo "browser_setup: selenium already installed"
fi

/usr/bin/chromium --version
/usr/bin/chromedriver --version
"$PYTHON" -c "import selenium; print('selenium', selenium.__version__)"
