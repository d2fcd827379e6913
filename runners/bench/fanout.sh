#!/usr/bin/env bash
# Fan-out benchmark: the same fetch (fake AWS with a fixed latency per call) on several
# runner configurations, side by side. Build first: mvn -q -B install -DskipTests
# Usage: runners/bench/fanout.sh ACCOUNTS REGIONS LATENCY_MS label=arg,arg ...
#   runners/bench/fanout.sh 20 4 50 direct= \
#     flink-embedded=--runner=FlinkRunner,--flinkMaster=[local],--parallelism=2 \
#     flink-cluster=--runner=FlinkRunner,--flinkMaster=127.0.0.1:8081,--parallelism=2
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath >/dev/null
mvn -q -B -o test-compile >/dev/null
exec java -cp "target/test-classes:$(cat target/bench.classpath)" \
  -DinventoryJar=target/aws-inventory.jar -DflinkJobJar=target/aws-inventory-flink-job.jar \
  dev.awsinventory.runners.FanOutBenchmark "$@"
