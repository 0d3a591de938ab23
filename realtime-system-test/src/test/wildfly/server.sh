#!/usr/bin/env bash
# Starts or stops the WildFly server (standalone-full) the EAR system test deploys to; EarOnWildFlyIT deploys.
#   server.sh start <wildfly-home>   fresh configuration, set up with config/wildfly.cli, started in the background
#   server.sh stop  <wildfly-home>
# Ports: offset 200 (HTTP 8280, management 10190), away from the Payara domain the same build runs.
set -euo pipefail
action=$1
home=$2
root=$(cd "$(dirname "$0")/../../../.." && pwd)
cli="$home/bin/jboss-cli.sh"
offset=${IT_WILDFLY_OFFSET:-200}
management=$((9990 + offset))
broker_port=${IT_BROKER_PORT:-61626}
# the tests' API keys and admin account: the copies in domain.sh (SecurityFixtures.KEYS_CONFIG, OperationsScenarios)
TEST_KEYS="it-sub:security:subscribe:3138bb9bc78df27c473ecfd1410f7bd45ebac1f59cf3ff9cfe4db77aab7aedd3,it-ingest:*:ingest:4f2e8d65483c641648cdb374ae9d8abd368d269e4ddffe092a8237b8162cddd6,it-other:elsewhere:subscribe|ingest:79bd7d7fd684b399857c582b1b7172ddf277d4fe1b027ec52b28da3ae381e675,it-rate:elsewhere:ingest:f435f2420b50c70ec80865cf8e20b169874165fb8576b48633caf2a8176d2e4a"
ADMIN_USERS="admin:210000:oaSuiimueSiV1bKTK1Fzbg==:4h2n8/Tl2RkRTCROIeqMKP8o3zp7kOENF3rfutTkASg="

stop_server() {
  if [ -f "$home/server.pid" ]; then
    local pid; pid=$(cat "$home/server.pid")
    "$cli" --controller="127.0.0.1:$management" --connect --command=shutdown >/dev/null 2>&1 || true
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -KILL "$pid" 2>/dev/null || true
    rm -f "$home/server.pid"
  fi
}

case "$action" in
  configure|start)
    stop_server
    config="$home/standalone/configuration"
    # a fresh standalone-full.xml each run: the CLI script adds resources, it is not idempotent
    [ -f "$config/standalone-full.xml.orig" ] || cp "$config/standalone-full.xml" "$config/standalone-full.xml.orig"
    cp "$config/standalone-full.xml.orig" "$config/standalone-full.xml"
    rm -rf "$home/standalone/data" "$home/standalone/deployments/"*.ear* "$home/standalone/log"
    cp "$root/config/realm/wildfly-realtime-users.properties" "$root/config/realm/wildfly-realtime-groups.properties" "$config/"
    {
      echo "embed-server --server-config=standalone-full.xml --stability=community --std-out=discard"
      cat "$root/config/wildfly.cli"
      # the test broker listens on its own port, away from a running bin/realtime
      echo "/system-property=realtime.jms.connection-parameters:write-attribute(name=value, value=\"host=127.0.0.1;port=$broker_port\")"
      echo "/system-property=mp.jwt.verify.publickey.location:add(value=\"$root/realtime-testkit/src/main/resources/io/indobase/realtime/testkit/jwt-test-public.pem\")"
      echo "/system-property=mp.jwt.verify.issuer:add(value=\"https://issuer.test.indobase.io\")"
      echo "/system-property=realtime.keys:add(value=\"$TEST_KEYS\")"
      echo "/system-property=realtime.admin.users:add(value=\"$ADMIN_USERS\")"
      echo "stop-embedded-server"
    } > "$home/realtime-setup.cli"
    JAVA_OPTS="-Xms64m -Xmx512m" "$cli" --file="$home/realtime-setup.cli"
    [ "$action" = configure ] && exit 0
    JBOSS_PIDFILE="$home/server.pid" LAUNCH_JBOSS_IN_BACKGROUND=1 JAVA_OPTS="-Xms64m -Xmx512m -Djava.net.preferIPv4Stack=true" \
      nohup "$home/bin/standalone.sh" -c standalone-full.xml --stability=community -b 127.0.0.1 -bmanagement 127.0.0.1 \
        -Djboss.socket.binding.port-offset="$offset" >"$home/console.log" 2>&1 &
    launcher=$!
    for _ in $(seq 1 240); do
      if "$cli" --controller="127.0.0.1:$management" --connect --command=":read-attribute(name=server-state)" 2>/dev/null | grep -q running; then
        echo "WildFly is running (HTTP $((8080 + offset)), management $management)"
        exit 0
      fi
      kill -0 "$launcher" 2>/dev/null || { echo "WildFly exited; see $home/console.log" >&2; tail -40 "$home/console.log" >&2; exit 1; }
      sleep 0.5
    done
    echo "WildFly did not start within 120 s; see $home/console.log" >&2
    exit 1
    ;;
  stop)
    stop_server
    ;;
  *)
    echo "usage: server.sh start|stop <wildfly-home>" >&2
    exit 2
    ;;
esac
