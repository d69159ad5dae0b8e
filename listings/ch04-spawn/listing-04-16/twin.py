import asyncio

from vclock import run, vprint


async def worker(name, job_seconds, stop):
    try:
        jobs = 0
        while not stop.is_set():
            await asyncio.sleep(job_seconds)
            jobs += 1
        vprint(f"{name}: asked to stop after {jobs} jobs")
    finally:
        vprint(f"{name}: finally block")


async def main():
    flags = {name: asyncio.Event() for name in ["a", "b", "c"]}
    tasks = [
        asyncio.create_task(worker("a", 0.1, flags["a"])),
        asyncio.create_task(worker("b", 1.0, flags["b"])),
        asyncio.create_task(worker("c", 0.1, flags["c"])),
    ]

    await asyncio.sleep(0.15)
    flags["c"].set()
    vprint("main: set c's flag; a and b go on")

    await asyncio.sleep(0.2)
    for flag in flags.values():
        flag.set()
    vprint("main: set every flag; waiting up to 200 ms")
    _, pending = await asyncio.wait(tasks, timeout=0.2)
    if pending:
        vprint(f"main: {len(pending)} task(s) still running; cancelling")
        for task in pending:
            task.cancel()
        await asyncio.wait(pending)
    vprint("main: every task has exited")


run(main())
