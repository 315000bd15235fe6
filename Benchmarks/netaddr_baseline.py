#!/usr/bin/env python3
"""The netaddr baseline for ledger-bench: the same allocation and checking work in Python.

Reads the workload that ledger-bench writes (pool, holes, request lengths, a ledger to check) and
prints one JSON object with its timings and results. Allocation is first fit over an IPSet of
free space: the first (lowest) free CIDR at least as large as the request gives its first block
of that size, which is then removed from the set. The check sorts the entries by address and
keeps a stack of the blocks containing the current one (CIDR blocks overlap only by containment),
like edgeplan's rule, so both report the same problems.
"""
import json
import platform
import sys
import time

import netaddr
from netaddr import IPNetwork, IPSet


def allocate(pool, holes, lengths):
    free = IPSet([pool])
    for hole in holes:
        free.remove(hole)
    results = []
    for length in lengths:
        block = None
        for cidr in free.iter_cidrs():
            if cidr.prefixlen <= length:
                block = next(cidr.subnet(length, count=1))
                break
        if block is None:
            results.append("-")
        else:
            free.remove(block)
            results.append(str(block))
    return results


def check(pools, taken, allocations):
    problems = 0
    pool_set = IPSet(pools)
    seen = {}
    for env, cidr in allocations:
        if env in seen:
            problems += 1
        else:
            seen[env] = cidr
    entries = [(IPNetwork(c), True, i) for i, (_, c) in enumerate(allocations)]
    entries += [(IPNetwork(c), False, i) for i, c in enumerate(taken)]
    for net, is_allocation, _ in entries:
        if is_allocation and net not in pool_set:
            problems += 1
    entries.sort(key=lambda e: (e[0].first, e[0].prefixlen, not e[1], e[2]))
    stack = []  # (network, nearest allocation, nearest taken)
    for net, is_allocation, index in entries:
        while stack and net not in stack[-1][0]:
            stack.pop()
        outer_allocation = stack[-1][1] if stack else None
        outer_taken = stack[-1][2] if stack else None
        if is_allocation:
            problems += (outer_allocation is not None) + (outer_taken is not None)
            stack.append((net, index, outer_taken))
        else:
            problems += outer_allocation is not None
            stack.append((net, outer_allocation, index))
    # Pools that overlap one another.
    pool_nets = sorted(IPNetwork(p) for p in pools)
    container = None
    for p in pool_nets:
        if container is not None and p in container:
            problems += 1
        else:
            container = p
    return problems


def checksum(lines):
    h = 0xCBF29CE484222325
    for line in lines:
        for b in line.encode() + b"\n":
            h = ((h ^ b) * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return format(h, "x")


def main():
    with open(sys.argv[1]) as f:
        workload = json.load(f)
    start = time.perf_counter()
    results = allocate(workload["pool"], workload["holes"], workload["lengths"])
    allocate_seconds = time.perf_counter() - start
    c = workload["check"]
    start = time.perf_counter()
    problems = check(c["pools"], c["taken"], c["allocations"])
    check_seconds = time.perf_counter() - start
    print(json.dumps({
        "netaddr_version": netaddr.__version__,
        "python_version": platform.python_version(),
        "allocate_seconds": allocate_seconds,
        "allocated": sum(1 for r in results if r != "-"),
        "checksum": checksum(results),
        "check_seconds": check_seconds,
        "problems": problems,
    }))


if __name__ == "__main__":
    main()
