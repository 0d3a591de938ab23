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

case "$action" in
  start)
    "$asadmin" stop-domain domain1 >/dev/null 2>&1 || true
    "$asadmin" start-domain domain1
    "$asadmin" multimode --file "$root/config/payara-server.asadmin"
    # the test broker listens on its own port, away from a running bin/realtime
    "$asadmin" set-config-property --source=domain --propertyName=realtime.jms.connection-parameters \
        --propertyValue="host=127.0.0.1;port=$broker_port"
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
