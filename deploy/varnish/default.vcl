vcl 4.1;

# Varnish in front of Dateline (`npm start`), purged by surrogate key (vmod xkey, Debian's
# varnish-modules). Dateline decides what may be cached (Cache-Control with s-maxage, by address:
# lib/cache/http-policy.ts) and names what each page shows (Surrogate-Key: lib/cache/surrogate-keys.ts);
# every change sends `PURGE /` with the expired keys in `xkey-purge` to each Varnish listed in
# DATELINE_PURGE_VARNISH (lib/cache/purge.ts). See deploy/README.md.

import xkey;

# Varnish asks every Dateline instance for GET /api/health/live every 3 s (200 while the instance
# answers and can read its database, 503 otherwise; lib/ops/health.ts). It takes no write lock, and
# failing writes do not count: every instance shares them, and a sick backend gets Varnish's 503
# for every miss and pass, the desk included. After three failures in a row (about 9 s) the
# instance is sick: behind several instances (instances.vcl) its share of the misses goes to the
# others; behind one, readers still get the copies Varnish holds within their grace. One good
# answer and it is back.
probe health {
    .url = "/api/health/live";
    .interval = 3s;
    .timeout = 2s;
    .window = 3;
    .threshold = 1;
    .initial = 1;
}

# The Dateline server: its host and its PORT. (e2e/public/varnish.spec.ts rewrites the port.)
backend default {
    .host = "127.0.0.1";
    .port = "3000";
    .probe = health;
    .connect_timeout = 2s;
    .first_byte_timeout = 30s;
    .between_bytes_timeout = 10s;
}

# Who may purge: the Dateline servers. Add their addresses when they run on other machines.
acl purgers {
    "localhost";
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(403, "Forbidden"));
        }
        if (!req.http.xkey-purge) {
            return (synth(400, "Name the keys to purge in the xkey-purge header"));
        }
        # A hard purge: the copies go at once, grace included, so nobody is served the old version.
        set req.http.n-gone = xkey.purge(req.http.xkey-purge);
        return (synth(200, "Invalidated " + req.http.n-gone + " objects"));
    }
    # Server Actions (POST with Next-Action, or a form post) and every other write go to Dateline.
    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # The desk, sign-in, the API, search results and draft links (one outsider's view of an unpublished story) are never shared.
    if (req.url ~ "^/(admin|api|login|search|draft)(/|\?|$)") {
        return (pass);
    }
    # A signed-in editor sees what Dateline renders now (next-auth's session cookie, chunked or not).
    if (req.http.Cookie ~ "(^|;\s*)(__Secure-)?next-auth\.session-token(\.\d+)?=") {
        return (pass);
    }
    # Client-side navigation and prefetches ask for React Server Component payloads.
    if (req.http.Authorization || req.http.RSC || req.http.Next-Router-Prefetch || req.http.Next-Action) {
        return (pass);
    }
    # The public pages are the same for every reader: other cookies (analytics, a signed-out
    # visitor's sign-in form) do not change them and must not split or bypass the cache.
    unset req.http.Cookie;
    return (hash);
}

sub vcl_backend_response {
    # Dateline failing while a copy is being refreshed in the background: keep serving the copy.
    if (beresp.status >= 500 && bereq.is_bgfetch) {
        return (abandon);
    }
    # Only what Dateline says shared caches may keep (s-maxage), never an error or a 404, never
    # an answer that sets a cookie. The rest is remembered as "ask Dateline" for a little while.
    if (beresp.status >= 400 || beresp.http.Set-Cookie || beresp.http.Cache-Control !~ "s-maxage=[1-9]") {
        set beresp.ttl = 10s;
        set beresp.uncacheable = true;
        return (deliver);
    }
    # Varnish took the time to live from s-maxage and the grace from stale-while-revalidate; a
    # copy past its s-maxage is served at most 5 more minutes while one request refreshes it.
    if (beresp.grace > 5m) {
        set beresp.grace = 5m;
    }
    # Varnish compresses (Dateline does not: next.config.js) and keeps the gzipped copy, which it
    # unzips for the rare client that does not take gzip.
    if (beresp.http.Content-Type ~ "^(text/|application/(xml|rss\+xml|atom\+xml|json|javascript|manifest\+json))") {
        set beresp.do_gzip = true;
    }
    # xkey reads the keys from the xkey header (space-separated, as Surrogate-Key is).
    if (beresp.http.Surrogate-Key) {
        set beresp.http.xkey = beresp.http.Surrogate-Key;
    }
    return (deliver);
}

sub vcl_deliver {
    if (obj.uncacheable) {
        set resp.http.X-Cache = "PASS";
    } elsif (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
    unset resp.http.xkey;
    unset resp.http.Via;
}
