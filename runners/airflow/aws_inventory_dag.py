"""Airflow DAG: run aws-inventory every hour.

One task, ``fetch_inventory``, runs ``java -jar aws-inventory.jar`` with the config named by the
Airflow Variable ``aws_inventory_config``. Optional Variables:

    aws_inventory_jar           path of aws-inventory.jar (default runners/target/aws-inventory.jar)
    aws_inventory_runner        DirectRunner (default) or FlinkRunner
    aws_inventory_flink_master  HOST:PORT of the Flink JobManager (FlinkRunner only)
    aws_inventory_parallelism   --parallelism of the FlinkRunner, --targetParallelism of the DirectRunner
    aws_inventory_partial       what exit 2 (finished, some slices failed) does to the task:
                                fail (default) or warn (the task succeeds and logs a warning)

Exit 1 (fatal) always fails the task. The run's summary (``--summary-file``) is pushed to XCom
under the key ``summary`` whenever the job wrote one, failed runs included.

``build_command``, ``outcome`` and ``run_inventory`` need no Airflow: the module imports without
it (runners/src/test/java/dev/awsinventory/runners/AirflowDagTest.java checks them against the
job's own option parser); the DAG is defined only when Airflow is importable.
"""

from __future__ import annotations

import json
import logging
import os
import re
import subprocess
import tempfile
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

LOG = logging.getLogger(__name__)
TASK_LOG = logging.getLogger("airflow.task")  # the task's log in Airflow 2 and 3

RUNNERS = ("DirectRunner", "FlinkRunner")
PARTIAL_POLICIES = ("fail", "warn")
EXIT_OK, EXIT_FATAL, EXIT_PARTIAL = 0, 1, 2

DEFAULT_JAR = "runners/target/aws-inventory.jar"
DEFAULT_SUMMARY_FILE = "aws-inventory-summary.json"


def build_command(config_path, jar=DEFAULT_JAR, runner="DirectRunner", flink_master=None,
                  parallelism=None, summary_file=DEFAULT_SUMMARY_FILE) -> list[str]:
    """The job's command line. Empty strings count as not given (unset Airflow Variables).

    Always passes ``--fail-on=partial`` so that exit 2 tells a partial run apart; what a partial
    run does to the task is ``outcome``'s business, not the job's.
    """
    if not config_path:
        raise ValueError("config_path is required (Airflow Variable aws_inventory_config)")
    runner = runner or "DirectRunner"
    if runner not in RUNNERS:
        raise ValueError(f"runner must be one of {', '.join(RUNNERS)}, got {runner!r}")
    if flink_master and runner != "FlinkRunner":
        raise ValueError(f"flink_master ({flink_master!r}) is only for the FlinkRunner, "
                         f"but the runner is {runner}")
    command = ["java", "-jar", jar or DEFAULT_JAR,
               f"--config={config_path}",
               f"--summary-file={summary_file or DEFAULT_SUMMARY_FILE}",
               "--fail-on=partial",
               f"--runner={runner}"]
    if flink_master:
        command.append(f"--flinkMaster={flink_master}")
    if parallelism not in (None, ""):
        text = str(parallelism).strip()
        if not text.isdigit() or int(text) < 1:
            raise ValueError(f"parallelism must be a positive integer, got {parallelism!r}")
        n = int(text)
        command.append(f"--parallelism={n}" if runner == "FlinkRunner" else f"--targetParallelism={n}")
    return command


def outcome(exit_code, partial_policy) -> str:
    """``"success"``, ``"warn"`` or ``"fail"`` for the job's exit code.

    0 success; 2 (finished, some slices failed) ``"fail"`` or ``"warn"`` as ``partial_policy``
    says; 1 (fatal) and anything else (killed by a signal, ...) ``"fail"``.
    """
    if partial_policy not in PARTIAL_POLICIES:
        raise ValueError(f"partial_policy must be one of {', '.join(PARTIAL_POLICIES)}, "
                         f"got {partial_policy!r}")
    if exit_code == EXIT_OK:
        return "success"
    if exit_code == EXIT_PARTIAL:
        return "warn" if partial_policy == "warn" else "fail"
    return "fail"


@dataclass(frozen=True)
class RunResult:
    exit_code: int
    outcome: str
    summary: dict | None
    command: list[str]


def run_inventory(config_path, jar=DEFAULT_JAR, runner="DirectRunner", flink_master=None,
                  parallelism=None, partial_policy="fail", log=LOG) -> RunResult:
    """Runs the job (``java`` from PATH), its output line by line into ``log``; reads the summary.

    If this process is interrupted (the task's execution_timeout, the task being killed), the job
    is stopped too: SIGTERM, then SIGKILL after 30 s.
    """
    partial_policy = partial_policy or "fail"
    outcome(EXIT_OK, partial_policy)  # reject a bad policy before a long run, not after it
    with tempfile.TemporaryDirectory(prefix="aws-inventory-") as tmp:
        summary_path = os.path.join(tmp, "summary.json")
        command = build_command(config_path, jar=jar, runner=runner, flink_master=flink_master,
                                parallelism=parallelism, summary_file=summary_path)
        log.info("running: %s", " ".join(command))
        proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                stdin=subprocess.DEVNULL, text=True, errors="replace")
        try:
            for line in proc.stdout:
                log.info("%s", line.rstrip("\n"))
            exit_code = proc.wait()
        except BaseException:
            _stop(proc, log)
            raise
        finally:
            proc.stdout.close()
        summary = None
        if os.path.exists(summary_path):
            try:
                with open(summary_path, encoding="utf-8") as f:
                    summary = json.load(f)
            except (OSError, ValueError) as e:
                log.warning("cannot read the summary file %s: %s", summary_path, e)
    return RunResult(exit_code, outcome(exit_code, partial_policy), summary, command)


def _stop(proc, log):
    if proc.poll() is not None:
        return
    log.warning("stopping aws-inventory (pid %d)", proc.pid)
    proc.terminate()
    try:
        proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


def _failed_slices(summary):
    lines = []
    for s in (summary or {}).get("failed_slices") or []:
        lines.append(f"  FAILED {s.get('table')} account {s.get('account')} ({s.get('account_name')}) "
                     f"region {s.get('region')}: {s.get('error_code')}: {s.get('error')}")
    return lines


try:  # Airflow 3 first, then Airflow 2
    try:
        from airflow.sdk import DAG, Variable
        from airflow.providers.standard.operators.python import PythonOperator
    except ImportError:
        from airflow import DAG
        from airflow.models import Variable
        from airflow.operators.python import PythonOperator
    from airflow.exceptions import AirflowException
    import airflow
except ImportError:
    airflow = None


def _variable(name, default=None):
    value = Variable.get(name, None)  # positional: default_var in Airflow 2, default in Airflow 3
    value = value.strip() if isinstance(value, str) else value
    return value if value not in (None, "") else default


def _fetch_inventory(**context):
    config = _variable("aws_inventory_config")
    if not config:
        raise AirflowException("set the Airflow Variable aws_inventory_config to the path of the "
                               "cloudquery.yml to run")
    result = run_inventory(
        config,
        jar=_variable("aws_inventory_jar", DEFAULT_JAR),
        runner=_variable("aws_inventory_runner", "DirectRunner"),
        flink_master=_variable("aws_inventory_flink_master"),
        parallelism=_variable("aws_inventory_parallelism"),
        partial_policy=_variable("aws_inventory_partial", "fail"),
        log=TASK_LOG,
    )
    if result.summary is not None:
        context["ti"].xcom_push(key="summary", value=result.summary)
    if result.outcome == "success":
        return
    failed = "\n".join(_failed_slices(result.summary))
    if result.outcome == "warn":
        TASK_LOG.warning("aws-inventory finished with failed slices (exit 2); aws_inventory_partial=warn, "
                    "so the task succeeds; the failed slices' old rows are kept:\n%s", failed)
        return
    what = {EXIT_PARTIAL: "finished, some slices failed (set aws_inventory_partial=warn to accept)",
            EXIT_FATAL: "fatal error"}.get(result.exit_code, "abnormal exit")
    raise AirflowException(f"aws-inventory exited {result.exit_code}: {what}"
                           + (f"\n{failed}" if failed else "")
                           + (f"\n{result.summary.get('error')}" if result.summary
                              and result.summary.get("error") else ""))


def _schedule(expression):
    version = tuple(int(x) for x in re.findall(r"\d+", airflow.__version__)[:2])
    return {"schedule": expression} if version >= (2, 4) else {"schedule_interval": expression}


if airflow is not None:
    with DAG(
        dag_id="aws_inventory",
        description="EC2 resources of every configured AWS account into PostgreSQL",
        start_date=datetime(2025, 1, 1, tzinfo=timezone.utc),
        catchup=False,
        max_active_runs=1,
        default_args={
            "retries": 2,
            "retry_delay": timedelta(minutes=5),
            "execution_timeout": timedelta(hours=2),
        },
        tags=["aws-inventory"],
        doc_md=__doc__,
        **_schedule("@hourly"),
    ) as dag:
        PythonOperator(task_id="fetch_inventory", python_callable=_fetch_inventory)
