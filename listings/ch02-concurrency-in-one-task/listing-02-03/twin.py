import asyncio

from vclock import run, vprint


async def fetch(name, seconds, fails):
    vprint(f"{name}: start")
    try:
        await asyncio.sleep(seconds)
    except asyncio.CancelledError:
        vprint(f"{name}: got CancelledError at its await")
        raise  # let the cancellation go on
    if fails:
        vprint(f"{name}: failed")
        raise ConnectionError(f"{name} failed")
    vprint(f"{name}: done")
    return f"{name}-data"


async def main():
    try:
        async with asyncio.TaskGroup() as group:
            group.create_task(fetch("a", 0.3, False))
            group.create_task(fetch("b", 0.1, True))
    except* ConnectionError as errors:
        vprint(f"TaskGroup raised {errors!r}")


run(main())
