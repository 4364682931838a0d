vcl 4.1;

# Two or more Dateline instances behind one Varnish (deploy/README.md, "Several instances"):
# everything of default.vcl (caching rules, xkey purges, the purgers ACL), plus one backend per
# further instance and a round-robin director over them. Load this file instead of default.vcl;
# keep both in one folder (the include below is relative to this file): varnishd -f
# /etc/varnish/instances.vcl ...  Every backend is probed (default.vcl's `health` probe): an
# instance that is down, or cannot read its database, gets no misses until it answers again.
# Set default.vcl's `default` backend to the first instance, `second` below to the next one (add
# a backend and an add_backend line per further instance), and every instance's address to the
# `purgers` ACL in default.vcl. (bench/varnish.ts rewrites the ports to run two on one machine.)

import directors;

include "./default.vcl";

backend second {
    .host = "10.0.0.12";
    .port = "3000";
    .probe = health;
    .connect_timeout = 2s;
    .first_byte_timeout = 30s;
    .between_bytes_timeout = 10s;
}

sub vcl_init {
    new instances = directors.round_robin();
    instances.add_backend(default);
    instances.add_backend(second);
}

# Chosen per fetch, after default.vcl's vcl_recv has decided (it returns before a vcl_recv of
# this file would run): a cache miss or pass goes to the instances in turn.
sub vcl_backend_fetch {
    set bereq.backend = instances.backend();
}
