"""`python -m bench` (make bench): print the benchmarks as a Markdown table with machine info."""

import os
import platform
import sys

import numpy

from smm_calc.render.numbers import fmt_count, fmt_number

from .simulation import simulation_throughput

# Every benchmark: a function without required arguments returning a dict with the keys
# name, parameter, sekunden_median, durchsatz, einheit (see bench.result.Result.as_dict).
BENCHMARKS = [simulation_throughput]


def cpu_model() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            for line in f:
                if line.lower().startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine() or "unbekannt"


def machine_info() -> list[tuple[str, str]]:
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return [
        ("CPU", cpu_model()),
        ("Kerne (nutzbar/gesamt)", f"{usable}/{os.cpu_count()}"),
        ("System", f"{platform.system()} {platform.release()} ({platform.machine()})"),
        ("Python", platform.python_version()),
        ("numpy", numpy.__version__),
    ]


def main() -> int:
    rows = [bench() for bench in BENCHMARKS]
    print("## Leistungszahlen\n")
    print("| Messung | Parameter | Median je Lauf | Durchsatz |")
    print("| --- | --- | ---: | ---: |")
    for r in rows:
        print(f"| {r['name']} | {r['parameter']} | {fmt_number(r['sekunden_median'], 3)} s "
              f"| {fmt_count(r['durchsatz'])} {r['einheit']} |")
    repeats = sorted({len(r.get("zeiten", ())) for r in rows})
    print(f"\nMedian aus {'/'.join(map(str, repeats))} Läufen je Messung.\n")
    print("| Rechner | |")
    print("| --- | --- |")
    for key, value in machine_info():
        print(f"| {key} | {value} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
