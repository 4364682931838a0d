-- A host on the admins' "Hosts on private networks" list now allows ports 80 and 443 unless its
-- entry names a port (host:8080) or every port (host:*): lib/security/host-entry.ts. Hosts allowed
-- before keep what they allowed, every port, written out so the Webhooks screen says so (an IPv6
-- address, two colons or more, in brackets). An entry with one colon (hooks.internal:8080, which
-- the old form took and which never matched) now means what its admin typed: that port.
UPDATE "OutboundAllowedHost"
SET "host" = CASE WHEN "host" LIKE '%:%:%' THEN '[' || "host" || ']:*' ELSE "host" || ':*' END
WHERE ("host" NOT LIKE '%:%' OR "host" LIKE '%:%:%') AND "host" NOT LIKE '%:*';
