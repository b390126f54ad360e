#!/usr/bin/env bash
# Runs a command against a real Secret Service: a private D-Bus session with a throwaway,
# unlocked gnome-keyring whose keyring files live in a temp dir that is removed afterwards.
#
#   scripts/with-keyring.sh npx vitest run --project integration test/integration/vault
#
# WITH_KEYRING_DATA_DIR=<dir> keeps the keyring files in <dir> (created if needed, never
# deleted) instead of a temp dir: tests use it to build a keyring and later reopen it locked.
#
# Why each step (found by trying on Debian, gnome-keyring 42):
# - `dbus-run-session` gives the command its own session bus, so tests never touch the
#   developer's keychain and work on a headless machine that has no session at all.
# - XDG_DATA_HOME is set BEFORE the bus starts: gnome-keyring keeps keyrings in
#   $XDG_DATA_HOME/keyrings, and anything the bus auto-activates (org.freedesktop.secrets has a
#   .service file) inherits the bus's environment, so even an activated daemon stays in the temp dir.
# - `gnome-keyring-daemon --unlock` reads the password from stdin and, when no login keyring
#   exists yet, CREATES one with that password and makes it the default collection, unlocked.
#   Without it the daemon starts with no default collection and every write fails with
#   "Object does not exist at path /org/freedesktop/secrets/collection/login".
# - `--foreground` run in the background by us (instead of letting it daemonize) gives us its
#   PID, so we stop it ourselves before deleting its files rather than relying on it noticing
#   that the bus went away.
# - `--control-directory` in the temp dir (and GNOME_KEYRING_CONTROL unset) keeps it from
#   finding and talking to a keyring daemon already running for the developer's desktop.
# - DISPLAY/WAYLAND_DISPLAY are removed for the daemon only, so a locked keyring can never
#   pop up an unlock prompt on a developer's screen during tests.
# - We wait until the default collection answers as unlocked over D-Bus (a condition, not a
#   sleep) before running the command.
set -euo pipefail

if (($# == 0)); then
  echo "usage: scripts/with-keyring.sh <command> [args...]" >&2
  exit 64
fi

for tool in dbus-run-session dbus-send gnome-keyring-daemon; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "with-keyring: '$tool' was not found. On Debian/Ubuntu install it with:" >&2
    echo "  apt-get install dbus gnome-keyring libsecret-1-0" >&2
    exit 127
  fi
done

keyring_root="$(mktemp -d "${TMPDIR:-/tmp}/botdeck-keyring.XXXXXX")"
cleanup() { rm -rf -- "$keyring_root"; }
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
mkdir -m 700 "$keyring_root/data" "$keyring_root/control"

# Inside the private session: start and unlock the keyring, wait until it is usable, run the
# command, then stop the daemon. Arguments: <keyring_root> <command...>.
inner='
set -euo pipefail
root="$1"
shift
password="$(head -c 24 /dev/urandom | base64)"

printf "%s" "$password" |
  env -u DISPLAY -u WAYLAND_DISPLAY -u GNOME_KEYRING_CONTROL \
    gnome-keyring-daemon --foreground --unlock --components=secrets \
    --control-directory "$root/control" >"$root/daemon.out" 2>"$root/daemon.err" &
daemon_pid=$!
stop_daemon() {
  kill "$daemon_pid" 2>/dev/null || true
  wait "$daemon_pid" 2>/dev/null || true
}
trap stop_daemon EXIT

secret_call() {
  dbus-send --session --print-reply --reply-timeout=2000 "$@" 2>/dev/null
}
name_owned() {
  secret_call --dest=org.freedesktop.DBus /org/freedesktop/DBus \
    org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets | grep -q "boolean true"
}
default_unlocked() {
  local collection
  collection="$(secret_call --dest=org.freedesktop.secrets /org/freedesktop/secrets \
    org.freedesktop.Secret.Service.ReadAlias string:default |
    sed -n "s/.*object path \"\(.*\)\".*/\1/p")"
  [[ -n "$collection" && "$collection" != "/" ]] || return 1
  secret_call --dest=org.freedesktop.secrets "$collection" \
    org.freedesktop.DBus.Properties.Get \
    string:org.freedesktop.Secret.Collection string:Locked | grep -q "boolean false"
}

ready=no
for _ in $(seq 1 200); do
  if ! kill -0 "$daemon_pid" 2>/dev/null; then break; fi
  # NameHasOwner first: asking org.freedesktop.secrets itself would auto-activate a second daemon.
  if name_owned && default_unlocked; then ready=yes; break; fi
  sleep 0.05
done
if [[ "$ready" != yes ]]; then
  echo "with-keyring: gnome-keyring did not come up with an unlocked default keyring." >&2
  cat "$root/daemon.err" >&2 || true
  exit 70
fi

status=0
"$@" || status=$?
exit "$status"
'

export XDG_DATA_HOME="${WITH_KEYRING_DATA_DIR:-$keyring_root/data}"
mkdir -p -m 700 "$XDG_DATA_HOME"
unset GNOME_KEYRING_CONTROL
status=0
dbus-run-session -- bash -c "$inner" with-keyring "$keyring_root" "$@" || status=$?
exit "$status"
