import asyncio

from vclock import run, vprint


async def fetch(name, seconds):
    vprint(f"{name}: start")
    try:
        await asyncio.sleep(seconds)
    except asyncio.CancelledError:
        vprint(f"{name}: got CancelledError at its await")
        raise
    vprint(f"{name}: done")
    return f"{name}-data"


async def main():
    limit = 0.25

    fast = await asyncio.wait_for(fetch("fast", 0.1), limit)
    vprint(f"fast: {fast!r}")

    try:
        slow = await asyncio.wait_for(fetch("slow", 0.4), limit)
        vprint(f"slow: {slow!r}")
    except TimeoutError as error:
        vprint(f"slow: raised {error!r}")

    await asyncio.sleep(0.5)
    vprint("main: done")


run(main())
