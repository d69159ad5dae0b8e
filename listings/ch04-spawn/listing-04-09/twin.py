import asyncio

from vclock import run, vprint


async def job(name, seconds, fails, cancelled):
    try:
        await asyncio.sleep(seconds)
    except asyncio.CancelledError:
        # The group cancels its tasks in no fixed order.
        cancelled.append(name)
        raise
    if fails:
        vprint(f"{name}: failing")
        raise ConnectionError(f"{name} could not connect")
    vprint(f"{name}: done")
    return name


async def main():
    cancelled = []
    try:
        async with asyncio.TaskGroup() as group:
            group.create_task(job("a", 0.1, False, cancelled))
            group.create_task(job("b", 0.2, True, cancelled))
            group.create_task(job("c", 0.3, False, cancelled))
            group.create_task(job("d", 0.4, False, cancelled))
    except* ConnectionError as errors:
        vprint(
            f"main: got CancelledError in {' and '.join(sorted(cancelled))}"
        )
        vprint(f"main: the TaskGroup raised {errors.exceptions!r}")
    await asyncio.sleep(0.5)
    vprint("main: waited 500 ms more; c and d never finished")


run(main())
