#!/usr/bin/env bash
# The one-machine production chain, run for real on this machine with throwaway files and ports:
# nginx (TLS, HTTP/2, deploy/nginx/dateline.conf with a self-signed certificate) → Varnish
# (deploy/varnish/default.vcl) → Dateline (.next/dateline/cluster.mjs, as the systemd unit runs it) on a
# fresh SQLite database with the demo newsroom; then a reader's request through it, a cache hit, a
# purge, and an online backup while it serves. Needs a production build (`npm run build`).
# With photos in a bucket: npx tsx scripts/with-test-bucket.ts -- bash deploy/smoke.sh
# Ports: SMOKE_PORT (default 3359) for Dateline, +1 Varnish, +2 nginx https.
set -euo pipefail
cd "$(dirname "$0")/.."
base="${SMOKE_PORT:-3359}"
app=$base varnish=$((base + 1)) https=$((base + 2))
tmp="$(mktemp -d)"
# varnishd and nginx's workers drop to users of their own: they may read the files given to them.
chmod 711 "$tmp"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  [ -f "$tmp/nginx.pid" ] && kill "$(cat "$tmp/nginx.pid")" 2>/dev/null || true
  sleep 1
  rm -rf "$tmp"
}
trap cleanup EXIT
say() { echo; echo "==> $*"; }

export NODE_ENV=production
export DATABASE_URL="file:$tmp/dateline.db"
export DATELINE_MEDIA_DIR="$tmp/media"
export NEXTAUTH_SECRET="$(openssl rand -base64 48)"
export DATELINE_SITE_URL="https://localhost:$https"
export DATELINE_TRUSTED_PROXIES=2
export DATELINE_PURGE_VARNISH="http://127.0.0.1:$varnish"
export DATELINE_ADMIN_PASSWORD="smoke-test-admin-password"
export DATELINE_WORKERS=2 PORT=$app HOSTNAME=127.0.0.1 DATELINE_LOG_LEVEL=warn

say "Database: migrations and the demo newsroom (${DATELINE_MEDIA_STORE:-disk} photo store)"
npx prisma migrate deploy >/dev/null
npx tsx prisma/seed.ts | tail -1

say "Dateline: node .next/dateline/cluster.mjs on 127.0.0.1:$app"
node .next/dateline/cluster.mjs > "$tmp/dateline.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$app/api/health" >/dev/null && break; sleep 1; done
curl -sf "http://127.0.0.1:$app/api/health"; echo

say "Varnish: varnishd -a 127.0.0.1:$varnish -f default.vcl (backend port $app)"
sed "s/\.port = \"3000\"/.port = \"$app\"/" deploy/varnish/default.vcl > "$tmp/default.vcl"
varnishd -a "127.0.0.1:$varnish" -f "$tmp/default.vcl" -n "$tmp/varnish" -s malloc,64m -p default_grace=300 -P "$tmp/varnish.pid"
pids+=("$(cat "$tmp/varnish.pid")")

say "nginx: TLS on 127.0.0.1:$https, upstream Varnish"
openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj "/CN=localhost" -keyout "$tmp/privkey.pem" -out "$tmp/fullchain.pem" 2>/dev/null
sed -e "s#/etc/letsencrypt/live/news.example.org#$tmp#" -e "s/server_name news.example.org/server_name localhost/" \
  -e "s/server 127.0.0.1:6081/server 127.0.0.1:$varnish/" -e "s/listen 443 ssl http2/listen 127.0.0.1:$https ssl http2/" \
  -e "s#/var/cache/nginx/dateline-photos#$tmp/nginx-tmp/photos#" -e "/listen \[::\]:443/d" -e "/listen 80;/d" -e "/listen \[::\]:80;/d" -e "/root \/var\/www\/acme/d" \
  deploy/nginx/dateline.conf > "$tmp/dateline.conf"
# The port-80 server (ACME and the redirect to https) listens on the next port up here.
sed -i "0,/server_name localhost;/s//listen 127.0.0.1:$((https + 1));\n    server_name localhost;/" "$tmp/dateline.conf"
# nginx's workers run as nobody: they get a temporary folder of their own.
mkdir -m 1777 "$tmp/nginx-tmp"
printf 'pid %s/nginx.pid;\nerror_log %s/nginx-error.log;\nevents {}\nhttp {\n  access_log off;\n  client_body_temp_path %s/nginx-tmp/body;\n  proxy_temp_path %s/nginx-tmp/proxy;\n  include %s/dateline.conf;\n}\n' \
  "$tmp" "$tmp" "$tmp" "$tmp" "$tmp" > "$tmp/nginx.conf"
nginx -t -c "$tmp/nginx.conf" -p "$tmp" 2>&1 | sed "s#$tmp#<tmp>#g"
nginx -c "$tmp/nginx.conf" -p "$tmp"

say "A reader: curl -k https://localhost:$https/ (twice: Varnish misses, then hits)"
url="https://localhost:$https"
for _ in 1 2; do
  curl -sk -o /dev/null -D - --http2 "$url/" | grep -iE '^(HTTP/|x-cache|strict-transport|cache-control|surrogate-key)' | tr -d '\r'
  echo
done

say "A story and its hero photo through the chain"
story="$(curl -sk "$url/" | grep -oE 'href="/[a-z-]+/[a-z0-9-]+"' | head -1 | cut -d'"' -f2)"
echo "story: $story"
photo="$(curl -sk "$url$story" | grep -oE '(/media/|https?://[^"]+/)[a-f0-9]{64}-w[0-9]+\.jpg' | head -1 || true)"
if [ -n "$photo" ]; then
  case "$photo" in /*) photo="$url$photo" ;; esac
  echo "photo: $photo"
  for _ in 1 2; do
    curl -sk -o /dev/null -D - "$photo" | grep -iE '^(HTTP/|content-type|cache-control|x-photo-cache)' | tr -d '\r'
  done
fi

say "Purge by key, as Dateline does on every change: PURGE / with xkey-purge: front"
curl -s -X PURGE -H 'xkey-purge: front' "http://127.0.0.1:$varnish/" | grep -oE 'Invalidated [0-9]+ objects' | head -1 || true
curl -sk -o /dev/null -D - "$url/" | grep -iE '^x-cache' | tr -d '\r'

say "Online backup while it serves: npm run db:backup"
npm run --silent db:backup -- --dir "$tmp/backups" | sed "s#$tmp#<tmp>#g"

say "The redirect to https on the plain-http server"
curl -s -o /dev/null -w '%{http_code} -> %{redirect_url}\n' "http://localhost:$((https + 1))/world"
echo
echo "Smoke test passed."
