#!/usr/bin/env bash
# Starts or stops the Payara Server domain the EAR system test deploys to.
#   domain.sh start <payara-home>   fresh domain1, configured with config/payara-server.asadmin
#   domain.sh stop  <payara-home>
set -euo pipefail
action=$1
home=$2
root=$(cd "$(dirname "$0")/../../../.." && pwd)
asadmin="$home/bin/asadmin"
broker_port=${IT_BROKER_PORT:-61626}
# the tests' API keys: SecurityFixtures.KEYS_CONFIG (ApiKeysTest keeps the copies equal)
TEST_KEYS="it-sub:security:subscribe:3138bb9bc78df27c473ecfd1410f7bd45ebac1f59cf3ff9cfe4db77aab7aedd3,it-ingest:*:ingest:4f2e8d65483c641648cdb374ae9d8abd368d269e4ddffe092a8237b8162cddd6,it-other:elsewhere:subscribe|ingest:79bd7d7fd684b399857c582b1b7172ddf277d4fe1b027ec52b28da3ae381e675,it-rate:elsewhere:ingest:f435f2420b50c70ec80865cf8e20b169874165fb8576b48633caf2a8176d2e4a"

case "$action" in
  start)
    "$asadmin" stop-domain domain1 >/dev/null 2>&1 || true
    # the demo realm's users, where config/payara-server.asadmin points the realm
    cp "$root/config/realm/realtime-users.keyfile" "$home/glassfish/domains/domain1/config/"
    "$asadmin" start-domain domain1
    "$asadmin" multimode --file "$root/config/payara-server.asadmin"
    # the test broker listens on its own port, away from a running bin/realtime
    "$asadmin" set-config-property --source=domain --propertyName=realtime.jms.connection-parameters \
        --propertyValue="host=127.0.0.1;port=$broker_port"
    # the tests' JWT issuer and API keys (realtime-testkit SecurityFixtures)
    "$asadmin" set-config-property --source=domain --propertyName=mp.jwt.verify.publickey.location \
        --propertyValue="$root/realtime-testkit/src/main/resources/io/indobase/realtime/testkit/jwt-test-public.pem"
    "$asadmin" set-config-property --source=domain --propertyName=mp.jwt.verify.issuer \
        --propertyValue="https://issuer.test.indobase.io"
    "$asadmin" set-config-property --source=domain --propertyName=realtime.keys --propertyValue="$TEST_KEYS"
    # the tests' admin account (password it-admin-secret); a real domain sets its own
    "$asadmin" set-config-property --source=domain --propertyName=realtime.admin.users \
        --propertyValue="admin:210000:oaSuiimueSiV1bKTK1Fzbg==:4h2n8/Tl2RkRTCROIeqMKP8o3zp7kOENF3rfutTkASg="
    ;;
  stop)
    "$asadmin" stop-domain --kill=true domain1 || true
    ;;
  *)
    echo "usage: domain.sh start|stop <payara-home>" >&2
    exit 2
    ;;
esac
