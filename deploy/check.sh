#!/usr/bin/env bash
# Checks the files in deploy/ with the tools that will run them, without touching the machine's
# own configuration: nginx -t on deploy/nginx/dateline.conf (with a throwaway certificate in place
# of Let's Encrypt's), varnishd -C on deploy/varnish/default.vcl, systemd-analyze verify on the
# units in deploy/systemd. Each check is skipped, and says so, when its tool is missing.
set -euo pipefail
cd "$(dirname "$0")"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
failed=0

if command -v nginx >/dev/null; then
  openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj "/CN=news.example.org" \
    -keyout "$tmp/privkey.pem" -out "$tmp/fullchain.pem" 2>/dev/null
  sed -e "s#/etc/letsencrypt/live/news.example.org#$tmp#" -e "s#/var/cache/nginx/dateline-photos#$tmp/photos#" \
    nginx/dateline.conf > "$tmp/dateline.conf"
  printf 'pid %s/nginx.pid;\nerror_log stderr;\nevents {}\nhttp {\n  access_log off;\n  include %s/dateline.conf;\n}\n' "$tmp" "$tmp" > "$tmp/nginx.conf"
  echo "==> nginx -t (deploy/nginx/dateline.conf)"
  nginx -t -c "$tmp/nginx.conf" -p "$tmp" 2>&1 | sed "s#$tmp#<tmp>#g" || failed=1
else
  echo "nginx is not installed: skipped (apt-get install -y nginx)"
fi

if command -v varnishd >/dev/null; then
  for vcl in default instances; do
    echo "==> varnishd -C (deploy/varnish/$vcl.vcl)"
    # varnishd -C writes the compiled C (or the errors) to stderr. instances.vcl includes default.vcl.
    if varnishd -C -f "$PWD/varnish/$vcl.vcl" -p vcl_path="$PWD/varnish" -n "$tmp/varnish" > "$tmp/vcl.out" 2>&1; then
      echo "VCL compiled: $(wc -l < "$tmp/vcl.out") lines of C"
    else
      tail -20 "$tmp/vcl.out"; failed=1
    fi
  done
else
  echo "varnishd is not installed: skipped (apt-get install -y varnish varnish-modules)"
fi

if command -v systemd-analyze >/dev/null; then
  echo "==> systemd-analyze verify (deploy/systemd)"
  # It reports problems as warnings and still exits 0: any output is a failure here.
  out="$(systemd-analyze verify systemd/*.service systemd/*.timer 2>&1 || true)"
  if [ -n "$out" ]; then echo "$out"; failed=1; else echo "units verified: $(ls systemd | tr '\n' ' ')"; fi
else
  echo "systemd-analyze is not installed: skipped"
fi

exit $failed
