import asyncio

from vclock import run, vprint


async def job(name, seconds, fails):
    try:
        await asyncio.sleep(seconds)
    except asyncio.CancelledError:
        vprint(f"{name}: got CancelledError")
        raise
    if fails:
        vprint(f"{name}: failing")
        raise ConnectionError(f"{name} could not connect")
    vprint(f"{name}: done")
    return name


async def main():
    try:
        async with asyncio.TaskGroup() as group:
            group.create_task(job("a", 0.1, False))
            group.create_task(job("b", 0.2, True))
            group.create_task(job("c", 0.3, False))
            group.create_task(job("d", 0.4, False))
    except* ConnectionError as errors:
        vprint(f"main: the TaskGroup raised {errors.exceptions!r}")
    await asyncio.sleep(0.5)
    vprint("main: waited 500 ms more; c and d never finished")


run(main())
